"""Talking to clients: the inbox and the outbox, the courier (one per studio: the lease) and
its channels, leads, greetings, mailings and message templates."""

from desk.services import lazy_face

__all__ = [
    "channel_settings", "channels", "courier", "greetings", "health", "inbox", "lease", "leads",
    "mailings", "outbox", "templates",
]
__getattr__ = lazy_face(__name__, __all__)
