"""Talking to clients: the inbox and the outbox, the courier and its channels, leads,
greetings, mailings and message templates."""

__all__ = [
    "channel_settings", "channels", "courier", "greetings", "inbox", "leads", "mailings",
    "outbox", "templates",
]
