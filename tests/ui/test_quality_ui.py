"""The call and chat quality sheet through the real widgets: a sheet filled in with the result
counted live, a missing score named beside its criterion without losing the rest, a
supervisor filling one in on a read-only desk (the save stays, the criteria editor does
not), the month with its summary, calibration and printout, a blank form, and the criteria
edited, reordered and removed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from desk import app
from desk.models.enums import CallDirection, ReviewKind, Role
from desk.services.calls import calls
from desk.services.staff import studio
from desk.services.supervision import quality
from desk.ui.context import Context, Notifier
from desk.ui.quality_dialog import BlankFormDialog, CriteriaDialog, QualityDialog, SheetDialog
from desk.ui.runner import SyncRunner

MSK = dt.timezone(dt.timedelta(hours=3))


def fail(exc):
    raise exc


@pytest.fixture
def bosses(store, actor):
    studio.update(store, actor, "ДетиЛюбят", "Europe/Moscow",
                  [studio.StaffEdit(m.name, m.role, True, m.id) for m in studio.staff(store)]
                  + [studio.StaffEdit("Ирина Петрова", Role.SUPERVISOR),
                     studio.StaffEdit("Олег Смирнов", Role.SUPERVISOR)])
    return [m for m in studio.staff(store) if m.role is Role.SUPERVISOR]


def boss_ctx(store, boss) -> Context:
    return Context(store=store, me=boss, studio=studio.info(store), runner=SyncRunner(fail),
                   notifier=Notifier())


def fill_all(dialog: SheetDialog, value: int = 2) -> None:
    for c in dialog.criteria:
        dialog.set_score(c.id, value)


def test_a_sheet_counts_as_it_is_filled_and_names_a_missing_score_beside_it(qtbot, ctx,
                                                                           staff):
    person = staff[Role.COMMUNICATOR].id
    dialog = SheetDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person.currentData() == person and len(dialog.criteria) == 10
    assert dialog.reviewer.currentData() == ctx.me.id
    first, need = dialog.criteria[0], dialog.criteria[2]
    dialog.set_score(first.id, 2)
    assert dialog.total.text() == "Result so far: 100% (9 criteria not scored yet)"
    fill_all(dialog)
    dialog.set_score(need.id, 1)
    assert dialog.total.text() == "Result: 93%"  # 37 of 40
    tone = next(c for c in dialog.criteria if c.name == "Тон разговора")
    dialog.set_score(tone.id, 0)
    assert dialog.total.text().startswith("Result: 0% — failed")
    dialog.set_score(tone.id, 2)
    dialog.groups[need.id].setExclusive(False)
    dialog.groups[need.id].checkedButton().setChecked(False)  # left unscored
    dialog.groups[need.id].setExclusive(True)
    dialog.note.setPlainText("Не спросила про возраст")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter saves
    assert dialog.score_errors[need.id].text() == "Score this criterion: 0, 1 or 2."
    assert dialog.score_errors[first.id].isHidden()
    assert dialog.note.toPlainText() == "Не спросила про возраст"  # nothing typed is lost
    assert dialog.saved_id is None and dialog.isVisible()
    dialog.set_score(need.id, 1)
    assert dialog.score_errors[need.id].isHidden()
    dialog.from_paper.setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.saved_id is not None and not dialog.isVisible()
    saved = quality.review(ctx.store, dialog.saved_id)
    assert (saved.score, saved.from_paper, saved.note, saved.reviewer) == (
        93, True, "Не спросила про возраст", "Мария Лебедева")
    escaped = SheetDialog(ctx, person)
    qtbot.addWidget(escaped)
    escaped.show()
    qtbot.keyClick(escaped, Qt.Key.Key_Escape)  # Esc closes
    assert not escaped.isVisible()


def test_a_supervisor_fills_in_a_sheet_about_a_call_on_a_read_only_desk(
        qtbot, store, actor, staff, bosses, clock, tmp_path, monkeypatch):
    clock.now = dt.datetime(2026, 3, 4, 11, tzinfo=MSK)
    call = calls.log(store, actor, calls.CallDraft("+79161112233", CallDirection.INCOMING))
    clock.now = dt.datetime(2026, 3, 4, 15, tzinfo=MSK)
    window = app.build_window(store, bosses[0], on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert window.quality_action.isEnabled() and not window.criteria_action.isEnabled()
    opened = []
    monkeypatch.setattr(QualityDialog, "exec", lambda d: opened.append(d) or 0)
    window.quality_action.trigger()
    [month] = opened
    month.show()  # the window hides a dialog's writes as it is shown
    assert month.new_button.isVisible() and month.blank_button.isVisible()
    assert month.person.currentText() in ("Анна Соколова", "Мария Лебедева")
    month.person.setCurrentIndex(month.person.findData(staff[Role.COMMUNICATOR].id))
    filled = []
    monkeypatch.setattr(SheetDialog, "exec",
                        lambda d: filled.append(d) or d.show() or _fill_and_save(d, call))
    month.new_button.click()
    [sheet] = filled
    assert sheet.save_seen  # not hidden from a supervisor
    assert sheet.reviewer.currentText() == "Ирина Петрова"
    [saved] = quality.reviews(store, staff[Role.COMMUNICATOR].id, "2026-03")
    assert (saved.reviewer, saved.call_id, saved.score) == ("Ирина Петрова", call, 100)
    assert month.list.topLevelItemCount() == 1 and month.summary.text().startswith(
        "1 sheets (1 calls, 0 chats), average 100%")
    assert month.pane.document.pageCount() >= 1
    editor = CriteriaDialog(window.ctx, window)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.save_button.isHidden() and editor.add_button.isHidden()


def _fill_and_save(dialog: SheetDialog, call: int) -> int:
    dialog.save_seen = dialog.save_button.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ReviewKind.CALL))
    dialog.reference.setCurrentIndex(dialog.reference.findData(call))
    assert dialog.reference.currentText().startswith(f"Звонок №{call} · 04.03 11:00")
    fill_all(dialog)
    dialog.save_button.click()
    return dialog.result()


def test_the_month_shows_the_summary_calibration_and_prints_a_blank_form(
        qtbot, store, actor, staff, bosses, clock, tmp_path, monkeypatch):
    clock.now = dt.datetime(2026, 3, 4, 11, tzinfo=MSK)
    call = calls.log(store, actor, calls.CallDraft("+79161112233", CallDirection.INCOMING))
    person = staff[Role.COMMUNICATOR].id
    found = quality.criteria(store)
    scores = {c.id: 2 for c in found}
    for boss, values in ((bosses[0], scores), (bosses[1], {**scores, found[2].id: 0})):
        quality.record(store, boss.actor(), quality.ReviewDraft(
            person, ReviewKind.CALL, clock.now, values, call_id=call, note="Слушали вдвоём"))
    ctx = boss_ctx(store, bosses[0])
    month = QualityDialog(ctx)
    qtbot.addWidget(month)
    month.person.setCurrentIndex(month.person.findData(person))
    month.person.activated.emit(month.person.currentIndex())
    assert month.list.topLevelItemCount() == 2
    assert month.summary.text() == ("2 sheets (2 calls, 0 chats), average 93%, failed 0; "
                                    "weakest: Потребность выяснена (50%)")
    assert month.detail.topLevelItemCount() == 10 and "Слушали вдвоём" in \
        month.detail_note.text()
    assert month.pairs.count() == 1
    month.tabs.setCurrentIndex(1)
    assert month.calibration.headerItem().text(1) == "Ирина Петрова"
    diff = [month.calibration.topLevelItem(n).text(3) for n in range(10)]
    assert diff.count("-2") == 1 and month.calibration_said.text().endswith(
        "1 criteria scored differently")
    saved = tmp_path / "месяц.pdf"
    monkeypatch.setattr(month, "save_path", lambda: saved)
    month.save_button.click()
    assert "Калибровка" in "".join(p.extract_text() for p in PdfReader(saved).pages)
    month.month.setDate(month.month.date().addMonths(-1))
    assert month.list.topLevelItemCount() == 0 and month.summary.text() == \
        "No sheets this month"
    month.month.setDate(month.month.date().addMonths(1))
    month.list.setCurrentItem(month.list.topLevelItem(1))  # Олег's sheet
    assert not month.remove_button.isEnabled()
    month.list.setCurrentItem(month.list.topLevelItem(0))  # her own
    monkeypatch.setattr(month, "confirm_remove", lambda r: r.reviewer == "Ирина Петрова")
    month.remove_button.click()
    assert month.list.topLevelItemCount() == 1 and month.pairs.count() == 0
    blank = BlankFormDialog(ctx, person)
    qtbot.addWidget(blank)
    assert blank.pane.document.pageCount() == 1
    form = tmp_path / "бланк.pdf"
    monkeypatch.setattr(blank, "save_path", lambda: form)
    blank.save_button.click()
    assert "Мария Лебедева" in PdfReader(form).pages[0].extract_text()
    assert blank.status.text() == f"Saved to {form}"


def test_the_criteria_are_edited_reordered_removed_and_a_bad_one_is_named(qtbot, ctx):
    dialog = CriteriaDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 10
    dialog.table.item(0, dialog.COL_NAME).setText("Приветствие и студия")
    dialog.table.cellWidget(1, dialog.COL_WEIGHT).setValue(4)
    dialog.table.setCurrentCell(9, 0)
    dialog.remove_button.click()
    dialog.add_button.click()
    dialog.table.item(9, dialog.COL_NAME).setText("")
    dialog.save_button.click()
    assert dialog.error.text() == "Row 10: Enter a name." and dialog.isVisible()
    assert dialog.table.currentRow() == 9
    dialog.table.item(9, dialog.COL_NAME).setText("Паузы")
    dialog.table.item(9, dialog.COL_HINT).setText("Не оставлял ждать в тишине")
    dialog.table.item(9, dialog.COL_FAIL).setCheckState(Qt.CheckState.Checked)
    dialog.table.setCurrentCell(9, 0)
    dialog.up_button.click()
    dialog.save_button.click()
    assert not dialog.isVisible()
    found = quality.criteria(ctx.store)
    assert [(c.name, c.weight) for c in found[:2]] == [("Приветствие и студия", 1),
                                                      ("Имя клиента", 4)]
    assert [c.name for c in found[-2:]] == ["Паузы", "Тон разговора"]
    assert found[-2].automatic_fail and found[-2].hint == "Не оставлял ждать в тишине"
    assert "Прощание" not in [c.name for c in found]
