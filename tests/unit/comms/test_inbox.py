"""The inbox and the outbox against a Bot-API-compatible server on loopback."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from desk.models.audit import AuditEntry
from desk.models.comms import Conversation
from desk.models.family import Family
from desk.models.enums import InboxChannel, LeadStatus, OutboxStatus
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.store import errors
from desk.services.comms.channels.base import ChannelDown
from desk.services.comms.channels.telegram import TelegramAdapter
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

TG = InboxChannel.TELEGRAM


def receive(store, adapter) -> int:
    batch = adapter.fetch(channel_settings.cursor(store, TG, adapter.identity), 0)
    return inbox.ingest(store, TG, batch)


def vera(store, actor) -> int:
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+79123456789", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2018, 5, 1)),)))


def test_a_message_finds_its_family_by_telegram_name_and_is_stored_once(
        store, actor, bot, adapter, clock):
    fid = vera(store, actor)
    bot.client_writes(501, "Здравствуйте! Есть места в субботу?", username="Vera_E",
                      date=clock.now.timestamp())
    assert receive(store, adapter) == 1
    assert receive(store, adapter) == 0  # the cursor moved on
    [row] = inbox.queue(store)
    assert row.family_id == fid and row.last_text.startswith("Здравствуйте")
    assert row.waiting_since == clock.now
    # the same updates delivered again (a lost cursor) add nothing
    assert inbox.ingest(store, TG, adapter.fetch("", 0)) == 0
    assert len(inbox.messages(store, row.id)) == 1


def test_an_unknown_sender_becomes_a_lead_that_is_linked_in_two_steps(store, actor, bot,
                                                                       adapter):
    bot.client_writes(777, "Хочу записать дочь на керамику", first_name="Ольга")
    receive(store, adapter)
    [row] = inbox.queue(store)
    assert row.family_id is None and row.lead_id is not None
    lead = leads.get(store, row.lead_id)
    assert lead.source == "telegram" and lead.name == "Ольга"
    fid = vera(store, actor)
    inbox.link_family(store, actor, row.id, fid)
    assert inbox.conversation(store, row.id).family_id == fid
    assert leads.get(store, row.lead_id).status is LeadStatus.CONTACTED
    # the next conversation from the same chat knows the family at once
    inbox.close(store, actor, row.id, None, "ответили по телефону")
    bot.client_writes(777, "И ещё вопрос")
    receive(store, adapter)
    assert inbox.queue(store)[0].family_id == fid


def test_the_wait_counts_working_time_only_and_the_longest_wait_comes_first(
        store, actor, bot, adapter, clock):
    # 13:59:30 Moscow: 30 s before the lunch break (14:00–15:00)
    clock.now = dt.datetime(2026, 3, 4, 10, 59, 30, tzinfo=dt.timezone.utc)
    bot.client_writes(1, "первый", date=clock.now.timestamp())
    receive(store, adapter)
    clock.advance(seconds=20)
    bot.client_writes(2, "второй", date=clock.now.timestamp())
    receive(store, adapter)
    clock.now = dt.datetime(2026, 3, 4, 12, 0, 10, tzinfo=dt.timezone.utc)  # 15:00:10
    first, second = inbox.queue(store)
    assert (first.address, second.address) == ("1", "2")
    assert first.wait_s == 40 and second.wait_s == 20
    assert inbox.longest_wait(store).address == "1"


def test_an_answer_stops_the_clock_and_stores_the_response_time(store, actor, bot, adapter,
                                                                clock):
    bot.client_writes(501, "Сколько стоит занятие?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    clock.advance(seconds=35)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("900 ₽ за занятие"))
    after = inbox.conversation(store, row.id)
    assert after.waiting_since is None and after.wait_s == 0
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert bot.sent[0]["text"] == "900 ₽ за занятие" and bot.sent[0]["chat_id"] == "501"
    assert inbox.messages(store, row.id)[-1].status is OutboxStatus.SENT
    report = inbox.stats(store, clock.now.date(), clock.now.date())
    assert report.days[0].first_response_avg_s == 35
    assert report.days[0].within_promise == 1


def test_the_holding_reply_goes_at_once_and_the_client_still_waits_for_the_answer(
        store, actor, bot, adapter, clock):
    bot.client_writes(501, "Можно перенести занятие?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    clock.advance(seconds=41)
    inbox.holding_reply(store, actor, row.id)
    outbox.deliver(store, {TG: adapter})
    assert "минуты" in bot.sent[0]["text"]
    waiting = inbox.conversation(store, row.id)
    assert waiting.waiting_since is not None and waiting.holding_sent
    assert inbox.longest_wait(store).id == row.id  # the timer and the alert go on
    clock.advance(seconds=30)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Да, можно на четверг"))
    day = inbox.stats(store, clock.now.date(), clock.now.date()).days[0]
    assert (day.responses, day.first_response_avg_s, day.within_promise) == (1, 71, 0)


def test_send_later_counts_as_an_answer_when_it_goes(store, actor, bot, adapter, clock):
    bot.client_writes(501, "Когда начало?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    clock.advance(seconds=9)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft(
        "Начало в 17:00", send_at=clock.now + dt.timedelta(hours=1)))
    assert inbox.conversation(store, row.id).waiting_since is not None
    assert inbox.stats(store, clock.now.date(), clock.now.date()).total.responses == 0
    clock.advance(hours=1)
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert inbox.settle_sent_answers(store) == 1
    day = inbox.stats(store, clock.now.date(), clock.now.date()).days[0]
    assert day.responses == 1 and day.first_response_avg_s == 3609
    assert inbox.conversation(store, row.id).waiting_since is None



def test_an_answer_cancelled_before_it_went_stops_counting(store, actor, bot, adapter, clock):
    bot.client_writes(501, "Когда начало?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    asked = inbox.conversation(store, row.id).waiting_since
    today = clock.now.date()
    clock.advance(seconds=20)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Начало в 17:00"))  # counted at once
    [first] = outbox.pending(store)
    assert inbox.stats(store, today, today).total.responses == 1
    outbox.cancel(store, actor, first.id)  # the channel was down: it never went
    assert inbox.conversation(store, row.id).waiting_since == asked  # the client waits on
    assert inbox.stats(store, today, today).total.responses == 0
    clock.advance(seconds=40)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Начало в 17:30"))
    bot.refuse["sendMessage"] = 1
    assert outbox.deliver(store, {TG: adapter}) == (0, 1)  # refused: it never went either
    [refused] = outbox.pending(store)
    clock.advance(seconds=30)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Начало в 17:30, ждём!"))
    outbox.cancel(store, actor, refused.id)  # the wait runs on to the answer that went
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert inbox.settle_sent_answers(store) == 1  # as the courier does after each round
    day = inbox.stats(store, today, today).days[0]
    assert day.responses == 1 and day.first_response_avg_s == 90
    assert inbox.conversation(store, row.id).waiting_since is None


def test_a_cancelled_first_answer_hands_its_wait_to_the_next_answer(store, actor, bot, adapter,
                                                                     clock):
    bot.client_writes(501, "Когда начало?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    today = clock.now.date()
    clock.advance(seconds=10)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Начало в 17:00"))
    [never] = outbox.pending(store)
    clock.advance(seconds=50)
    bot.client_writes(501, "Алло?", date=clock.now.timestamp())
    receive(store, adapter)
    clock.advance(seconds=15)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Да-да, начало в 17:00"))
    outbox.cancel(store, actor, never.id)
    total = inbox.stats(store, today, today).total
    assert total.responses == 1 and total.first_response_avg_s == 75  # from the first question
    with store.read() as s:
        assert s.get(Conversation, row.id).first_response_s == 75

def test_snoozing_a_waiting_client_does_not_silence_the_alert(store, actor, bot, adapter,
                                                              clock):
    bot.client_writes(501, "Есть места?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    inbox.snooze(store, actor, row.id, clock.now + dt.timedelta(hours=1))
    assert inbox.queue(store) == []
    assert inbox.longest_wait(store).id == row.id


def test_a_message_composed_at_23_waits_for_8(store, actor, bot, adapter, clock):
    bot.client_writes(501, "Добрый вечер", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    clock.now = dt.datetime(2026, 3, 4, 20, 0, tzinfo=dt.timezone.utc)  # 23:00 Moscow
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Запишем вас на пятницу"))
    [waiting] = outbox.pending(store)
    assert waiting.send_after == dt.datetime(2026, 3, 5, 5, 0, tzinfo=dt.timezone.utc)
    assert outbox.deliver(store, {TG: adapter}) == (0, 0)
    clock.now = dt.datetime(2026, 3, 5, 5, 0, tzinfo=dt.timezone.utc)  # 8:00
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    # an urgent one goes at night
    clock.now = dt.datetime(2026, 3, 5, 20, 30, tzinfo=dt.timezone.utc)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Занятие отменено", urgent=True))
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert len(bot.sent) == 2


def test_a_channel_failing_twice_then_working_sends_the_message_once(store, actor, bot,
                                                                     adapter, clock):
    bot.client_writes(501, "Вопрос", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Ответ"))
    bot.fail["sendMessage"] = 2
    assert outbox.deliver(store, {TG: adapter}) == (0, 1)
    [waiting] = outbox.pending(store)
    assert waiting.last_error and waiting.attempts == 1
    assert outbox.deliver(store, {TG: adapter}) == (0, 0)  # not before its pause
    clock.advance(seconds=5)
    assert outbox.deliver(store, {TG: adapter}) == (0, 1)
    clock.advance(seconds=10)
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    clock.advance(minutes=30)
    assert outbox.deliver(store, {TG: adapter}) == (0, 0)
    assert [s["text"] for s in bot.sent] == ["Ответ"]
    assert outbox.pending(store) == []


def test_a_refusal_stays_visible_and_can_be_sent_again(store, actor, bot, adapter, clock):
    bot.client_writes(501, "Вопрос", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Ответ"))
    bot.refuse["sendMessage"] = 1
    outbox.deliver(store, {TG: adapter})
    [failed] = outbox.pending(store)
    assert failed.status is OutboxStatus.FAILED and "blocked" in failed.last_error
    clock.advance(hours=1)
    assert outbox.deliver(store, {TG: adapter}) == (0, 0)  # refused for good: waits for staff
    outbox.send_again(store, actor, failed.id)
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)


def test_outside_working_hours_one_auto_reply_per_conversation(store, actor, bot, adapter,
                                                               clock):
    clock.now = dt.datetime(2026, 3, 4, 18, 30, tzinfo=dt.timezone.utc)  # 21:30, closed
    bot.client_writes(501, "Вы работаете завтра?", date=clock.now.timestamp())
    bot.client_writes(501, "Алло?", date=clock.now.timestamp())
    receive(store, adapter)
    outbox.deliver(store, {TG: adapter})
    [auto] = bot.sent
    assert "рабочее время" in auto["text"] and "пн–пт 10:00–14:00, 15:00–20:00" in auto["text"]
    # the night does not count as waiting
    clock.now = dt.datetime(2026, 3, 5, 7, 0, 20, tzinfo=dt.timezone.utc)  # 10:00:20
    assert inbox.queue(store)[0].wait_s == 20


def test_a_hanging_or_broken_server_is_channel_down(bot):
    slow = TelegramAdapter(bot.token, bot.url)
    bot.fail["getUpdates"] = 1
    with pytest.raises(ChannelDown):
        slow.fetch("", 0)
    wrong = TelegramAdapter("1:wrong", bot.url)
    with pytest.raises(ChannelDown) as caught:
        wrong.check()
    assert "wrong" not in str(caught.value)  # the token never reaches a message
    assert TelegramAdapter(bot.token, bot.url).check() == "@studio_bot"


def test_documents_and_voice_notes_go_as_files(store, actor, bot, adapter, clock, tmp_path):
    """The files are kept in the database when the answer is written: another desk sends
    them, even once they are gone from the folder they were picked in."""
    from desk.services.store.db import Store, make_engine

    bot.client_writes(501, "Пришлите договор", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    contract = tmp_path / "договор.pdf"
    contract.write_bytes(b"%PDF-1.4 test")
    voice = tmp_path / "ответ.ogg"
    voice.write_bytes(b"OggS" + b"\0" * 100)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("Договор", attachment=contract))
    inbox.reply(store, actor, row.id, inbox.ReplyDraft("", attachment=voice, voice=True))
    contract.unlink()
    voice.unlink()
    other_desk = Store(make_engine(store.engine.url), clock=store.clock)
    try:
        outbox.deliver(other_desk, {TG: adapter})
    finally:
        other_desk.dispose()
    assert [s["method"] for s in bot.sent] == ["sendDocument", "sendVoice"]
    assert bot.sent[0]["document"] == {"filename": "договор.pdf", "size": 13}
    assert bot.sent[0]["caption"] == "Договор"
    assert bot.sent[1]["voice"] == {"filename": "ответ.ogg", "size": 104}
    messages = inbox.messages(store, row.id)
    assert [m.attachment for m in messages if m.attachment] == ["договор.pdf", "ответ.ogg"]


def test_a_file_too_big_or_gone_is_told_beside_the_field_and_nothing_is_queued(
        store, actor, bot, adapter, clock, tmp_path, monkeypatch):
    from desk.services.store import files

    bot.client_writes(501, "Пришлите договор", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    big = tmp_path / "видео.mp4"
    big.write_bytes(b"\0" * 2048)
    monkeypatch.setattr(files, "MAX_BYTES", 1024)
    with pytest.raises(errors.ValidationFailed) as caught:
        inbox.reply(store, actor, row.id, inbox.ReplyDraft("Видео", attachment=big))
    assert caught.value.fields == {"attachment": "file_too_big"}
    with pytest.raises(errors.ValidationFailed):
        inbox.reply(store, actor, row.id, inbox.ReplyDraft("", attachment=tmp_path / "нет.pdf"))
    assert outbox.pending(store) == []


def test_close_asks_resolved_and_fcr_counts_it(store, actor, bot, adapter, clock):
    for chat in (1, 2):
        bot.client_writes(chat, "Вопрос", date=clock.now.timestamp())
    receive(store, adapter)
    one, two = inbox.queue(store)
    clock.advance(seconds=70)
    inbox.reply(store, actor, one.id, inbox.ReplyDraft("Ответ"))
    inbox.close(store, actor, one.id, resolved=True)
    with pytest.raises(errors.ValidationFailed):  # closed unanswered: why?
        inbox.close(store, actor, two.id, resolved=False)
    inbox.close(store, actor, two.id, None, "спам")
    assert inbox.queue(store) == []
    assert [r.id for r in inbox.queue(store, closed=True)] == [two.id, one.id]
    day = inbox.stats(store, clock.now.date(), clock.now.date()).days[0]
    assert (day.closed, day.resolved) == (1, 1)  # the unanswered one is not FCR
    assert day.responses == 1 and day.within_promise == 0


def test_snoozed_conversations_leave_the_queue_until_their_time_or_a_new_message(
        store, actor, bot, adapter, clock):
    bot.client_writes(501, "Вопрос", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    inbox.snooze(store, actor, row.id, clock.now + dt.timedelta(hours=2))
    assert inbox.queue(store) == [] and len(inbox.queue(store, snoozed=True)) == 1
    clock.advance(hours=2, seconds=1)
    assert len(inbox.queue(store)) == 1
    inbox.snooze(store, actor, row.id, clock.now + dt.timedelta(hours=2))
    bot.client_writes(501, "Ау", date=clock.now.timestamp())
    receive(store, adapter)
    assert len(inbox.queue(store)) == 1


def test_messages_typed_in_by_hand_are_logged_not_sent(store, actor):
    cid = inbox.log_incoming(store, actor, InboxChannel.WHATSAPP, "+7 912 345-67-89",
                             "Можно в четверг?", name="Вера")
    fid_none = inbox.conversation(store, cid).family_id
    assert fid_none is None
    inbox.reply(store, actor, cid, inbox.ReplyDraft("Да, ждём"))
    assert inbox.messages(store, cid)[-1].status is OutboxStatus.LOGGED
    assert outbox.pending(store) == []


def test_a_hanging_server_is_channel_down_once_the_wait_runs_out(bot):
    bot.hang["getUpdates"] = 5.0
    slow = TelegramAdapter(bot.token, bot.url, timeout_s=0.3)
    try:
        with pytest.raises(ChannelDown) as caught:
            slow.fetch("", 0)
        assert caught.value.params["reason"] == "no_answer"
    finally:
        slow.close()


def test_closing_with_an_answer_on_its_way_counts_it_when_it_goes(store, actor, bot, adapter,
                                                                  clock):
    bot.client_writes(501, "Когда начало?", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    inbox.reply(store, actor, row.id, inbox.ReplyDraft(
        "Начало в 17:00", send_at=clock.now + dt.timedelta(hours=1)))
    inbox.close(store, actor, row.id, resolved=True)  # no reason asked: the answer is coming
    clock.advance(hours=1)
    outbox.deliver(store, {TG: adapter})
    assert inbox.settle_sent_answers(store) == 1
    day = inbox.stats(store, clock.now.date(), clock.now.date()).days[0]
    assert (day.responses, day.closed, day.resolved) == (1, 1, 1)


def audit_kinds(store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(AuditEntry.kind).order_by(AuditEntry.id)))


def a_lead_by_hand(store, actor) -> inbox.ConversationRow:
    cid = inbox.log_incoming(store, actor, InboxChannel.WHATSAPP, "+7 912 000-11-22",
                             "Хочу записать дочь на керамику", name="Ольга")
    row = inbox.conversation(store, cid)
    assert row.family_id is None and row.lead_id is not None
    return row


def test_a_new_family_from_a_conversation_is_saved_and_linked_in_one_go(store, actor):
    row = a_lead_by_hand(store, actor)
    draft = dataclasses.replace(leads.family_draft(leads.get(store, row.lead_id)),
                                children=(ChildDraft("Петрова Лиза"),))
    fid = inbox.new_family(store, actor, row.id, draft)
    assert inbox.conversation(store, row.id).family_id == fid
    lead = leads.get(store, row.lead_id)
    assert lead.family_id == fid and lead.status is LeadStatus.CONTACTED
    assert families.card(store, fid).draft.guardians[0].phone == "+79120001122"
    assert audit_kinds(store)[-3:] == ["family.create", "lead.link", "inbox.link"]


def test_a_failed_link_leaves_no_new_family_behind(store, actor, monkeypatch):
    row = a_lead_by_hand(store, actor)
    draft = dataclasses.replace(leads.family_draft(leads.get(store, row.lead_id)),
                                children=(ChildDraft("Петрова Лиза"),))
    kinds = audit_kinds(store)
    with pytest.raises(errors.NotFound):  # the conversation is gone
        inbox.new_family(store, actor, row.id + 100, draft)

    def refuse(uow, lead_id, family_id):
        raise errors.NotFound(f"lead {lead_id} not found")

    # the family is saved and the conversation linked, then linking its lead fails
    monkeypatch.setattr(leads, "link_in", refuse)
    with pytest.raises(errors.NotFound):
        inbox.new_family(store, actor, row.id, draft)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Family)) == 0
    assert audit_kinds(store) == kinds
    assert inbox.conversation(store, row.id).family_id is None
    assert leads.get(store, row.lead_id).family_id is None


def test_the_same_file_sent_to_two_families_is_kept_once_and_outlives_an_erase(
        store, actor, bot, adapter, clock, tmp_path):
    from desk.models.files import StoredFile
    from desk.services.crm import families
    from desk.services.privacy import privacy

    for chat in (501, 502):
        bot.client_writes(chat, "Пришлите прайс", date=clock.now.timestamp())
    receive(store, adapter)
    talks = {r.address: r.id for r in inbox.queue(store)}
    fams = {chat: families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft(name),))) for chat, name in
        (("501", "Ёлкина Вера"), ("502", "Демина Ольга"))}
    for chat, fid in fams.items():
        inbox.link_family(store, actor, talks[chat], fid)
    prices = tmp_path / "цены.pdf"
    prices.write_bytes(b"%PDF-1.4 prices")
    for chat in ("501", "502"):
        inbox.reply(store, actor, talks[chat], inbox.ReplyDraft("Прайс", attachment=prices))
    with store.read() as s:
        assert s.query(StoredFile).count() == 1  # the same bytes: one row
    privacy.erase(store, actor, fams["501"])
    with store.read() as s:
        assert s.query(StoredFile).count() == 1  # still the other family's
    outbox.deliver(store, {TG: adapter})
    assert [m["chat_id"] for m in bot.sent] == ["502"]
    assert bot.sent[0]["document"] == {"filename": "цены.pdf", "size": 15}
    privacy.erase(store, actor, fams["502"])
    with store.read() as s:
        assert s.query(StoredFile).count() == 0  # nobody's any more: gone
