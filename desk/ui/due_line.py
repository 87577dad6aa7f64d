"""A Today line: how many things wait (red when any is late), a link that opens them. It stays
in its layout while empty, so it keeps reloading with its workspace.

Signals:
    opened(object): the first thing to open (an id), or None
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.services.store.changes import Change
from desk.ui.colours import RED
from desk.ui.context import Context
from desk.ui.freshness import Freshness


class DueLine(QWidget):
    """``read(store)`` gives the waiting rows (on a worker); ``words(rows)`` gives the line's
    text, whether any is late, and what a click opens."""

    opened = Signal(object)

    def __init__(self, ctx: Context, read: Callable, words: Callable, kinds: Iterable[Change],
                 tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.read, self.words = ctx, read, words
        self.first = None
        self.line = QLabel()
        self.line.setTextFormat(Qt.TextFormat.RichText)
        self.line.setToolTip(tooltip)
        self.line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.line.linkActivated.connect(lambda _link: self.opened.emit(self.first))
        self.freshness = Freshness(self, self.refresh, ctx.notifier, kinds)

    @Slot()
    def refresh(self) -> None:
        store, read = self.ctx.store, self.read
        self.ctx.ops.query(self, lambda: read(store), self._show, key="due")

    def _show(self, rows: list) -> None:
        self.line.setVisible(bool(rows))
        if not rows:
            self.first = None
            self.line.clear()
            return
        text, late, self.first = self.words(rows)
        colour = RED.name() if late else "palette(window-text)"
        self.line.setText(f'<a href="open" style="color: {colour}; text-decoration: none;">'
                          f"<b>{escape(text, quote=False)}</b></a>")
