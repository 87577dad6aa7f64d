"""Importing a Google Form's responses: Russian and English exports, the proposed mapping,
matching by code, e-mail and phone (never by name alone), anonymous rows, re-imports, bad rows
with nothing written, the register fed by unhappy answers and comments."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import Workbook

from desk.models.enums import FeedbackSource, FeedbackTone
from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.feedback import loop, register
from desk.services.privacy import privacy
from desk.services.surveys import forms, gforms

RU = ["Отметка времени", "Адрес электронной почты",
      "Насколько вероятно, что вы посоветуете нас друзьям? (0–10)",
      "Педагог (1–5)", "Расписание (1–5)", "Насколько вы довольны обслуживанием? (1–5)",
      "Почему такая оценка?", "Код семьи"]


def write_csv(path, header, rows, delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def people(store, actor):
    vera = families.save(store, actor, FamilyDraft(guardians=(
        GuardianDraft("Ёлкина Вера", "+7 912 345-67-89", email="vera@example.ru"),)))
    olga = families.save(store, actor, FamilyDraft(guardians=(
        GuardianDraft("Демина Ольга", "+7 916 000-11-22"),)))
    ira = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Орлова Ирина"),)))
    return vera, olga, ira


def test_a_russian_export_is_mapped_matched_and_imported_once(store, actor, people, tmp_path):
    vera, olga, ira = people
    path = write_csv(tmp_path / "ответы.csv", RU, [
        ["02.03.2026 10:15:00", "Vera@Example.ru", "10", "5", "4", "5", "Очень нравится", ""],
        ["02.03.2026 11:00:00", "", "3", "2", "1", "2", "Часто переносят", gforms.family_code(ira)],
        ["03.03.2026 09:00:00", "unknown@example.ru", "8", "", "", "4", "", ""],
    ])
    result, rows = gforms.preview(store, path, "workshop_regular")
    assert result.mapping == {"timestamp": RU[0], "email": RU[1], "nps": RU[2],
                              "csi:teacher": RU[3], "csi:schedule": RU[4], "csat": RU[5],
                              "comment": RU[6], "code": RU[7]}
    assert [(r.family_id, r.matched_by) for r in rows] == [(vera, "email"), (ira, "code"),
                                                          (None, "")]
    assert rows[0].at == dt.datetime(2026, 3, 2, 7, 15, tzinfo=dt.timezone.utc)  # Moscow
    done = gforms.run(store, actor, path, "workshop_regular")
    assert (done.rows, done.imported, done.duplicates, done.matched, done.unmatched) == (
        3, 3, 0, 2, 1)
    again = gforms.run(store, actor, path, "workshop_regular")
    assert (again.imported, again.duplicates) == (0, 3)
    saved = {x.key: x for x in forms.surveys(store)}["workshop_regular"]
    assert saved.mapping == done.mapping  # remembered for the next export
    items = register.listing(store).rows
    unhappy = next(i for i in items if i.quote == "Часто переносят")
    assert unhappy.tone is FeedbackTone.NEGATIVE and unhappy.source is FeedbackSource.SURVEY
    assert unhappy.family_id == ira and unhappy.loop is not None  # a detractor: the loop
    assert next(i for i in items if i.quote == "Очень нравится").tone is FeedbackTone.POSITIVE
    assert len(loop.cases(store)) == 1


def test_an_english_export_with_us_dates_and_a_newer_export_adds_only_new_rows(
        store, actor, people, tmp_path):
    vera, olga, _ = people
    header = ["Timestamp", "Email Address", "How likely are you to recommend us?", "Phone"]
    first = [["3/2/2026 9:05:00", "", "9", "8 916 000 11 22"]]
    write_csv(tmp_path / "a.csv", header, first)
    done = gforms.run(store, actor, tmp_path / "a.csv", "hike_review", tz="Asia/Yekaterinburg")
    assert done.matched == 1
    newer = first + [["3/3/2026 18:00:00", "vera@example.ru", "10", ""]]
    book = Workbook()
    book.active.append(header)
    for row in newer:
        book.active.append(row)
    book.save(tmp_path / "b.xlsx")
    result = gforms.run(store, actor, tmp_path / "b.xlsx", "hike_review")
    assert (result.imported, result.duplicates) == (1, 1)
    answers = privacy.export_data(store, olga)["survey_answers"]
    assert answers[0]["nps"] == 9 and answers[0]["at"] == "2026-03-02T04:05:00+00:00"


def test_bad_rows_are_listed_by_line_and_nothing_is_written(store, actor, people, tmp_path):
    path = write_csv(tmp_path / "bad.csv", RU[:3], [
        ["02.03.2026 10:15:00", "", "10"],
        ["вчера", "", "9"],
        ["03.03.2026 10:00:00", "", "11"],
    ])
    with pytest.raises(gforms.ImportRefused) as caught:
        gforms.run(store, actor, path, "workshop_regular")
    result = caught.value.params["result"]
    assert [(e.line, e.reason) for e in result.errors] == [
        (3, "unreadable timestamp 'вчера'"), (4, "NPS score '11' is not 0–10")]
    assert gforms.preview(store, path, "workshop_regular")[0].errors == result.errors
    assert register.listing(store).total == 0
    ok = write_csv(tmp_path / "ok.csv", RU[:3], [["02.03.2026 10:15:00", "", "10"]])
    assert gforms.run(store, actor, ok, "workshop_regular").imported == 1


def test_a_name_matches_only_when_a_person_confirms_it(store, actor, people, tmp_path):
    _vera, olga, _ira = people
    path = write_csv(tmp_path / "n.csv", ["Отметка времени", "Ваше имя", "Оценка 0–10"],
                     [["02.03.2026 10:15:00", "демина ольга", "7"]])
    result, [row] = gforms.preview(store, path, "interest_only",
                                   {"timestamp": "Отметка времени", "name": "Ваше имя",
                                    "nps": "Оценка 0–10"})
    assert row.family_id is None  # the command line never matches by name
    assert gforms.name_candidates(store, [row.name]) == {"демина ольга": [olga]}
    done = gforms.run(store, actor, path, "interest_only", result.mapping,
                      confirmed_names={row.line: olga})
    assert done.matched == 1


def test_the_family_code_carries_a_check_digit():
    code = gforms.family_code(1234)
    assert gforms.code_family(code) == 1234
    assert gforms.code_family(code[:-1] + str((int(code[-1]) + 1) % 10)) is None
    assert gforms.code_family("garbage") is None


def test_an_erase_takes_the_familys_answers_and_the_unmatched_ones_with_its_contacts(
        store, actor, people, tmp_path):
    vera, _olga, _ira = people
    path = write_csv(tmp_path / "e.csv", ["Timestamp", "Email Address", "Score 0-10",
                                          "Why?"],
                     [["3/2/2026 9:05:00", "vera@example.ru", "4", "Вера недовольна"]])
    gforms.run(store, actor, path, "hike_review", {"timestamp": "Timestamp",
                                                   "email": "Email Address",
                                                   "nps": "Score 0-10", "comment": "Why?"})
    privacy.erase(store, actor, vera)
    assert "Вера недовольна" not in json.dumps(
        [r.quote for r in register.listing(store).rows], ensure_ascii=False)
    assert privacy.export_data(store, vera)["survey_answers"] == []
