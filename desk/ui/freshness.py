"""Views load their data when first shown, and reload after a change only when visible (a
hidden view is marked stale and reloads when shown again): start-up reads only what is seen."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QWidget

from desk.services.store.changes import Change
from desk.ui.context import Notifier


class Freshness(QObject):
    def __init__(self, widget: QWidget, reload: Callable[[], None], notifier: Notifier,
                 kinds: Iterable[Change]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.reload = reload
        self.kinds = frozenset(kinds) | {Change.STUDIO}  # a studio's name or zone shows everywhere
        self.stale = True
        widget.installEventFilter(self)
        notifier.changed.connect(self._on_changed)

    def invalidate(self) -> None:
        """Reload now when the view is on screen, else when it is next shown."""
        if self.widget.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    @Slot(object)
    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & self.kinds:
            self.invalidate()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.reload()
        return False
