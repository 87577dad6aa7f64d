"""What every view needs, handed over through constructors (no global app object)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desk.services import studio
from desk.services.db import Actor, Store
from desk.ui.runner import Runner


class Notifier(QObject):
    """One app-level signal after every successful write so other views can refresh.

    Signals:
        changed(str): the kind of data that changed ("family", "task", "all").
    """

    changed = Signal(str)


@dataclasses.dataclass
class Context:
    """Shared by every view; ``studio`` is replaced when the studio's settings change, so
    every view sees the new name and time zone."""

    store: Store
    me: studio.StaffMember
    studio: studio.StudioInfo
    runner: Runner
    notifier: Notifier
    drafts_dir: Path | None = None
    wake_outbox: Callable[[], None] = lambda: None  # the courier looks at the outbox now

    @property
    def actor(self) -> Actor:
        return self.me.actor()
