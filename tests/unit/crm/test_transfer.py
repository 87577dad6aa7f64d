import csv
import datetime as dt

import pytest
from openpyxl import Workbook

from desk import cli
from desk.services.crm import families, transfer
from desk.services.store import errors

GOOD = """\ufeffРодитель;Телефон;Email;Telegram;Ребёнок;Дата рождения;Источник;Заметки
Ёлкина Вера;8 (912) 345-67-89;vera@example.ru;@vera_e;Ёлкин Саша;01.02.2018;сайт;любит глину
Ёлкина Вера;+7 912 345 67 89;;;Ёлкина Маша;2020-05-06;;
Демин Олег;89031112233;;;Демин Петя;;ВКонтакте;
"""


def write(tmp_path, text, name="families.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_with_the_same_phone_make_one_family(store, actor, tmp_path):
    plan, result = transfer.import_families(store, actor, write(tmp_path, GOOD))
    assert (result.families, result.children) == (2, 3)
    found = families.find(store, "елкина")
    assert len(found) == 1 and found[0].children == "Ёлкин Саша, Ёлкина Маша"
    card = families.card(store, found[0].id)
    assert card.draft.guardians[0].phone == "+79123456789"
    assert card.draft.guardians[0].telegram == "vera_e"
    assert card.draft.children[0].birth_date == dt.date(2018, 2, 1)
    assert card.draft.children[0].notes == "любит глину"
    assert families.find(store, "9031112")[0].parents == "Демин Олег"


def test_importing_the_same_file_again_adds_nothing(store, actor, tmp_path):
    path = write(tmp_path, GOOD)
    transfer.import_families(store, actor, path)
    plan, result = transfer.import_families(store, actor, path)
    assert (plan.new_families, plan.new_children) == (0, 0)
    assert (result.families, result.children) == (0, 0)
    assert len(families.find(store, "")) == 2


BROKEN = """parent,phone,child,birth_date
Анна Петрова,+7 912 000-00-01,Петя,01.01.2019
Ольга,12345,Маша,
Ирина,+7 912 000-00-03,Лёва,31.02.2019
,,,
Вера,+7 912 000-00-04,Гоша,01.01.2099
"""


def test_any_bad_row_imports_nothing_and_reports_every_line(store, actor, tmp_path):
    path = write(tmp_path, BROKEN)
    plan = transfer.plan(store, path)
    assert [str(e).split(":")[0] for e in plan.errors] == ["line 3", "line 4", "line 6"]
    with pytest.raises(errors.ImportFailed):
        transfer.apply(store, actor, plan)
    assert families.find(store, "") == []


def test_skip_invalid_imports_the_good_rows(store, actor, tmp_path):
    _, result = transfer.import_families(store, actor, write(tmp_path, BROKEN), skip_invalid=True)
    assert (result.families, result.skipped) == (1, 3)
    assert families.find(store, "")[0].parents == "Анна Петрова"


def test_xlsx_import(store, actor, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Родитель", "Телефон", "Ребенок", "Дата рождения"])
    sheet.append(["Соколова Анна", "+79991234567", "Соколов Лев", dt.datetime(2019, 4, 3)])
    book.save(tmp_path / "f.xlsx")
    _, result = transfer.import_families(store, actor, tmp_path / "f.xlsx")
    assert result.children == 1
    card = families.card(store, families.find(store, "соколов")[0].id)
    assert card.draft.children[0].birth_date == dt.date(2019, 4, 3)


def test_a_header_without_names_is_refused(store, actor, tmp_path):
    with pytest.raises(errors.ImportFailed, match="line 1"):
        transfer.plan(store, write(tmp_path, "a,b\n1,2\n"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_file_imports_back_as_nothing_new(store, actor, tmp_path, suffix):
    transfer.import_families(store, actor, write(tmp_path, GOOD))
    out = tmp_path / f"out{suffix}"
    assert transfer.export_families(store, out) == 3
    transfer.import_families(store, actor, out)  # same studio: nothing new
    assert len(families.find(store, "")) == 2
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        assert rows[0] == transfer.EXPORT_HEADER
        assert rows[1][:2] == ["Ёлкина Вера", "'+79123456789"]  # text, not a formula


def test_cli_import_exit_codes(store, where, tmp_path, capsys):
    store.dispose()
    code = cli.run(["import", "families", str(write(tmp_path, BROKEN)), "--db", where])
    err = capsys.readouterr().err
    assert code == 2
    assert "line 3: invalid phone '12345'" in err and "line 6: birth date is in the future" in err
    assert cli.run(["import", "families", str(write(tmp_path, BROKEN)), "--db", where,
                    "--skip-invalid"]) == 0
    assert cli.run(["export", "families", str(tmp_path / "x.csv"), "--db", where]) == 0
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").count("\n") == 2


def test_a_known_family_gains_only_its_new_children(store, actor, tmp_path):
    transfer.import_families(store, actor, write(tmp_path, GOOD))
    more = "parent,phone,child\nЁлкина Вера,89123456789,Ёлкин Саша\nЁлкина Вера,89123456789,Ёлкин Лёва\n"
    _, result = transfer.import_families(store, actor, write(tmp_path, more, "more.csv"))
    assert (result.families, result.children) == (0, 1)
    card = families.card(store, families.find(store, "9123456")[0].id)
    assert [c.name for c in card.draft.children] == ["Ёлкин Саша", "Ёлкина Маша", "Ёлкин Лёва"]
    assert families.find(store, "лева")[0].id == card.id  # the search index knows the new child


DANGEROUS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3+4", "@SUM(A1)", "=1+1"]


def test_exports_write_formula_like_text_as_text(store, actor, tmp_path):
    """OWASP's rule in every CSV and XLSX export: no live formula, dates stay dates."""
    from openpyxl import load_workbook

    for n, bad in enumerate(DANGEROUS):
        families.save(store, actor, families.FamilyDraft(
            guardians=(families.GuardianDraft(f"Родитель {n}"),),
            children=(families.ChildDraft(f"Ребёнок {n}", birth_date=dt.date(2019, 5, n + 1),
                                          notes=bad),), source=bad))
    transfer.export_families(store, tmp_path / "f.csv")
    with (tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as f:
        cells = [c for row in list(csv.reader(f))[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert sum(c.startswith("'") for c in cells) == 2 * len(DANGEROUS)
    transfer.export_families(store, tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx").active
    kinds = [c.data_type for row in sheet.iter_rows(min_row=2) for c in row]
    assert "f" not in kinds
    notes = [row[7].value for row in sheet.iter_rows(min_row=2)]
    assert notes == DANGEROUS  # kept as they were, as text
    assert isinstance(sheet.cell(2, 6).value, dt.datetime)  # the birth date is a date
    # reading our own CSV back gives the text as it was
    plan = transfer.plan(store, tmp_path / "f.csv")
    assert sorted(r.notes for r in plan.rows) == sorted(DANGEROUS)


def test_tabs_and_carriage_returns_lead_as_text_too(tmp_path):
    from openpyxl import Workbook, load_workbook

    from desk.services.store import sheets

    row = ["\t=1+1", "\r=2+2", "обычный текст", 5, dt.date(2026, 3, 1)]
    assert sheets.csv_row(row)[:3] == ["'\t=1+1", "'\r=2+2", "обычный текст"]
    for write_only in (True, False):
        book = Workbook(write_only=write_only)
        sheet = book.create_sheet() if write_only else book.active
        sheets.append_xlsx(sheet, row)
        book.save(tmp_path / "t.xlsx")
        cells = list(load_workbook(tmp_path / "t.xlsx").worksheets[0].iter_rows())[0]
        assert [c.data_type for c in cells][:4] == ["s", "s", "s", "n"]


def test_a_phone_of_another_parents_family_is_a_conflict_never_a_silent_merge(
        store, actor, tmp_path, where, capsys):
    elkina = families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Елена", phone="+7 915 039-20-07"),),
        children=(families.ChildDraft("Ёлкин Ваня"),)))
    text = ("Родитель;Телефон;Ребёнок\n"
            "Морозова Ирина;+7 915 039-20-07;Морозов Петя\n"
            "елена ёлкина;89150392007;Ёлкина Соня\n")  # her own family, her name written otherwise
    path = write(tmp_path, text)
    the_plan = transfer.plan(store, path)
    [conflict] = the_plan.conflicts
    assert (conflict.line, conflict.family_id, conflict.family) == (2, elkina, "Ёлкина Елена")
    with pytest.raises(errors.ImportFailed):
        transfer.apply(store, actor, the_plan)
    assert [c.name for c in families.card(store, elkina).draft.children] == ["Ёлкин Ваня"]
    result = transfer.apply(store, actor, the_plan, skip=[2])
    assert (result.families, result.children, result.skipped) == (0, 1, 1)
    assert "Морозов Петя" not in [c.name for c in families.card(store, elkina).draft.children]
    store.dispose()
    assert cli.run(["import", "families", str(path), "--db", where]) == 2
    err = capsys.readouterr().err
    assert f"line 2: phone +79150392007 belongs to family #{elkina} (Ёлкина Елена)" in err
    assert cli.run(["import", "families", str(path), "--db", where,
                    "--merge-by-phone"]) == 0
    from desk.services.store import migrate

    again = migrate.open_store(where, None)
    assert "Морозов Петя" in [c.name for c in families.card(again, elkina).draft.children]
    again.dispose()


def test_windows_1251_and_english_headers_in_any_case_and_spacing(store, actor, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("Родитель;Телефон;Ребёнок;Дата рождения\n"
                      "Ёлкина Вера;8 912 345-67-89;Ёлкин Саша;01.02.2018\n").encode("cp1251"))
    _, result = transfer.import_families(store, actor, path)
    assert result.children == 1 and families.find(store, "Ёлкин Саша")
    path = write(tmp_path, " PARENT ,Phone Number,Child_Name,Birth date,E-Mail\n"
                           "Демин Олег,89031112233,Демин Петя,2019-04-05,o@example.ru\n",
                 name="en.csv")
    _, result = transfer.import_families(store, actor, path)
    card = families.card(store, families.find(store, "Демин Петя")[0].id)
    assert card.draft.children[0].birth_date == dt.date(2019, 4, 5)
    assert card.draft.guardians[0].email == "o@example.ru"


def test_long_fields_control_characters_and_damaged_files_are_line_errors(
        store, actor, tmp_path, where, capsys):
    text = ("parent,phone,child,notes\n"
            "Ёлкина Вера,,Ёлкин Саша," + "x" * 10_001 + "\n"
            "Демин\x07 Олег,,Демин Петя,\n"
            "Петрова Анна,,Петров Ваня," + "y" * 200_000 + "\n")
    the_plan = transfer.plan(store, write(tmp_path, text))
    assert [(e.line, e.code, e.value) for e in the_plan.errors] == [
        (2, "too_long", "notes"), (3, "control", "parent"), (4, "too_long", "notes")]
    assert the_plan.rows == ()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(errors.ImportFailed) as caught:
        transfer.plan(store, broken)
    assert caught.value.params["reason"] == "damaged"
    store.dispose()
    assert cli.run(["import", "families", str(broken), "--db", where]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "broken.xlsx" in err
    assert cli.run(["import", "families", str(write(tmp_path, text)), "--db", where]) == 2
    assert "line 3: control characters in the parent" in capsys.readouterr().err


def test_cli_export_to_a_missing_folder_is_one_line(store, actor, where, tmp_path, capsys):
    families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    store.dispose()
    out = tmp_path / "missing" / "f.csv"
    assert cli.run(["export", "families", str(out), "--db", where]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write it" in err and "Traceback" not in err


def test_a_row_without_a_parent_name_but_with_anothers_phone_is_a_conflict(store, actor,
                                                                           tmp_path):
    families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Демина Ольга", phone="+7 915 123-45-67"),)))
    the_plan = transfer.plan(store, write(tmp_path, ",+7 915 123-45-67,Чужой Ребёнок\n".join(
        ["parent,phone,child\n", ""])))
    assert [c.line for c in the_plan.conflicts] == [2]


def test_control_characters_from_word_do_not_break_an_xlsx_export(store, actor, tmp_path):
    from openpyxl import load_workbook

    families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),),
        children=(families.ChildDraft("Ёлкин Саша", notes="первая строка\x0bвторая"),)))
    transfer.export_families(store, tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx").active
    assert sheet.cell(2, 8).value == "первая строка вторая"
