"""Teachers reached through the bot: a teacher who writes to it once (known by the Telegram
name on their card, or linked by hand in the inbox) keeps the chat on their card; the desk
then sends them the second feedback's brief and the feedback about them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desk.models.comms import InboxMessage
from desk.models.enums import FeedbackKind, FeedbackTone, InboxChannel, LeadStatus
from desk.services.comms import channel_settings, inbox, leads, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import register, requests, second
from desk.services.schedule import lessons
from desk.services.store import errors
from desk.services.tasks import tasks
from tests.weeks import attend_weekly

TG = InboxChannel.TELEGRAM
MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """Telegram switched on."""


def receive(store, adapter):
    inbox.ingest(store, TG, adapter.fetch(channel_settings.cursor(store, TG, adapter.identity), 0))


def test_a_teacher_known_by_telegram_name_is_no_application_and_gets_written_to(
        store, actor, bot, adapter, clock):
    head = lessons.save_teacher(store, actor, "Олег Главный", telegram="oleg_head", head=True)
    bot.client_writes(777, "Добрый день, это Олег", username="Oleg_Head",
                      date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    assert row.lead_id is None and row.family_id is None and row.name == "Олег Главный"
    assert leads.listing(store) == []
    with store.write(actor) as uow:
        assert inbox.write_to_teacher_in(uow, head, "Карточка для звонка")
        uow.commit()
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert bot.sent[-1]["chat_id"] == "777" and bot.sent[-1]["text"] == "Карточка для звонка"


def test_a_teacher_linked_by_hand_sets_the_application_aside(store, actor, bot, adapter, clock):
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина")
    bot.client_writes(888, "Здравствуйте, я Ирина", date=clock.now.timestamp())
    receive(store, adapter)
    [row] = inbox.queue(store)
    assert row.lead_id is not None  # an unknown sender looks like an application at first
    inbox.link_teacher(store, actor, row.id, teacher)
    assert leads.get(store, row.lead_id).status is LeadStatus.LOST
    with store.write(actor) as uow:
        assert inbox.write_to_teacher_in(uow, teacher, "Привет")
        uow.commit()
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert bot.sent[-1]["chat_id"] == "888"


def test_the_brief_goes_to_the_head_teacher_through_the_bot_only_when_they_wrote(
        store, actor, bot, adapter, clock):
    head = lessons.save_teacher(store, actor, "Олег Главный", telegram="oleg_head", head=True)
    fid = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),),
                                                  children=(ChildDraft("Ёлкин Саша"),)))
    child = families.card(store, fid).draft.children[0].id
    attend_weekly(store, actor, fid, child, 8)
    [case] = [r for r in requests.open_requests(store) if r.kind is FeedbackKind.SECOND]
    brief = second.brief(store, case.id)
    assert brief.head_teachers[0] == (head, "Олег Главный", False)
    with pytest.raises(errors.ValidationFailed) as caught:
        second.hand_over(store, actor, case.id, head, send=brief.text)
    assert caught.value.fields == {"teacher": "teacher_no_chat"}
    bot.client_writes(777, "Я на связи", username="oleg_head", date=clock.now.timestamp())
    receive(store, adapter)
    assert second.brief(store, case.id).head_teachers[0][2]
    second.hand_over(store, actor, case.id, head, send=brief.text)
    assert outbox.deliver(store, {TG: adapter}) == (1, 0)
    assert bot.sent[-1]["text"].startswith("Вторая обратная связь: Ёлкин Саша")


def test_feedback_about_a_teacher_goes_to_them_when_the_bot_can_reach_them(
        store, actor, bot, adapter, clock):
    reachable = lessons.save_teacher(store, actor, "Олег Главный", telegram="oleg_head")
    silent = lessons.save_teacher(store, actor, "Ирина Глинина")
    bot.client_writes(777, "Я на связи", username="oleg_head", date=clock.now.timestamp())
    receive(store, adapter)
    for teacher in (reachable, silent):
        register.record(store, actor, register.ItemDraft(
            quote="Очень понятно объясняет", tone=FeedbackTone.POSITIVE, teacher_id=teacher))
    with store.read() as s:
        [sent] = s.scalars(select(InboxMessage.text).where(InboxMessage.kind == "teacher"))
    assert "«Очень понятно объясняет»" in sent
    [task] = [t for t in tasks.listing(store) if t.origin.startswith("feedback_item:")]
    assert "Ирина Глинина" in task.title  # the other one is passed on by the System person
