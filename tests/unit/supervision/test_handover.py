"""Handing work over for a vacation: what the person owns moves to the substitute (the waiting
clock with it), the substitute's work on it is journalled "for" the absent colleague, the
return gives back what nobody touched and leaves the rest marked, chains resolve to whoever is
in, the digest says what happened, the brief prints, and an erase leaves no item behind."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desk import cli
from desk.models.audit import AuditEntry
from desk.models.comms import Conversation, InboxMessage, Mailing
from desk.models.enums import (
    CallDirection, HandoverKind, HandoverOutcome, HandoverReason, InboxChannel, MailingStatus,
    MessageDirection, PresenceState, Role, TaskStatus,
)
from desk.models.handover import HandoverItem
from desk.models.task import Task
from desk.services.calls import calls, presence
from desk.services.comms import inbox
from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.privacy import privacy
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import SYSTEM_ACTOR
from desk.services.supervision import handover
from desk.services.tasks import tasks

TODAY = dt.date(2026, 3, 4)  # the clock's day in Moscow


@pytest.fixture
def desk(store, staff, clock):
    """Мария (the Communicator) has: a task of her own with a family, a call-back (the role's),
    two conversations waiting (one from the family), a message she scheduled for tomorrow and
    a paused mailing."""
    maria, anna = staff[Role.COMMUNICATOR], staff[Role.SYSTEM]
    elkiny = families.save(store, maria.actor(), FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),)))
    own = tasks.save(store, maria.actor(), tasks.TaskDraft(
        "Перезвонить Ёлкиной про расписание", clock.now + dt.timedelta(days=1),
        family_id=elkiny, assignee_staff_id=maria.id))
    calls.log(store, anna.actor(), calls.CallDraft("+79161112233", CallDirection.INCOMING,
                                                   missed=True))
    back = next(t.id for t in tasks.listing(store) if t.id != own)
    first = inbox.log_incoming(store, anna.actor(), InboxChannel.WHATSAPP, "+79123456789",
                               "Есть места на керамику?", family_id=elkiny)
    second = inbox.log_incoming(store, anna.actor(), InboxChannel.WHATSAPP, "+79035550000",
                                "Сколько стоит?", name="Кузнецова")
    third = inbox.log_incoming(store, anna.actor(), InboxChannel.EMAIL, "petrova@example.ru",
                               "Спасибо!", name="Петрова")
    inbox.reply(store, maria.actor(), third, inbox.ReplyDraft(
        "Напомню завтра о занятии", send_at=clock.now + dt.timedelta(days=1)))
    message = next(m.id for m in inbox.messages(store, third)
                   if m.direction is MessageDirection.OUT)
    with store.write(SYSTEM_ACTOR) as uow:
        mailing = Mailing(name="Мастер-класс в субботу", body="Приходите", staff_id=maria.id,
                          status=MailingStatus.PAUSED, created_at=uow.now)
        uow.session.add(mailing)
        uow.session.flush()
        mailing_id = mailing.id
        uow.commit()
    return dict(maria=maria, anna=anna, elkiny=elkiny, own=own, back=back, first=first,
                second=second, third=third, message=message, mailing=mailing_id)


def owner(store, model, row_id, column="staff_id"):
    with store.read() as s:
        return getattr(s.get(model, row_id), column)


def test_a_week_away_moves_the_work_and_the_return_gives_back_what_nobody_touched(
        store, desk, clock):
    maria, anna = desk["maria"], desk["anna"]
    listed = {(i.kind, i.entity_id) for i in handover.preview(store, maria.id)}
    assert listed >= {(HandoverKind.TASK, desk["own"]), (HandoverKind.TASK, desk["back"]),
                      (HandoverKind.CONVERSATION, desk["first"]),
                      (HandoverKind.CONVERSATION, desk["second"]),
                      (HandoverKind.MESSAGE, desk["message"]),
                      (HandoverKind.MAILING, desk["mailing"])}
    waiting = inbox.conversation(store, desk["first"]).wait_s
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=7),
        notes={(HandoverKind.TASK, desk["own"]): "обещала перезвонить до пятницы"}))
    assert owner(store, Task, desk["own"], "assignee_staff_id") == anna.id
    assert owner(store, Task, desk["back"], "assignee_staff_id") == anna.id  # the role's
    assert owner(store, Conversation, desk["first"]) == anna.id
    assert owner(store, InboxMessage, desk["message"]) == anna.id
    assert owner(store, Mailing, desk["mailing"]) == anna.id
    clock.advance(seconds=30)
    assert inbox.conversation(store, desk["first"]).wait_s == waiting + 30  # the clock goes on
    row = handover.one(store, hid)
    assert row.state == "running" and row.covered_by == anna.name
    assert handover.running_for(store, maria.id).id == hid
    # Мария is away: the System person's presence decides whether the colleague is alerted
    assert presence.communicator_busy(store) is None
    presence.set_state(store, anna.actor(), PresenceState.ON_CALL)
    assert presence.communicator_busy(store).name == anna.name
    presence.set_state(store, anna.actor(), PresenceState.AVAILABLE)

    inbox.reply(store, anna.actor(), desk["first"], inbox.ReplyDraft("Да, есть два места"))
    tasks.set_status(store, anna.actor(), desk["back"], TaskStatus.DONE)
    own_task = tasks.save(store, anna.actor(), tasks.TaskDraft(
        "Заказать глину", clock.now + dt.timedelta(days=2), assignee_staff_id=anna.id))
    with store.read() as s:
        journal = {(e.kind, e.entity_id): e for e in s.scalars(select(AuditEntry))}
    reply = journal[("inbox.reply", desk["first"])]
    assert (reply.staff_name, reply.for_name, reply.for_staff_id) == (anna.name, maria.name,
                                                                       maria.id)
    assert journal[("task.done", desk["back"])].for_name == maria.name
    assert journal[("task.create", own_task)].for_name == ""  # her own work

    clock.advance(days=3)
    new = families.save(store, anna.actor(), FamilyDraft(
        guardians=(GuardianDraft("Новикова Ольга"),)))
    handover.come_back(store, maria.actor(), hid)
    outcome = {(i.kind, i.entity_id): (i.outcome, i.touched_by)
               for i in handover.items(store, hid)}
    assert outcome[(HandoverKind.CONVERSATION, desk["first"])] == (HandoverOutcome.KEPT,
                                                                   anna.name)
    assert outcome[(HandoverKind.TASK, desk["back"])] == (HandoverOutcome.DONE, anna.name)
    for key in ((HandoverKind.TASK, desk["own"]), (HandoverKind.CONVERSATION, desk["second"]),
                (HandoverKind.MESSAGE, desk["message"]),
                (HandoverKind.MAILING, desk["mailing"])):
        assert outcome[key] == (HandoverOutcome.RETURNED, "")
    assert owner(store, Conversation, desk["first"]) == anna.id  # answered: stays, marked
    assert owner(store, Conversation, desk["second"]) is None  # the role's again
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id
    assert owner(store, InboxMessage, desk["message"]) == maria.id
    assert owner(store, Mailing, desk["mailing"]) == maria.id
    assert handover.one(store, hid).state == "returned"
    assert handover.running_for(store, maria.id) is None

    assert handover.unseen_digest(store, maria.id) == hid
    found = handover.digest(store, hid)
    assert found.new_count == 1 and found.new_families == (
        families.card(store, new).title,)
    assert len(found.items) == 7 and found.complaint_count == 0
    handover.mark_seen(store, maria.actor(), hid)
    assert handover.unseen_digest(store, maria.id) is None


def test_a_chain_resolves_to_whoever_is_in_and_nothing_is_lost(store, actor, desk, clock):
    maria, anna = desk["maria"], desk["anna"]
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ольга Смирнова", Role.SYSTEM)])
    olga = next(m for m in studio.staff(store) if m.name == "Ольга Смирнова")
    marias = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=14)))
    assert owner(store, Task, desk["own"], "assignee_staff_id") == anna.id
    clock.advance(days=1)
    annas = handover.start(store, anna.actor(), handover.Draft(
        anna.id, olga.id, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=5),
        reason=HandoverReason.SICK))
    # Мария's work went on to Ольга, who is in
    assert owner(store, Task, desk["own"], "assignee_staff_id") == olga.id
    assert owner(store, Conversation, desk["second"]) == olga.id
    assert handover.one(store, marias).covered_by == olga.name
    inbox.reply(store, olga.actor(), desk["second"], inbox.ReplyDraft("1500 ₽ за занятие"))
    with store.read() as s:
        reply = s.scalar(select(AuditEntry).where(AuditEntry.kind == "inbox.reply",
                                                  AuditEntry.entity_id == desk["second"]))
    assert reply.for_name == maria.name  # the item is Мария's, whoever it came through

    handover.come_back(store, maria.actor(), marias)  # Мария is back before Анна
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id
    assert owner(store, Conversation, desk["second"]) == olga.id  # answered by Ольга: kept
    with store.read() as s:
        later = {(i.kind, i.entity_id): i.outcome for i in s.scalars(
            select(HandoverItem).where(HandoverItem.handover_id == annas))}
    assert later[(HandoverKind.TASK, desk["own"])] is HandoverOutcome.RETURNED
    handover.come_back(store, anna.actor(), annas)
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id  # not to Анна


def test_a_planned_handover_begins_on_its_day_and_ends_on_the_return_day(store, desk, clock):
    maria, anna = desk["maria"], desk["anna"]
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=4)))
    assert handover.one(store, hid).state == "planned"
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id
    assert handover.settle(store, SYSTEM_ACTOR) == (0, 0)
    clock.advance(days=2)
    assert handover.settle(store, SYSTEM_ACTOR) == (1, 0)
    assert owner(store, Task, desk["own"], "assignee_staff_id") == anna.id
    clock.advance(days=2)
    assert handover.settle(store, SYSTEM_ACTOR) == (0, 1)
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id
    assert handover.one(store, hid).state == "returned"


def test_a_handover_that_makes_no_sense_is_refused_field_by_field(store, desk, actor):
    maria, anna = desk["maria"], desk["anna"]
    with pytest.raises(errors.ValidationFailed) as refused:
        handover.start(store, maria.actor(), handover.Draft(
            maria.id, maria.id, TODAY, TODAY))
    assert refused.value.fields == {"to": "handover_same_person", "ends_on": "handover_dates"}
    with pytest.raises(errors.ValidationFailed) as refused:
        handover.start(store, maria.actor(), handover.Draft(
            maria.id, anna.id, TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=3)))
    assert refused.value.fields == {"starts_on": "handover_past"}
    handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=3)))
    with pytest.raises(errors.ValidationFailed) as refused:
        handover.start(store, maria.actor(), handover.Draft(
            maria.id, anna.id, TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=9)))
    assert refused.value.fields == {"starts_on": "handover_overlaps"}


def test_a_supervisor_hands_over_for_a_colleague_on_sick_leave(store, actor, desk):
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR)])
    boss = next(m for m in studio.staff(store) if m.role is Role.SUPERVISOR)
    hid = handover.start(store, boss.actor(), handover.Draft(
        desk["maria"].id, desk["anna"].id, TODAY, TODAY + dt.timedelta(days=5),
        reason=HandoverReason.SICK))
    assert owner(store, Task, desk["own"], "assignee_staff_id") == desk["anna"].id
    with pytest.raises(errors.ValidationFailed) as refused:
        handover.start(store, boss.actor(), handover.Draft(
            boss.id, desk["anna"].id, TODAY, TODAY + dt.timedelta(days=5)))
    assert refused.value.fields == {"from": "handover_not_desk"}
    assert handover.one(store, hid).reason is HandoverReason.SICK


def test_the_brief_prints_the_promises_notes_and_signatures(store, desk, where, tmp_path,
                                                             capsys):
    maria, anna = desk["maria"], desk["anna"]
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=7), note="Звонить до 19:00",
        notes={(HandoverKind.TASK, desk["own"]): "обещала перезвонить до пятницы"}))
    out = tmp_path / "brief.pdf"
    assert cli.run(["checklist", "handover", str(hid), str(out), "--db", where]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    for words in ("Передача дел", "ДетиЛюбят", maria.name, anna.name, "Звонить до 19:00",
                  "Перезвонить Ёлкиной про расписание", "обещала перезвонить до пятницы",
                  "Открытые переписки: 3", "Рассылки: 1", "Передал(а)", "Принял(а)",
                  "Подпись"):
        assert words in text
    assert text.count("☐") >= 7
    assert cli.run(["checklist", "handover", "999", str(out), "--db", where]) == 1
    assert cli.run(["checklist", "handover", str(hid), str(tmp_path / "x.txt"),
                    "--db", where]) == 2


def test_an_erase_leaves_no_handed_over_item_about_the_family(store, actor, desk):
    maria = desk["maria"]
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, desk["anna"].id, TODAY, TODAY + dt.timedelta(days=7)))
    before = handover.items(store, hid)
    assert any(i.family_id == desk["elkiny"] for i in before)
    privacy.erase(store, actor, desk["elkiny"])
    after = handover.items(store, hid)
    assert not any(i.family_id == desk["elkiny"] or "Ёлкин" in i.title or "912" in i.title
                   for i in after)
    assert len(after) < len(before)


def olga_joins(store, actor, role=Role.SYSTEM):
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ольга Смирнова", role)])
    return next(m for m in studio.staff(store) if m.name == "Ольга Смирнова")


def test_a_substitute_back_first_keeps_covering_and_the_absent_gets_everything_back(
        store, actor, desk, clock):
    """Мария → Анна, then Анна → Ольга; Анна is back before Мария."""
    maria, anna = desk["maria"], desk["anna"]
    olga = olga_joins(store, actor)
    marias = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=14)))
    clock.advance(days=1)
    annas = handover.start(store, anna.actor(), handover.Draft(
        anna.id, olga.id, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=5)))
    assert owner(store, Task, desk["own"], "assignee_staff_id") == olga.id
    clock.advance(days=4)
    assert handover.settle(store, SYSTEM_ACTOR) == (0, 1)  # Анна's return day
    assert owner(store, Task, desk["own"], "assignee_staff_id") == anna.id  # covers Мария
    assert handover.one(store, marias).covered_by == anna.name
    assert {i.outcome for i in handover.items(store, marias)} == {HandoverOutcome.OPEN}
    handover.come_back(store, maria.actor(), marias)
    assert owner(store, Task, desk["own"], "assignee_staff_id") == maria.id
    assert owner(store, Mailing, desk["mailing"]) == maria.id
    assert handover.one(store, annas).state == "returned"


def test_when_the_one_covering_through_a_chain_is_back_the_work_goes_to_them(
        store, actor, desk, clock):
    """Анна → Ольга first, then Мария → Анна (so to Ольга); Анна is back: Мария's untouched
    work goes to Анна, what Ольга answered stays with Ольга."""
    maria, anna = desk["maria"], desk["anna"]
    olga = olga_joins(store, actor)
    annas = handover.start(store, anna.actor(), handover.Draft(
        anna.id, olga.id, TODAY, TODAY + dt.timedelta(days=3)))
    marias = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=10)))
    assert owner(store, Task, desk["own"], "assignee_staff_id") == olga.id
    inbox.reply(store, olga.actor(), desk["second"], inbox.ReplyDraft("1500 ₽"))
    handover.come_back(store, anna.actor(), annas)
    assert owner(store, Task, desk["own"], "assignee_staff_id") == anna.id
    assert owner(store, Conversation, desk["first"]) == anna.id
    assert owner(store, Conversation, desk["second"]) == olga.id  # she answered it
    assert handover.one(store, marias).covered_by == anna.name
    tasks.set_status(store, anna.actor(), desk["own"], TaskStatus.DONE)
    with store.read() as s:
        done = s.scalar(select(AuditEntry).where(AuditEntry.kind == "task.done"))
    assert done.for_name == maria.name


def test_a_ring_of_handovers_is_refused(store, desk):
    maria, anna = desk["maria"], desk["anna"]
    handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=7)))
    with pytest.raises(errors.ValidationFailed) as refused:
        handover.start(store, anna.actor(), handover.Draft(
            anna.id, maria.id, TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=4)))
    assert refused.value.fields == {"to": "handover_ring"}
    handover.start(store, anna.actor(), handover.Draft(  # after Мария is back: fine
        anna.id, maria.id, TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=9)))


def test_a_colleague_of_the_same_role_covering_does_her_own_roles_work(store, actor, desk):
    from desk.services.store import cover

    anna, maria = desk["anna"], desk["maria"]
    olga = olga_joins(store, actor)
    handover.start(store, anna.actor(), handover.Draft(
        anna.id, olga.id, TODAY, TODAY + dt.timedelta(days=3)))
    with store.read() as s:
        assert cover.covering(s, olga.id).for_whom("payments.post", None) is None
    handover.start(store, maria.actor(), handover.Draft(
        maria.id, olga.id, TODAY, TODAY + dt.timedelta(days=3)))
    with store.read() as s:  # the Communicator's work is Мария's
        assert cover.covering(s, olga.id).for_whom("inbox.reply", 999) == (maria.id,
                                                                            maria.name)


def test_an_erase_reaches_an_application_s_conversation_and_the_brief_s_debtors(
        store, actor, desk):
    from desk.models.comms import Lead
    from desk.services.supervision import checklists

    maria, anna = desk["maria"], desk["anna"]
    with store.write(SYSTEM_ACTOR) as uow:
        lead = Lead(name="Вера", phone="+79123456789", respond_by=uow.now)
        uow.session.add(lead)
        uow.session.flush()
        talk = Conversation(channel=InboxChannel.TELEGRAM, address="555", name="Вера Т.",
                            lead_id=lead.id, staff_id=maria.id, opened_at=uow.now,
                            last_at=uow.now)
        uow.session.add(talk)
        uow.session.flush()
        talk_id = talk.id
        uow.commit()
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY, TODAY + dt.timedelta(days=7)))
    assert any(i.entity_id == talk_id and i.kind is HandoverKind.CONVERSATION
               for i in handover.items(store, hid))
    found = handover.brief(store, hid)
    checklists.keep(store, anna.actor(), found, handover.render_brief(found))
    assert f" {desk['elkiny']} " in found.mentions and "+79161112233" in found.mentions
    privacy.erase(store, actor, desk["elkiny"])
    assert not any(i.entity_id == talk_id and i.kind is HandoverKind.CONVERSATION
                   for i in handover.items(store, hid))
    assert checklists.copies(store) == []  # the kept brief named the family


@pytest.mark.postgresql_only
def test_two_desks_starting_at_once_begin_a_handover_once(store, desk, clock):
    import threading

    from sqlalchemy import text

    from desk.models.handover import Handover

    maria, anna = desk["maria"], desk["anna"]
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=4)))
    clock.advance(days=1)
    results = []
    with store.write(SYSTEM_ACTOR) as uow:  # the first desk holds the handover
        h = uow.session.get(Handover, hid, with_for_update=True)
        other = threading.Thread(target=lambda: results.append(
            handover.settle(store, SYSTEM_ACTOR)))
        other.start()
        with store.engine.connect() as look:  # until the second desk waits for the lock
            for _ in range(2000):
                if look.execute(text("SELECT count(*) FROM pg_stat_activity WHERE "
                                     "wait_event_type = 'Lock'")).scalar():
                    break
                threading.Event().wait(0.005)
        handover._begin(uow, h)
        uow.audit("handover.begin", entity_id=h.id)
        uow.commit()
    other.join(10)
    assert results == [(0, 0)]
    with store.read() as s:
        begun = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.kind == "handover.begin"))
    assert begun == 1
    assert len({(i.kind, i.entity_id) for i in handover.items(store, hid)}) == len(
        handover.items(store, hid))
