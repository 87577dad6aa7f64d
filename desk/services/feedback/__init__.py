"""Feedback to parents: the reactions that open it (a child's first lesson booked, a child
crossing into a new stage) and the requests that follow it to the parent."""

from desk.services import lazy_face

__all__ = ["camp", "flows", "requests", "second"]
__getattr__ = lazy_face(__name__, __all__)
