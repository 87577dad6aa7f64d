"""Channel monitoring, the System person's: every few minutes the courier desk checks each
channel (the bot's getMe and getWebhookInfo, the mailbox's login), adds what the courier saw
(polls, failures, Telegram's 429s in the last hour) and the outbox's queue, and keeps the
result 90 days. A channel that is down, blocked by a webhook, has a stuck outbox or is silent
for longer than usual at this hour opens an alert (a Today task for the System person, a
banner in their workspace) once per episode; the next check that finds it well closes it.

The panel and the strip read only the stored checks (two indexed queries), never a channel."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import threading
import time
from collections.abc import Callable

from sqlalchemy import String, case, delete, func, select
from sqlalchemy.orm import Session

from desk.models.comms import InboxMessage
from desk.models.enums import (
    HealthState, InboxChannel, MessageDirection, OutboxStatus, Role, TaskStatus,
)
from desk.models.health import ChannelAlert, ChannelCheck
from desk.models.task import Task
from desk.services.comms import channel_settings
from desk.services.comms.channels.base import Adapter, ChannelDown, ChannelRefused
from desk.services.staff import hours as work_hours
from desk.services.staff import studio
from desk.services.store import errors, redact
from desk.services.store.db import Actor, Store, UnitOfWork
from desk.services.tasks import tasks

CHECK_EVERY_S = 300.0  # the courier desk checks every five minutes
KEEP_DAYS = 90
PURGE_BATCH = 5000  # rows a check deletes at most (a long-closed desk catches up over a few)
STUCK_AFTER = dt.timedelta(minutes=15)  # the oldest due message waits longer: stuck
SILENT_FLOOR = dt.timedelta(minutes=30)  # never "silent" for less than this
SILENT_NEW = dt.timedelta(hours=2)  # of working time, until two weeks of history exist
HISTORY_FOR_BASELINE = dt.timedelta(days=14)
BASELINE_WEEKS = 4
RECOVERED_SHOWN = dt.timedelta(hours=1)  # a closed alert stays on the banner this long
HOUR = dt.timedelta(hours=1)
ORIGIN = "channel_alert:"

# the worst first: a channel's state at a check is the worst thing found
ORDER = (HealthState.DOWN, HealthState.WEBHOOK, HealthState.STUCK, HealthState.SILENT,
         HealthState.OK)

# what the System person's Today task says (stored text, in the studio's language)
TASK_TITLES = {
    HealthState.DOWN: "{channel}: канал не отвечает — проверьте связь",
    HealthState.WEBHOOK: "{channel}: вебхук мешает получать сообщения — снимите его",
    HealthState.STUCK: "{channel}: сообщения застряли в исходящих",
    HealthState.SILENT: "{channel}: необычно долго нет входящих",
}
CHANNEL_WORDS = {InboxChannel.TELEGRAM: "Telegram", InboxChannel.EMAIL: "Почта"}


# what the courier saw ------------------------------------------------------------------

class Meter:
    """What the courier saw of one channel since it started: the last poll, the failures and
    Telegram's 429s (with their retry_after) of the last hour, whether receiving is failing
    now and why, and whether getUpdates was refused for a webhook (409). Thread-safe: the
    receiving and sending threads count, the check reads."""

    def __init__(self, clock: Callable[[], dt.datetime]) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._events: collections.deque[tuple[dt.datetime, bool, int]] = collections.deque(
            maxlen=10000)  # (at, a 429, its retry_after)
        self.last_poll_at: dt.datetime | None = None
        self.receiving = ""  # why receiving fails now ("" while it works)
        self.conflict = False  # getUpdates answered 409: a webhook is set
        self.last_error = ""
        self.last_error_at: dt.datetime | None = None

    def polled(self) -> None:
        with self._lock:
            self.last_poll_at = self.clock()
            self.receiving, self.conflict = "", False

    def failed(self, exc: ChannelDown, *, receiving: bool = False) -> None:
        """A failure the channel answered or caused (not this desk's own hold after a 429)."""
        code = exc.params.get("code")
        if code is None and exc.params.get("retry_after") and not receiving:
            return  # held here after a 429: counted when Telegram said it
        now = self.clock()
        reason = redact.redact(str(exc.params.get("reason") or exc))[:200]
        with self._lock:
            retry = exc.params.get("retry_after") if code == 429 else None
            self._events.append((now, code == 429, int(retry or 0)))
            self.last_error, self.last_error_at = reason, now
            if receiving:
                self.receiving = reason or "down"
                self.conflict = code == 409

    def seen(self) -> Seen:
        now = self.clock()
        with self._lock:
            while self._events and self._events[0][0] <= now - HOUR:
                self._events.popleft()
            events = list(self._events)
            return Seen(len(events), sum(1 for e in events if e[1]),
                        max((e[2] for e in events if e[1]), default=None),
                        self.last_poll_at, self.receiving, self.conflict,
                        self.last_error, self.last_error_at)


@dataclasses.dataclass(frozen=True)
class Seen:
    failures_hour: int = 0
    too_many_hour: int = 0
    retry_after_s: int | None = None
    last_poll_at: dt.datetime | None = None
    receiving: str = ""  # why receiving fails now
    conflict: bool = False  # getUpdates: 409, a webhook is set
    last_error: str = ""
    last_error_at: dt.datetime | None = None


class Metered:
    """An adapter whose failures (receiving and sending) and polls a Meter counts; otherwise
    the adapter itself."""

    def __init__(self, adapter: Adapter, meter: Meter) -> None:
        self._adapter, self.meter = adapter, meter
        self.channel, self.identity = adapter.channel, adapter.identity

    def fetch(self, cursor: str, wait_s: float):
        try:
            batch = self._adapter.fetch(cursor, wait_s)
        except ChannelDown as exc:
            self.meter.failed(exc, receiving=True)
            raise
        self.meter.polled()
        return batch

    def send(self, message):
        try:
            return self._adapter.send(message)
        except ChannelDown as exc:
            self.meter.failed(exc)
            raise

    def __getattr__(self, name: str):
        return getattr(self._adapter, name)


# a check -------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Probe:
    """What asking the channel itself found."""

    me_ok: bool
    account: str = ""  # "@studio_bot", the mailbox
    reason: str = ""  # why getMe / the login failed
    latency_ms: int | None = None
    pending: int | None = None
    webhook: bool = False
    webhook_host: str = ""
    last_error_at: dt.datetime | None = None
    last_error: str = ""


def probe(adapter: Adapter, clock: Callable[[], float] = time.monotonic) -> Probe:
    """getMe (the mailbox's login) and, for a bot, getWebhookInfo. A channel that fails or
    does not answer in time is down, with the reason; nothing is raised."""
    start = clock()
    try:
        account = adapter.check()
    except (ChannelDown, ChannelRefused) as exc:
        return Probe(False, reason=_reason(exc), latency_ms=int((clock() - start) * 1000))
    latency = int((clock() - start) * 1000)
    webhook_info = getattr(adapter, "webhook_info", None)
    if webhook_info is None:
        return Probe(True, account, latency_ms=latency)
    try:
        info = webhook_info()
    except (ChannelDown, ChannelRefused) as exc:
        return Probe(True, account, latency_ms=latency, last_error=_reason(exc))
    return Probe(True, account, latency_ms=latency, pending=info.pending, webhook=info.set,
                 webhook_host=info.host[:200], last_error_at=info.last_error_at,
                 last_error=redact.redact(info.last_error)[:300])


def _reason(exc: errors.DeskError) -> str:
    return redact.redact(str(exc.params.get("reason") or exc))[:200]


def run(store: Store, adapters: dict[InboxChannel, Adapter], meters: dict[InboxChannel, Meter],
        host: str, stop: Callable[[], bool] = lambda: False) -> list[Status]:
    """One check of every channel (the courier desk's timer): probe, record, alert. A probe
    cut short by the courier stopping (its connections closed) is not recorded."""
    found = []
    for channel, adapter in adapters.items():
        meter = meters.get(channel)
        probed = probe(adapter)
        if stop():
            break
        found.append(record(store, channel, adapter.identity, probed,
                            meter.seen() if meter else Seen(), host))
    return found


def record(store: Store, channel: InboxChannel, identity: str, probed: Probe, seen: Seen,
           host: str) -> Status:
    """Store a check of ``channel`` with its state, open or close its alerts, and let go of
    checks older than 90 days. One transaction."""
    with store.write(Actor(None, "")) as uow:
        s, now = uow.session, uow.now
        waiting, oldest = _outbox(s, channel, now)
        last_in = _last_incoming(s, channel, now)
        state, reason = _state(s, channel, probed, seen, waiting, oldest, last_in, now)
        row = ChannelCheck(
            channel=channel, account=probed.account[:200], identity=identity[:40],
            checked_at=now, hour=ChannelCheck.hour_of(now), host=host[:200], state=state,
            reason=reason[:200],
            me_ok=probed.me_ok, latency_ms=probed.latency_ms, pending_updates=probed.pending,
            last_error_at=probed.last_error_at or seen.last_error_at,
            last_error=(probed.last_error or seen.last_error)[:300],
            webhook=probed.webhook or seen.conflict, webhook_host=probed.webhook_host,
            last_poll_at=seen.last_poll_at, last_incoming_at=last_in,
            outbox_waiting=waiting, outbox_oldest_at=oldest,
            failures_hour=seen.failures_hour, too_many_hour=seen.too_many_hour,
            retry_after_s=seen.retry_after_s)
        s.add(row)
        _alert(uow, channel, state, reason)
        _purge(s, now)
        s.flush()
        status = _status(row, _open_alerts(s).get(channel, ()))
        uow.commit()
        return status


def _outbox(s: Session, channel: InboxChannel, now: dt.datetime
            ) -> tuple[int, dt.datetime | None]:
    """(messages waiting to go, when the oldest due one was written): a message held for
    quiet hours or a scheduled one is waiting but not due."""
    base = (InboxMessage.status.in_((OutboxStatus.QUEUED, OutboxStatus.SENDING)),
            InboxMessage.channel == channel)
    waiting = s.scalar(select(func.count()).select_from(InboxMessage).where(*base)) or 0
    oldest = s.scalar(select(func.min(InboxMessage.at)).where(
        *base, (InboxMessage.send_after <= now) | (InboxMessage.attempts > 0)))
    return waiting, oldest


def _last_incoming(s: Session, channel: InboxChannel, before: dt.datetime
                   ) -> dt.datetime | None:
    return s.scalar(select(func.max(InboxMessage.at)).where(
        InboxMessage.channel == channel, InboxMessage.direction == MessageDirection.IN,
        InboxMessage.at <= before))


def _state(s: Session, channel: InboxChannel, probed: Probe, seen: Seen, waiting: int,
           oldest: dt.datetime | None, last_in: dt.datetime | None, now: dt.datetime
           ) -> tuple[HealthState, str]:
    if not probed.me_ok:
        return HealthState.DOWN, probed.reason
    if probed.webhook or seen.conflict:
        return HealthState.WEBHOOK, probed.webhook_host
    if seen.receiving:
        return HealthState.DOWN, seen.receiving
    if oldest is not None and now - oldest > STUCK_AFTER:
        return HealthState.STUCK, json.dumps({"waiting": waiting})
    silent = silence(s, channel, last_in, now)
    if silent is not None:
        return HealthState.SILENT, json.dumps(silent)
    return HealthState.OK, ""


def silence(s: Session, channel: InboxChannel, last_in: dt.datetime | None,
            now: dt.datetime) -> dict | None:
    """Whether nothing came in for longer than usual at this hour ({"minutes": silent for,
    "usual": the usual longest}), or None. Only while the desk works. The usual: the longest
    silence (in working time) at this moment of the weekday over the last four weeks; until
    two weeks of history exist (incoming or checks), two working hours."""
    work = work_hours.load(s)
    if not work.is_open(now):
        return None
    start = min(filter(None, (
        s.scalar(select(func.min(InboxMessage.at)).where(
            InboxMessage.channel == channel, InboxMessage.direction == MessageDirection.IN)),
        s.scalar(select(func.min(ChannelCheck.checked_at)).where(
            ChannelCheck.channel == channel)))), default=now)
    gap = dt.timedelta(seconds=work.working_seconds(last_in or start, now))
    if now - start < HISTORY_FOR_BASELINE:
        usual = SILENT_NEW
    else:
        gaps = []
        for week in range(1, BASELINE_WEEKS + 1):
            then = now - dt.timedelta(weeks=week)
            if then < start:
                break
            before = _last_incoming(s, channel, then)
            gaps.append(work.working_seconds(before or start, then))
        usual = max(dt.timedelta(seconds=max(gaps, default=0)), SILENT_FLOOR)
    if gap <= usual:
        return None
    return {"minutes": int(gap.total_seconds() // 60), "usual": int(usual.total_seconds() // 60)}


def _alert(uow: UnitOfWork, channel: InboxChannel, state: HealthState, reason: str) -> None:
    """Open the alert of this state once per episode (with a Today task for the System
    person); close every other open alert of the channel (it recovered from those)."""
    s, now = uow.session, uow.now
    for alert in s.scalars(select(ChannelAlert).where(ChannelAlert.channel == channel,
                                                      ChannelAlert.closed_at.is_(None))):
        if alert.kind is state:
            continue
        alert.closed_at = now
        uow.audit("channel.recovered", entity_id=alert.id, after=json.dumps(
            {"channel": channel.value, "kind": alert.kind.value}))
        task = s.get(Task, alert.task_id) if alert.task_id else None
        if task is not None and task.status is TaskStatus.OPEN:
            task.status, task.closed_at = TaskStatus.DONE, now
            uow.audit("task.done", entity_id=task.id, after=json.dumps(
                {"title": task.title, "status": "DONE", "origin": task.origin},
                ensure_ascii=False))
    if state is HealthState.OK:
        return
    if s.scalar(select(ChannelAlert.id).where(
            ChannelAlert.channel == channel, ChannelAlert.kind == state,
            ChannelAlert.closed_at.is_(None))) is not None:
        return
    s.flush()
    alert = ChannelAlert(channel=channel, kind=state, opened_at=now, detail=reason[:300])
    s.add(alert)
    s.flush()
    words = CHANNEL_WORDS.get(channel, channel.value)
    alert.task_id = tasks.save_in(uow, tasks.TaskDraft(
        TASK_TITLES[state].format(channel=words), due_at=now, assignee_role=Role.SYSTEM,
        details=reason[:300], origin=f"{ORIGIN}{alert.id}"))
    uow.audit("channel.alert", entity_id=alert.id, after=json.dumps(
        {"channel": channel.value, "kind": state.value}))


def _purge(s: Session, now: dt.datetime) -> None:
    """Checks older than 90 days go, a bounded batch at a time."""
    old = select(ChannelCheck.id).where(
        ChannelCheck.checked_at < now - dt.timedelta(days=KEEP_DAYS)).limit(PURGE_BATCH)
    s.execute(delete(ChannelCheck).where(ChannelCheck.id.in_(old.scalar_subquery())),
              execution_options={"synchronize_session": False})


# the read side -------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Alert:
    id: int
    channel: InboxChannel
    kind: HealthState
    opened_at: dt.datetime
    closed_at: dt.datetime | None  # set: it recovered
    detail: str


@dataclasses.dataclass(frozen=True)
class Status:
    """A channel's latest check, for the panel."""

    channel: InboxChannel
    account: str
    checked_at: dt.datetime
    host: str  # the PC that receives
    state: HealthState
    reason: str
    me_ok: bool
    latency_ms: int | None
    pending_updates: int | None
    last_error_at: dt.datetime | None
    last_error: str
    webhook: bool
    webhook_host: str
    last_poll_at: dt.datetime | None
    last_incoming_at: dt.datetime | None
    outbox_waiting: int
    outbox_oldest_at: dt.datetime | None
    failures_hour: int
    too_many_hour: int
    retry_after_s: int | None
    alerts: tuple[Alert, ...]  # open ones

    @property
    def silent_minutes(self) -> tuple[int, int] | None:
        """(silent for, the usual longest), in minutes, of a silent channel."""
        if self.state is not HealthState.SILENT:
            return None
        data = json.loads(self.reason or "{}")
        return data.get("minutes", 0), data.get("usual", 0)


def _status(row: ChannelCheck, alerts: tuple[Alert, ...]) -> Status:
    return Status(
        row.channel, row.account, row.checked_at, row.host, row.state, row.reason, row.me_ok,
        row.latency_ms, row.pending_updates, row.last_error_at, row.last_error, row.webhook,
        row.webhook_host, row.last_poll_at, row.last_incoming_at, row.outbox_waiting,
        row.outbox_oldest_at, row.failures_hour, row.too_many_hour, row.retry_after_s, alerts)


def _alert_of(a: ChannelAlert) -> Alert:
    return Alert(a.id, a.channel, a.kind, a.opened_at, a.closed_at, a.detail)


def _open_alerts(s: Session) -> dict[InboxChannel, tuple[Alert, ...]]:
    found: dict[InboxChannel, list[Alert]] = {}
    for a in s.scalars(select(ChannelAlert).where(ChannelAlert.closed_at.is_(None))
                       .order_by(ChannelAlert.opened_at)):
        found.setdefault(a.channel, []).append(_alert_of(a))
    return {c: tuple(v) for c, v in found.items()}


def panel(store: Store) -> list[Status]:
    """Each channel's latest check, with its open alerts: one indexed look-up per channel
    ((channel, checked_at), newest first) and the open alerts."""
    with store.read() as s:
        alerts = _open_alerts(s)
        found = []
        for channel in InboxChannel:
            row = s.scalars(select(ChannelCheck).where(ChannelCheck.channel == channel)
                            .order_by(ChannelCheck.checked_at.desc(), ChannelCheck.id.desc())
                            .limit(1)).first()
            if row is not None:
                found.append(_status(row, alerts.get(channel, ())))
        return found


def alerts(store: Store) -> list[Alert]:
    """What the System person's banner shows: the open alerts, and those that recovered in
    the last hour (closed_at set), newest first."""
    with store.read() as s:
        since = store.now() - RECOVERED_SHOWN
        return [_alert_of(a) for a in s.scalars(
            select(ChannelAlert)
            .where(ChannelAlert.closed_at.is_(None) | (ChannelAlert.closed_at >= since))
            .order_by(ChannelAlert.opened_at.desc(), ChannelAlert.id.desc()))]


def strip(store: Store, channel: InboxChannel, days: int = 14
          ) -> dict[dt.date, list[HealthState | None]]:
    """Per studio day (the last ``days``, today last), the worst state checked in each of its
    24 hours (None: no check that hour). The database groups the checks by hour (the
    (channel, hour, state) index), so a day costs 24 rows, not 288."""
    with store.read() as s:
        tz = studio.load_info(s).tz
        today = store.now().astimezone(tz).date()
        first = today - dt.timedelta(days=days - 1)
        start = dt.datetime.combine(first, dt.time(), tz)
        found: dict[dt.date, list[HealthState | None]] = {
            first + dt.timedelta(days=d): [None] * 24 for d in range(days)}
        worst = func.max(case({state.name: len(ORDER) - i for i, state in enumerate(ORDER)},
                              value=ChannelCheck.state.cast(String), else_=0))
        for hour, rank in s.execute(
                select(ChannelCheck.hour, worst)
                .where(ChannelCheck.channel == channel,
                       ChannelCheck.hour >= ChannelCheck.hour_of(start))
                .group_by(ChannelCheck.hour)):
            local = dt.datetime.fromtimestamp(hour * 3600, dt.timezone.utc).astimezone(tz)
            hours = found.get(local.date())
            if hours is not None and rank:
                hours[local.hour] = ORDER[len(ORDER) - rank]
        return found


def remove_webhook(store: Store, actor: Actor, channel: InboxChannel = InboxChannel.TELEGRAM
                   ) -> None:
    """The System person removes a webhook set elsewhere, so the desk can receive again
    (what waits is kept). Audited; raises ChannelDown when Telegram cannot be reached."""
    if actor.looks_only or store.read_only:
        raise errors.NotPermitted(f"{actor.name} may look but not change")
    adapter = channel_settings.adapters(store).get(channel)
    if adapter is None or not hasattr(adapter, "delete_webhook"):
        raise ChannelDown(f"{channel.value}: not connected", reason="not_connected")
    try:
        adapter.delete_webhook()
        with store.write(actor) as uow:
            uow.audit("channel.webhook_removed", after=json.dumps({"channel": channel.value}))
            uow.commit()
        with store.read() as s:  # checked again at once: the panel shows it gone
            host = s.scalar(select(ChannelCheck.host).where(ChannelCheck.channel == channel)
                            .order_by(ChannelCheck.checked_at.desc()).limit(1)) or ""
        record(store, channel, adapter.identity, probe(adapter), Seen(), host)
    finally:
        adapter.close()
