"""Feedback: to parents (the reactions that open it — a child's first lesson booked, a child
crossing into a new stage — the requests that follow it to the parent, a camp's batch) and
from clients (the register for the improvements department, closing the loop)."""

from desk.services import lazy_face

__all__ = ["camp", "flows", "loop", "register", "report", "requests", "second"]
__getattr__ = lazy_face(__name__, __all__)
