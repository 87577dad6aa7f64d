"""A supervisor looks, prints and exports but changes nothing: the services refuse the
supervisor's writes, and the window does not offer them (every tab opens without one)."""

from __future__ import annotations

import pytest

from desk import app
from desk.models.enums import Role
from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.staff import studio
from desk.services.store import errors
from desk.ui.runner import SyncRunner


@pytest.fixture
def boss(store, actor):
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR)])
    return next(m for m in studio.staff(store) if m.role is Role.SUPERVISOR)


def test_the_services_refuse_a_supervisors_changes(store, actor, boss):
    assert boss.actor().looks_only and not actor.looks_only
    with pytest.raises(errors.NotPermitted):
        families.save(store, boss.actor(), FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))
    assert families.find(store, "Ёлкина") == []


def test_a_supervisors_window_offers_no_change_and_every_tab_opens(qtbot, store, actor, boss,
                                                                   tmp_path):
    elkiny = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))

    def fail(exc):
        raise exc  # a write attempted by any view would end the test here

    window = app.build_window(store, boss, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert window.ctx.can_write is False and window.courier.writes is False
    assert window.statusBar().currentMessage().startswith("Supervisor: looking, printing")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # the tab's view is built and loads its rows
        assert window.pages[index].view is not None
    assert window.tabs.currentIndex() == window.TAB_JOURNAL
    assert not window.studio_settings_action.isEnabled() and not window.import_action.isEnabled()
    assert window.export_action.isEnabled()  # exporting is a supervisor's
    window.open_family(elkiny)
    card = window.families.card
    assert card.current is not None and card.current.id == elkiny
    assert card.edit_button.isHidden() and card.note.isHidden() and card.survey_button.isHidden()
    assert card.export_action.isVisible() and not card.erase_action.isVisible()
    assert window.families.new_button.isHidden()
    assert not window.indices.report_button.isHidden()  # the monthly report is a read


def test_the_checklist_of_the_day_is_previewed_printed_saved_kept_and_reopened(
        qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from desk.services.supervision import checklists
    from desk.ui.checklist_dialog import ChecklistDialog, CopiesDialog

    dialog = ChecklistDialog(ctx, Role.SYSTEM)
    qtbot.addWidget(dialog)
    assert dialog.pane.document.pageCount() == 1
    assert dialog.status.text().startswith("Counted at ")
    assert dialog.checklist.title == "Чек-лист дня: Человек-Система"
    saved = tmp_path / "чек-лист.pdf"
    monkeypatch.setattr(dialog, "save_path", lambda: saved)
    dialog.save_button.click()
    assert saved.read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"Saved to {saved} and kept in the archive"

    def to_file():
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return printer

    monkeypatch.setattr(dialog, "printer", to_file)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.COMMUNICATOR))
    dialog.role.activated.emit(dialog.role.currentIndex())
    dialog.print_button.click()
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    assert [c.title for c in checklists.copies(ctx.store)] == [
        "Чек-лист дня: Человек-Коммуникатор", "Чек-лист дня: Человек-Система"]

    kept = CopiesDialog(ctx)
    qtbot.addWidget(kept)
    assert kept.list.topLevelItemCount() == 2
    assert kept.pane.document.pageCount() == 1 and kept.save_button.isEnabled()
    again = tmp_path / "снова.pdf"
    monkeypatch.setattr(kept, "save_path", lambda: again)
    kept.save_button.click()
    assert again.read_bytes() == checklists.copy_pdf(ctx.store, kept.rows[0].id)


def test_a_supervisor_prints_the_checklist_and_it_is_kept(qtbot, store, boss, tmp_path,
                                                          monkeypatch):
    from desk.services.supervision import checklists
    from desk.ui.checklist_dialog import ChecklistDialog

    def fail(exc):
        raise exc

    window = app.build_window(store, boss, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    assert not window.system.checklist_button.isHidden()
    opened = []
    monkeypatch.setattr(ChecklistDialog, "exec", lambda d: opened.append(d) or 0)
    window.system.checklist_button.click()
    [dialog] = opened
    monkeypatch.setattr(dialog, "save_path", lambda: tmp_path / "boss.pdf")
    dialog.save_button.click()
    assert [c.person for c in checklists.copies(store)] == ["Ирина Петрова"]


def test_a_lesson_sheet_for_the_teacher_and_a_supervisors_roster_offers_no_change(
        qtbot, store, actor, boss, tmp_path, monkeypatch):
    import datetime as dt

    from pypdf import PdfReader

    from desk.services.crm.families import ChildDraft
    from desk.services.schedule import enrolment, lessons
    from desk.services.supervision import checklists
    from desk.ui.checklist_dialog import LessonSheetDialog
    from desk.ui.lesson_dialogs import RosterDialog

    elkiny = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    kid = families.card(store, elkiny).draft.children[0].id
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 5, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))))
    enrolment.enrol(store, actor, lesson, elkiny, [kid])

    def fail(exc):
        raise exc

    window = app.build_window(store, boss, on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    roster = RosterDialog(window.ctx, lessons.lesson(store, lesson), window)
    qtbot.addWidget(roster)
    roster.show()
    assert roster.enrol_button.isHidden() and roster.cancel_button.isHidden()
    assert not roster.sheet_button.isHidden()
    opened = []
    monkeypatch.setattr(LessonSheetDialog, "exec", lambda d: opened.append(d) or 0)
    roster.sheet_button.click()
    [sheet] = opened
    assert sheet.status.text() == "1 children on the roster"
    out = tmp_path / "лист.pdf"
    monkeypatch.setattr(sheet, "save_path", lambda: out)
    sheet.save_button.click()
    text = PdfReader(out).pages[0].extract_text()
    assert "Лист занятия: Керамика" in text and "Ёлкин Саша" in text and "впервые" in text
    assert "Обратная связь нужна после занятия: Ёлкин Саша" in " ".join(text.split())
    assert [c.title for c in checklists.copies(store)] == ["Лист занятия: Керамика"]
