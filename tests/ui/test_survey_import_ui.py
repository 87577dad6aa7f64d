"""Importing a Google Form's answers through the dialog: the proposed mapping, a changed
field, bad rows listed before anything is written, a name confirmed, the import."""

from __future__ import annotations

import csv

from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.feedback import register
from desk.ui.survey_import import SurveyImportDialog

HEADER = ["Отметка времени", "Ваше имя", "Насколько вероятно, что вы посоветуете нас? (0–10)",
          "Что понравилось?"]


def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def test_the_answers_are_checked_a_name_confirmed_and_imported(qtbot, ctx, actor, tmp_path,
                                                              monkeypatch):
    olga = families.save(ctx.store, actor, FamilyDraft(guardians=(GuardianDraft("Демина Ольга"),)))
    bad = write(tmp_path / "bad.csv", [["02.03.2026 10:00:00", "Демина Ольга", "11", ""]])
    dialog = SurveyImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.survey.setCurrentIndex(dialog.survey.findData("workshop_once"))
    monkeypatch.setattr(dialog, "choose_file", lambda: bad)
    dialog.file_button.click()
    fields = [dialog.columns.cellWidget(i, 1).currentData() for i in range(4)]
    assert fields == ["timestamp", "name", "nps", ""]  # "Что понравилось?" is left to a person
    assert dialog.error.text() == "line 2: the NPS score «11» is not 0–10"
    assert not dialog.import_button.isEnabled()
    good = write(tmp_path / "good.csv", [["02.03.2026 10:00:00", "Демина Ольга", "9",
                                          "Всё понравилось"]])
    monkeypatch.setattr(dialog, "choose_file", lambda: good)
    dialog.file_button.click()
    comment = dialog.columns.cellWidget(3, 1)
    comment.setCurrentIndex(comment.findData("comment"))
    dialog.check_button.click()
    row = dialog.preview.topLevelItem(0)
    assert "tick to confirm" in row.text(2) and row.text(5) == "Всё понравилось"
    from PySide6.QtCore import Qt

    row.setCheckState(2, Qt.CheckState.Checked)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.summary.text().startswith("Imported 1 answers (1 with a family)")
    [item] = register.of_family(ctx.store, olga)
    assert item.quote == "Всё понравилось"
