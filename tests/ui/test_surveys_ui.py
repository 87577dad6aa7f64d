"""Surveys through the widgets: a survey edited (its link, the code's question, who gets it),
the dry run and sending, the reminder's dry run, a paper answer, "send now" from the card with
the survey throttle, the satisfaction items."""

from __future__ import annotations

from desk.models.enums import Channel
from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.feedback import register
from desk.services.surveys import forms, invites
from desk.ui.family_card import FamilyCardView
from desk.ui.survey_dialogs import CsiItemsDialog, PaperAnswerDialog, SendSurveyDialog, \
    SurveyEditor
from desk.ui.surveys_view import SendDialog, SurveysView

NAME_EMPTY = "Enter a name."
FORM = "https://docs.google.com/forms/d/e/1FAIpQL/viewform"
PREFILLED = FORM + "?usp=pp_url&entry.777=x"


def family(ctx, actor, parent, email, consent=True):
    return families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent, email=email),), preferred_channel=Channel.EMAIL,
        consent_messages=consent))


def survey(ctx, key):
    return {x.key: x for x in forms.surveys(ctx.store)}[key]


def edit(qtbot, ctx, key, **fields) -> SurveyEditor:
    dialog = SurveyEditor(ctx, survey(ctx, key))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form_url.setText(fields.get("url", FORM))
    dialog.code_entry.setText(fields.get("code", PREFILLED))
    return dialog


def test_a_survey_is_edited_with_its_rule_and_a_bad_link_is_named(qtbot, ctx):
    dialog = edit(qtbot, ctx, "hike_once", url="forms.google")
    assert dialog.rule.currentData() == "once"
    assert dialog.window_days.isVisible() and not dialog.min_visits.isVisible()
    assert dialog.recent_label.text() == "Not seen since, at least:"
    dialog.rule.setCurrentIndex(dialog.rule.findData("regular"))
    assert dialog.min_visits.isVisible() and dialog.min_visits.value() == 3
    dialog.min_visits.setValue(4)
    dialog._on_save()
    assert dialog.error.text() == "Paste the full link, starting with https://."
    assert dialog.isVisible() and survey(ctx, "hike_once").form_url == ""  # nothing saved
    dialog.form_url.setText(FORM)
    dialog._on_save()
    assert not dialog.isVisible()
    saved = survey(ctx, "hike_once")
    assert (saved.form_url, saved.code_entry, saved.segment) == (
        FORM, "entry.777", {"kind": "hike", "rule": "regular", "window_days": 90,
                            "min_visits": 4, "recent_days": 30})


def test_the_dry_run_shows_who_gets_it_and_send_lists_the_family(qtbot, ctx, actor,
                                                                  channels_on):
    vera = family(ctx, actor, "Ёлкина Вера", "vera@example.ru")
    family(ctx, actor, "Демина Ольга", "olga@example.ru", consent=False)
    edit(qtbot, ctx, "interest_only")._on_save()
    view = SurveysView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    names = [view.model.row_at(i).key for i in range(view.model.rowCount())]
    view.list.setCurrentIndex(view.model.index(names.index("interest_only"), 0))
    dialog = SendDialog(ctx, view.selected(), parent=view)
    qtbot.addWidget(dialog)
    assert dialog.counts.text().startswith("Will get it: 1. Skipped: no consent 1,")
    assert dialog.send_button.text() == "Send to 1" and dialog.send_button.isEnabled()
    assert "vera" not in dialog.text.text() and "Вера, здравствуйте!" in dialog.text.text()
    assert "entry.777=" in dialog.text.text()
    dialog.send_button.click()
    assert dialog.sent == 1
    view.refresh()
    assert view.invites_model.rowCount() == 1
    row = view.invites_model.row_at(0)
    assert row.family_id == vera and view.invites_model.cell(row, 2) == "in the outbox"
    with qtbot.waitSignal(view.family_requested) as opened:
        view.invites.doubleClicked.emit(view.invites_model.index(0, 0))
    assert opened.args == [vera]
    reminder = SendDialog(ctx, view.selected(), reminder=True, parent=view)
    qtbot.addWidget(reminder)
    assert reminder.counts.text() == "Nobody is due a reminder now."
    assert not reminder.send_button.isEnabled()


