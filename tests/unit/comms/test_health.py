"""Channel monitoring against the loopback Bot API: a bot that answers, fails, hangs, answers
429 with retry_after, or has a webhook set elsewhere; the outbox stuck; a channel silent for
longer than usual at this hour; the alerts (one per episode, with a Today task) and their
recovery; the 90-day purge; which PC receives."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from desk.models.enums import HealthState, InboxChannel, Role, TaskStatus
from desk.models.health import ChannelCheck
from desk.services.comms import channel_settings, health, inbox, outbox
from desk.services.comms.channels.base import Batch, ChannelDown, Incoming
from desk.services.comms.channels.telegram import Pace, TelegramAdapter
from desk.services.comms.courier import Courier
from desk.services.store.db import Actor
from desk.services.tasks import tasks

TG = InboxChannel.TELEGRAM
HOST = "office-pc (Анна Соколова)"
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")


class FakeTime:
    """The pace's clock: moves only when the pace sleeps (or the test moves it)."""

    def __init__(self) -> None:
        self.now = 100.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def adapter(bot):
    found = TelegramAdapter(bot.token, bot.url, timeout_s=2.0, pace=Pace(FakeTime().clock,
                                                                           FakeTime().sleep))
    yield found
    found.close()


def check(store, adapter, meter=None) -> health.Status:
    [status] = health.run(store, {TG: adapter}, {TG: meter} if meter else {}, HOST)
    return status


def writes(store, at: dt.datetime, n: int = 1, chat: int = 501) -> None:
    """``n`` client messages arrive at ``at``."""
    stamp = at.timestamp()
    inbox.ingest(store, TG, Batch(tuple(
        Incoming(f"m{stamp}:{chat}:{i}", str(chat), "Вера", "Здравствуйте", at)
        for i in range(n)), "", ""))


def system_tasks(store) -> list[tasks.TaskView]:
    return [t for t in tasks.listing(store, status=None) if t.origin.startswith(health.ORIGIN)]


def test_a_healthy_bot_shows_its_name_the_pc_and_no_alert(store, adapter, bot):
    status = check(store, adapter)
    assert status.state is HealthState.OK and status.me_ok
    assert status.account == "@studio_bot" and status.host == HOST
    assert status.pending_updates == 0 and not status.webhook
    assert status.latency_ms is not None and status.alerts == ()
    [shown] = health.panel(store)
    assert shown == status
    assert health.alerts(store) == [] and system_tasks(store) == []
    assert bot.calls == ["getMe", "getWebhookInfo"]


def test_a_failing_bot_is_down_once_per_episode_and_its_recovery_closes_the_task(
        store, adapter, bot, clock):
    bot.fail["getMe"] = 2
    first = check(store, adapter)
    assert first.state is HealthState.DOWN and not first.me_ok
    assert "500" in first.reason or "Internal" in first.reason
    clock.advance(minutes=5)
    second = check(store, adapter)  # still down: the same episode, no second task
    assert second.state is HealthState.DOWN
    [task] = system_tasks(store)
    assert task.assignee_role is Role.SYSTEM and task.status is TaskStatus.OPEN
    assert task.title.startswith("Telegram:")
    assert [t.id for t in tasks.today(store, Role.SYSTEM)] == [task.id]
    [alert] = health.alerts(store)
    assert alert.kind is HealthState.DOWN and alert.closed_at is None
    clock.advance(minutes=5)
    assert check(store, adapter).state is HealthState.OK  # recovered
    assert tasks.get(store, task.id).status is TaskStatus.DONE
    [recovered] = health.alerts(store)  # on the banner for an hour as "recovered"
    assert recovered.id == alert.id and recovered.closed_at == clock.now
    clock.advance(minutes=61)
    assert health.alerts(store) == []
    bot.fail["getMe"] = 1  # a new episode: a new task
    check(store, adapter)
    assert len(system_tasks(store)) == 2


def test_a_bot_that_hangs_is_down_when_no_answer_comes_in_time(store, bot):
    bot.hang["getMe"] = 30.0
    slow = TelegramAdapter(bot.token, bot.url, timeout_s=0.3)
    try:
        status = check(store, slow)
    finally:
        bot.release()
        slow.close()
    assert status.state is HealthState.DOWN and status.reason == "no_answer"


def conversation(store, adapter) -> int:
    writes(store, store.now())
    return inbox.queue(store)[0].id


