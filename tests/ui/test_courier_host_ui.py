"""The window's courier host: saving the channel settings mid-send starts the courier anew
only once the old one's send in flight has ended, so the client gets one copy."""

from __future__ import annotations

import pytest

from desk.models.enums import InboxChannel, OutboxStatus
from desk.services.comms import channel_settings, inbox
from desk.services.comms.channels.telegram import TelegramAdapter
from desk.ui.courier_host import CourierHost
from tests.unit.comms.test_outbox_once import conversation, status_of


def test_saving_the_settings_mid_send_makes_no_second_copy(store, ctx, actor, bot, qtbot):
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    adapter = TelegramAdapter(bot.token, bot.url)
    cid = conversation(store, bot, adapter)
    adapter.close()
    host = CourierHost(store, ctx.ops)
    host.start()
    try:
        bot.hang["sendMessage"] = 1.0
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        host.wake()
        bot.wait_until(lambda: "sendMessage" in bot.calls)  # in flight
        host.start()  # the settings were saved: the courier starts anew
        bot.release()  # the stalled send answers now (if stopping has not cut it already)
        qtbot.waitUntil(lambda: host.courier is not None, timeout=10000)
        assert status_of(store, mid) in (OutboxStatus.SENT, OutboxStatus.UNCERTAIN)
        bot.wait_until(lambda: len(bot.sent) == 1)
        inbox.reply(store, actor, cid, inbox.ReplyDraft("Ещё вопрос?"))
        host.wake()
        bot.wait_until(lambda: len(bot.sent) == 2)
    finally:
        host.stop()
    assert [m["text"] for m in bot.sent] == ["Добрый день!", "Ещё вопрос?"]


@pytest.mark.logs_warnings  # "the courier stopped by itself" is logged as an error
def test_a_courier_that_died_is_stopped_and_replaced(store, ctx, qtbot):
    """The watch finds the outbox thread gone: the old courier is stopped (its receivers too,
    so no second getUpdates) and a new one reads the settings anew."""
    host = CourierHost(store, ctx.ops)
    host.start()
    try:
        first = host.courier
        assert first is not None and first.sending
        first.stop(timeout=1.0)  # as if its outbox thread had died
        with qtbot.waitSignal(host.restarted):
            host._check_alive()
        assert host.courier is not None and host.courier is not first
        assert host.courier.sending
    finally:
        host.stop()
    assert host.courier is None


def test_a_stopped_host_does_not_start_when_late_settings_arrive(store, ctx):
    host = CourierHost(store, ctx.ops)
    host.running = False  # stop() came before the settings were read
    host._launch({})
    assert host.courier is None


def test_one_desk_runs_the_courier_the_other_says_through_which_and_takes_over(
        store, ctx, qtbot, tmp_path, monkeypatch):
    """Two desks: the first holds the lease and runs the courier; the second names it in the
    status bar; when the first PC goes away (stops renewing), the second takes over."""
    from desk.services.comms import lease
    from desk.ui.main_window import MainWindow

    monkeypatch.setattr(lease, "LEASE_S", 0.6)  # renewed every 0.2 s; run out after 0.6 s
    first = CourierHost(store, ctx.ops, who="office-pc (Мария Лебедева)")
    first.start()
    second = CourierHost(store, ctx.ops, who="reception (Анна Соколова)")
    window = MainWindow(ctx, tmp_path, second)
    qtbot.addWidget(window)
    try:
        assert first.held and first.courier is not None
        second.start()
        assert second.courier is None and not second.held
        assert window.channels_label.text() == "Messages go through office-pc (Мария Лебедева)"
        first.stop()  # the first PC goes away without letting go: its lease runs out
        qtbot.waitUntil(lambda: second.courier is not None, timeout=10000)
        assert second.held and window.channels_label.text() == ""
    finally:
        first.stop()
        second.stop()


@pytest.mark.postgresql_only
def test_a_desk_without_the_bot_token_does_not_take_over_and_says_what_to_do(
        store, ctx, actor, bot, qtbot, tmp_path, monkeypatch, russian):
    """On the studio's server: the second PC's keyring lacks the bot token, so it never takes
    the lease (it could not receive); it says so, and takes over once the token is entered."""
    from desk.services.comms import channel_settings, lease
    from desk.services.store import credentials
    from desk.ui.main_window import MainWindow

    monkeypatch.setattr(lease, "LEASE_S", 0.6)
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    first = CourierHost(store, ctx.ops, who="office-pc (Мария Лебедева)")
    first.start()
    assert first.held
    secret = channel_settings._secret_name(store, InboxChannel.TELEGRAM)
    credentials.delete(secret)  # the second PC's keyring: no token there
    second = CourierHost(store, ctx.ops, who="reception (Анна Соколова)")
    window = MainWindow(ctx, tmp_path, second)
    qtbot.addWidget(window)
    try:
        second.start()
        assert second.lacking == (InboxChannel.TELEGRAM,) and not second.held
        assert window.channels_label.text() == "Сообщения идут через office-pc (Мария Лебедева)"
        assert "Настройки → Каналы" in window.channels_label.toolTip()
        first.stop()  # the first PC goes away: its lease runs out, the second may not take it
        qtbot.waitUntil(lambda: second.through == "", timeout=10000)
        assert not second.held and second.courier is None
        assert window.channels_label.text() == \
            "Сообщения никто не принимает: введите здесь токен бота"
        credentials.put(secret, bot.token)  # the token entered on this PC
        qtbot.waitUntil(lambda: second.courier is not None, timeout=30000)
        assert second.held and second.lacking == () and window.channels_label.text() == ""
    finally:
        first.stop()
        second.stop()


@pytest.mark.postgresql_only
@pytest.mark.logs_warnings  # "this PC lacks the secret of telegram", as it should
def test_a_courier_desk_that_loses_the_token_lets_the_lease_go_at_once(
        store, ctx, actor, bot, qtbot, monkeypatch):
    from desk.services.comms import channel_settings, lease
    from desk.services.store import credentials

    monkeypatch.setattr(lease, "LEASE_S", 0.6)
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    host = CourierHost(store, ctx.ops, who="office-pc (Мария Лебедева)")
    host.start()
    try:
        assert host.held and host.courier is not None
        credentials.delete(channel_settings._secret_name(store, InboxChannel.TELEGRAM))
        qtbot.waitUntil(lambda: not host.held, timeout=10000)  # at its next renewal
        assert host.courier is None and host.lacking == (InboxChannel.TELEGRAM,)
        assert lease.look(store) is None  # let go: another desk takes it at once
    finally:
        host.stop()
