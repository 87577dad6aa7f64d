"""Desk: the client desk of a children's creative studio."""

__version__ = "0.1.0"
