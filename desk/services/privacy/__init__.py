"""Personal data: export everything about a family, erase a family everywhere."""

from desk.services import lazy_face

__all__ = ["privacy"]
__getattr__ = lazy_face(__name__, __all__)
