"""Families: parents, children, contacts, search, the journal's read side, import and
export."""

from desk.services import lazy_face

__all__ = ["audit", "contacts", "families", "loyalty", "search", "transfer"]
__getattr__ = lazy_face(__name__, __all__)
