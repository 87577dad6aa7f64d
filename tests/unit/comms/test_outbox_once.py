"""Exactly once, never lost: the outbox against the loopback Bot API when it hangs past the
timeout, when the settings are saved mid-send, when a mailing is paused mid-send, when the bot
is switched and when the app died mid-send — counting the copies the server received."""

from __future__ import annotations

import pytest

from desk.models.comms import InboxMessage
from desk.models.enums import InboxChannel, OutboxStatus
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.comms.channels.telegram import TelegramAdapter
from desk.services.comms.courier import Courier
from tests.servers.telegram import FakeBotApi

TG = InboxChannel.TELEGRAM
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")



def conversation(store, bot, adapter, chat: int = 501) -> int:
    bot.client_writes(chat, "Здравствуйте!", date=store.now().timestamp())
    batch = adapter.fetch(channel_settings.cursor(store, TG, adapter.identity), 0)
    inbox.ingest(store, TG, batch)
    return next(r.id for r in inbox.queue(store) if r.address == str(chat))


def status_of(store, message_id: int) -> OutboxStatus:
    with store.read() as s:
        return s.get(InboxMessage, message_id).status


def test_a_send_with_no_answer_in_time_is_not_confirmed_and_never_repeated(store, actor, bot):
    adapter = TelegramAdapter(bot.token, bot.url, timeout_s=0.3)
    try:
        cid = conversation(store, bot, adapter)
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        bot.hang["sendMessage"] = 1.0  # longer than the desk waits
        assert outbox.deliver(store, {TG: adapter}) == (0, 1)
        assert status_of(store, mid) is OutboxStatus.UNCERTAIN
        bot.release()  # the desk gave up waiting: the stalled call goes on now
        bot.wait_until(lambda: len(bot.sent) == 1)  # the server did take it, late
        assert outbox.deliver(store, {TG: adapter}) == (0, 0)  # the courier leaves it alone
        assert len(bot.sent) == 1
        [pending] = [p for p in outbox.pending(store) if p.id == mid]
        assert pending.status is OutboxStatus.UNCERTAIN and pending.last_error == "no_answer"
        outbox.confirm_arrived(store, actor, mid)  # the person saw it arrived
        assert status_of(store, mid) is OutboxStatus.SENT
        assert len(bot.sent) == 1
    finally:
        adapter.close()


def test_send_again_is_the_persons_choice(store, actor, bot):
    adapter = TelegramAdapter(bot.token, bot.url, timeout_s=0.3)
    try:
        cid = conversation(store, bot, adapter)
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        bot.hang["sendMessage"] = 1.0
        outbox.deliver(store, {TG: adapter})
        bot.release()  # the desk gave up waiting: the stalled call goes on now
        bot.wait_until(lambda: len(bot.sent) == 1)
        outbox.send_again(store, actor, mid)
        assert outbox.deliver(store, {TG: adapter}) == (1, 0)
        assert len(bot.sent) == 2 and status_of(store, mid) is OutboxStatus.SENT
    finally:
        adapter.close()


@pytest.mark.logs_warnings
def test_a_definite_failure_is_retried_and_goes_at_once_when_the_channel_is_back(
        store, actor, bot):
    adapter = TelegramAdapter(bot.token, bot.url)
    cid = conversation(store, bot, adapter)
    adapter.close()
    mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
    bot.fail["sendMessage"] = 1  # HTTP 500: a definite answer
    bot.fail["getUpdates"] = 2  # the channel is down a while
    fresh = TelegramAdapter(bot.token, bot.url)
    courier = Courier(store, {TG: fresh}, long_poll_s=0.2, backoff_max_s=0.1,
                      on_sent=bot.poke)
    courier.start()
    try:
        # the test clock stands still: only "the channel is back" can release the retry
        bot.wait_until(lambda: status_of(store, mid) is OutboxStatus.SENT)
    finally:
        courier.stop()
    assert len(bot.sent) == 1


