"""Feedback to parents: the reactions that open it (a child's first lesson booked, a child
crossing into a new stage) — the feedback flows and register grow here."""

from desk.services import lazy_face

__all__ = ["flows"]
__getattr__ = lazy_face(__name__, __all__)
