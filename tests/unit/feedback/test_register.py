"""The feedback register and closing the loop: items with tags and their source, statuses,
linked items, "clients told" to every family within one message per family, loop cases
closed with a reason, and the loop's figures against a hand computation."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desk.models.comms import InboxMessage
from desk.models.enums import (
    Channel, FeedbackSource, FeedbackTone, ItemStatus, LoopStatus,
)
from desk.services.comms import mailings
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import loop, register
from desk.services.privacy import privacy
from desk.services.schedule import lessons
from desk.services.store import errors
from tests.chats import wrote_to_bot
from desk.services.tasks import tasks


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """Telegram and e-mail switched on."""


def family(store, actor, parent, chat=None, preferred=Channel.TELEGRAM):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent),), children=(ChildDraft(parent.split()[0] + " Саша"),),
        preferred_channel=preferred, consent_messages=True))
    if chat:
        wrote_to_bot(store, fid, chat)
    return fid


def tag(store, name):
    return next(t.id for t in register.tags(store) if t.name == name)


def test_an_item_from_a_message_with_tags_copied_to_the_teacher_and_its_loop_case(
        store, actor, clock):
    fid = family(store, actor, "Ёлкина Вера", chat="501")
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина", "+7 903 555-44-33")
    item_id = register.record(store, actor, register.ItemDraft(
        quote="  Опять перенесли занятие в последний момент ", tone=FeedbackTone.NEGATIVE,
        source=FeedbackSource.MESSAGE, source_id=42, family_id=fid,
        tag_ids=(tag(store, "Расписание"), tag(store, "Педагог")), teacher_id=teacher))
    row = register.item(store, item_id)
    assert (row.quote, row.source, row.source_id, row.tags, row.teacher, row.family) == (
        "Опять перенесли занятие в последний момент", FeedbackSource.MESSAGE, 42,
        ("Педагог", "Расписание"), "Ирина Глинина", "Ёлкина Вера")
    assert row.status is ItemStatus.NEW and row.loop is LoopStatus.OPEN
    [case] = loop.cases(store)
    assert case.due_at == clock.now + dt.timedelta(hours=48)
    [task] = [t for t in tasks.listing(store) if t.origin == f"feedback_item:{item_id}"]
    assert "Передать педагогу Ирина Глинина (+7 903 555-44-33)" in task.title
    positive = register.record(store, actor, register.ItemDraft(
        quote="Спасибо за выставку!", tone=FeedbackTone.POSITIVE, family_id=fid))
    assert register.item(store, positive).loop is None  # nothing to answer
    for bad, fields in ((register.ItemDraft(quote=" ", tone=FeedbackTone.NEUTRAL),
                         {"quote": "quote_empty"}),
                        (register.ItemDraft(quote="x", tone=FeedbackTone.NEUTRAL,
                                            tag_ids=(999,)), {"tags": "tag_missing"})):
        with pytest.raises(errors.ValidationFailed) as caught:
            register.record(store, actor, bad)
        assert caught.value.fields == fields


def test_filters_and_counts_per_tag_and_month(store, actor, clock):
    from zoneinfo import ZoneInfo

    fid = family(store, actor, "Ёлкина Вера")
    prices, schedule = tag(store, "Цены"), tag(store, "Расписание")
    for days, tone, tags_ in ((40, FeedbackTone.NEGATIVE, (prices,)),
                              (10, FeedbackTone.SUGGESTION, (schedule,)),
                              (1, FeedbackTone.NEGATIVE, (prices, schedule))):
        clock.now = dt.datetime(2026, 3, 4, 9, tzinfo=dt.timezone.utc) - dt.timedelta(days=days)
        register.record(store, actor, register.ItemDraft(
            quote=f"отзыв {days}", tone=tone, family_id=fid, tag_ids=tags_))
    found = register.listing(store, register.Filters(tone=FeedbackTone.NEGATIVE))
    assert found.total == 2 and [r.quote for r in found.rows] == ["отзыв 1", "отзыв 40"]
    assert register.listing(store, register.Filters(tag_id=schedule)).total == 2
    since = dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)
    assert register.listing(store, register.Filters(since=since)).total == 2
    assert register.listing(store, register.Filters(), limit=1).total == 3
    counts = register.month_counts(store, register.Filters(), ZoneInfo("Europe/Moscow"))
    assert counts == {("Цены", "2026-01"): 1, ("Расписание", "2026-02"): 1,
                      ("Цены", "2026-03"): 1, ("Расписание", "2026-03"): 1}


def test_statuses_move_as_the_department_works_and_a_rejection_needs_a_reason(store, actor):
    item_id = register.record(store, actor, register.ItemDraft(
        quote="Дорого", tone=FeedbackTone.NEGATIVE))
    with pytest.raises(errors.ValidationFailed) as caught:
        register.set_status(store, actor, item_id, ItemStatus.DONE)
    assert caught.value.fields == {"status": "status_move"}
    with pytest.raises(errors.ValidationFailed) as caught:
        register.set_status(store, actor, item_id, ItemStatus.REJECTED, " ")
    assert caught.value.fields == {"reason": "reason_empty"}
    register.set_status(store, actor, item_id, ItemStatus.REJECTED, "Цены ниже рынка")
    row = register.item(store, item_id)
    assert row.status is ItemStatus.REJECTED and row.reason == "Цены ниже рынка"


def test_clients_told_reaches_every_linked_family_once_and_closes_their_loop(
        store, actor, clock):
    vera = family(store, actor, "Ёлкина Вера", chat="501")
    olga = family(store, actor, "Демина Ольга", preferred=Channel.WHATSAPP)
    first = register.record(store, actor, register.ItemDraft(
        quote="Хотим занятия по субботам", tone=FeedbackTone.SUGGESTION, family_id=vera,
        needs_answer=True))
    same = register.record(store, actor, register.ItemDraft(
        quote="Неудобно в будни", tone=FeedbackTone.NEGATIVE, family_id=olga))
    register.link(store, actor, same, first)
    for status in (ItemStatus.ACCEPTED, ItemStatus.IN_WORK):
        register.set_status(store, actor, first, status)
    assert register.item(store, same).status is ItemStatus.IN_WORK  # follows its main item
    with pytest.raises(errors.ValidationFailed) as caught:
        register.tell(store, actor, first, "Открыли группу по субботам")
    assert caught.value.fields == {"change": "item_not_done"}
    register.set_status(store, actor, first, ItemStatus.DONE)
    letters = register.tell_preview(store, first, "С марта — керамика по субботам в 11:00.")
    assert [(fid, parent) for fid, parent, _t in letters] == [(vera, "Ёлкина Вера"),
                                                             (olga, "Демина Ольга")]
    assert letters[0][2].startswith("Вера, здравствуйте! Вы говорили нам: «Хотим занятия")
    told = register.tell(store, actor, first, "С марта — керамика по субботам в 11:00.")
    assert told.sent == 1 and [b[0] for b in told.by_hand] == [olga]
    assert {register.item(store, i).status for i in (first, same)} == {ItemStatus.TOLD}
    assert loop.cases(store) == []  # both families were informed by it
    [closed_first, closed_same] = loop.cases(store, open_only=False)
    assert closed_first.close_reason == closed_same.close_reason == "told"
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage).where(
            InboxMessage.kind == "told")) == 1
        assert mailings.used_budget(s, [vera], clock.now, 7) == {}


def test_a_loop_case_moves_on_and_closes_only_with_a_reason_and_a_comment(store, actor,
                                                                          clock):
    fid = family(store, actor, "Ёлкина Вера")
    register.record(store, actor, register.ItemDraft(
        quote="Ребёнок пришёл грустный", tone=FeedbackTone.NEGATIVE, family_id=fid))
    [case] = loop.cases(store)
    clock.now += dt.timedelta(hours=3)
    loop.move(store, actor, case.id, LoopStatus.IN_PROGRESS)
    clock.now += dt.timedelta(hours=2)
    loop.move(store, actor, case.id, LoopStatus.INFORMED)
    with pytest.raises(errors.ValidationFailed) as caught:
        loop.close(store, actor, case.id, "", " ")
    assert caught.value.fields == {"reason": "reason_missing", "comment": "comment_empty"}
    loop.close(store, actor, case.id, "explained", "Поговорили с мамой, всё в порядке")
    [row] = loop.cases(store, open_only=False)
    assert row.status is LoopStatus.CLOSED and row.first_action_at == row.created_at + \
        dt.timedelta(hours=3)
    timeline = [t.text for t in families.card(store, fid).timeline]
    assert any("случай закрыт — объяснили" in t for t in timeline)


def test_the_loop_figures_equal_a_hand_computation(store, actor, clock):
    """Four negative items and a suggestion that needs an answer (due 48 h after each):
    A contacted after 2 h and closed after 10 h; B contacted after 60 h (late) and closed at
    70 h; C never contacted, past due; D recorded 10 h ago, not contacted, not yet due; the
    suggestion E contacted after 1 h, still open."""
    start = clock.now
    made = {}
    for name, tone, ago in (("A", FeedbackTone.NEGATIVE, 100), ("B", FeedbackTone.NEGATIVE, 90),
                            ("C", FeedbackTone.NEGATIVE, 80), ("D", FeedbackTone.NEGATIVE, 10),
                            ("E", FeedbackTone.SUGGESTION, 5)):
        clock.now = start - dt.timedelta(hours=ago)
        made[name] = register.record(store, actor, register.ItemDraft(
            quote=name, tone=tone, needs_answer=True))
    case = {c.item_id: c.id for c in loop.cases(store)}

    def at(name, hours):
        clock.now = start - dt.timedelta(hours={"A": 100, "B": 90, "E": 5}[name]) + \
            dt.timedelta(hours=hours)

    at("A", 2)
    loop.move(store, actor, case[made["A"]], LoopStatus.IN_PROGRESS)
    at("A", 10)
    loop.close(store, actor, case[made["A"]], "resolved", "ok")
    at("B", 60)
    loop.move(store, actor, case[made["B"]], LoopStatus.INFORMED)
    at("B", 70)
    loop.close(store, actor, case[made["B"]], "explained", "ok")
    at("E", 1)
    loop.move(store, actor, case[made["E"]], LoopStatus.IN_PROGRESS)
    clock.now = start
    f = loop.figures(store, start - dt.timedelta(days=30), start + dt.timedelta(hours=1))
    assert (f.negative, f.judged, f.in_time) == (4, 3, 1)  # D is not due yet
    assert f.share_in_time == pytest.approx(1 / 3)
    # first actions: A 2 h, B 60 h, E 1 h → median 2 h; closes: A 10 h, B 70 h → 40 h
    assert f.median_first_action == dt.timedelta(hours=2)
    assert f.median_close == dt.timedelta(hours=40)
    # open now: C 80 h old, D 10 h, E 5 h
    assert f.open_by_age == {"under_24h": 2, "24_48h": 0, "2_7d": 1, "over_7d": 0}


def test_the_export_holds_the_familys_items_and_the_erase_removes_them(store, actor):
    fid = family(store, actor, "Ёлкина Вера")
    other = family(store, actor, "Демина Ольга")
    mine = register.record(store, actor, register.ItemDraft(
        quote="Педагог кричал на детей", tone=FeedbackTone.NEGATIVE, family_id=fid))
    theirs = register.record(store, actor, register.ItemDraft(
        quote="Тоже заметили", tone=FeedbackTone.NEGATIVE, family_id=other))
    register.link(store, actor, theirs, mine)
    [said] = privacy.export_data(store, fid)["feedback_items"]
    assert said["quote"] == "Педагог кричал на детей" and said["loop"]["status"] == "open"
    privacy.erase(store, actor, fid)
    assert register.of_family(store, fid) == []
    assert register.item(store, theirs).linked_to is None  # the other family's stays
    assert len(loop.cases(store)) == 1


def test_linking_follows_the_main_items_status_and_refuses_a_closed_one(store, actor):
    a, b, c = (register.record(store, actor, register.ItemDraft(
        quote=q, tone=FeedbackTone.SUGGESTION)) for q in ("A", "B", "C"))
    register.link(store, actor, b, a)  # b follows a
    register.set_status(store, actor, c, ItemStatus.ACCEPTED)
    register.link(store, actor, a, c)  # a (and what follows it) now follow c
    assert [register.item(store, i).status for i in (a, b)] == [ItemStatus.ACCEPTED] * 2
    assert register.item(store, b).linked_to == c
    d = register.record(store, actor, register.ItemDraft(quote="D", tone=FeedbackTone.NEUTRAL))
    register.set_status(store, actor, d, ItemStatus.REJECTED, "не про нас")
    with pytest.raises(errors.ValidationFailed) as caught:
        register.link(store, actor, c, d)
    assert caught.value.fields == {"link": "link_closed"}
