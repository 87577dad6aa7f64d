"""The desk locked after it sat idle (the studio's setting) or at once with Ctrl+L: the window
shows nothing of the studio's data, and only the person signed in unlocks it with their PIN or
password; anyone else switches user. A waiting client is never hidden: the lock screen says how
long the longest has waited (no names), and a locked desk counts as away, so the colleague's
desk is alerted at once."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desk.services.staff import signin
from desk.ui import messages
from desk.ui.forms import FieldError, report
from desk.ui.inbox_queue import wait_text

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                    QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatch(QObject):
    """Input anywhere in the application starts the idle time again; ``idle`` is emitted once
    it reaches ``minutes`` (0: never). ``clock`` gives seconds (monotonic)."""

    idle = Signal()

    def __init__(self, minutes: int, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes, self.clock = minutes, clock
        self.last = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT:
            self.last = self.clock()
        return False

    def restart(self) -> None:
        self.last = self.clock()

    @Slot()
    def check(self) -> None:
        if self.minutes and self.clock() - self.last >= self.minutes * 60:
            self.last = self.clock()  # once per idle spell
            self.idle.emit()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


class Veil(QWidget):
    """Covers a window left open while the desk is locked (a dialog in the middle of its
    work: what was typed stays, unseen), following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #eceff1;")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.window_.rect())
        return False

    def lift(self) -> None:
        self.window_.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockScreen(QDialog):
    """Over every window of the application until the person signed in types their secret.

    Signals:
        unlocked(): the secret was right.
        switch_requested(): someone else wants to sign in.
    """

    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Desk is locked"))
        self.setObjectName("lockScreen")
        self.setStyleSheet("#lockScreen { background: #eceff1; }")
        title = QLabel(self.tr("Desk is locked"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.who = QLabel(self.tr("Working: {name}").format(name=ctx.me.name))
        hint = QLabel(self.tr("Type your PIN or password to go on."))
        self.waiting = QLabel()
        bold = QFont(self.waiting.font())
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        bold.setBold(True)
        self.waiting.setFont(bold)
        self.waiting.setStyleSheet("color: #b00020;")
        self.waiting.hide()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("PIN or password"))
        self.error = FieldError()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Switch user…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        card = QWidget()
        card.setObjectName("lockCard")
        card.setStyleSheet("#lockCard { background: white; border-radius: 8px; }")
        card.setFixedWidth(440)
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        for widget in (title, self.who, hint, self.waiting, self.secret, self.error):
            column.addWidget(widget)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.unlock_button.clicked.connect(self._on_unlock)
        self.secret.returnPressed.connect(self._on_unlock)
        self.switch_button.clicked.connect(self.switch_requested)

    def show_wait(self, wait_s: int | None) -> None:
        """The longest wait of a client for an answer, without who it is."""
        self.waiting.setVisible(wait_s is not None)
        if wait_s is not None:
            self.waiting.setText(self.tr("A client is waiting for an answer: {wait}")
                                 .format(wait=wait_text(wait_s)))

    def start(self) -> None:
        self.secret.clear()
        self.error.show_message("")
        self.setEnabled(True)
        self.showFullScreen()
        self.activateWindow()
        self.secret.setFocus()

    def reject(self) -> None:  # Esc does not unlock
        pass

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name) — nor does closing it
        event.ignore()

    @Slot()
    def _on_unlock(self) -> None:
        store, me, secret = self.ctx.store, self.ctx.me.id, self.secret.text()
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.secret.clear()
            self.secret.setFocus()
            if isinstance(exc, (signin.SignInRefused, signin.SignInBlocked)):
                self.error.show_message(messages.error_message(exc))
            else:
                report(self, self.error, exc)

        self.ctx.ops.command(self, lambda: signin.sign_in(store, me, secret),
                             lambda _member: self._unlocked(), on_failure=failed)

    def _unlocked(self) -> None:
        self.setEnabled(True)
        self.hide()
        self.unlocked.emit()
