"""Sending surveys: the segments computed from the data, the dry run with its reasons (consent,
the survey throttle, the contact budget, the channel), one invitation per family with its
pre-filled link, the status per family, one reminder, "send now" from the card; editing a
survey and the satisfaction items; a paper answer typed in."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from desk.models.comms import InboxMessage
from desk.models.enums import Channel, FeedbackTone, InboxChannel, Mark, OutboxStatus
from desk.services.comms import mailings, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import loop, register
from desk.services.privacy import privacy
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from desk.services.surveys import editing, forms, gforms, invites, paper, segments
from tests.chats import wrote_to_bot

MSK = dt.timezone(dt.timedelta(hours=3))
FORM = "https://docs.google.com/forms/d/e/1FAIpQL/viewform"
PREFILLED = FORM + "?usp=pp_url&entry.1234567=%D0%9A%D0%9E%D0%94"


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """Telegram and e-mail switched on."""


def family(store, actor, parent, kids, *, chat=None, email="", consent=True):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent, email=email),),
        children=tuple(ChildDraft(k) for k in kids),
        preferred_channel=Channel.TELEGRAM if chat else Channel.PHONE,
        consent_messages=consent))
    if chat:
        wrote_to_bot(store, fid, chat)
    return fid, [c.id for c in families.card(store, fid).draft.children]


def visit(store, actor, direction, when, fid, kids, mark=Mark.ATTENDED):
    d = next(x for x in lessons.directions(store) if x.name == direction)
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(d.id, when))
    for e in enrolment.enrol(store, actor, lesson, fid, kids):
        if mark is not Mark.NONE:
            attendance.mark(store, actor, e, mark)
    return lesson


def day(n):
    """``n`` days before the tests' clock (4 March 2026, 12:00 in Moscow), at 11:00."""
    return dt.datetime(2026, 3, 4, 11, tzinfo=MSK) - dt.timedelta(days=n)


def survey(store, key):
    return {x.key: x for x in forms.surveys(store)}[key]


def set_up(store, actor, key, **change):
    """The survey with a form link (the code's question pre-filled) and ``change`` applied."""
    s = survey(store, key)
    draft = editing.SurveyDraft(s.id, s.name, FORM, PREFILLED, s.invitation, s.reminder,
                                s.reminder_days, segments.Rule.from_dict(s.segment))
    for name, value in change.items():
        draft = dataclasses_replace(draft, name, value)
    editing.save(store, actor, draft)
    return s.id


def dataclasses_replace(draft, name, value):
    import dataclasses
    return dataclasses.replace(draft, **{name: value})


@pytest.fixture
def studio_people(store, actor):
    """Ёлкины (twins, Telegram) come to the workshop every week; Демины came once in December;
    Орловы came to a hike last week; Кузнецовы were added and never came; Соколовы booked a
    party for Saturday."""
    elkiny, twins = family(store, actor, "Ёлкина Вера", ["Ёлкин Саша", "Ёлкина Маша"],
                           chat="501")
    deminy, (petya,) = family(store, actor, "Демина Ольга", ["Демин Петя"], chat="502")
    orlovy, (gosha,) = family(store, actor, "Орлова Ирина", ["Орлов Гоша"],
                              email="ira@example.ru")
    kuznetsovy, _ = family(store, actor, "Кузнецова Анна", ["Кузнецов Лёва"],
                           email="anna@example.ru")
    sokolovy, (lisa,) = family(store, actor, "Соколова Нина", ["Соколова Лиза"], chat="505",
                               consent=False)
    for n in (7, 14, 21, 28):
        visit(store, actor, "Керамика", day(n), elkiny, twins)
    visit(store, actor, "Керамика", day(90), deminy, [petya])
    visit(store, actor, "Поход", day(6), orlovy, [gosha])
    visit(store, actor, "Праздник", day(-3), sokolovy, [lisa], mark=Mark.NONE)
    return {"elkiny": elkiny, "deminy": deminy, "orlovy": orlovy, "kuznetsovy": kuznetsovy,
            "sokolovy": sokolovy}


def audience(store, **rule):
    with store.read() as s:
        return segments.audience(s, segments.Rule.from_dict(rule), store.now())


