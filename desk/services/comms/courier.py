"""The courier receives from every connected channel and sends the outbox, on threads of its
own (no Qt here: the UI hears about changes through the callbacks). A channel that fails is
"offline" and is tried again with growing pauses; receiving resumes from the stored cursor,
so nothing arrives twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from typing import Callable

from desk.models.enums import InboxChannel
from desk.services.comms import channel_settings, health, inbox, mailings, outbox
from desk.services.comms.channels.base import Adapter, ChannelDown
from desk.services.store.db import Store
from desk.services.store.errors import DeskError

log = logging.getLogger(__name__)

LONG_POLL_S = 25.0
OUTBOX_TICK_S = 1.0
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
CHECK_FIRST_S = 5.0  # the first channel check, once receiving has begun


@dataclasses.dataclass(frozen=True)
class ChannelState:
    channel: InboxChannel
    online: bool
    reason: str = ""
    since: dt.datetime | None = None
    retry_in_s: float = 0.0


class Courier:
    def __init__(self, store: Store, adapters: dict[InboxChannel, Adapter], *,
                 on_received: Callable[[int], None] = lambda n: None,
                 on_sent: Callable[[int, int], None] = lambda sent, failed: None,
                 on_state: Callable[[ChannelState], None] = lambda s: None,
                 on_checked: Callable[[list], None] = lambda statuses: None,
                 long_poll_s: float = LONG_POLL_S, backoff_max_s: float = BACKOFF_MAX_S,
                 host: str = "", check_every_s: float | None = health.CHECK_EVERY_S,
                 check_first_s: float = CHECK_FIRST_S) -> None:
        """``host``: this desk, named in the channel checks it runs every ``check_every_s``
        (None: no checks), the first ``check_first_s`` after the start."""
        self.store = store
        self.adapters = adapters
        self.on_received, self.on_sent, self.on_state = on_received, on_sent, on_state
        self.on_checked = on_checked
        self.host = host
        self.check_every_s, self.check_first_s = check_every_s, check_first_s
        # what the channels did, for the checks: every receive and send goes through these
        self.meters = {c: health.Meter(store.now) for c in adapters}
        self.metered = {c: health.Metered(a, self.meters[c]) for c, a in adapters.items()}
        self._check = threading.Event()
        self.long_poll_s = long_poll_s
        self.backoff_max_s = backoff_max_s
        self.states: dict[InboxChannel, ChannelState] = {
            c: ChannelState(c, True) for c in adapters}
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Starts the threads and returns at once (the caller may be the UI thread)."""
        for channel, adapter in self.metered.items():
            self._spawn(f"receive-{channel.value}", self._receive_loop, adapter)
        self._spawn("outbox", self._send_loop)
        if self.check_every_s is not None and self.adapters:
            self._spawn("health", self._check_loop)

    def _spawn(self, name: str, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def wake(self) -> None:
        """Something was queued: look at the outbox now."""
        self._wake.set()

    def check_now(self) -> None:
        """Check the channels now (then every ``check_every_s`` again)."""
        self._check.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop receiving and sending. A send in flight is cut (closing the client) and
        recorded as not confirmed; the threads are waited for, so a courier started next
        never meets this one's work."""
        self._stop.set()
        self._wake.set()
        self._check.set()
        for adapter in self.adapters.values():
            adapter.close()
        for thread in self._threads:
            thread.join(timeout)

    @property
    def alive(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    @property
    def sending(self) -> bool:
        """The outbox thread is still at work (a send in flight). A receiving thread may sit
        in a long poll a while longer; what it brings is stored once whoever stores it."""
        return any(t.is_alive() for t in self._threads if t.name == "outbox")

    def _set_state(self, state: ChannelState) -> None:
        before = self.states.get(state.channel)
        self.states[state.channel] = state
        if before != state:
            self.on_state(state)

    def _receive_loop(self, adapter: Adapter) -> None:
        first = min(BACKOFF_FIRST_S, self.backoff_max_s)  # no pause is longer than the longest
        pause = first
        while not self._stop.is_set():
            try:
                cursor = channel_settings.cursor(self.store, adapter.channel, adapter.identity)
                batch = adapter.fetch(cursor, self.long_poll_s)
                if self._stop.is_set():
                    return
                added = inbox.ingest(self.store, adapter.channel, batch)
            except ChannelDown as exc:
                if self._stop.is_set():
                    return
                reason = str(exc.params.get("reason", exc))
                log.warning("%s offline: %s", adapter.channel.value, reason)
                self._set_state(ChannelState(adapter.channel, False, reason, self.store.now(),
                                             pause))
                self._stop.wait(pause)
                pause = min(pause * 2, self.backoff_max_s)
                continue
            except DeskError as exc:  # the database is busy: try again shortly
                log.warning("receiving %s: %s", adapter.channel.value, exc)
                self._stop.wait(first)
                continue
            except Exception:  # a bug: logged, and receiving goes on
                log.exception("receiving %s", adapter.channel.value)
                self._stop.wait(self.backoff_max_s)
                continue
            pause = first
            if not self.states[adapter.channel].online:  # back: what waits goes now
                self._retry_now(adapter.channel)
            self._set_state(ChannelState(adapter.channel, True))
            if added:
                self.on_received(added)
                self._wake.set()  # an after-hours reply may be waiting

    def _retry_now(self, channel: InboxChannel) -> None:
        try:
            if outbox.retry_now(self.store, channel):
                self._wake.set()
        except DeskError as exc:
            log.warning("outbox: %s", exc)

    def _send_loop(self) -> None:
        try:
            outbox.recover(self.store)  # what a previous run left half-sent waits for a person
        except DeskError as exc:  # a busy database: the next start asks again
            log.warning("outbox: %s", exc)
        while not self._stop.is_set():
            try:
                mailings.step(self.store)  # the next few recipients of running mailings
                sent, failed = outbox.deliver(self.store, self.metered, self._stop.is_set)
                inbox.settle_sent_answers(self.store)  # "send later" answers that went
            except DeskError as exc:
                log.warning("outbox: %s", exc)
                sent = failed = 0
            except Exception:  # a bug: logged, and the outbox goes on
                log.exception("outbox")
                sent = failed = 0
            if sent or failed:
                try:
                    self.on_sent(sent, failed)
                except Exception:
                    log.exception("outbox: telling the window")
            self._wake.wait(OUTBOX_TICK_S)
            self._wake.clear()

    def _check_loop(self) -> None:
        """The courier desk checks every channel now and then (health.run), and stores it."""
        self._check.wait(self.check_first_s)
        while not self._stop.is_set():
            self._check.clear()
            try:
                found = health.run(self.store, self.adapters, self.meters, self.host,
                                   self._stop.is_set)
            except DeskError as exc:  # a busy database: the next round checks again
                if self._stop.is_set():
                    return
                log.warning("channel check: %s", exc)
                found = None
            except Exception:  # a bug: logged, and the checks go on
                if self._stop.is_set():
                    return
                log.exception("channel check")
                found = None
            if found is not None and not self._stop.is_set():
                try:
                    self.on_checked(found)
                except Exception:
                    log.exception("channel check: telling the window")
            self._check.wait(self.check_every_s)
