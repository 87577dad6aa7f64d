"""Unexpected errors: logged with their traceback to a rotating file and shown in a short dialog.

Works in a windowed build where ``sys.stderr`` is None (shared/RELIABILITY.md #11)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.services.store import errors, redact
from desk.ui import messages

log = logging.getLogger("desk")


def setup_logging(logs_dir: Path) -> Path:
    path = logs_dir / "desk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    redact.guard(root)  # no token or password in any handler's output
    return path


class CrashReporter(QObject):
    """Signals:
        reported(object): an exception reached us (from any thread); shown on the UI thread.
    """

    reported = Signal(object)

    def __init__(self, log_path: Path | None) -> None:
        super().__init__()
        self.log_path = log_path
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = lambda t, v, tb: self.handle(v)
        threading.excepthook = lambda args: self.handle(args.exc_value)

    def handle(self, exc: BaseException | None) -> None:
        if exc is None:
            return
        if isinstance(exc, errors.DeskError):
            self.reported.emit(exc)
            return
        log.error("unexpected error\n%s",
                  "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        self.reported.emit(exc)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        if QApplication.instance() is None:
            return
        if isinstance(exc, errors.DeskError):
            QMessageBox.warning(None, self.tr("Desk"), messages.error_message(exc))
            return
        text = self.tr("Something went wrong: {error}. What you typed is kept; "
                       "the details are in the log file {path}.").format(
            error=type(exc).__name__, path=self.log_path or "")
        QMessageBox.critical(None, self.tr("Desk — unexpected error"), text)
