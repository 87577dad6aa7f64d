"""The schedule: directions, lessons and series, enrolment and the waitlist, the
attendance check, the portal export."""

from desk.services import lazy_face

__all__ = ["attendance", "enrolment", "lessons", "portal"]
__getattr__ = lazy_face(__name__, __all__)
