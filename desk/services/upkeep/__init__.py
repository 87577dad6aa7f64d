"""`desk check`: the file's integrity and every domain's invariants."""

__all__ = ["check"]
