"""Runs the services' courier (receiving and sending on its own threads) for the window and
turns its callbacks into Qt signals, which arrive on the UI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desk.models.comms import InboxChannel
from desk.services import channel_settings, errors
from desk.services.courier import ChannelState, Courier
from desk.services.db import Store

log = logging.getLogger(__name__)


class CourierHost(QObject):
    """Signals:
        received(int): new messages were stored.
        sent(int, int): confirmed, failed this round.
        state_changed(object): a ChannelState.
    """

    received = Signal(int)
    sent = Signal(int, int)
    state_changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.courier: Courier | None = None
        self.problem = ""  # why the channels could not start, shown to the staff

    @property
    def states(self) -> dict[InboxChannel, ChannelState]:
        return dict(self.courier.states) if self.courier else {}

    def start(self) -> None:
        """(Re)start with the channels as they are set up now; read-only desks do not run."""
        self.stop()
        if self.store.read_only:
            return
        try:
            adapters = channel_settings.adapters(self.store)
            self.problem = ""
        except errors.DeskError as exc:  # no keyring: the outbox still runs for hand channels
            log.warning("channels not started: %s", exc)
            adapters, self.problem = {}, exc.code
        self.courier = Courier(self.store, adapters, on_received=self.received.emit,
                               on_sent=self.sent.emit, on_state=self.state_changed.emit)
        self.courier.start()

    def wake(self) -> None:
        if self.courier is not None:
            self.courier.wake()

    def stop(self) -> None:
        if self.courier is not None:
            self.courier.stop(timeout=1.0)
            self.courier = None
