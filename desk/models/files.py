"""Files kept with the data: an attachment of a message, a voice note (later an archived
PDF). In the database, not as a path on one PC, so what one desk queued another can send,
and a backup or a move to the server carries them along. Kept once: the SHA-256 of the bytes
names a file (the same price list sent to ten families is one row)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from desk.models.base import Base, UtcDateTime, utcnow


class StoredFile(Base):
    __tablename__ = "stored_file"
    __table_args__ = (CheckConstraint("size >= 0", name="size_count"),
                      CheckConstraint("trim(name) <> ''", name="name_present"),
                      Index("ux_stored_file_sha256", "sha256", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))  # as the user's file was called
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))  # loaded only when sent or saved
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"StoredFile({self.id}, {self.size} bytes)"
