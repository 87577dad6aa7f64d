"""Long work off the UI thread behind a progress dialog with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desk.ui.context import Context
from desk.ui.runner import Job, Progress


def run_with_progress(
    parent: QWidget,
    ctx: Context,
    label: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    write: bool = False,
) -> Job:
    dialog = QProgressDialog(label, _cancel_text(), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def done(value: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            callback(value)
        return done

    def report(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done if total else 0)

    job = ctx.runner.start(fn, finish(on_done), finish(on_error), write=write,
                           setup=lambda j: (j.signals.progressed.connect(report),
                                            dialog.canceled.connect(j.progress.cancel)))
    return job


def _cancel_text() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Progress", "Cancel")
