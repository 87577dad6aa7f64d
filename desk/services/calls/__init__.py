"""Calls: logging them, call scripts, no-shows and lapsed clients, presence at the desk."""

from desk.services import lazy_face

__all__ = ["calls", "lapsed", "presence", "scripts"]
__getattr__ = lazy_face(__name__, __all__)
