"""`desk check` (the file's integrity and every domain's invariants) and `desk move-to-server`."""

from desk.services import lazy_face

__all__ = ["check", "move"]
__getattr__ = lazy_face(__name__, __all__)
