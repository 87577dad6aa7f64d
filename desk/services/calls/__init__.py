"""Calls: logging them, call scripts, no-shows and lapsed clients, presence at the desk."""

__all__ = ["calls", "lapsed", "presence", "scripts"]
