"""Handing work over through the real widgets: the Communicator hands over for a week (her
conversations, tasks and a scheduled mailing move; the brief previews), the System person's
desk says whom she covers and her answer is journalled for the colleague, "I'm back" returns
what nobody touched and the digest lists what happened; a chain shows who really covers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from desk import app
from desk.models.comms import Conversation, Mailing
from desk.models.enums import (
    HandoverOutcome, InboxChannel, MailingStatus, Role,
)
from desk.models.task import Task
from desk.services.comms import inbox
from desk.services.crm import audit
from desk.services.staff import studio
from desk.services.store.db import SYSTEM_ACTOR
from desk.services.supervision import handover
from desk.services.tasks import tasks
from desk.ui.audit_view import AuditView
from desk.ui.handover_dialog import HandOverDialog, HandoversDialog
from desk.ui.runner import SyncRunner


def fail(exc):
    raise exc


def window_of(qtbot, store, member, tmp_path):
    window = app.build_window(store, member, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def work(store, staff, clock):
    maria, anna = staff[Role.COMMUNICATOR], staff[Role.SYSTEM]
    own = tasks.save(store, maria.actor(), tasks.TaskDraft(
        "Перезвонить Ёлкиной", clock.now + dt.timedelta(days=1), assignee_staff_id=maria.id))
    talks = [inbox.log_incoming(store, anna.actor(), InboxChannel.WHATSAPP, phone, text,
                                name=name)
             for phone, text, name in (("+79123456789", "Есть места?", "Ёлкина"),
                                       ("+79035550000", "Сколько стоит?", "Кузнецова"))]
    with store.write(SYSTEM_ACTOR) as uow:
        mailing = Mailing(name="Мастер-класс в субботу", body="Приходите", staff_id=maria.id,
                          status=MailingStatus.PAUSED, created_at=uow.now)
        uow.session.add(mailing)
        uow.session.flush()
        mailing_id = mailing.id
        uow.commit()
    return dict(maria=maria, anna=anna, own=own, talks=talks, mailing=mailing_id)


def held(store, model, row_id, column="staff_id"):
    with store.read() as s:
        return getattr(s.get(model, row_id), column)


def test_a_week_handed_over_answered_by_the_colleague_and_taken_back(
        qtbot, store, work, tmp_path, monkeypatch):
    maria, anna = work["maria"], work["anna"]
    window = window_of(qtbot, store, maria, tmp_path)
    dialog = HandOverDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.person.currentData() == maria.id and dialog.substitute.currentData() == anna.id
    assert dialog.items.rowCount() == 4  # the task, two conversations, the mailing
    assert dialog.moving.text() == "What moves to the substitute: 4 item(s)"
    titles = [dialog.items.item(n, 0).text() for n in range(dialog.items.rowCount())]
    dialog.items.item(titles.index("Перезвонить Ёлкиной"), 3).setText("обещала в пятницу")
    dialog.ends.setDate(dialog.starts.date())  # back the same day: refused beside the field
    dialog.ok.click()
    assert dialog.ends_error.text() == "The day back comes after the first day away."
    assert dialog.handover_id is None and dialog.isEnabled()
    dialog.ends.setDate(dialog.starts.date().addDays(7))
    dialog.ok.click()
    hid = dialog.handover_id
    assert hid is not None and dialog.ends_error.isHidden()
    assert held(store, Task, work["own"], "assignee_staff_id") == anna.id
    assert all(held(store, Conversation, t) == anna.id for t in work["talks"])
    assert held(store, Mailing, work["mailing"]) == anna.id
    assert [i.note for i in handover.items(store, hid) if i.entity_id == work["own"]
            and i.kind.value == "task"] == ["обещала в пятницу"]

    from desk.ui.handover_dialog import BriefDialog
    brief = BriefDialog(window.ctx, hid, window)
    qtbot.addWidget(brief)
    assert brief.pane.data.startswith(b"%PDF") and brief.status.text() == "4 item(s) listed"

    desk = window_of(qtbot, store, anna, tmp_path)  # the System person's desk
    assert desk.covering_label.text().startswith("Covering for: Мария Лебедева (back on ")
    inbox.reply(store, anna.actor(), work["talks"][0], inbox.ReplyDraft("Да, есть"))
    journal = AuditView(desk.ctx)
    qtbot.addWidget(journal)
    rows = audit.entries(store, kind_prefix="inbox.reply")
    assert journal.model.cell(rows[0], journal.model.COL_WHO) == \
        "Анна Соколова (for Мария Лебедева)"

    listing = HandoversDialog(window.ctx, window)
    qtbot.addWidget(listing)
    assert listing.list.rowCount() == 1 and listing.back_button.isEnabled()
    assert listing.list.item(0, 5).text() == "running"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    listing.back_button.click()
    assert listing.list.item(0, 5).text() == "back" and not listing.back_button.isEnabled()
    became = {listing.items.item(n, 0).text(): listing.items.item(n, 4).text()
              for n in range(listing.items.rowCount())}
    assert became["Ёлкина"] == "kept by who worked on it (Анна Соколова)"
    assert became["Кузнецова"] == "back with its owner"
    assert held(store, Task, work["own"], "assignee_staff_id") == maria.id
    assert held(store, Conversation, work["talks"][0]) == anna.id
    assert held(store, Conversation, work["talks"][1]) is None
    digest = listing.digest
    qtbot.addWidget(digest)
    text = digest.text.toPlainText()
    assert "Kept by who worked on it: 1" in text and "Back with its owner: 3" in text
    assert "worked on by Анна Соколова" in text and "New families: 0" in text
    assert handover.unseen_digest(store, maria.id) is None  # read
    desk._show_covering()
    assert desk.covering_label.isHidden()


def test_the_digest_waits_for_the_person_back_at_their_next_start(qtbot, store, work,
                                                                    tmp_path, clock):
    maria, anna = work["maria"], work["anna"]
    today = dt.date(2026, 3, 4)
    hid = handover.start(store, maria.actor(), handover.Draft(
        maria.id, anna.id, today, today + dt.timedelta(days=3)))
    tasks.set_status(store, anna.actor(), work["own"], tasks.TaskStatus.DONE)
    clock.advance(days=3)  # the return day: the first desk to start ends the handover
    window = window_of(qtbot, store, maria, tmp_path)
    assert handover.one(store, hid).state == "returned"
    digest = window.digest_dialog
    qtbot.addWidget(digest)
    assert digest.isVisible() and "Done meanwhile: 1" in digest.text.toPlainText()
    assert handover.unseen_digest(store, maria.id) is None
    again = window_of(qtbot, store, maria, tmp_path)  # once
    assert not hasattr(again, "digest_dialog")


def test_the_dialog_says_who_really_covers_when_the_colleague_is_away_too(
        qtbot, store, actor, work, tmp_path):
    maria, anna = work["maria"], work["anna"]
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ольга Смирнова", Role.SYSTEM)])
    olga = next(m for m in studio.staff(store) if m.name == "Ольга Смирнова")
    today = dt.date(2026, 3, 4)
    handover.start(store, anna.actor(), handover.Draft(anna.id, olga.id, today,
                                                       today + dt.timedelta(days=5)))
    window = window_of(qtbot, store, maria, tmp_path)
    dialog = HandOverDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.substitute.setCurrentIndex(dialog.substitute.findData(anna.id))
    dialog.substitute.activated.emit(dialog.substitute.currentIndex())
    assert not dialog.chain.isHidden()
    assert dialog.chain.text() == ("Анна Соколова is away (back on 9 March 2026): the work "
                                   "goes to the one covering, Ольга Смирнова.")
    dialog.starts.setDate(QDate(2026, 3, 4))
    dialog.ok.click()
    assert held(store, Task, work["own"], "assignee_staff_id") == olga.id
    rows = {h.from_name: h for h in handover.listing(store)}
    assert rows[maria.name].covered_by == olga.name
    assert [i.outcome for i in handover.items(store, dialog.handover_id)] == [
        HandoverOutcome.OPEN] * 4


def test_the_dialog_refuses_a_substitute_whom_the_absent_person_covers(qtbot, store, work,
                                                                        tmp_path):
    maria, anna = work["maria"], work["anna"]
    today = dt.date(2026, 3, 4)
    handover.start(store, maria.actor(), handover.Draft(maria.id, anna.id, today,
                                                        today + dt.timedelta(days=5)))
    window = window_of(qtbot, store, anna, tmp_path)  # Анна covers Мария
    dialog = HandOverDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.person.currentData() == anna.id
    assert dialog.substitute.currentData() == maria.id
    assert dialog.chain.text() == ("Мария Лебедева is away (back on 9 March 2026), and "
                                   "Анна Соколова covers them: choose someone who is in.")
    assert not dialog.ok.isEnabled() and not dialog.ok.autoDefault()
