"""What every view needs, handed over through constructors (no global app object)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desk.services.staff import studio
from desk.services.store.changes import Change
from desk.ui import ops
from desk.ui.settings import Settings
from desk.ui.runner import Runner

if TYPE_CHECKING:
    from desk.services.store.db import Actor, Store


class Notifier(QObject):
    """Tells every view which kinds of data a committed write changed. The kinds come from the
    store (derived from what each transaction wrote), on whatever thread committed; they are
    delivered on the notifier's own thread.

    Signals:
        changed(object): a frozenset of ``Change`` kinds.
    """

    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # called with (kinds, deliver) before the views hear of a change: the context first
        # reloads what every view shows (the studio's name and zone)
        self.before: Callable[[frozenset[Change], Callable], None] | None = None

    def listen(self, store: Store) -> None:
        """Announce every write ``store`` commits: at once when it was not a widget's command
        (the courier, a test's set-up), at the command's end when it was (one announcement
        per user action)."""
        stop = store.on_commit(lambda kinds: ops.collect(kinds) or self.announce(kinds))
        self.destroyed.connect(lambda *_: stop())

    def announce(self, kinds: Iterable[Change]) -> None:
        kinds = frozenset(kinds)
        if QThread.currentThread() is self.thread():
            self._deliver(kinds)
        else:
            self._arrived.emit(kinds)

    @Slot(object)
    def _deliver(self, kinds: frozenset[Change]) -> None:
        if self.before is None:
            self.changed.emit(kinds)
        else:
            self.before(kinds, self.changed.emit)


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
    settings: Settings = dataclasses.field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.notifier.listen(self.store)
        self.store.guard = ops.guard
        self.ops = ops.Ops(self.runner, self.notifier.announce, self.runner.on_error)
        self.notifier.before = self._before_views

    def _before_views(self, kinds: frozenset[Change], deliver: Callable) -> None:
        """Views told of a studio change see the new settings."""
        if Change.STUDIO not in kinds:
            deliver(kinds)
            return

        def loaded(info: studio.StudioInfo) -> None:
            self.studio = info
            deliver(kinds)

        self.ops.query(self.notifier, lambda: studio.info(self.store), loaded, key="studio")

    @property
    def actor(self) -> Actor:
        return self.me.actor()

    @property
    def can_write(self) -> bool:
        """This desk may change data: the database is writable and the person is not one who
        only looks (a supervisor). What may not be done is hidden, not refused at save."""
        return not self.store.read_only and not self.actor.looks_only
