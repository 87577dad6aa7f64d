"""Runs the services' courier (receiving and sending on its own threads) for the window and
turns its callbacks into Qt signals, which arrive on the UI thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desk.models.enums import InboxChannel
from desk.services.comms import channel_settings, courier
from desk.services.store import errors

if TYPE_CHECKING:
    from desk.services.comms.channels.base import Adapter
    from desk.services.comms.courier import ChannelState, Courier
    from desk.services.store.db import Store
    from desk.ui.ops import Ops

log = logging.getLogger(__name__)


class CourierHost(QObject):
    """Signals:
        received(int): new messages were stored.
        sent(int, int): confirmed, failed this round.
        state_changed(object): a ChannelState.
        restarted(): the courier had stopped by itself and was started again.
    """

    received = Signal(int)
    sent = Signal(int, int)
    state_changed = Signal(object)
    restarted = Signal()

    WATCH_MS = 5000

    def __init__(self, store: Store, ops: Ops, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ops = ops  # the channel settings (and their secrets) are read on a worker
        self.courier: Courier | None = None
        self.retiring: Courier | None = None  # the previous one, finishing its send in flight
        self.problem = ""  # why the channels could not start, shown to the staff
        self.running = False  # between start() and stop()
        self._wait = QTimer(self)
        self._wait.setInterval(100)
        self._wait.timeout.connect(self._start_when_retired)
        self._watch = QTimer(self)
        self._watch.setInterval(self.WATCH_MS)
        self._watch.timeout.connect(self._check_alive)

    @property
    def states(self) -> dict[InboxChannel, ChannelState]:
        return dict(self.courier.states) if self.courier else {}

    def start(self) -> None:
        """(Re)start with the channels as they are set up now; read-only desks do not run.
        The old courier stops first: the new one starts only once the old one's send in
        flight has ended (and been recorded), so no message is ever in two hands."""
        if self.courier is not None:
            self.courier.stop(timeout=0.1)
            self.retiring, self.courier = self.courier, None
        if self.store.read_only:
            return
        self.running = True
        self._wait.start()
        self._start_when_retired()

    def _start_when_retired(self) -> None:
        if self.retiring is not None and self.retiring.sending:
            return
        self._wait.stop()
        self.retiring = None
        self._start_now()

    def _check_alive(self) -> None:
        if self.courier is not None and not self.courier.sending:  # the outbox thread died
            log.error("the courier stopped by itself; starting it again")
            self.courier.stop(timeout=0.1)
            self.courier = None
            self._start_now()
            self.restarted.emit()

    def _start_now(self) -> None:
        self._watch.stop()  # until the new courier runs
        self.ops.query(self, lambda: channel_settings.adapters(self.store), self._launch,
                       key="adapters", on_failure=self._without_channels)

    def _without_channels(self, exc: errors.DeskError) -> None:
        """No keyring: the outbox still runs for the channels worked by hand."""
        log.warning("channels not started: %s", exc)
        self._launch({}, exc.code)

    def _launch(self, adapters: dict[InboxChannel, Adapter], problem: str = "") -> None:
        if self.courier is not None or not self.running:  # started anew, or stopped
            for adapter in adapters.values():
                adapter.close()
            return
        self.problem = problem
        self.courier = courier.Courier(self.store, adapters, on_received=self.received.emit,
                                       on_sent=self.sent.emit, on_state=self.state_changed.emit)
        self.courier.start()
        self._watch.start()

    def wake(self) -> None:
        if self.courier is not None:
            self.courier.wake()

    def stop(self) -> None:
        self.running = False
        self._wait.stop()
        self._watch.stop()
        if self.courier is not None:
            self.courier.stop(timeout=1.0)
            self.courier = None