def test_each_rule_finds_its_families_from_the_data(store, actor, studio_people):
    p = studio_people
    regular = audience(store, kind="workshop", rule="regular")
    assert set(regular) == {p["elkiny"]}
    assert regular[p["elkiny"]] == segments.Match(("Саша", "Маша"), "Керамика")
    assert set(audience(store, kind="workshop", rule="regular", min_visits=5)) == set()
    assert set(audience(store, kind="workshop", rule="once")) == {p["deminy"]}
    assert set(audience(store, kind="hike", rule="attended")) == {p["orlovy"]}
    assert set(audience(store, kind="hike", rule="attended", recent_days=3)) == set()
    assert set(audience(store, kind="any", rule="lead_never_enrolled")) == {p["kuznetsovy"]}
    assert set(audience(store, kind="party", rule="party_before")) == {p["sokolovy"]}
    assert set(audience(store, kind="party", rule="party_after")) == set()
    assert set(audience(store, kind="hike", rule="regular")) == set()  # kinds do not mix


def test_a_rule_is_checked_and_keeps_only_the_numbers_it_uses():
    rule = segments.Rule.from_dict({"kind": "hike", "rule": "once"})
    assert rule.as_dict() == {"kind": "hike", "rule": "once", "window_days": 180,
                              "recent_days": 30}
    with pytest.raises(errors.ValidationFailed) as caught:
        segments.Rule("workshop", "once", window_days=20, recent_days=30).check()
    assert caught.value.fields == {"recent_days": "recent_over_window"}
    with pytest.raises(errors.ValidationFailed) as caught:
        segments.Rule("workshop", "regular", min_visits=0).check()
    assert caught.value.fields == {"min_visits": "days_invalid"}


def test_the_dry_run_says_who_gets_it_and_why_others_are_skipped_then_send_invites(
        store, actor, clock, studio_people, bot, adapter):
    p = studio_people
    sid = set_up(store, actor, "workshop_regular")
    with pytest.raises(errors.ValidationFailed) as caught:
        invites.dry_run(store, survey(store, "hike_review").id)  # no link yet
    assert caught.value.fields == {"form_url": "survey_no_link"}
    [one] = invites.dry_run(store, sid).invitees
    assert one.family_id == p["elkiny"] and one.skip == "" and one.channel is InboxChannel.TELEGRAM
    assert one.text.startswith("Вера, здравствуйте! Это студия «ДетиЛюбят». Саша и Маша уже")
    link = next(w for w in one.text.split() if w.startswith("https://"))
    query = parse_qs(urlsplit(link).query)
    assert query == {"usp": ["pp_url"], "entry.1234567": [gforms.family_code(p["elkiny"])]}
    assert gforms.code_family(query["entry.1234567"][0]) == p["elkiny"]

    party = set_up(store, actor, "party_before")
    assert [r.skip for r in invites.dry_run(store, party).invitees] == ["no_consent"]

    clock.now = dt.datetime(2026, 3, 4, 20, 30, tzinfo=dt.timezone.utc)  # 23:30 in Moscow
    assert invites.send(store, actor, sid) == 1
    with store.read() as s:
        message = s.scalar(select(InboxMessage).where(InboxMessage.kind == "survey"))
        assert message.send_after == dt.datetime(2026, 3, 5, 5, tzinfo=dt.timezone.utc)
        assert message.text == one.text
    [row] = invites.invites(store, sid)
    assert (row.family_id, row.delivered, row.answered_at) == (p["elkiny"], OutboxStatus.QUEUED,
                                                              None)
    # a second survey within 30 days is throttled, and the budget counts the invitation
    assert [r.skip for r in invites.dry_run(store, sid).invitees] == ["throttled"]
    with store.read() as s:
        assert mailings.used_budget(s, [p["elkiny"]], store.now(), 7) == {p["elkiny"]: 1}
    clock.now = dt.datetime(2026, 3, 5, 6, tzinfo=dt.timezone.utc)
    assert outbox.deliver(store, {InboxChannel.TELEGRAM: adapter}) == (1, 0)
    assert invites.invites(store, sid)[0].delivered is OutboxStatus.SENT
    assert invites.stats(store)[sid].invited == 1
    exported = privacy.export_data(store, p["elkiny"])["survey_invites"]
    assert [(x["survey"], x["reminded_at"]) for x in exported] == [
        ("Мастерская: ходят постоянно", None)]