def test_a_survey_without_a_link_says_so_in_the_dry_run(qtbot, ctx):
    dialog = SendDialog(ctx, survey(ctx, "party_after"))
    qtbot.addWidget(dialog)
    assert dialog.error.text().startswith("Add the link to the survey's form first")
    assert not dialog.send_button.isEnabled()


def test_a_paper_answer_is_typed_in_and_an_empty_one_refused(qtbot, ctx, actor):
    vera = family(ctx, actor, "Ёлкина Вера", "vera@example.ru")
    dialog = PaperAnswerDialog(ctx, survey_id=survey(ctx, "workshop_regular").id,
                               family_id=vera, family_title="Ёлкина Вера")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.survey.currentText() == "Мастерская: ходят постоянно"
    assert [item.name for item, _box in dialog.items][0] == "Педагог"
    dialog._on_save()
    assert dialog.error.text() == "Enter at least one score or the comment."
    dialog.nps.setCurrentIndex(dialog.nps.findData(3))
    teacher_box = dialog.items[0][1]
    teacher_box.setCurrentIndex(teacher_box.findData(2))
    dialog.comment.setPlainText("Шумно в коридоре")
    dialog._on_save()
    assert dialog.saved_id is not None
    [item] = register.of_family(ctx.store, vera)
    assert item.quote == "Шумно в коридоре"


def test_send_now_from_the_card_and_the_throttle_asks_to_send_anyway(qtbot, ctx, actor,
                                                                     channels_on, monkeypatch):
    vera = family(ctx, actor, "Ёлкина Вера", "vera@example.ru")
    edit(qtbot, ctx, "hike_review")._on_save()
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(vera)
    opened = []
    monkeypatch.setattr(SendSurveyDialog, "exec", lambda self: opened.append(self.family_id))
    card.send_survey_action.trigger()
    assert opened == [vera]
    dialog = SendSurveyDialog(ctx, vera)
    qtbot.addWidget(dialog)
    dialog.survey.setCurrentIndex(dialog.survey.findText("Поход: общий отзыв"))
    dialog._draft()
    assert dialog.text.toPlainText().startswith("Вера, здравствуйте!")
    assert dialog.channel.text() == "E-mail (vera@example.ru)"
    dialog.text.setPlainText(dialog.text.toPlainText() + " Ждём вас!")
    dialog.copy_button.click()  # to send it by hand where the desk cannot
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text().endswith("Ждём вас!")
    dialog._on_send()
    assert dialog.sent
    again = SendSurveyDialog(ctx, vera)
    qtbot.addWidget(again)
    again.show()
    again.survey.setCurrentIndex(again.survey.findText("Поход: общий отзыв"))
    again._draft()
    assert again.anyway.isVisible()
    assert again.error.text().startswith("The family was sent a survey recently")
    again._on_send()
    assert not again.sent and again.error.text().startswith("The family was sent")
    again.anyway.setChecked(True)
    again._on_send()
    assert again.sent
    assert len(invites.invites(ctx.store, survey(ctx, "hike_review").id)) == 2


def test_the_satisfaction_items_are_renamed_added_and_removed(qtbot, ctx):
    dialog = CsiItemsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 5
    dialog.table.item(0, 0).setText("Педагог и занятие")
    dialog.table.cellWidget(0, 1).setValue(3)
    dialog.table.setCurrentCell(4, 0)
    dialog.remove_button.click()
    dialog.add_button.click()
    dialog.table.item(4, 0).setText("Чистота")
    dialog.table.setCurrentCell(4, 0)
    dialog.up_button.click()
    dialog._on_save()
    assert [(i.name, i.importance) for i in forms.items(ctx.store)] == [
        ("Педагог и занятие", 3), ("Атмосфера", 1), ("Расписание", 1), ("Чистота", 1),
        ("Цены", 1)]
    empty = CsiItemsDialog(ctx)
    qtbot.addWidget(empty)
    empty.add_button.click()
    empty._on_save()
    assert empty.error.text() == NAME_EMPTY
