"""Families: parents, children, contacts, search, the journal's read side, import and
export."""

__all__ = ["audit", "contacts", "families", "search", "transfer"]