def test_one_reminder_goes_to_those_who_have_not_answered(store, actor, clock, studio_people,
                                                         bot, adapter):
    p = studio_people
    sid = set_up(store, actor, "workshop_regular",
                 rule=segments.Rule("any", "attended", recent_days=100))
    assert invites.send(store, actor, sid) == 3  # Ёлкины, Демины (Telegram), Орловы (e-mail)
    assert outbox.deliver(store, {InboxChannel.TELEGRAM: adapter}) == (2, 0)
    assert invites.reminder_run(store, sid).invitees == ()  # not three days yet
    clock.advance(days=3)
    assert {r.family_id for r in invites.reminder_run(store, sid).invitees} == {
        p["elkiny"], p["deminy"]}  # the Орловы' e-mail has not gone: no reminder
    paper.record(store, actor, paper.PaperAnswer(sid, p["deminy"], dt.date(2026, 3, 7), nps=9))
    [due] = invites.reminder_run(store, sid).invitees
    assert due.family_id == p["elkiny"] and due.skip == ""
    assert due.text.startswith("Вера, здравствуйте! Несколько дней назад")
    assert invites.remind(store, actor, sid) == 1
    assert invites.reminder_run(store, sid).invitees == ()  # once
    rows = {r.family_id: r for r in invites.invites(store, sid)}
    assert rows[p["elkiny"]].reminded_at == store.now()
    assert (rows[p["deminy"]].nps, rows[p["deminy"]].reminded_at) == (9, None)
    assert rows[p["deminy"]].answered_at is not None
    with store.read() as s:
        assert s.scalar(select(InboxMessage.text).where(
            InboxMessage.kind == "reminder")) == due.text
    stats = invites.stats(store)[sid]
    assert (stats.invited, stats.answered, stats.answers) == (3, 1, 1)


def test_a_family_invited_twice_is_reminded_once(store, actor, clock, studio_people, bot,
                                                 adapter):
    sid = set_up(store, actor, "workshop_regular",
                 rule=segments.Rule("any", "attended", recent_days=200))
    first = invites.send(store, actor, sid)
    outbox.deliver(store, {InboxChannel.TELEGRAM: adapter})
    clock.advance(days=31)  # the throttle is over: invited again
    assert invites.send(store, actor, sid) == first
    outbox.deliver(store, {InboxChannel.TELEGRAM: adapter})
    clock.advance(days=3)
    due = [r.family_id for r in invites.reminder_run(store, sid).invitees]
    assert len(due) == len(set(due)) == 2  # the Telegram families, once each
    assert invites.remind(store, actor, sid) == 2
    assert invites.reminder_run(store, sid).invitees == ()  # neither invitation again
    reminded = [r for r in invites.invites(store, sid) if r.reminded_at is not None]
    assert len(reminded) == 4


def test_send_now_from_the_card_takes_the_edited_text_and_respects_the_throttle(
        store, actor, studio_people):
    p = studio_people
    sid = set_up(store, actor, "hike_review")
    draft = invites.draft_one(store, sid, p["kuznetsovy"])
    assert draft.skip == "" and draft.channel is InboxChannel.EMAIL
    assert "Лёва" not in draft.text and draft.text.startswith("Анна, здравствуйте!")
    invites.send_one(store, actor, sid, p["kuznetsovy"], draft.text + " Спасибо!")
    [row] = invites.invites(store, sid)
    assert row.family_id == p["kuznetsovy"]
    with store.read() as s:
        assert s.scalar(select(InboxMessage.text).where(
            InboxMessage.kind == "survey")).endswith("Спасибо!")
    assert invites.draft_one(store, sid, p["kuznetsovy"]).skip == "throttled"
    with pytest.raises(errors.ValidationFailed) as caught:
        invites.send_one(store, actor, sid, p["kuznetsovy"], "Ещё раз")
    assert caught.value.fields == {"channel": "throttled"}
    invites.send_one(store, actor, sid, p["kuznetsovy"], "Ещё раз", despite_throttle=True)
    assert len(invites.invites(store, sid)) == 2
    with pytest.raises(errors.ValidationFailed) as caught:
        invites.send_one(store, actor, sid, p["sokolovy"], "Привет")
    assert caught.value.fields == {"channel": "no_consent"}


