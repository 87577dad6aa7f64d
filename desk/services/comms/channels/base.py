"""The interface every channel adapter keeps, and the values that cross it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from desk.models.enums import InboxChannel
from desk.services.store import errors
from desk.services.store.files import File


@dataclasses.dataclass(frozen=True)
class Incoming:
    """A message a client sent, as the channel delivered it."""

    external_id: str  # unique within the channel: nothing is stored twice
    address: str  # where an answer goes: a chat id, an e-mail address
    name: str  # how the sender signs
    text: str
    at: dt.datetime
    phone: str = ""  # a phone the sender shared, if any
    handle: str = ""  # a Telegram @username
    subject: str = ""
    attachment: str = ""  # the name of a file or voice note that came with it


@dataclasses.dataclass(frozen=True)
class Outgoing:
    address: str
    text: str
    attachment: File | None = None  # its name and bytes, as kept in the database
    voice: bool = False
    subject: str = ""


def identity_of(*parts: str) -> str:
    """A short fingerprint of what a channel account is (never the secret itself)."""
    import hashlib

    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class Batch:
    messages: tuple[Incoming, ...]
    cursor: str  # where to go on next time (the update offset, the last IMAP UID)
    source: str = ""  # the adapter's identity: the cursor is kept for this bot or mailbox only


class ChannelDown(errors.DeskError):
    """The service did not answer or failed for now: try again later. params: reason."""

    code = "channel_down"


class DeliveryUnknown(ChannelDown):
    """The message was handed over but no answer came (a timeout while waiting for it, the
    connection dropped, the app closing): it may have arrived. Telegram has no idempotency
    key, so sending it again could make a second copy. params: reason."""

    code = "delivery_unknown"


class ChannelRefused(errors.DeskError):
    """The service refused the message for good (a blocked bot, a wrong address); sending it
    again will not help. params: reason."""

    code = "channel_refused"


class Adapter(Protocol):
    channel: InboxChannel
    identity: str  # which bot or mailbox: a cursor stored for another one is not used

    def fetch(self, cursor: str, wait_s: float) -> Batch:
        """New messages after ``cursor``; may wait up to ``wait_s`` for one to arrive."""

    def send(self, message: Outgoing) -> str:
        """Deliver and return the channel's id of the message once the channel confirms it."""

    def check(self) -> str:
        """Connect and say who we are there (the bot's name, the mailbox); raise otherwise."""

    def close(self) -> None:
        """Let go of connections."""
