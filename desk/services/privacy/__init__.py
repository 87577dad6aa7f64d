"""Personal data: export everything about a family, erase a family everywhere."""

__all__ = ["privacy"]
