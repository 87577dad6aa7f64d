"""Call scripts through their widgets: a guided NPS call from the family card, the lapsed-client
script from No-shows, the studio editing a script, and the alert that goes to the System
person while the Communicator is on a call or away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desk.models.enums import (
    InboxChannel, LapseReason, Mark, PresenceState, Role, ScriptPurpose, StepKind,
)
from desk.services.calls import lapsed, presence, scripts
from desk.services.comms import inbox
from desk.services.crm import families
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.families_view import FamiliesView
from desk.ui.main_window import MainWindow
from desk.ui.script_call import ScriptCallDialog
from desk.ui.scripts_dialog import ScriptsDialog
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text
from tests.unit.calls.test_lapsed import MSK, visit


def family(ctx, actor):
    return families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вероника", "+7 912 345-67-89"),),
        children=(ChildDraft("Ёлкин Святослав"),)))


def choose(dialog, label):
    """Click the answer button whose words are ``label``."""
    (button,) = [b for b in dialog.choices.findChildren(QPushButton)
                 if b.text().endswith(". " + label) and b.isVisible()]
    button.click()


def open_card(qtbot, ctx, fid):
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.card.show_family(fid)
    return view.card


def test_an_nps_call_from_the_card_is_guided_and_stored(qtbot, ctx, actor, monkeypatch):
    fid = family(ctx, actor)
    card = open_card(qtbot, ctx, fid)
    states = []

    def call(dialog):
        dialog.show()
        dialog.windowHandle().requestActivate()  # shortcuts need the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        states.append(presence.state_of(ctx.store, ctx.me.id))
        assert dialog.question.text().startswith("Здравствуйте, Вероника! Это Мария")
        assert "+7 912 345-67-89" in dialog.findChildren(type(dialog.question))[0].text()
        choose(dialog, "Да")
        assert dialog.inputs.currentWidget() is dialog.score_page
        dialog.score_buttons[9].click()
        type_text(dialog.text_answer, "Нравятся педагоги")
        qtbot.keyClick(dialog.text_answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.question.text().startswith("Что нам нужно сделать")  # 9 ≥ 7
        type_text(dialog.text_answer, "Занятия по субботам")
        dialog.next_button.click()
        dialog.next_button.click()  # the thanks
        assert dialog.inputs.currentWidget() is dialog.end_page
        assert not dialog.next_button.isVisible() and dialog.save_button.isVisible()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("unhappy"))
        assert "Разобраться с недовольством" in dialog.next_task.text()
        dialog.note.setText("перезвонить маме вечером")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ScriptCallDialog, "exec", call)
    card.call_menu.aboutToShow.emit()  # the menu is filled as it opens
    actions = card.call_menu.actions()
    assert [a.text() for a in actions] == ["Ушедший клиент", "Оценка NPS"]
    actions[1].trigger()
    assert states == [PresenceState.ON_CALL]
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AVAILABLE
    (run,) = scripts.runs(ctx.store, fid)
    assert (run.score, run.outcome_name, run.note) == (9, "Недовольны: разобраться",
                                                       "перезвонить маме вечером")
    assert [a for _q, a in run.answers] == ["Да", "9", "Нравятся педагоги",
                                            "Занятия по субботам", ""]
    assert "NPS: 9 on " in card.details.text()
    top = card.runs.topLevelItem(0)
    assert (top.text(1), top.text(3)) == ("Оценка NPS", "9")
    assert top.child(2).text(2) == "Нравятся педагоги"
    (task,) = tasks.listing(ctx.store, status=None, family_id=fid)
    assert task.title == "Разобраться с недовольством после звонка NPS"


def test_a_low_score_skips_the_question_about_a_ten_and_back_undoes(qtbot, ctx, actor):
    fid = family(ctx, actor)
    dialog = ScriptCallDialog(ctx, fid, scripts.for_purpose(ctx.store, ScriptPurpose.NPS))
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "Да")
    dialog.score_buttons[5].click()
    dialog.back_button.click()
    assert dialog.inputs.currentWidget() is dialog.score_page  # asked again
    dialog.score_buttons[4].click()
    dialog.text_answer.setPlainText("далеко ездить")
    dialog.next_button.click()
    assert dialog.question.text().startswith("Спасибо")  # no "what would make it a 10"
    assert "Нравятся" not in dialog.transcript.toPlainText()
    assert "далеко ездить" in dialog.transcript.toPlainText()
    dialog.finish_button.click()
    assert dialog.inputs.currentWidget() is dialog.end_page
    dialog.back_button.click()  # ended too early: back to the thanks
    assert dialog.question.text().startswith("Спасибо")
    dialog.next_button.click()
    dialog.save_button.click()
    assert families.card(ctx.store, fid).nps[0] == 4


def test_closing_a_call_half_way_asks_before_losing_the_answers(qtbot, ctx, actor,
                                                                 monkeypatch):
    fid = family(ctx, actor)
    dialog = ScriptCallDialog(ctx, fid, scripts.for_purpose(ctx.store, ScriptPurpose.NPS))
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "Да")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(dialog.answers) == 1
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible() and scripts.runs(ctx.store, fid) == []


def test_a_no_show_gets_the_lapsed_script_and_its_reason_is_counted(
        qtbot, ctx, actor, monkeypatch):
    fid = family(ctx, actor)
    visit(ctx.store, actor, fid, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), Mark.ABSENT)
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.lapsed)
    view = space.lapsed
    view.no_shows.setCurrentItem(view.no_shows.topLevelItem(0))

    def call(dialog):
        dialog.show()
        assert dialog.script.purpose is ScriptPurpose.LAPSED
        choose(dialog, "Да, удобно")
        assert dialog.inputs.currentWidget() is dialog.reason_page
        assert "на занятиях — Святослав." in dialog.question.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData(LapseReason.HEALTH))
        type_text(dialog.reason_words, "долго болел")
        dialog.next_button.click()
        choose(dialog, "Да, записать")
        assert dialog.outcome.currentData() == "enrol"  # the branch chose it
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(ScriptCallDialog, "exec", call)
    view.call_button.click()
    assert view.no_shows.topLevelItemCount() == 0
    assert view.months.topLevelItem(0).text(1) == "illness: 1"
    (run,) = scripts.runs(ctx.store, fid)
    assert run.answers[1][1] == "illness: долго болел"
    (task,) = [t for t in tasks.listing(ctx.store, status=None, family_id=fid)
               if t.origin == "script"]
    assert task.title == "Записать на занятие после звонка"
    view.weeks.setValue(2)
    view._on_weeks_changed()
    assert lapsed.weeks(ctx.store) == 2


def test_the_studio_edits_a_script_and_a_mistake_is_shown_at_its_step(qtbot, ctx, monkeypatch):
    dialog = ScriptsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(1)  # NPS
    assert dialog.name.text() == "Оценка NPS"
    dialog.step_list.setCurrentRow(2)
    dialog.text.setPlainText("")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error.text() == "Step 3: Write what to say or ask."
    assert scripts.for_purpose(ctx.store, ScriptPurpose.NPS).id is None  # nothing stored
    dialog.text.setPlainText("Почему {parent} ставит такую оценку?")
    dialog.step_list.setCurrentRow(3)
    assert dialog.only_if.isChecked() and (dialog.low.value(), dialog.high.value()) == (7, 10)
    dialog.low.setValue(9)
    dialog._on_add_outcome()
    dialog.outcomes.item(dialog.outcomes.rowCount() - 1, 0).setText("Готовы оставить отзыв")
    dialog.outcomes.item(dialog.outcomes.rowCount() - 1, 1).setText("Прислать ссылку на отзыв")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error.isHidden()
    nps = scripts.for_purpose(ctx.store, ScriptPurpose.NPS)
    assert nps.id is not None and nps.steps[2].text == "Почему {parent} ставит такую оценку?"
    assert nps.steps[3].only_if == (9, 10)
    assert nps.outcomes[-1].name == "Готовы оставить отзыв"
    assert nps.outcomes[-1].task == "Прислать ссылку на отзыв"


def test_a_new_script_with_a_branch_to_an_outcome(qtbot, ctx, actor, monkeypatch):
    dialog = ScriptsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_button.click()
    dialog.name.setText("Приглашение на праздник")
    dialog.kind.setCurrentIndex(dialog.kind.findData(StepKind.CHOICE))
    dialog.text.setPlainText("{parent}, зовём {child} на праздник в субботу. Придёте?")
    assert dialog.options.rowCount() == 2  # Yes and No offered
    dialog.outcomes.item(0, 0).setText("Придут")
    dialog._on_add_outcome()
    dialog.outcomes.item(1, 0).setText("Не придут")
    dialog._on_add_step()  # asked after a yes
    dialog.text.setPlainText("Сколько детей придёт?")
    dialog.step_list.setCurrentRow(0)
    no = dialog.options.cellWidget(1, 1)
    assert [no.itemText(i) for i in range(no.count())] == [
        "next step", "step 2: Сколько детей придёт?", "end: Придут", "end: Не придут"]
    no.setCurrentIndex(3)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error.isHidden(), dialog.error.text()
    (own,) = [s for s in scripts.listing(ctx.store) if s.purpose is ScriptPurpose.GENERAL]
    assert own.steps[0].options[1] == scripts.Option("No", scripts.END + own.outcomes[1].key)

    fid = family(ctx, actor)
    call = ScriptCallDialog(ctx, fid, own)
    qtbot.addWidget(call)
    call.show()
    assert call.question.text() == "Вероника, зовём Святослав на праздник в субботу. Придёте?"
    choose(call, "No")
    assert call.outcome.currentText() == "Не придут"
    call.save_button.click()
    assert scripts.runs(ctx.store, fid)[0].outcome_name == "Не придут"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.list.setCurrentRow(2)
    dialog.remove_button.click()
    assert dialog.list.count() == 2
    assert scripts.runs(ctx.store, fid)[0].script_name == "Приглашение на праздник"


def test_while_the_communicator_is_on_a_call_the_alert_goes_to_the_colleague_at_once(
        qtbot, ctx, staff, clock):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    inbox.log_incoming(ctx.store, staff[Role.SYSTEM].actor(), InboxChannel.WHATSAPP,
                       "+7 903 111-22-33", "Здравствуйте, есть места на керамику?")
    clock.advance(seconds=5)
    window.check_waiting()
    assert window.waiting.isHidden()  # 5 s, the Communicator is at the desk
    calls = window.communicator.calls
    window.communicator.sections.setCurrentWidget(calls)
    type_text(calls.phone, "+7 912 000-00-00")
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.ON_CALL
    window.check_waiting()
    assert not window.waiting.isHidden()
    assert window.waiting.label.text().startswith("Мария Лебедева is on a call, please answer")
    assert "0:05" in window.waiting.label.text()
    calls.save()
    window.check_waiting()
    assert window.waiting.isHidden()  # back at the desk, and only 5 s
    window.away_button.click()
    window.check_waiting()
    assert "is away, please answer" in window.waiting.label.text()
    window.away_button.click()
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AVAILABLE


def test_the_away_button_follows_the_state_a_call_leaves(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.away_button.click()
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AWAY
    calls = window.communicator.calls
    type_text(calls.phone, "+7 912 000-00-00")  # she came back and took a call
    assert not window.away_button.isChecked()
    calls.save()
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AVAILABLE
    assert not window.away_button.isChecked()
