"""The operations layer: the one way a widget reaches the services (Anki's QueryOp and
CollectionOp in our words).

- ``ops.query(owner, fn, on_done)`` reads on the pool of readers; a newer query of the same
  owner and key drops the result of an older one still running.
- ``ops.command(owner, fn, on_done)`` writes on the one writer thread. The kinds of data its
  transactions changed are announced once, when it has finished, before ``on_done`` runs. A
  command whose transaction collided with another desk's (a deadlock on the server) before it
  committed anything is run again.
- A ``DeskError`` goes to ``on_failure`` (a message box when none is given); anything else is a
  bug and goes to the crash handler. Long work takes a ``Progress`` and gets a dialog with
  Cancel (``progress=`` label).

The store refuses to be used on the GUI thread from widget code outside an operation
(``guard``), so a widget that reads the database directly fails the tests. Tests hand the views
a synchronous runner: the operation's work then runs at once, inside the operation context.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desk.services.store import errors, retry
from desk.services.store.changes import Change
from desk.ui.runner import Progress, Runner

T = TypeVar("T")

_local = threading.local()


class StoreOnUiThread(RuntimeError):
    """A widget used the store on the GUI thread outside an operation: a bug."""


def in_operation() -> bool:
    return getattr(_local, "collected", None) is not None


@contextlib.contextmanager
def _operation() -> Iterator[set[Change]]:
    """The work of one operation on this thread; collects the kinds its commits changed."""
    outer = getattr(_local, "collected", None)
    collected: set[Change] = set()
    _local.collected = collected
    try:
        yield collected
    finally:
        _local.collected = outer
        if outer is not None:  # an operation run inside another: the outer one announces
            outer |= collected


def collect(kinds: frozenset[Change]) -> bool:
    """Called by the notifier for every commit: inside an operation the kinds wait for its
    end (one announcement per user action); True when they were taken."""
    collected = getattr(_local, "collected", None)
    if collected is None:
        return False
    collected |= kinds
    return True


def guard() -> None:
    """Installed on the store: refuse a widget's read or write on the GUI thread outside an
    operation. Code that is not the UI's (a test's set-up, the command line) is not held."""
    app = QCoreApplication.instance()
    if app is None or in_operation() or QThread.currentThread() is not app.thread():
        return
    frame = sys._getframe(1)
    while frame is not None:  # the nearest caller that is not the services themselves
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(_SERVICE_SIDE):
            break
        frame = frame.f_back
    if frame is None or not module.startswith("desk.ui."):
        return  # a test's set-up, the command line
    raise StoreOnUiThread(f"{module}.{frame.f_code.co_name} used the store on the GUI thread; "
                          "go through ctx.ops.query or ctx.ops.command")


_SERVICE_SIDE = ("desk.services.", "desk.models.", "sqlalchemy", "contextlib")


class Ops:
    """Queries and commands for the widgets; ``announce`` receives the kinds a command
    changed (the notifier), ``on_bug`` an exception that is not a DeskError."""

    def __init__(self, runner: Runner, announce: Callable[[frozenset[Change]], None],
                 on_bug: Callable[[BaseException], None]) -> None:
        self.runner = runner
        self.announce = announce
        self.on_bug = on_bug
        self._latest: dict[tuple[int, str], int] = {}

    def query(self, owner: QObject, fn: Callable[..., T], on_done: Callable[[T], None], *,
              key: str = "", on_failure: Callable[[errors.DeskError], None] | None = None,
              progress: str | None = None) -> None:
        """``fn()`` on a reader, or ``fn(progress)`` behind a dialog with Cancel when
        ``progress`` gives the dialog's words (an export)."""
        slot = (id(owner), key)
        ticket = self._latest.get(slot, 0) + 1
        self._latest[slot] = ticket

        def work(p: Progress) -> T:
            with _operation():
                return fn(p) if progress is not None else fn()

        def done(result: T) -> None:
            if self._latest.get(slot) == ticket and _alive(owner):
                on_done(result)

        failed = self._failure(owner, on_failure)
        if progress is None:
            self.runner.start(work, done, failed)
        else:
            _with_progress(self.runner, owner, progress, work, done, failed, write=False)

    def command(self, owner: QObject, fn: Callable[..., T],
                on_done: Callable[[T], None] | None = None, *,
                on_failure: Callable[[errors.DeskError], None] | None = None,
                progress: str | None = None) -> None:
        """``fn()`` in one go on the writer thread, or ``fn(progress)`` behind a dialog with
        Cancel when ``progress`` gives the dialog's words."""
        collected: set[Change] = set()

        def work(p: Progress) -> T:
            with _operation() as kinds:
                try:  # collided with another desk's write before committing: run again
                    return retry.again(lambda: fn(p) if progress is not None else fn())
                finally:
                    collected.update(kinds)

        def announce() -> None:
            if collected:
                self.announce(frozenset(collected))

        def done(result: T) -> None:
            announce()
            if on_done is not None and _alive(owner):
                on_done(result)

        def failed(exc: BaseException) -> None:
            announce()  # what committed before the failure is shown too
            self._failure(owner, on_failure)(exc)

        if progress is None:
            self.runner.start(work, done, failed, write=True)
        else:
            _with_progress(self.runner, owner, progress, work, done, failed, write=True)

    def _failure(self, owner: QObject,
                 on_failure: Callable[[errors.DeskError], None] | None,
                 ) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, errors.DeskError):
                self.on_bug(exc)
            elif on_failure is not None:
                on_failure(exc)
            elif _alive(owner):
                from desk.ui import messages

                parent = owner if isinstance(owner, QWidget) else None
                QMessageBox.warning(parent, parent.window().windowTitle() if parent else "",
                                    messages.error_message(exc))
        return failed


def _alive(owner: QObject) -> bool:
    """False once the owner's C++ side is gone (a dialog closed while its query ran)."""
    try:
        owner.objectName()
    except RuntimeError:
        return False
    return True


def _with_progress(runner: Runner, owner: QObject, label: str, work, done, failed, *,
                   write: bool) -> None:
    parent = owner if isinstance(owner, QWidget) else None
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0,
                             parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def finished(value: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            callback(value)
        return finished

    def report(done_: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done_ if total else 0)

    runner.start(work, finish(done), finish(failed), write=write,
                 setup=lambda j: (j.signals.progressed.connect(report),
                                  dialog.canceled.connect(j.progress.cancel)))
