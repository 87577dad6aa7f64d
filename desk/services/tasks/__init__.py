"""The shared task list."""

__all__ = ["tasks"]
