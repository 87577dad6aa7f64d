"""Supervision: the supervisors' checklists printed from live data, and the call and chat
quality sheet."""

from desk.services import lazy_face

__all__ = ["checklists", "quality"]
__getattr__ = lazy_face(__name__, __all__)
