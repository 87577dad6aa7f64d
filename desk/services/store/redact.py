"""Secrets never reach a log. A filter on every log handler replaces a Telegram bot token (which
sits in every Bot API URL) and each secret the keyring handed out with ``***``; the HTTP
libraries' own loggers, which print request URLs, are kept at WARNING."""

from __future__ import annotations

import logging
import re
import threading
import urllib.parse

# "bot123456:AA…" in a URL, or a bare token pasted somewhere
_TOKEN = re.compile(r"(bot)?\d{5,}(?::|%3[Aa])[A-Za-z0-9_-]{20,}")
_known: set[str] = set()
_lock = threading.Lock()
CHATTY = ("httpx", "httpcore", "hpack", "urllib3", "mail.log", "asyncio")


def remember(secret: str | None) -> None:
    """A secret read from or written to the keyring: from now on it is redacted everywhere."""
    if secret and len(secret) >= 4:
        forms = {secret, repr(secret)[1:-1], secret.encode("unicode_escape").decode("ascii"),
                 urllib.parse.quote(secret, safe="")}
        with _lock:
            _known.update(f for f in forms if len(f) >= 4)


def redact(text: str) -> str:
    text = _TOKEN.sub(lambda m: "bot***" if m.group(1) else "***", text)
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, "***")
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message and traceback before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken call: logging reports it the usual way, unredacted args
            record.msg, record.args = redact(str(record.msg)), None  # never reach the file
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def guard(root: logging.Logger | None = None) -> None:
    """Quiet the chatty HTTP loggers and put the filter on every handler of ``root``."""
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
    root = root or logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
