"""The shared task list."""

from desk.services import lazy_face

__all__ = ["tasks"]
__getattr__ = lazy_face(__name__, __all__)
