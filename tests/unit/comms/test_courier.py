"""The courier's threads against the loopback Bot API: receiving, sending, going offline and
coming back without receiving anything twice."""

from __future__ import annotations

import threading

import pytest

from desk.models.enums import InboxChannel, OutboxStatus
from desk.services.comms import channel_settings, inbox
from desk.services.comms.channels.telegram import TelegramAdapter
from desk.services.comms.courier import Courier
from tests.servers.telegram import FakeBotApi

TG = InboxChannel.TELEGRAM
# a receiving thread that dies (e.g. on stopping) is a failure, not a warning
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")



@pytest.mark.logs_warnings
def test_receiving_survives_the_network_dropping_and_nothing_arrives_twice(store, actor):
    states = []
    arrivals: list[int] = []  # what each on_received reported
    received = threading.Event()
    with FakeBotApi() as bot:
        adapter = TelegramAdapter(bot.token, bot.url)
        courier = Courier(store, {TG: adapter}, long_poll_s=0.3, backoff_max_s=0.05,
                          on_state=lambda s: (states.append(s), bot.poke()),
                          on_received=lambda n: (arrivals.append(n), received.set(),
                                                 bot.poke()),
                          on_sent=bot.poke)
        bot.fail["getUpdates"] = 3
        courier.start()
        try:
            bot.wait_until(lambda: any(not s.online for s in states))
            assert states[0].reason  # "offline" with the reason, shown to the staff
            update_id = bot.client_writes(501, "Добрый день", date=store.now().timestamp())
            assert received.wait(10)
            bot.wait_until(lambda: courier.states[TG].online)
            [row] = inbox.queue(store)
            inbox.reply(store, actor, row.id, inbox.ReplyDraft("Здравствуйте!"))
            courier.wake()
            bot.wait_until(lambda: inbox.messages(store, row.id)[-1].status is OutboxStatus.SENT)
            polls = bot.calls.count("getUpdates")
            bot.wait_until(lambda: bot.calls.count("getUpdates") >= polls + 3)  # a few more
        finally:
            courier.stop()
        assert len(inbox.messages(store, row.id)) == 2
        assert arrivals == [1]  # told once, though polled again after it
        # receiving goes on after the update it stored, whatever restarts it
        assert channel_settings.cursor(store, TG, adapter.identity) == str(update_id + 1)
        assert [s["text"] for s in bot.sent] == ["Здравствуйте!"]
