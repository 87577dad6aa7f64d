"""Files kept with the data (``StoredFile``): taken in from a path on this PC when a message
is composed, read back by whichever desk sends it."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from sqlalchemy import delete, select

from desk.models.files import StoredFile
from desk.services.store import errors
from desk.services.store.db import Store, UnitOfWork

MAX_BYTES = 50 * 1024 * 1024  # what a Telegram bot may send; mail servers take less


@dataclasses.dataclass(frozen=True)
class File:
    name: str
    data: bytes


def check(path: Path, field: str = "attachment", limit: int | None = None) -> None:
    """A file that can be kept: there, readable, not over ``limit`` bytes (else
    ValidationFailed on ``field``); the limit is MAX_BYTES unless given."""
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:
        size = None
    if size is None:
        raise errors.ValidationFailed({field: "file_missing"})
    if size > (limit or MAX_BYTES):
        raise errors.ValidationFailed({field: "file_too_big"})


def keep(uow: UnitOfWork, path: Path, field: str = "attachment",
         limit: int | None = None) -> StoredFile:
    """The file at ``path`` in the database (in this unit of work): the row already holding
    the same bytes, or a new one."""
    check(path, field, limit)
    try:
        data = path.read_bytes()
    except OSError:
        raise errors.ValidationFailed({field: "file_missing"}) from None
    digest = hashlib.sha256(data).hexdigest()
    found = uow.session.scalar(select(StoredFile).where(StoredFile.sha256 == digest))
    if found is not None:
        return found
    stored = StoredFile(name=path.name[:255] or "file", size=len(data), sha256=digest,
                        data=data, created_at=uow.now)
    uow.session.add(stored)
    uow.session.flush()
    return stored


def forget_unused(uow: UnitOfWork, file_ids: list[int]) -> None:
    """Delete those of ``file_ids`` nothing points at any more (an erase let go of them; a
    file another family was sent too stays)."""
    from desk.models.comms import InboxMessage
    from desk.models.feedback import FeedbackRequest

    if file_ids:
        sent = select(InboxMessage.id).where(InboxMessage.file_id == StoredFile.id).exists()
        heard = select(FeedbackRequest.id).where(
            FeedbackRequest.audio_file_id == StoredFile.id).exists()
        uow.session.execute(delete(StoredFile).where(StoredFile.id.in_(file_ids), ~sent,
                                                     ~heard))


def read(store: Store, file_id: int) -> File | None:
    """The file's name and bytes; None when it is gone (an erase took it)."""
    with store.read() as s:
        row = s.execute(select(StoredFile.name, StoredFile.data)
                        .where(StoredFile.id == file_id)).first()
    return File(row.name, row.data) if row else None
