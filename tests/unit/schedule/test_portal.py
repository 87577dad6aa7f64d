import csv
import datetime as dt

import icalendar
import pytest

from desk import cli
from desk.services.schedule import lessons, portal
from desk.services.store import errors

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def week_lessons(store, actor):
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    a = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 2, 17, tzinfo=MSK)))
    b = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 4, 11, tzinfo=MSK)))
    lessons.save_lesson(store, actor, lessons.LessonDraft(  # next week: not exported
        ceramics.id, dt.datetime(2026, 3, 9, 11, tzinfo=MSK)))
    lessons.cancel_lesson(store, actor, b)
    return a


def test_ics_holds_the_weeks_lessons_in_utc(store, week_lessons, tmp_path):
    out = tmp_path / "w.ics"
    assert portal.export_week(store, portal.parse_week("2026-W10"), out) == 1
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Керамика"
    assert event.decoded("dtstart") == dt.datetime(2026, 3, 2, 14, tzinfo=dt.timezone.utc)
    assert str(event["uid"]) == f"lesson-{week_lessons}@desk"


def test_csv_and_the_command_line(store, week_lessons, where, tmp_path, capsys):
    store.dispose()
    out = tmp_path / "w.csv"
    assert cli.run(["schedule", "export", "--week", "2026-W10", str(out),
                    "--db", where]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == portal.CSV_HEADER
    assert rows[1][1:5] == ["2026-03-02", "17:00", "18:30", "Керамика"]
    assert cli.run(["schedule", "export", "--week", "2026-10", str(out),
                    "--db", where]) == 1
    assert capsys.readouterr().err.startswith("desk: ")


def test_bad_week_is_refused():
    with pytest.raises(errors.DeskError):
        portal.parse_week("2026-W60")


def test_the_portal_csv_and_the_finance_report_keep_formula_like_names_as_text(
        store, actor, tmp_path):
    from openpyxl import load_workbook

    from desk.models.enums import EntryKind
    from desk.services.money import finance

    direction = lessons.save_direction(store, actor, "=HYPERLINK(\"http://x\")", 8, 120000, 90)
    lessons.save_lesson(store, actor, lessons.LessonDraft(
        direction, dt.datetime(2026, 3, 5, 17, tzinfo=dt.timezone.utc), price=120000))
    portal.export_week(store, dt.date(2026, 3, 2), tmp_path / "w.csv")
    with (tmp_path / "w.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1][4] == "'=HYPERLINK(\"http://x\")"
    rep = finance.Report(dt.date(2026, 3, 1), dt.date(2026, 3, 31), (finance.ReportRow(
        dt.date(2026, 3, 5), EntryKind.DEBIT, "=HYPERLINK(\"http://x\")", -120000, 1),))
    finance.export_xlsx(rep, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert all(c.data_type != "f" for ws in book.worksheets for row in ws.iter_rows()
               for c in row)
    assert book.worksheets[0].cell(2, 4).value == -1200  # money stays a number