def test_an_interrupted_send_waits_for_a_person_after_the_restart(store, actor, bot):
    adapter = TelegramAdapter(bot.token, bot.url)
    cid = conversation(store, bot, adapter)
    mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
    with store.write(actor) as uow:  # the app died right after handing it over
        uow.session.get(InboxMessage, mid).status = OutboxStatus.SENDING
        uow.commit()
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, backoff_max_s=0.1,
                      on_sent=bot.poke)
    courier.start()  # its outbox thread settles what was left before it sends anything
    try:
        inbox.reply(store, actor, cid, inbox.ReplyDraft("Ещё вопрос?"))
        courier.wake()
        bot.wait_until(lambda: len(bot.sent) == 1)  # the new one goes, the interrupted one waits
    finally:
        courier.stop()
    assert [m["text"] for m in bot.sent] == ["Ещё вопрос?"]
    assert status_of(store, mid) is OutboxStatus.UNCERTAIN


def test_pausing_a_mailing_mid_send_keeps_the_courier_and_sends_nothing_twice(
        store, actor, bot, clock, channels_on):
    from desk.services.comms import mailings
    from desk.services.crm import families
    from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

    adapter = TelegramAdapter(bot.token, bot.url, timeout_s=5)
    cid = conversation(store, bot, adapter, chat=777)
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"),), consent_messages=True, consent_marketing=True))
    inbox.link_family(store, actor, cid, fid)
    mailing = mailings.start(store, actor, "Весна", mailings.Filters(), "Вера, ждём вас!")
    bot.hang["sendMessage"] = 1.0
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, backoff_max_s=0.1,
                      on_sent=bot.poke)
    courier.start()
    try:
        courier.wake()
        bot.wait_until(lambda: "sendMessage" in bot.calls)  # the mailing's message is in flight
        mailings.set_paused(store, actor, mailing, True)
        bot.release()  # paused while the message was in flight: now the server answers
        bot.wait_until(lambda: len(bot.sent) == 1)
        inbox.reply(store, actor, cid, inbox.ReplyDraft("Ответ"))
        courier.wake()
        bot.wait_until(lambda: len(bot.sent) == 2)  # the courier lives on
        mailings.set_paused(store, actor, mailing, False)
        courier.wake()
        bot.wait_until(lambda: outbox.count_pending(store) == (0, 0))
    finally:
        courier.stop()
    assert [m["text"] for m in bot.sent] == ["Вера, ждём вас!", "Ответ"]


def test_a_new_bot_starts_receiving_from_zero_and_loses_no_message(store, actor):
    """The fake numbers each bot's messages from 1000, as a chat keeps its id with a new bot:
    the bot is part of what makes a message unique."""
    with FakeBotApi(token="111:old-bot-secret") as old:
        first = TelegramAdapter(old.token, old.url)
        for n in range(5):
            old.client_writes(600 + n, f"старый бот {n}", date=store.now().timestamp())
        inbox.ingest(store, TG, first.fetch(channel_settings.cursor(store, TG, first.identity),
                                            0))
        first.close()
    with FakeBotApi(token="222:new-bot-secret") as new:
        second = TelegramAdapter(new.token, new.url)
        for n in range(3):
            new.client_writes(600 + n, f"новый бот {n}", date=store.now().timestamp())
        assert channel_settings.cursor(store, TG, second.identity) == ""
        added = inbox.ingest(store, TG, second.fetch(
            channel_settings.cursor(store, TG, second.identity), 0))
        second.close()
    assert added == 3


@pytest.mark.logs_warnings
def test_a_confirmation_that_cannot_be_recorded_at_once_is_recorded_not_refused(
        store, actor, bot, monkeypatch):
    from desk.services.store import errors

    adapter = TelegramAdapter(bot.token, bot.url)
    try:
        cid = conversation(store, bot, adapter)
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        real, calls = outbox._finish, []

        def busy_once(*args, **kw):
            calls.append(args[2])
            if len(calls) == 1:
                raise errors.DatabaseBusy("busy")
            return real(*args, **kw)

        monkeypatch.setattr(outbox, "_finish", busy_once)
        assert outbox.deliver(store, {TG: adapter}) == (1, 0)
        assert status_of(store, mid) is OutboxStatus.SENT and len(bot.sent) == 1
    finally:
        adapter.close()


