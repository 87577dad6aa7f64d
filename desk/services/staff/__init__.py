"""The studio and its people: identity, time zone, staff, the desk's working hours."""

from desk.services import lazy_face

__all__ = ["hours", "signin", "studio"]
__getattr__ = lazy_face(__name__, __all__)