def test_a_survey_is_edited_and_added_with_each_mistake_named(store, actor):
    s = survey(store, "hike_review")
    draft = editing.SurveyDraft(s.id, "  Поход:   общий отзыв ", FORM, PREFILLED, s.invitation,
                                s.reminder, 5, segments.Rule("hike", "attended", recent_days=10))
    editing.save(store, actor, draft)
    saved = survey(store, "hike_review")
    assert (saved.name, saved.code_entry, saved.reminder_days, saved.segment) == (
        "Поход: общий отзыв", "entry.1234567", 5,
        {"kind": "hike", "rule": "attended", "recent_days": 10})
    mistakes = [
        ({"name": " "}, {"name": "name_empty"}),
        ({"name": "Праздник: после праздника"}, {"name": "name_taken"}),
        ({"form_url": "docs.google.com/forms"}, {"form_url": "url_invalid"}),
        ({"form_url": "https://forms.gle/abc"}, {"form_url": "url_short"}),
        ({"code_entry": FORM + "?entry.1=a&entry.2=b"}, {"code_entry": "code_entry_invalid"}),
        ({"invitation": "{parent}, {price}"}, {"invitation": "template_invalid"}),
        ({"reminder": ""}, {"reminder": "template_empty"}),
        ({"reminder_days": 0}, {"reminder_days": "days_invalid"}),
    ]
    for change, fields in mistakes:
        with pytest.raises(errors.ValidationFailed) as caught:
            editing.save(store, actor, dataclasses_replace(draft, *next(iter(change.items()))))
        assert caught.value.fields == fields
    assert survey(store, "hike_review").name == "Поход: общий отзыв"  # nothing half-saved
    new = editing.save(store, actor, dataclasses_replace(
        dataclasses_replace(draft, "id", None), "name", "Лагерь: после смены"))
    added = next(x for x in forms.surveys(store) if x.id == new)
    assert added.key.startswith("survey_") and added.form_url == FORM
    # a short link is fine when no code is pre-filled
    editing.save(store, actor, dataclasses_replace(dataclasses_replace(
        draft, "code_entry", ""), "form_url", "https://forms.gle/abc"))


def test_the_satisfaction_items_are_renamed_weighted_added_and_switched_off(store, actor):
    items = forms.items(store)
    drafts = [editing.ItemDraft(i.id, i.name, i.importance) for i in items]
    drafts[0] = editing.ItemDraft(items[0].id, "Педагог и занятие", 3)
    editing.save_items(store, actor, drafts[:-1] + [editing.ItemDraft(None, "Чистота", 1)])
    now = forms.items(store)
    assert [(i.name, i.importance) for i in now][:1] == [("Педагог и занятие", 3)]
    assert now[-1].name == "Чистота" and items[-1].id not in {i.id for i in now}
    assert items[-1].id in {i.id for i in forms.items(store, active_only=False)}
    with pytest.raises(errors.ValidationFailed) as caught:
        editing.save_items(store, actor, [editing.ItemDraft(None, "Цены", 1),
                                          editing.ItemDraft(None, "цены", 2)])
    assert caught.value.fields == {"item.1.name": "name_taken"}
    with pytest.raises(errors.ValidationFailed) as caught:
        editing.save_items(store, actor, [editing.ItemDraft(None, "Цены", 0)])
    assert caught.value.fields == {"item.0.importance": "importance_invalid"}


def test_a_paper_answer_counts_and_an_unhappy_one_reaches_the_register(
        store, actor, studio_people):
    p = studio_people
    sid = survey(store, "workshop_regular").id
    teacher = forms.items(store)[0]
    answer = paper.record(store, actor, paper.PaperAnswer(
        sid, p["elkiny"], dt.date(2026, 3, 3), nps=4, csat=2, csi={teacher.id: (3, 5)},
        comment="Мало места в раздевалке"))
    [item] = register.listing(store).rows
    assert (item.quote, item.tone, item.family_id) == ("Мало места в раздевалке",
                                                       FeedbackTone.NEGATIVE, p["elkiny"])
    assert len(loop.cases(store)) == 1
    paper.record(store, actor, paper.PaperAnswer(sid, None, dt.date(2026, 3, 3), nps=10,
                                                 name="Аноним"))
    for bad, fields in (
            (paper.PaperAnswer(sid, None, dt.date(2026, 3, 3)), {"nps": "answer_empty"}),
            (paper.PaperAnswer(sid, None, dt.date(2026, 3, 3), nps=11), {"nps": "nps_range"}),
            (paper.PaperAnswer(sid, None, dt.date(2026, 3, 3), csi={teacher.id: (7, 5)}),
             {f"csi.{teacher.id}": "csi_range"}),
            (paper.PaperAnswer(sid, None, dt.date(2026, 3, 5), nps=5), {"day": "date_in_future"}),
    ):
        with pytest.raises(errors.ValidationFailed) as caught:
            paper.record(store, actor, bad)
        assert caught.value.fields == fields
    exported = privacy.export_data(store, p["elkiny"])
    assert [(a["source"], a["nps"]) for a in exported["survey_answers"]] == [("paper", 4)]
    assert answer > 0