def test_a_stop_leaves_what_was_not_handed_over_in_the_queue(store, actor, bot):
    adapter = TelegramAdapter(bot.token, bot.url, timeout_s=5)
    cid = conversation(store, bot, adapter)
    ids = [inbox.reply(store, actor, cid, inbox.ReplyDraft(text))
           for text in ("один", "два", "три")]
    bot.hang["sendMessage"] = 0.5
    courier = Courier(store, {TG: adapter}, long_poll_s=0.2, backoff_max_s=0.1,
                      on_sent=bot.poke)
    courier.start()
    try:
        courier.wake()
        bot.wait_until(lambda: "sendMessage" in bot.calls)
    finally:
        courier.stop(timeout=5)
    states = [status_of(store, i) for i in ids]
    assert states[1:] == [OutboxStatus.QUEUED, OutboxStatus.QUEUED]  # never "not confirmed"
    assert states[0] in (OutboxStatus.SENT, OutboxStatus.UNCERTAIN)


def test_an_answer_counted_before_a_new_question_does_not_answer_it(store, actor, bot, clock):
    adapter = TelegramAdapter(bot.token, bot.url)
    try:
        cid = conversation(store, bot, adapter)
        inbox.reply(store, actor, cid, inbox.ReplyDraft("Ответ"))  # counted now
        bot.fail["sendMessage"] = 1
        outbox.deliver(store, {TG: adapter})  # not gone yet: retrying
        clock.advance(minutes=1)
        bot.client_writes(501, "И ещё вопрос", date=clock.now.timestamp())
        inbox.ingest(store, TG, adapter.fetch(
            channel_settings.cursor(store, TG, adapter.identity), 0))
        clock.advance(minutes=10)
        outbox.deliver(store, {TG: adapter})
        assert inbox.settle_sent_answers(store) == 0
        assert inbox.conversation(store, cid).waiting_since is not None
    finally:
        adapter.close()


def test_a_proxys_gateway_timeout_is_not_confirmed_and_never_repeated(store, actor, bot):
    """A self-hosted Bot API behind nginx: the proxy's 504 page may follow a send that went."""
    adapter = TelegramAdapter(bot.token, bot.url)
    try:
        cid = conversation(store, bot, adapter)
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        bot.gateway["sendMessage"] = 1
        assert outbox.deliver(store, {TG: adapter}) == (0, 1)
        [pending] = [p for p in outbox.pending(store) if p.id == mid]
        assert pending.status is OutboxStatus.UNCERTAIN and pending.last_error == "gateway"
        assert outbox.deliver(store, {TG: adapter}) == (0, 0)  # the courier leaves it alone
        assert len(bot.sent) == 1
    finally:
        adapter.close()


def test_cancelling_an_answer_not_confirmed_keeps_its_response(store, actor, bot):
    """It may well have arrived: the person cancels the resend, not the answer."""
    adapter = TelegramAdapter(bot.token, bot.url)
    try:
        cid = conversation(store, bot, adapter)
        mid = inbox.reply(store, actor, cid, inbox.ReplyDraft("Добрый день!"))
        bot.gateway["sendMessage"] = 1
        assert outbox.deliver(store, {TG: adapter}) == (0, 1)
        assert status_of(store, mid) is OutboxStatus.UNCERTAIN
        outbox.cancel(store, actor, mid)
        today = store.now().date()
        assert inbox.stats(store, today, today).total.responses == 1
    finally:
        adapter.close()


def test_two_desks_sending_one_outbox_at_once_send_each_message_once(store, actor, bot, clock):
    """Two couriers (two engines, as on two PCs) work the same queue at the same moment: each
    takes the next message no one else holds, so the server gets every message exactly once."""
    import threading

    from desk.services.store.db import Store, make_engine

    adapters = [TelegramAdapter(bot.token, bot.url) for _ in range(2)]
    desks = [store, Store(make_engine(store.engine.url), clock=clock)]
    try:
        cid = conversation(store, bot, adapters[0])
        texts = [f"Ответ {n}" for n in range(40)]
        for text in texts:
            inbox.reply(store, actor, cid, inbox.ReplyDraft(text))
        go = threading.Barrier(2)

        def courier(desk, adapter):
            go.wait()
            while outbox.deliver(desk, {TG: adapter}) != (0, 0):
                pass

        workers = [threading.Thread(target=courier, args=pair)
                   for pair in zip(desks, adapters)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
        assert sorted(m["text"] for m in bot.sent) == sorted(texts)
        assert outbox.count_pending(store) == (0, 0)
    finally:
        for adapter in adapters:
            adapter.close()
        desks[1].dispose()
