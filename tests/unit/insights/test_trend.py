"""The indices month by month: the monthly sums agree with the answers themselves after every
kind of write (an import, a paper answer, a script call, an erase, a new time zone); the
filters; a month's answers for drilling down; response times by channel, person and hour;
retention (first → second lesson, churn, reasons) and loyalty signals."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select

from desk.models.audit import AuditEntry
from desk.models.comms import Call, Conversation, InboxMessage, LapseCall, NpsScore, Response
from desk.models.enums import (
    CallDirection, InboxChannel, LapseReason, LoyaltyKind, Mark, MessageDirection, ScriptPurpose,
)
from desk.models.surveys import CsiScore, SurveyAnswer
from desk.services.calls import scripts
from desk.services.crm import families, loyalty
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.insights import indices, retention, rollup, trend
from desk.services.privacy import privacy
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import SYSTEM_ACTOR
from desk.services.surveys import forms, gforms, paper

MSK = dt.timezone(dt.timedelta(hours=3))
UTC = dt.timezone.utc


def fams(store, actor, n):
    return [families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"Родитель {i}"),), children=(ChildDraft(f"Ребёнок {i}"),)))
        for i in range(n)]


def same(a: indices.Indices, b: indices.Indices) -> None:
    """NPS, CSAT and CSI agree (to the figure shown)."""
    assert (a.nps.n, a.nps.promoters, a.nps.detractors) == (b.nps.n, b.nps.promoters,
                                                            b.nps.detractors)
    assert (a.csat.n, a.csi.n) == (b.csat.n, b.csi.n)
    for x, y in ((a.csat.score, b.csat.score), (a.csi.score, b.csi.score)):
        assert (x is None) == (y is None) and (x is None or x == pytest.approx(y))
    assert {k: v[1] for k, v in a.csi.items.items()} == pytest.approx(
        {k: v[1] for k, v in b.csi.items.items()})


def agrees(store, months):
    for m in trend.trend(store, months[-1], len(months)):
        same(m.indices, indices.compute(store, m.since, m.until))


def test_the_monthly_sums_agree_with_the_answers_on_a_random_year(store, actor, clock):
    clock.now = dt.datetime(2026, 3, 20, 9, tzinfo=UTC)
    ids = fams(store, actor, 12)
    items = [i.id for i in forms.items(store)]
    rng = random.Random(7)
    with store.write(SYSTEM_ACTOR) as uow:
        for n in range(300):
            at = dt.datetime(2025, 4, 1, tzinfo=UTC) + dt.timedelta(
                hours=rng.randrange(350 * 24))
            a = SurveyAnswer(family_id=rng.choice(ids + [None]), answered_at=at,
                             nps=rng.choice([None, *range(11)]),
                             csat=rng.choice([None, 1, 2, 3, 4, 5]), identity=f"r{n}")
            uow.session.add(a)
            uow.session.flush()
            for item in rng.sample(items, rng.randrange(3)):
                top = rng.choice([5, 10])
                uow.session.add(CsiScore(answer_id=a.id, item_id=item,
                                         value=rng.randint(1, top), scale_max=top))
            if n % 5 == 0:
                uow.session.add(NpsScore(family_id=rng.choice(ids), score=rng.randrange(11),
                                         at=at + dt.timedelta(minutes=5)))
        rollup.refresh_in(uow.session)
        uow.commit()
    months = trend.months_until("2026-03", 12)
    shown = trend.trend(store, "2026-03", 12)
    assert [m.month for m in shown] == months and shown[-1].partial
    assert sum(m.indices.nps.n for m in shown) > 100
    agrees(store, months)


def test_every_write_of_answers_and_scores_keeps_the_sums_current(store, actor, clock,
                                                                  tmp_path):
    clock.now = dt.datetime(2026, 3, 31, 21, 30, tzinfo=UTC)  # 1 April 00:30 in Moscow
    a, b = fams(store, actor, 2)
    sid = forms.surveys(store)[0].id
    teacher = forms.items(store)[0].id
    paper.record(store, actor, paper.PaperAnswer(sid, a, dt.date(2026, 3, 2), nps=10,
                                                 csat=5, csi={teacher: (4, 5)}))
    paper.record(store, actor, paper.PaperAnswer(sid, a, dt.date(2026, 3, 20), nps=3))
    paper.record(store, actor, paper.PaperAnswer(sid, None, dt.date(2026, 2, 27), nps=9))
    nps = scripts.default(ScriptPurpose.NPS)
    scripts.record(store, actor, scripts.RunDraft(b, nps, (scripts.Answer(
        nps.steps[1].key, nps.steps[1].text, "9", score=9),), "done"))
    export = tmp_path / "ответы.csv"
    export.write_text("Отметка времени,Оценка (0–10)\n05.03.2026 10:00:00,8\n",
                      encoding="utf-8")
    gforms.run(store, actor, export, "hike_review", mapping={
        "timestamp": "Отметка времени", "nps": "Оценка (0–10)"})
    march, april = trend.trend(store, "2026-04", 2)
    assert (march.indices.nps.n, march.indices.nps.detractors) == (2, 1)  # a's latest: 3
    assert april.indices.nps.n == 1 and april.indices.nps.promoters == 1  # the call, in April
    assert march.indices.csi.items["teacher"][1] == pytest.approx(75.0)
    agrees(store, trend.months_until("2026-04", 3))

    privacy.erase(store, actor, a)
    assert trend.trend(store, "2026-03", 1)[0].indices.nps.n == 1  # the imported one
    # a new time zone moves the call (31 March 21:30 UTC) back into March
    studio.update(store, actor, "ДетиЛюбят", "Europe/London",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)])
    assert trend.trend(store, "2026-03", 1)[0].indices.nps.promoters == 1
    agrees(store, trend.months_until("2026-04", 3))


@pytest.fixture
def studio_year(store, actor, clock):
    """Ceramics (teacher Ирина) for the Ёлкины, a hike for the Демины, in February; answers
    to two surveys, a script call; conversations in Telegram and by phone."""
    clock.now = dt.datetime(2026, 3, 4, 9, tzinfo=UTC)
    elkiny, deminy = [families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(p),), children=(ChildDraft(c),)))
        for p, c in (("Ёлкина Вера", "Ёлкин Саша"), ("Демина Ольга", "Демин Петя"))]
    kids = {f: [c.id for c in families.card(store, f).draft.children] for f in (elkiny, deminy)}
    directions = {d.name: d.id for d in lessons.directions(store)}
    for name, fid in (("Керамика", elkiny), ("Поход", deminy)):
        lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
            directions[name], dt.datetime(2026, 2, 10, 11, tzinfo=MSK)))
        for e in enrolment.enrol(store, actor, lesson, fid, kids[fid]):
            attendance.mark(store, actor, e, Mark.ATTENDED)
    one, two = forms.surveys(store)[:2]
    for survey, fid, score in ((one.id, elkiny, 10), (two.id, deminy, 2), (one.id, None, 6)):
        paper.record(store, actor, paper.PaperAnswer(survey, fid, dt.date(2026, 2, 20),
                                                     nps=score, comment="слова"))
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add(NpsScore(family_id=deminy, score=9,
                                 at=dt.datetime(2026, 2, 25, tzinfo=UTC)))
        for fid, channel, wait, hour in ((elkiny, InboxChannel.TELEGRAM, 30, 10),
                                         (deminy, InboxChannel.PHONE, 200, 15)):
            asked = dt.datetime(2026, 2, 12, hour, tzinfo=MSK)
            c = Conversation(channel=channel, address=str(fid), name="", family_id=fid,
                             opened_at=asked, last_at=asked, closed_at=asked, resolved=True)
            uow.session.add(c)
            uow.session.flush()
            uow.session.add(Response(conversation_id=c.id, asked_at=asked,
                                     answered_at=asked + dt.timedelta(seconds=wait),
                                     wait_s=wait, first=True, staff_id=1))
        rollup.refresh_in(uow.session)
        uow.commit()
    return elkiny, deminy, one.id, directions["Керамика"]


def test_the_filters_narrow_to_a_survey_a_direction_and_a_channel(store, studio_year):
    elkiny, deminy, survey, ceramics = studio_year
    [feb] = trend.trend(store, "2026-02", 1)
    assert (feb.indices.nps.n, feb.indices.nps.promoters) == (3, 2)  # Демины: the call, 9
    [one] = trend.trend(store, "2026-02", 1, trend.Filters(survey_id=survey))
    assert (one.indices.nps.n, one.indices.nps.detractors) == (2, 1)  # no call, no Демины
    [pottery] = trend.trend(store, "2026-02", 1, trend.Filters(direction_id=ceramics))
    assert (pottery.indices.nps.n, pottery.indices.nps.promoters) == (1, 1)  # Ёлкины only
    assert pottery.indices.response.n == 1
    [telegram] = trend.trend(store, "2026-02", 1, trend.Filters(channel=InboxChannel.TELEGRAM))
    assert telegram.indices.response.median_s == 30 and telegram.indices.fcr_at_close.n == 1
    assert telegram.indices.nps.n == 3  # the channel narrows contacts, not answers


def test_a_months_answers_for_drilling_down_and_the_responses_by_channel_person_hour(
        store, studio_year):
    elkiny, deminy, survey, _ceramics = studio_year
    rows, total = trend.answers(store, "2026-02")
    assert total == 4 and len(rows) == 4
    assert rows[0].source == "call" and rows[0].family_id == deminy and rows[0].nps == 9
    unhappy = next(r for r in rows if r.nps == 2)
    assert unhappy.item_id is not None and unhappy.title == "Демина Ольга"
    rows, total = trend.answers(store, "2026-02", trend.Filters(survey_id=survey))
    assert total == 2 and {r.source for r in rows} == {"paper"}
    b = trend.responses(store, "2026-02")
    assert [(k, r.median_s) for k, r in b.channels] == [("phone", 200), ("telegram", 30)]
    assert [(k, r.n) for k, r in b.hours] == [(10, 1), (15, 1)]
    assert [k for k, _r in b.people] == ["Анна Соколова"]


def test_retention_counts_second_lessons_churn_reasons_loyalty_and_sources(
        store, actor, clock):
    clock.now = dt.datetime(2026, 4, 20, 9, tzinfo=UTC)
    a, b, c = [families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"Родитель {i}"),), children=(ChildDraft(f"Ребёнок {i}"),),
        source=src)) for i, src in enumerate(("сайт", "сайт", "Ёлкины"))]
    direction = lessons.directions(store)[0].id

    def came(fid, when):
        lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(direction, when))
        kids = [x.id for x in families.card(store, fid).draft.children]
        for e in enrolment.enrol(store, actor, lesson, fid, kids):
            attendance.mark(store, actor, e, Mark.ATTENDED)

    came(a, dt.datetime(2026, 2, 3, 11, tzinfo=MSK))
    came(a, dt.datetime(2026, 2, 17, 11, tzinfo=MSK))  # again within 30 days
    came(b, dt.datetime(2026, 2, 10, 11, tzinfo=MSK))  # once, then not in March
    came(a, dt.datetime(2026, 3, 3, 11, tzinfo=MSK))
    came(c, dt.datetime(2026, 4, 6, 11, tzinfo=MSK))  # first lesson, 30 days not over
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add(LapseCall(family_id=b, at=dt.datetime(2026, 3, 10, tzinfo=UTC),
                                  reason=LapseReason.PRICE))
        uow.commit()
    loyalty.record(store, actor, loyalty.SignalDraft(a, LoyaltyKind.REFERRAL,
                                                     dt.datetime(2026, 4, 1, tzinfo=UTC),
                                                     referred_id=c))
    feb, mar, apr = retention.months(store, "2026-04", 3)
    assert (feb.first_timers, feb.came_again, feb.conversion) == (2, 1, 50.0)
    assert (mar.active_before, mar.lapsed, mar.churn) == (2, 1, 50.0)
    assert mar.reasons == {"price": 1}
    assert (apr.first_timers, apr.pending) == (0, 1)
    assert apr.churn is None and apr.lapsed == 1  # April is not over: not counted yet
    assert apr.loyalty == {"referral": 1}
    assert sum(m.sources.get("сайт", 0) for m in (feb, mar, apr)) == 2


def test_a_loyalty_signal_is_checked_shown_on_both_cards_and_removed(store, actor, clock):
    a, b = fams(store, actor, 2)
    at = clock.now
    for draft, fields in (
            (loyalty.SignalDraft(a, LoyaltyKind.REVIEW, at, link="yandex.ru/maps"),
             {"link": "url_invalid"}),
            (loyalty.SignalDraft(a, LoyaltyKind.REFERRAL, at), {"referred": "referred_missing"}),
            (loyalty.SignalDraft(a, LoyaltyKind.REFERRAL, at, referred_id=a),
             {"referred": "referred_self"}),
            (loyalty.SignalDraft(a, LoyaltyKind.RECOMMENDS, at + dt.timedelta(days=1)),
             {"at": "date_in_future"}),
    ):
        with pytest.raises(errors.ValidationFailed) as caught:
            loyalty.record(store, actor, draft)
        assert caught.value.fields == fields
    review = loyalty.record(store, actor, loyalty.SignalDraft(
        a, LoyaltyKind.REVIEW, at, link="https://yandex.ru/maps/org/1", note="5 звёзд"))
    referral = loyalty.record(store, actor, loyalty.SignalDraft(
        a, LoyaltyKind.REFERRAL, at, referred_id=b, note="Родитель 1 — подруга"))
    with pytest.raises(errors.ValidationFailed) as caught:
        loyalty.record(store, actor, loyalty.SignalDraft(a, LoyaltyKind.REFERRAL, at,
                                                         referred_id=b))
    assert caught.value.fields == {"referred": "referred_twice"}
    mine = loyalty.of_family(store, a)
    assert [(r.kind, r.other_id, r.referrer) for r in mine] == [
        (LoyaltyKind.REFERRAL, b, False), (LoyaltyKind.REVIEW, None, False)]
    [theirs] = loyalty.of_family(store, b)
    assert (theirs.other_id, theirs.other, theirs.referrer) == (a, "Родитель 0", True)
    assert [x["kind"] for x in privacy.export_data(store, a)["loyalty_signals"]] == [
        "review", "referral"]
    loyalty.remove(store, actor, review)
    assert [r.kind for r in loyalty.of_family(store, a)] == [LoyaltyKind.REFERRAL]
    privacy.erase(store, actor, b)
    assert [(r.other_id, r.note) for r in loyalty.of_family(store, a)] == [(b, "")]
    with store.read() as s:  # the journal keeps no words about the family erased either
        journal = s.scalars(select(AuditEntry.after).where(AuditEntry.kind == "loyalty.record",
                                                           AuditEntry.entity_id == referral))
        assert all("Родитель 1" not in after for after in journal)
    privacy.erase(store, actor, a)
    assert loyalty.of_family(store, a) == []


def test_the_monthly_report_reads_back_from_its_pdf_and_xlsx(store, studio_year, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from desk.services.insights import monthly

    pdf_path, xlsx_path = tmp_path / "февраль.pdf", tmp_path / "февраль.xlsx"
    found = monthly.export(store, "2026-02", pdf_path)
    assert found.months[-1].month == "2026-02" and len(found.months) == 12
    text = " ".join("".join(p.extract_text() for p in PdfReader(pdf_path).pages).split())
    assert "Отчёт для маркетинга" in text and "Февраль 2026" in text
    assert "NPS +33,3 (n = 3: промоутеры 2, нейтральные 0, критики 1" in text
    assert "Показатели за 12 месяцев" in text and "Как считаются показатели" in text
    assert "Отзывов за месяц: 0" in text  # the answers' items were recorded on 4 March
    march = " ".join("".join(p.extract_text() for p in PdfReader(monthly.export(
        store, "2026-03", tmp_path / "март.pdf") and tmp_path / "март.pdf").pages).split())
    assert "Отзывов за месяц: 3" in march and "(месяц ещё идёт)" in march
    monthly.export(store, "2026-02", xlsx_path)
    book = load_workbook(xlsx_path)
    rows = list(book["Показатели"].iter_rows(values_only=True))
    assert rows[0][-1] == "февраль 2026" and rows[1][0] == "NPS" and rows[1][-1] == "+33,3"
    assert list(book["Реестр"].iter_rows(values_only=True)) == [
        ("Дата", "Слова клиента", "Тон", "Теги", "Статус")]  # none recorded in February
    with pytest.raises(errors.ValidationFailed) as caught:
        monthly.export(store, "2026-02", tmp_path / "отчёт.docx")
    assert caught.value.fields == {"path": "export_type"}
    with pytest.raises(errors.ValidationFailed):
        monthly.export(store, "2026-2", pdf_path)


def test_a_call_after_a_chat_is_a_re_contact_when_fcr_is_narrowed_to_the_chats_channel(
        store, actor, clock):
    [fid] = fams(store, actor, 1)
    closed = dt.datetime(2026, 2, 10, 12, tzinfo=UTC)
    with store.write(SYSTEM_ACTOR) as uow:
        c = Conversation(channel=InboxChannel.TELEGRAM, address="77", name="", family_id=fid,
                         opened_at=closed, last_at=closed, closed_at=closed, resolved=True)
        uow.session.add(c)
        uow.session.flush()
        uow.session.add(InboxMessage(conversation_id=c.id, channel=InboxChannel.TELEGRAM,
                                     direction=MessageDirection.IN, at=closed, text="Вопрос"))
        uow.session.add(Call(family_id=fid, phone="+79123456789", missed=False,
                             direction=CallDirection.INCOMING,
                             at=closed + dt.timedelta(hours=5)))
        uow.commit()
    since, until = dt.datetime(2026, 2, 1, tzinfo=UTC), dt.datetime(2026, 3, 1, tzinfo=UTC)
    with store.read() as s:
        for f in (indices.Filters(), indices.Filters(channel=InboxChannel.TELEGRAM)):
            x = indices.compute_in(s, since, until, store.now(), f).fcr_no_recontact
            assert x.n >= 1 and x.score < 100  # the chat was not resolved for good
        only = indices.compute_in(s, since, until, store.now(),
                                  indices.Filters(channel=InboxChannel.TELEGRAM))
        assert only.fcr_no_recontact.n == 1 and only.fcr_no_recontact.score == 0.0