def test_a_429_is_counted_with_its_retry_after_and_the_outbox_waits_for_it(
        store, actor, adapter, bot, clock):
    meter = health.Meter(store.now)
    metered = health.Metered(adapter, meter)
    chat = conversation(store, adapter)
    for text in ("Добрый день!", "Уточню и напишу"):
        inbox.reply(store, actor, chat, inbox.ReplyDraft(text))
    bot.too_many["sendMessage"] = 7
    assert outbox.deliver(store, {TG: metered}) == (0, 2)
    assert bot.calls.count("sendMessage") == 1  # the second waited for retry_after
    seen = meter.seen()
    assert (seen.failures_hour, seen.too_many_hour, seen.retry_after_s) == (1, 1, 7)
    status = check(store, adapter, meter)
    assert (status.failures_hour, status.too_many_hour, status.retry_after_s) == (1, 1, 7)
    assert status.outbox_waiting == 2 and status.state is HealthState.OK
    clock.advance(minutes=61)  # the hour is over
    assert meter.seen().too_many_hour == 0


def test_a_webhook_set_elsewhere_is_reported_without_its_path_and_removed(
        store, actor, bot):
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    bot.webhook = "https://hooks.example.org/s3cret-path/hook"
    bot.webhook_error = (int(store.now().timestamp()) - 60, "Wrong response from the webhook")
    adapter = channel_settings.adapters(store)[TG]
    meter = health.Meter(store.now)
    try:
        with pytest.raises(Exception):  # receiving: 409 Conflict while the webhook is set
            health.Metered(adapter, meter).fetch("", 0)
        assert meter.seen().conflict
        status = check(store, adapter, meter)
    finally:
        adapter.close()
    assert status.state is HealthState.WEBHOOK and status.webhook
    assert status.webhook_host == "hooks.example.org"
    assert status.last_error == "Wrong response from the webhook"
    assert status.last_error_at == (store.now() - dt.timedelta(seconds=60)).replace(
        microsecond=0)
    with store.read() as s:  # neither the webhook's secret path nor the token is kept
        kept = " ".join(str(v) for row in s.execute(select(ChannelCheck)).all()
                        for v in vars(row[0]).values())
    assert "s3cret" not in kept and bot.token not in kept
    [task] = system_tasks(store)
    health.remove_webhook(store, actor, TG)
    assert bot.webhook == "" and "deleteWebhook" in bot.calls
    [shown] = health.panel(store)
    assert shown.state is HealthState.OK and shown.host == HOST and shown.alerts == ()
    assert tasks.get(store, task.id).status is TaskStatus.DONE


def test_a_message_waiting_long_while_the_bot_answers_is_a_stuck_outbox(
        store, actor, adapter, clock):
    chat = conversation(store, adapter)
    inbox.reply(store, actor, chat, inbox.ReplyDraft("Добрый день!"))
    assert check(store, adapter).state is HealthState.OK  # just written: not stuck
    clock.advance(minutes=16)
    status = check(store, adapter)
    assert status.state is HealthState.STUCK
    assert status.outbox_waiting == 1 and status.outbox_oldest_at == clock.now - \
        dt.timedelta(minutes=16)
    [task] = system_tasks(store)
    assert "исходящих" in task.title
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert check(store, adapter).state is HealthState.OK
    assert tasks.get(store, task.id).status is TaskStatus.DONE


def test_without_two_weeks_of_history_two_working_hours_of_silence_alert(
        store, adapter, clock):
    writes(store, clock.now)  # Wednesday 12:00 in Moscow; the desk works 10–14 and 15–20
    clock.advance(hours=1, minutes=30)
    assert check(store, adapter).state is HealthState.OK
    clock.advance(hours=1)  # 14:30: the lunch break is not working time
    assert check(store, adapter).state is HealthState.OK
    clock.advance(hours=1, minutes=30)  # 16:00: three working hours
    status = check(store, adapter)
    assert status.state is HealthState.SILENT
    assert status.silent_minutes == (180, 120)
    assert status.last_incoming_at == clock.now - dt.timedelta(hours=4)
    writes(store, clock.now)  # a client writes: recovered
    clock.advance(minutes=5)
    assert check(store, adapter).state is HealthState.OK
    assert [t.status for t in system_tasks(store)] == [TaskStatus.DONE]


def busy_wednesdays(store, clock, weeks=range(1, 5)) -> None:
    """A message every 20 minutes of the working day on the Wednesdays before."""
    for week in weeks:
        day = clock.now - dt.timedelta(weeks=week, hours=2)  # 10:00 Moscow
        for step in range(31):
            writes(store, day + dt.timedelta(minutes=20 * step), chat=600 + week)


