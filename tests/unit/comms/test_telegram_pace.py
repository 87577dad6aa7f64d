"""Outgoing Telegram messages keep to the API's limits: about one a second to one chat, at
most thirty a second in all, and none at all while a 429's retry_after runs (the messages go
back to the queue until then, without another call to the server)."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.models.comms import InboxMessage
from desk.models.enums import InboxChannel, OutboxStatus
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.comms.channels.base import ChannelDown, Outgoing
from desk.services.comms.channels.telegram import Pace, TelegramAdapter

TG = InboxChannel.TELEGRAM
pytestmark = pytest.mark.telegram_pace


class FakeTime:
    """A clock that moves only when the pace sleeps (or the test moves it)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def test_one_chat_gets_a_message_a_second_and_another_chat_need_not_wait():
    t = FakeTime()
    pace = Pace(t.clock, t.sleep)
    pace.wait_turn("501")
    pace.wait_turn("502")  # another chat: at once
    assert t.slept == []
    pace.wait_turn("501")
    pace.wait_turn("501")
    assert t.slept == [1.0, 1.0]
    t.now += 5  # a while later: at once again
    pace.wait_turn("501")
    assert t.slept == [1.0, 1.0]


def test_at_most_thirty_messages_go_in_any_second():
    t = FakeTime()
    pace = Pace(t.clock, t.sleep)
    for chat in range(30):
        pace.wait_turn(str(chat))
    assert t.slept == []
    pace.wait_turn("the 31st")
    assert t.slept == [1.0]


def conversation(store, bot, adapter, chat: int) -> int:
    bot.client_writes(chat, "Здравствуйте!", date=store.now().timestamp())
    batch = adapter.fetch(channel_settings.cursor(store, TG, adapter.identity), 0)
    inbox.ingest(store, TG, batch)
    return next(r.id for r in inbox.queue(store) if r.address == str(chat))


def test_after_a_429_nothing_goes_until_retry_after_and_the_messages_wait_in_the_queue(
        store, actor, bot):
    t = FakeTime()
    adapter = TelegramAdapter(bot.token, bot.url, pace=Pace(t.clock, t.sleep))
    try:
        first, second = (conversation(store, bot, adapter, chat) for chat in (501, 502))
        ids = [inbox.reply(store, actor, cid, inbox.ReplyDraft(text))
               for cid, text in ((first, "Добрый день!"), (second, "Здравствуйте, Ольга!"))]
        bot.too_many["sendMessage"] = 7
        assert outbox.deliver(store, {TG: adapter}) == (0, 2)
        assert bot.calls.count("sendMessage") == 1  # the second never reached the server
        with store.read() as s:
            for mid in ids:
                m = s.get(InboxMessage, mid)
                assert m.status is OutboxStatus.QUEUED
                assert m.send_after >= store.now() + dt.timedelta(seconds=7)
        with pytest.raises(ChannelDown):  # still held on this desk's clock
            adapter.send(Outgoing("502", "Здравствуйте, Ольга!"))
        t.now += 7
        adapter.send(Outgoing("502", "Здравствуйте, Ольга!"))
        assert [m["text"] for m in bot.sent] == ["Здравствуйте, Ольга!"]
    finally:
        adapter.close()
