"""Camp feedback: the camp's roster, a text or voice note per child, one message per family
(siblings together) from the camp template, sent in one batch and tracked per child."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desk.models.comms import InboxMessage
from desk.models.enums import Channel, FeedbackStatus, InboxChannel, Mark
from desk.services.comms import mailings, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import camp, requests
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from tests.chats import wrote_to_bot

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """Telegram and e-mail switched on."""


def family(store, actor, parent, kids, preferred, chat=None):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent),), children=tuple(ChildDraft(k) for k in kids),
        preferred_channel=preferred, consent_messages=True))
    if chat:
        wrote_to_bot(store, fid, chat)
    return fid, [c.id for c in families.card(store, fid).draft.children]


@pytest.fixture
def after_camp(store, actor, clock):
    """A one-day camp on Monday 2 March: the Ёлкины's twins (Telegram) and Петя Демин
    (WhatsApp); a later camp still to come."""
    city = next(d for d in lessons.directions(store) if d.name == "Городской лагерь")
    day = lessons.save_lesson(store, actor, lessons.LessonDraft(
        city.id, dt.datetime(2026, 3, 2, 10, tzinfo=MSK)))
    lessons.save_lesson(store, actor, lessons.LessonDraft(
        city.id, dt.datetime(2026, 3, 9, 10, tzinfo=MSK)))
    elkiny, twins = family(store, actor, "Ёлкина Вера", ["Ёлкин Саша", "Ёлкина Маша"],
                           Channel.TELEGRAM, chat="501")
    deminy, (petya,) = family(store, actor, "Демина Ольга", ["Демин Петя"], Channel.WHATSAPP)
    for fid, kids in ((elkiny, twins), (deminy, [petya])):
        for e in enrolment.enrol(store, actor, day, fid, kids):
            attendance.mark(store, actor, e, Mark.ATTENDED)
    return f"l{day}", elkiny, twins, deminy, petya


def test_a_camps_children_get_one_message_per_family_in_one_batch(
        store, actor, clock, after_camp, bot, adapter, tmp_path):
    key, elkiny, (sasha, masha), deminy, petya = after_camp
    assert requests.open_requests(store) == []  # a camp's first-timers wait for the camp's
    [c] = camp.camps(store)  # the camp to come is not offered yet
    assert (c.key, c.direction, c.children, c.recorded, c.sent) == (
        key, "Городской лагерь", 3, 0, 0)
    assert [r.child for r in camp.roster(store, key)] == ["Демин Петя", "Ёлкин Саша",
                                                         "Ёлкина Маша"]
    voice = tmp_path / "саша.ogg"
    voice.write_bytes(b"OggS" + b"\0" * 64)
    camp.record(store, actor, key, sasha, requests.Words("строил плот", audio=voice))
    camp.record(store, actor, key, masha, requests.Words("лепила из глины"))
    camp.record(store, actor, key, petya, requests.Words("помогал младшим"))
    with pytest.raises(errors.ValidationFailed) as caught:
        camp.record(store, actor, key, petya, requests.Words(""))
    assert caught.value.fields == {"words": "feedback_empty"}

    letters = {x.family_id: x for x in camp.letters(store, key)}
    twins = letters[elkiny]
    assert twins.children == ("Ёлкин Саша", "Ёлкина Маша")
    assert "Саша: строил плот\n\nМаша: лепила из глины" in twins.text
    assert twins.text.startswith("Вера, здравствуйте! Смена «Городской лагерь»")
    assert twins.channel is InboxChannel.TELEGRAM and twins.audio == ("саша.ogg",)
    assert letters[deminy].channel is None and letters[deminy].preferred is Channel.WHATSAPP

    queued = camp.send(store, actor, key, {elkiny: twins.text + " До встречи!",
                                           deminy: letters[deminy].text})
    assert queued == [elkiny]  # the Демины get it by hand
    assert outbox.deliver(store, {InboxChannel.TELEGRAM: adapter}) == (2, 0)
    assert [m["method"] for m in bot.sent] == ["sendMessage", "sendVoice"]
    assert bot.sent[0]["text"].endswith("До встречи!")
    camp.mark_sent(store, actor, key, deminy, letters[deminy].text)
    states = {r.child_id: r.status for r in camp.roster(store, key)}
    assert set(states.values()) == {FeedbackStatus.SENT}
    assert camp.camps(store)[0].sent == 3
    assert all(x.sent for x in camp.letters(store, key))
    assert camp.send(store, actor, key, {elkiny: "ещё раз"}) == []  # each goes once
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage).where(
            InboxMessage.kind == "feedback")) == 2
        assert mailings.used_budget(s, [elkiny], clock.now, 7) == {}
    card = requests.of_family(store, elkiny)
    assert {r.child for r in card} == {"Ёлкин Саша", "Ёлкина Маша"}
    assert all(r.sent_text.endswith("До встречи!") for r in card)


def test_a_child_who_was_not_at_the_camp_cannot_get_its_feedback(store, actor, after_camp):
    key, elkiny, *_ = after_camp
    stranger, (kid,) = family(store, actor, "Орлова Ира", ["Орлов Гоша"], Channel.PHONE)
    with pytest.raises(errors.NotFound):
        camp.record(store, actor, key, kid, requests.Words("был?"))
    with pytest.raises(errors.NotFound):
        camp.letters(store, "l999")


def test_a_sibling_recorded_after_the_familys_message_went_gets_a_message_of_their_own(
        store, actor, after_camp):
    key, elkiny, (sasha, masha), _deminy, _petya = after_camp
    camp.record(store, actor, key, sasha, requests.Words("строил плот"))
    [first] = [x for x in camp.letters(store, key) if x.family_id == elkiny]
    assert camp.send(store, actor, key, {elkiny: first.text}) == [elkiny]
    camp.record(store, actor, key, masha, requests.Words("лепила из глины"))
    [later] = [x for x in camp.letters(store, key) if x.family_id == elkiny]
    assert later.children == ("Ёлкина Маша",) and not later.sent
    assert "Маша: лепила из глины" in later.text and "строил плот" not in later.text
    assert camp.send(store, actor, key, {elkiny: later.text}) == [elkiny]
    assert {r.status for r in camp.roster(store, key) if r.family_id == elkiny} == {
        FeedbackStatus.SENT}
