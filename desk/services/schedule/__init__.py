"""The schedule: directions, lessons and series, enrolment and the waitlist, the
attendance check, the portal export."""

__all__ = ["attendance", "enrolment", "lessons", "portal"]
