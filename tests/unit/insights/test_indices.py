"""The indices against hand computations on small fixed sets: one answer per family for NPS
(its latest, from surveys and script calls), anonymous answers on their own, the margin of
error, CSAT's top two boxes, CSI's weights, FCR both ways, response times."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.models.comms import Call, Conversation, InboxMessage, NpsScore, Response
from desk.models.enums import CallDirection, InboxChannel, MessageDirection
from desk.models.surveys import CsiItem, CsiScore, SurveyAnswer
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.insights import indices
from desk.services.store.db import SYSTEM_ACTOR

UTC = dt.timezone.utc
SINCE = dt.datetime(2026, 2, 1, tzinfo=UTC)
UNTIL = dt.datetime(2026, 3, 1, tzinfo=UTC)


def day(n: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 2, n, hour, tzinfo=UTC)


def fams(store, actor, n):
    return [families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"Родитель {i}"),),
        children=(ChildDraft(f"Ребёнок {i}"), ChildDraft(f"Ребёнок {i}б"))))
        for i in range(n)]


def add(store, *rows):
    with store.write(SYSTEM_ACTOR) as uow:
        for n, row in enumerate(rows):
            if isinstance(row, SurveyAnswer) and not row.identity:
                row.identity = f"t{id(row)}{n}"
            uow.session.add(row)
            uow.session.flush()
        uow.commit()


def test_nps_takes_each_familys_latest_score_and_counts_anonymous_answers_apart(store, actor):
    a, b, c = fams(store, actor, 3)
    add(store,
        SurveyAnswer(family_id=a, answered_at=day(2), nps=3, identity=""),
        SurveyAnswer(family_id=a, answered_at=day(20), nps=10, identity=""),  # a: latest 10
        NpsScore(family_id=b, at=day(5), score=9),  # b: a call
        SurveyAnswer(family_id=b, answered_at=day(3), nps=2, identity=""),  # older than the call
        SurveyAnswer(family_id=c, answered_at=day(10), nps=7, identity=""),  # passive
        SurveyAnswer(family_id=None, answered_at=day(11), nps=0, identity=""),  # anonymous
        SurveyAnswer(family_id=None, answered_at=day(12), nps=0, identity=""),
        SurveyAnswer(family_id=a, answered_at=dt.datetime(2026, 3, 2, tzinfo=UTC), nps=0,
                     identity=""))  # after the period
    found = indices.compute(store, SINCE, UNTIL).nps
    # promoters a, b; passive c; detractors the two anonymous: n = 5
    assert (found.n, found.promoters, found.passives, found.detractors) == (5, 2, 1, 2)
    assert found.score == pytest.approx(0.0)
    p, d = 2 / 5, 2 / 5
    assert found.moe95 == pytest.approx(1.96 * 100 * math.sqrt(((p + d) - (p - d) ** 2) / 5))
    assert found.too_few


def test_the_regulations_example_40_minus_15_is_25():
    scores = [10] * 40 + [8] * 45 + [3] * 15
    found = indices.nps_of(scores)
    assert found.score == pytest.approx(25.0) and not found.too_few


@given(st.lists(st.integers(0, 10), min_size=1, max_size=60))
def test_nps_stays_within_bounds_and_a_new_promoter_never_lowers_it(scores):
    before = indices.nps_of(scores)
    assert -100 <= before.score <= 100
    assert indices.nps_of(scores + [10]).score >= before.score - 1e-9


def test_csat_and_csi_with_weights_and_an_item_without_answers(store, actor):
    with store.write(SYSTEM_ACTOR) as uow:
        items = {i.key: i for i in uow.session.query(CsiItem)}
        items["teacher"].importance = 3  # teacher weighs 3, schedule 1
        uow.commit()
    add(store,
        SurveyAnswer(answered_at=day(3), csat=5, identity="x1"),
        SurveyAnswer(answered_at=day(4), csat=4, identity="x2"),
        SurveyAnswer(answered_at=day(5), csat=2, identity="x3"),
        SurveyAnswer(answered_at=day(6), csat=3, identity="x4"))
    with store.read() as s:
        answers = {a.identity: a.id for a in s.query(SurveyAnswer)}
    add(store,
        CsiScore(answer_id=answers["x1"], item_id=items["teacher"].id, value=5, scale_max=5),
        CsiScore(answer_id=answers["x2"], item_id=items["teacher"].id, value=3, scale_max=5),
        CsiScore(answer_id=answers["x1"], item_id=items["schedule"].id, value=10,
                 scale_max=10),
        CsiScore(answer_id=answers["x3"], item_id=items["schedule"].id, value=1, scale_max=10))
    found = indices.compute(store, SINCE, UNTIL)
    assert (found.csat.score, found.csat.n) == (50.0, 4)  # 5 and 4 of four answers
    # teacher: (4/4 + 2/4) / 2 = 75 %; schedule: (9/9 + 0/9) / 2 = 50 %
    assert found.csi.items["teacher"][1:] == (75.0, 2)
    assert found.csi.items["schedule"][1:] == (50.0, 2)
    assert found.csi.items["prices"][1:] == (None, 0)  # no answers: left out
    assert found.csi.score == pytest.approx(0.75 * 75 + 0.25 * 50)
    assert found.csi.n == 3


def test_fcr_at_close_and_without_a_new_contact_within_72_hours(store, actor, clock):
    a, b, c = fams(store, actor, 3)
    clock.now = dt.datetime(2026, 3, 10, tzinfo=UTC)

    def talk(family, opened, closed, resolved, address):
        return Conversation(channel=InboxChannel.TELEGRAM, address=address, family_id=family,
                            opened_at=opened, last_at=closed, closed_at=closed,
                            resolved=resolved)

    convs = [talk(a, day(2, 10), day(2, 11), True, "1"),  # a writes again a day later
             talk(a, day(3, 10), day(3, 11), True, "1"),
             talk(b, day(5, 10), day(5, 11), False, "2"),  # b: no new contact
             talk(c, day(27, 10), day(27, 11), None, "3")]  # c: within 72 h of the end
    add(store, *convs)
    add(store, *[InboxMessage(conversation_id=x.id, channel=InboxChannel.TELEGRAM,
                              direction=MessageDirection.IN, at=x.opened_at, text="?")
                 for x in convs])
    add(store, Call(family_id=c, phone="+79120000000", direction=CallDirection.INCOMING,
                    at=dt.datetime(2026, 3, 1, 9, tzinfo=UTC)))
    found = indices.compute(store, SINCE, UNTIL)
    assert (found.fcr_at_close.score, found.fcr_at_close.n) == (pytest.approx(200 / 3), 3)
    # started by the client and closed in February: a (2nd), a (3rd), b, c — a's first was
    # followed by another within 72 h, c's by a call two days later
    assert found.fcr_no_recontact.n == 4
    assert found.fcr_no_recontact.score == 50.0


def test_response_times_median_p90_and_the_share_within_a_minute(store, actor):
    conv = Conversation(channel=InboxChannel.TELEGRAM, address="1", opened_at=day(1),
                        last_at=day(1))
    add(store, conv)
    waits = [10, 20, 30, 40, 50, 60, 70, 80, 90, 300]
    add(store, *[Response(conversation_id=conv.id, asked_at=day(2), answered_at=day(2),
                          wait_s=w, first=True) for w in waits],
        Response(conversation_id=conv.id, asked_at=day(2), answered_at=day(2), wait_s=999,
                 first=False))
    found = indices.compute(store, SINCE, UNTIL).response
    assert (found.median_s, found.p90_s, found.within_60s_pct, found.n) == (55, 90, 60.0, 10)


def test_an_empty_period_gives_nulls(store):
    data = indices.compute(store, SINCE, UNTIL).as_json()
    assert data["nps"]["score"] is None and data["nps"]["n"] == 0
    assert data["csat"] == {"score": None, "n": 0}
    assert data["response"]["median_s"] is None
