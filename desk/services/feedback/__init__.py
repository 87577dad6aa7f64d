"""Feedback to parents: the reactions that open it (a child's first lesson booked, a child
crossing into a new stage) — the feedback flows and register grow here."""

__all__ = ["flows"]
