"""The window's courier host: saving the channel settings mid-send starts the courier anew
only once the old one's send in flight has ended, so the client gets one copy."""

from __future__ import annotations

from desk.models.enums import OutboxStatus
from desk.services.comms import channel_settings, inbox
from desk.services.comms.channels.telegram import TelegramAdapter
from desk.ui.courier_host import CourierHost
from tests.unit.comms.test_outbox_once import conversation, status_of


def test_saving_the_settings_mid_send_makes_no_second_copy(store, actor, bot, qtbot):
    channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
        True, bot.url), bot.token)
    adapter = TelegramAdapter(bot.token, bot.url)
    cid = conversation(store, bot, adapter)
    adapter.close()
    host = CourierHost(store)
    host.start()
    try:
        bot.hang["sendMessage"] = 1.0
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        host.wake()
        bot.wait_until(lambda: "sendMessage" in bot.calls)  # in flight
        host.start()  # the settings were saved: the courier starts anew
        qtbot.waitUntil(lambda: host.courier is not None, timeout=10000)
        assert status_of(store, mid) in (OutboxStatus.SENT, OutboxStatus.UNCERTAIN)
        bot.wait_until(lambda: len(bot.sent) == 1)
        bot.hang.clear()
        inbox.reply(store, actor, cid, inbox.ReplyDraft("Ещё вопрос?"))
        host.wake()
        bot.wait_until(lambda: len(bot.sent) == 2)
    finally:
        host.stop()
    assert [m["text"] for m in bot.sent] == ["Добрый день!", "Ещё вопрос?"]
