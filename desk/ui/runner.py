"""Background work: a QRunnable per job, writes through a one-thread pool (one SQLite writer).

Long work is a plain function taking a ``Progress`` (report and cancel), as in Orange3.
Tests hand views a synchronous runner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Progress:
    """Handed to a job: ``report(done, total)``; ``cancelled`` turns True on cancel."""

    def __init__(self, signals: JobSignals | None = None) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        if self._signals is not None:
            self._signals.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class JobSignals(QObject):
    """Signals:
    succeeded(object): the job's result.
    failed(object): the exception raised.
    progressed(int, int): done, total.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.progress = Progress(self.signals)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # reaches the UI thread, never lost
            log.debug("job failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class Runner:
    """Starts jobs; ``on_error`` receives failures nobody else handles."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self.on_error = on_error
        self._alive: set[Job] = set()
        self.reads = QThreadPool.globalInstance()
        self.writes = QThreadPool()
        self.writes.setMaxThreadCount(1)

    def start(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = False,
        setup: Callable[[Job], object] | None = None,
    ) -> Job:
        """Run ``fn(progress)`` in a pool; ``setup`` connects to the job before it starts."""
        job = Job(fn)
        if setup is not None:
            setup(job)
        if on_done is not None:
            job.signals.succeeded.connect(on_done)
        job.signals.failed.connect(on_error or self.on_error)
        self._dispatch(job, write)
        return job

    def _dispatch(self, job: Job, write: bool) -> None:
        job.setAutoDelete(False)
        self._alive.add(job)  # kept until it reports, so its signals outlive the pool's run
        job.signals.succeeded.connect(lambda *_: self._alive.discard(job))
        job.signals.failed.connect(lambda *_: self._alive.discard(job))
        (self.writes if write else self.reads).start(job)

    def wait(self) -> None:
        self.reads.waitForDone()
        self.writes.waitForDone()


class SyncRunner(Runner):
    """Runs every job at once on the calling thread (tests)."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self.on_error = on_error

    def _dispatch(self, job: Job, write: bool) -> None:
        job.run()

    def wait(self) -> None:
        pass
