"""A family that has written to the studio's bot once: the desk then has its Telegram chat."""

from __future__ import annotations

from desk.models.comms import Conversation
from desk.models.enums import InboxChannel
from desk.services.store.db import SYSTEM_ACTOR


def wrote_to_bot(store, family_id: int, chat: str) -> None:
    """A closed Telegram conversation of the family from ``chat``."""
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add(Conversation(channel=InboxChannel.TELEGRAM, address=chat, name="",
                                     family_id=family_id, opened_at=uow.now, last_at=uow.now,
                                     closed_at=uow.now))
        uow.commit()
