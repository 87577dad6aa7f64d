"""Supervision: the supervisors' checklists printed from live data."""

from desk.services import lazy_face

__all__ = ["checklists"]
__getattr__ = lazy_face(__name__, __all__)
