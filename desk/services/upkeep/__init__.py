"""`desk check`: the file's integrity and every domain's invariants."""

from desk.services import lazy_face

__all__ = ["check"]
__getattr__ = lazy_face(__name__, __all__)