def test_with_four_weeks_of_history_silence_is_measured_against_that_hour(
        store, adapter, clock):
    busy_wednesdays(store, clock)
    writes(store, clock.now)  # 12:00
    clock.advance(minutes=25)
    assert check(store, adapter).state is HealthState.OK
    clock.advance(minutes=20)  # 45 minutes: those Wednesdays never went 30 without one
    status = check(store, adapter)
    assert status.state is HealthState.SILENT and status.silent_minutes == (45, 30)


def test_an_hour_that_is_usually_quiet_is_not_silent_once_history_exists(
        store, adapter, clock):
    for week in range(1, 4):  # a single message on each of three Wednesdays, at 10:00
        writes(store, clock.now - dt.timedelta(weeks=week, hours=2))
    writes(store, clock.now - dt.timedelta(hours=2))  # today at 10:00
    clock.advance(hours=4)  # 16:00: five working hours, as quiet as usual
    assert check(store, adapter).state is HealthState.OK


def test_checks_older_than_90_days_are_let_go(store, adapter, clock):
    with store.write(Actor(None, "")) as uow:
        for days in (91, 89):
            at = clock.now - dt.timedelta(days=days)
            uow.session.add(ChannelCheck(channel=TG, checked_at=at, hour=ChannelCheck.hour_of(at),
                                         host="old-pc", state=HealthState.OK, me_ok=True))
        uow.commit()
    check(store, adapter)
    with store.read() as s:
        kept = sorted((clock.now - at).days for at in s.scalars(select(ChannelCheck.checked_at)))
    assert kept == [0, 89]


def test_the_day_strip_keeps_the_worst_state_of_each_hour(store, adapter, bot, clock):
    check(store, adapter)  # 12:00 Moscow
    bot.fail["getMe"] = 1
    clock.advance(minutes=5)
    check(store, adapter)
    clock.advance(hours=1)
    check(store, adapter)
    days = health.strip(store, TG)
    assert len(days) == 14
    today = days[max(days)]
    assert today[12] is HealthState.DOWN and today[13] is HealthState.OK
    assert today[11] is None and all(h is None for h in days[min(days)])


def test_the_courier_desk_checks_on_its_own_timer_and_names_its_pc(store, bot):
    checked = threading.Event()
    adapter = TelegramAdapter(bot.token, bot.url)
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, host=HOST, check_first_s=0,
                      check_every_s=600, on_checked=lambda found: (checked.set(), bot.poke()))
    courier.start()
    try:
        assert checked.wait(10)
        bot.wait_until(lambda: bot.calls.count("getUpdates") >= 2)  # it polled meanwhile
        checked.clear()
        courier.check_now()
        assert checked.wait(10)
    finally:
        courier.stop()
    [status] = health.panel(store)
    assert status.host == HOST and status.state is HealthState.OK
    assert status.last_poll_at is not None
    with store.read() as s:
        assert len(s.scalars(select(ChannelCheck)).all()) == 2


def test_a_courier_without_checks_stores_none(store, bot):
    adapter = TelegramAdapter(bot.token, bot.url)
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, check_every_s=None)
    courier.start()
    try:
        bot.wait_until(lambda: bot.calls.count("getUpdates") >= 2)
    finally:
        courier.stop()
    assert health.panel(store) == [] and "getMe" not in bot.calls


def test_receiving_that_fails_while_the_bot_answers_getme_is_down_with_its_reason(
        store, adapter):
    meter = health.Meter(store.now)
    meter.failed(ChannelDown("telegram getUpdates: no answer", reason="no_answer"),
                 receiving=True)
    status = check(store, adapter, meter)
    assert status.state is HealthState.DOWN and status.me_ok
    assert status.reason == "no_answer" and status.failures_hour == 1
    meter.polled()  # receiving works again
    assert check(store, adapter, meter).state is HealthState.OK


@pytest.mark.logs_warnings
def test_the_courier_meets_a_webhook_and_its_check_says_so(store, bot):
    bot.webhook = "https://elsewhere.example.net/hook"
    checked = threading.Event()
    adapter = TelegramAdapter(bot.token, bot.url)
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, backoff_max_s=0.05, host=HOST,
                      check_first_s=600, check_every_s=600,
                      on_state=bot.poke, on_checked=lambda found: (checked.set(), bot.poke()))
    courier.start()
    try:
        bot.wait_until(lambda: not courier.states[TG].online)  # getUpdates: 409 Conflict
        assert courier.meters[TG].seen().conflict
        courier.check_now()
        assert checked.wait(10)
    finally:
        courier.stop()
    [status] = health.panel(store)
    assert status.state is HealthState.WEBHOOK
    assert status.webhook_host == "elsewhere.example.net" and status.failures_hour >= 1
