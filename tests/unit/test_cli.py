import contextlib
import io
import json
import shutil
import sqlite3

import pytest

from desk import cli


def run(capsys, *argv):
    code = cli.run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def demo_written(tmp_path_factory):
    """`desk demo-db` run once for the module: it writes one checked file with no -wal beside
    it, so a byte copy of it is what the command would have written for each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.run(["demo-db", str(path), "--families", "60", "--seed", "7"])
    assert code == 0, err.getvalue()
    assert [p.name for p in path.parent.iterdir()] == ["demo.db"]
    return path


@pytest.fixture
def demo(demo_written, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_written, path)
    return path


def dump(path):
    with sqlite3.connect(path) as db:
        return [db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("family", "guardian", "child", "task", "timeline_entry")]


def test_demo_db_is_identical_for_the_same_seed(demo, tmp_path, capsys):
    again = tmp_path / "again.db"
    assert run(capsys, "demo-db", str(again), "--families", "60", "--seed", "7")[0] == 0
    assert dump(demo) == dump(again)
    other = tmp_path / "other.db"
    assert run(capsys, "demo-db", str(other), "--families", "60", "--seed", "8")[0] == 0
    assert dump(demo) != dump(other)


def test_demo_db_refuses_to_overwrite(demo, capsys):
    code, _, err = run(capsys, "demo-db", str(demo))
    assert code != 0 and err.startswith("desk: ") and len(err.strip().splitlines()) == 1


def test_find_json_prints_families(demo, capsys):
    with sqlite3.connect(demo) as db:
        fid, phone = db.execute("SELECT family_id, phone FROM guardian LIMIT 1").fetchone()
    digits = phone[2:9]
    code, out, _ = run(capsys, "find", digits, "--db", str(demo), "--json")
    found = json.loads(out)
    assert code == 0
    assert any(f["id"] == fid and phone in f["phones"] for f in found)
    assert set(found[0]) == {"id", "parents", "children", "phones"}


def test_check_sound_database(demo, capsys):
    code, out, _ = run(capsys, "check", "--db", str(demo))
    assert code == 0 and "ok" in out


def test_check_fails_on_a_file_that_is_not_a_database(tmp_path, capsys):
    bogus = tmp_path / "x.db"
    bogus.write_text("not a database")
    assert run(capsys, "check", "--db", str(bogus))[0] == 1


def test_check_finds_a_family_missing_from_the_search_index(demo, capsys):
    with sqlite3.connect(demo) as db:
        db.execute("DELETE FROM family_search WHERE rowid = 1")
    code, out, _ = run(capsys, "check", "--db", str(demo))
    assert code == 1 and "search index" in out


def test_backup_command(demo, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert run(capsys, "backup", str(out), "--db", str(demo))[0] == 0
    assert dump(out) == dump(demo)


def test_missing_database_is_a_one_line_error(tmp_path, capsys):
    code, _, err = run(capsys, "find", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and err.startswith("desk: ")
    assert not (tmp_path / "none.db").exists()


def test_find_json_with_more_matches_than_sqlite_variables(demo, tmp_path, capsys):
    rows = tmp_path / "many.csv"
    rows.write_text("parent;phone;child\n" + "".join(
        f"Родитель {i};+7 916 {i // 10000:03d}-{i % 10000 // 100:02d}-{i % 100:02d};Ребёнок {i}\n"
        for i in range(1500)), encoding="utf-8")
    assert run(capsys, "import", "families", str(rows), "--db", str(demo))[0] == 0
    code, out, _ = run(capsys, "find", "", "--db", str(demo), "--json")
    assert code == 0 and len(json.loads(out)) == 60 + 1500


def test_demo_has_a_year_of_lessons_and_three_slips_for_the_check(demo, capsys):
    with sqlite3.connect(demo) as db:
        lessons = db.execute("SELECT count(*) FROM lesson").fetchone()[0]
        enrolments = db.execute("SELECT count(*) FROM enrolment").fetchone()[0]
    assert lessons >= 8 * 50 and enrolments > lessons
    code, out, _ = run(capsys, "check", "--db", str(demo))
    assert code == 0  # the ledger itself is sound
    assert "not marked" in out and "debited 2 times" in out and "debited 0 times" in out


def test_feedback_export_writes_the_registers_period_as_xlsx_and_pdf(capsys, demo, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "register.xlsx"
    code, printed, _err = run(capsys, "feedback", "export", "--from", "2020-01-01", "--to",
                              "2030-12-31", str(out), "--db", str(demo))
    assert code == 0 and printed.startswith(f"{out}: ") and "feedback items" in printed
    n = int(printed.split(": ")[1].split()[0])
    assert n > 0 and load_workbook(out).active.max_row == n + 1
    pdf = tmp_path / "register.pdf"
    assert run(capsys, "feedback", "export", "--from", "2020-01-01", "--to", "2030-12-31",
               str(pdf), "--db", str(demo))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _out, err = run(capsys, "feedback", "export", "--from", "2026-13-01", "--to",
                          "2026-12-31", str(pdf), "--db", str(demo))
    assert code != 0 and "YYYY-MM-DD" in err


def test_surveys_list_import_and_indices_from_the_command_line(capsys, demo, tmp_path):
    import csv

    code, out, _err = run(capsys, "surveys", "list", "--json", "--db", str(demo))
    listed = json.loads(out)
    assert code == 0 and {"key": "hike_review", "name": "Поход: общий отзыв",
                          "form_url": "https://docs.google.com/forms/d/e/1FAIpQLSd0003demo/"
                                      "viewform"} in listed
    path = tmp_path / "answers.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Timestamp", "Score", "Comment"])
        w.writerow(["3/2/2026 9:05:00", "10", "Отлично"])
        w.writerow(["3/2/2026 9:06:00", "4", ""])
    args = ("surveys", "import", str(path), "--survey", "hike_review", "--map",
            "timestamp=Timestamp", "--map", "nps=Score", "--map", "comment=Comment",
            "--tz", "Europe/Moscow", "--json", "--db", str(demo))
    code, out, _err = run(capsys, *args)
    assert code == 0 and json.loads(out) == {
        "rows": 2, "imported": 2, "duplicates": 0, "matched": 0, "unmatched": 2, "errors": [],
        "mapping": {"timestamp": "Timestamp", "nps": "Score", "comment": "Comment"}}
    assert json.loads(run(capsys, *args)[1])["duplicates"] == 2
    with open(path, "a", newline="", encoding="utf-8") as f:
        csv.writer(f).writerow(["3/2/2026 9:07:00", "12", ""])
    code, out, err = run(capsys, *args)
    assert code == 2 and json.loads(out)["errors"] == [
        {"line": 4, "reason": "NPS score '12' is not 0–10"}] and "line 4" in err
    code, out, _err = run(capsys, "indices", "--from", "2026-03-01", "--to", "2026-03-31",
                          "--json", "--db", str(demo))
    data = json.loads(out)
    assert code == 0 and set(data) == {"nps", "csat", "csi", "fcr", "response"}
    assert data["nps"]["n"] >= 2 and set(data["fcr"]) == {"at_close", "no_recontact"}
    assert set(data["nps"]) == {"score", "n", "promoters", "passives", "detractors", "moe95"}
    code, out, _err = run(capsys, "indices", "--from", "2026-03-01", "--to", "2026-03-31",
                          "--db", str(demo))
    assert code == 0 and out.startswith("NPS")


def test_report_month_writes_the_pdf_or_xlsx_and_refuses_a_bad_month(demo, tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "ноябрь.pdf"
    code, printed, _err = run(capsys, "report", "month", "2026-02", str(out), "--db", str(demo))
    assert code == 0 and printed.startswith(f"{out}: the report for 2026-02 (NPS ")
    assert "Отчёт для маркетинга" in PdfReader(out).pages[0].extract_text()
    code, _out, _err = run(capsys, "report", "month", "2026-02", str(tmp_path / "x.xlsx"),
                           "--db", str(demo))
    assert code == 0 and (tmp_path / "x.xlsx").stat().st_size > 0
    code, _out, err = run(capsys, "report", "month", "2026-02", str(tmp_path / "x.txt"),
                          "--db", str(demo))
    assert code == 2 and "OUT.pdf or OUT.xlsx" in err and not (tmp_path / "x.txt").exists()
    with pytest.raises(SystemExit) as caught:
        cli.run(["report", "month", "2026-13", str(out), "--db", str(demo)])
    assert caught.value.code == 2
