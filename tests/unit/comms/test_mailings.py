"""Mailings: the audience, the dry run, consent, the contact budget, siblings, quiet hours,
pause and resume."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.models.enums import InboxChannel, MailingStatus, RecipientStatus
from desk.services.comms import inbox, mailings, outbox
from desk.services.crm import families
from desk.services.store import errors
from desk.services.comms.channels.base import Batch, Incoming
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

BODY = "{parent}, для {child} открыли новую группу по керамике в «{studio}»!"


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """The mailings here go through e-mail and Telegram, switched on."""


def family(store, actor, parent, *children, email="", marketing=True, tg=False):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent, email=email),),
        children=tuple(ChildDraft(c, dt.date(2018, 1, 1)) for c in children),
        consent_marketing=marketing))
    return fid


@pytest.fixture
def studio_families(store, actor):
    return {
        "both": family(store, actor, "Ёлкина Вера", "Ёлкин Саша", "Ёлкина Маша",
                       email="vera@example.ru"),
        "optout": family(store, actor, "Демина Ольга", "Демин Петя", email="olga@example.ru",
                         marketing=False),
        "nochannel": family(store, actor, "Кузнецова Анна", "Кузнецов Лёва"),
        "busy": family(store, actor, "Орлова Ирина", "Орлов Гоша", email="ira@example.ru"),
    }


def test_the_dry_run_merges_siblings_and_says_who_is_skipped_and_why(store, actor, clock,
                                                                     studio_families):
    f = studio_families
    shown = mailings.preview(store, mailings.Filters(), BODY)
    by = {r.family_id: r for r in shown.recipients}
    assert len(shown.recipients) == 4  # one line per family, siblings together
    assert by[f["both"]].text == ("Вера, для Саша и Маша открыли новую группу по керамике "
                                  "в «ДетиЛюбят»!")
    assert by[f["both"]].skip == "" and by[f["both"]].channel is InboxChannel.EMAIL
    for _ in range(2):  # two mailings this week already: the budget (2 in 7 days) is spent
        mailings.start(store, actor, "Раньше", mailings.Filters(), "Привет")
        mailings.step(store)
    by = {r.family_id: r for r in mailings.preview(store, mailings.Filters(), BODY).recipients}
    assert by[f["both"]].skip == "over_budget"
    assert by[f["optout"]].skip == "no_consent"
    assert by[f["nochannel"]].skip == "no_channel"
    assert by[f["busy"]].skip == "over_budget"


def test_a_mailing_skips_opted_out_and_over_budget_families_and_sends_one_per_family(
        store, actor, clock, studio_families):
    f = studio_families
    mailings.set_budget(store, actor, 1, 7)
    earlier = mailings.start(store, actor, "Раньше", mailings.Filters(), "Привет")
    mailings.step(store)
    listing = {r.family_id: r for r in mailings.recipients(store, earlier)}
    assert listing[f["busy"]].status is RecipientStatus.QUEUED
    assert listing[f["both"]].status is RecipientStatus.QUEUED
    clock.advance(days=8)  # the week has passed for both
    outbox_before = len(outbox.pending(store))
    mid = mailings.start(store, actor, "Керамика", mailings.Filters(), BODY)
    assert mailings.step(store) == 2
    rows = {r.family_id: r for r in mailings.recipients(store, mid)}
    assert rows[f["optout"]].reason == "no_consent"
    assert rows[f["nochannel"]].reason == "no_channel"
    assert {fid for fid, r in rows.items() if r.status is RecipientStatus.QUEUED} == {
        f["both"], f["busy"]}
    assert len(outbox.pending(store)) == outbox_before + 2
    [row] = [m for m in mailings.listing(store) if m.id == mid]
    assert row.status is MailingStatus.DONE and (row.queued, row.skipped) == (2, 2)
    # a third one the same week: the budget (1 in 7 days) skips them both
    third = mailings.start(store, actor, "Ещё", mailings.Filters(), "Ещё новость")
    mailings.step(store)
    assert {r.reason for r in mailings.recipients(store, third)} >= {"over_budget"}


def test_answers_in_a_conversation_do_not_use_the_budget(store, actor, studio_families):
    fid = studio_families["busy"]
    inbox.ingest(store, InboxChannel.EMAIL, Batch((Incoming(
        "<1@x>", "ira@example.ru", "Ирина", "Вопрос", store.now()),), "1:1"))
    [conv] = inbox.queue(store)
    for _ in range(3):
        inbox.reply(store, actor, conv.id, inbox.ReplyDraft("Ответ"))
    shown = {r.family_id: r for r in mailings.preview(store, mailings.Filters(), BODY).recipients}
    assert shown[fid].skip == ""


def test_quiet_hours_hold_a_mailing_and_pause_withdraws_what_has_not_gone(
        store, actor, clock, studio_families):
    clock.now = dt.datetime(2026, 3, 4, 19, 30, tzinfo=dt.timezone.utc)  # 22:30 Moscow
    mid = mailings.start(store, actor, "Ночью", mailings.Filters(), BODY)
    assert mailings.step(store) == 0
    clock.now = dt.datetime(2026, 3, 5, 5, 0, tzinfo=dt.timezone.utc)  # 8:00
    assert mailings.step(store) == 2
    mailings.set_paused(store, actor, mid, True)
    assert outbox.pending(store) == []
    assert mailings.step(store) == 0
    mailings.set_paused(store, actor, mid, False)
    assert mailings.step(store) == 2


def test_filters_by_age_and_bad_templates_are_refused(store, actor, clock, studio_families):
    young = family(store, actor, "Белова Нина", "Белов Ваня", email="nina@example.ru")
    families.save(store, actor, families.card(store, young).draft.__class__(
        id=young, guardians=(GuardianDraft("Белова Нина", email="nina@example.ru"),),
        children=(ChildDraft("Белов Ваня", dt.date(2023, 1, 1)),), consent_marketing=True))
    shown = mailings.preview(store, mailings.Filters(age_to=4), BODY)
    assert [r.family_id for r in shown.recipients] == [young]
    with pytest.raises(errors.ValidationFailed):
        mailings.preview(store, mailings.Filters(), "{parent} {nonsense}")



def test_a_family_whose_only_channel_is_not_set_up_is_skipped_in_the_dry_run(store, actor):
    from desk.models.comms import ChannelConfig

    with store.write(actor) as uow:
        uow.session.get(ChannelConfig, InboxChannel.EMAIL).enabled = False
        uow.commit()
    families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", email="vera@example.ru"),),
        children=(ChildDraft("Ёлкин Саша"),), consent_marketing=True))
    [recipient] = mailings.preview(store, mailings.Filters(), "Привет").recipients
    assert recipient.skip == "channel_off"
    mailings.start(store, actor, "Весна", mailings.Filters(), "Привет")
    mailings.step(store)
    assert outbox.pending(store) == []  # nothing left to wait forever
