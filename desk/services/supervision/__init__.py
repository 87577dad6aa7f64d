"""Supervision and continuity: the supervisors' checklists printed from live data, the call
and chat quality sheet, and handing one's work over for a vacation or a sick leave."""

from desk.services import lazy_face

__all__ = ["checklists", "handover", "quality"]
__getattr__ = lazy_face(__name__, __all__)
