"""The studio and its people: identity, time zone, staff, the desk's working hours."""

__all__ = ["hours", "studio"]
