"""Runs the services' courier (receiving and sending on its own threads) for the window and
turns its callbacks into Qt signals, which arrive on the UI thread. The courier runs only on
the desk that holds the studio's courier lease (comms.lease); the others show who does and
take over once that desk has gone away."""

from __future__ import annotations

import logging
import secrets
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desk.models.enums import InboxChannel
from desk.services.comms import channel_settings, courier, lease
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
        lease_changed(): another desk holds the courier lease, or this one took it
            (``through`` says which desk receives and sends, "" for this one or nobody;
            ``lacking`` the channels whose secret this PC lacks, so it may not take it).
    """

    received = Signal(int)
    sent = Signal(int, int)
    state_changed = Signal(object)
    restarted = Signal()
    lease_changed = Signal()

    WATCH_MS = 5000

    def __init__(self, store: Store, ops: Ops, parent: QObject | None = None,
                 who: str = "", writes: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self.writes = writes and not store.read_only  # a looking-only desk runs no courier
        self.token = secrets.token_hex(16)  # this desk's hold on the courier lease
        self.who = who or socket.gethostname()  # "office-pc (Мария Лебедева)"
        self.through = ""  # the desk that receives and sends when it is not this one
        self.held = False  # this desk holds the lease (and runs the courier)
        self.lacking: tuple[InboxChannel, ...] = ()  # on a server: secrets this PC lacks
        self._lease = QTimer(self)
        self._lease.setInterval(int(lease.LEASE_S * 1000 / 3))  # renewed well before it ends
        self._lease.timeout.connect(self._renew)
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
        if not self.writes:
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
        store = self.store
        self.ops.query(self, lambda: (channel_settings.adapters(store),
                                      channel_settings.lacking(store) if store.on_server else ()),
                       lambda found: self._take_lease(*found),
                       key="adapters", on_failure=self._without_channels)

    def _without_channels(self, exc: errors.DeskError) -> None:
        """No keyring: on a file of its own the outbox still runs for the channels worked by
        hand; on the server the desk may not take the lease (it could not receive)."""
        log.warning("channels not started: %s", exc)
        self._take_lease({}, (InboxChannel.TELEGRAM,) if self.store.on_server else (),
                         exc.code)

    def _take_lease(self, adapters: dict[InboxChannel, Adapter],
                    lacking: tuple[InboxChannel, ...] = (), problem: str = "") -> None:
        """Receive and send only while this desk holds the studio's lease. A desk on the
        server whose keyring lacks a channel's secret does not take it: it would hold the
        studio's messages without being able to receive them."""
        if self.courier is not None or not self.running:
            _close(adapters)
            return
        store, token, who = self.store, self.token, self.who
        if lacking != self.lacking:
            self.lacking = lacking
            self.lease_changed.emit()
        if lacking:
            _close(adapters)
            if self.held:  # it held the lease until now: let the others take it at once
                self._let_go()
            self._lease.start()  # look again: the token may be entered, the holder change
            self.ops.query(self, lambda: lease.look(store),
                           lambda held: self._show_through(held.holder if held else ""),
                           key="lease", on_failure=self._not_leased)
            return
        self.ops.command(self, lambda: lease.take(store, token, who),
                         lambda held: self._leased(held, adapters, problem),
                         on_failure=lambda exc: (_close(adapters), self._not_leased(exc)))

    def _leased(self, held: lease.Lease, adapters: dict[InboxChannel, Adapter],
                problem: str) -> None:
        self._lease.start()  # renew it, or try again to take it over
        if not held.mine:
            _close(adapters)
            self._show_through(held.holder)
            return
        self.held = True
        self._show_through("")
        self.lease_changed.emit()  # this desk took it: the courier desk's work is here now
        self._launch(adapters, problem)

    def _not_leased(self, exc: errors.DeskError) -> None:
        log.warning("the courier lease could not be read: %s", exc)
        self._lease.start()

    def _show_through(self, holder: str) -> None:
        if holder != self.through:
            self.through = holder
            self.lease_changed.emit()

    def _renew(self) -> None:
        """Renew the lease this desk holds (losing it stops the courier at once), or try
        again to take it over from a desk that went away."""
        if not self.running:
            return
        if not self.held:
            if self.courier is None:
                self._start_when_retired()  # (a courier that lost the lease sends no more)
            return
        store, token, who = self.store, self.token, self.who

        def renew() -> tuple[tuple[InboxChannel, ...], lease.Lease | None]:
            """(what this PC lacks, the lease renewed); lacking, it lets the lease go."""
            lacking = channel_settings.lacking(store) if store.on_server else ()
            if lacking:  # a channel switched on at another PC, or the token removed here
                lease.release(store, token)
                return lacking, None
            return (), lease.take(store, token, who)

        self.ops.command(self, renew, lambda found: self._renewed(*found),
                         on_failure=self._not_leased)

    def _renewed(self, lacking: tuple[InboxChannel, ...], held: lease.Lease | None) -> None:
        if not self.running or (held is not None and held.mine):
            return
        if lacking:
            log.warning("this PC lacks the secret of %s: it stops receiving and sending",
                        ", ".join(c.value for c in lacking))
            self.lacking = lacking
        else:
            log.warning("the courier lease went to %s: this desk stops receiving and sending",
                        held.holder)
        self._stop_courier()
        self._show_through(held.holder if held else "")
        if lacking:
            self.lease_changed.emit()

    def _stop_courier(self) -> None:
        """This desk no longer holds the lease: its courier stops at once."""
        self.held = False
        self._watch.stop()
        if self.courier is not None:
            self.courier.stop(timeout=0.1)
            self.retiring, self.courier = self.courier, None

    def _let_go(self) -> None:
        """Stop the courier and release the lease now, for another desk to take at once."""
        self._stop_courier()
        store, token = self.store, self.token
        self.ops.command(self, lambda: lease.release(store, token),
                         on_failure=self._not_leased)

    def _launch(self, adapters: dict[InboxChannel, Adapter], problem: str = "") -> None:
        if self.courier is not None or not self.running:  # started anew, or stopped
            _close(adapters)
            return
        self.problem = problem
        self.courier = courier.Courier(self.store, adapters, on_received=self.received.emit,
                                       on_sent=self.sent.emit, on_state=self.state_changed.emit,
                                       host=self.who)  # it checks the channels every 5 min
        self.courier.start()
        self._watch.start()

    def wake(self) -> None:
        if self.courier is not None:
            self.courier.wake()

    def check_now(self) -> None:
        """Check the channels now (this desk receives); the result arrives as a change."""
        if self.courier is not None:
            self.courier.check_now()

    def stop(self) -> None:
        """Stop receiving and sending; the lease is let go by the app at quit (after the
        jobs), or runs out."""
        self.running = False
        self._wait.stop()
        self._watch.stop()
        self._lease.stop()
        if self.courier is not None:
            self.courier.stop(timeout=1.0)
            self.courier = None


def _close(adapters: dict[InboxChannel, Adapter]) -> None:
    for adapter in adapters.values():
        adapter.close()
