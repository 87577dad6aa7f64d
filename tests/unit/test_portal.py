import csv
import datetime as dt

import icalendar
import pytest

from desk import cli
from desk.services import errors, portal, schedule

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def week_lessons(store, actor):
    ceramics = next(d for d in schedule.directions(store) if d.name == "Керамика")
    a = schedule.save_lesson(store, actor, schedule.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 2, 17, tzinfo=MSK)))
    b = schedule.save_lesson(store, actor, schedule.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 4, 11, tzinfo=MSK)))
    schedule.save_lesson(store, actor, schedule.LessonDraft(  # next week: not exported
        ceramics.id, dt.datetime(2026, 3, 9, 11, tzinfo=MSK)))
    schedule.cancel_lesson(store, actor, b)
    return a


def test_ics_holds_the_weeks_lessons_in_utc(store, week_lessons, tmp_path):
    out = tmp_path / "w.ics"
    assert portal.export_week(store, portal.parse_week("2026-W10"), out) == 1
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Керамика"
    assert event.decoded("dtstart") == dt.datetime(2026, 3, 2, 14, tzinfo=dt.timezone.utc)
    assert str(event["uid"]) == f"lesson-{week_lessons}@desk"


def test_csv_and_the_command_line(store, week_lessons, db_path, tmp_path, capsys):
    store.dispose()
    out = tmp_path / "w.csv"
    assert cli.run(["schedule", "export", "--week", "2026-W10", str(out),
                    "--db", str(db_path)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == portal.CSV_HEADER
    assert rows[1][1:5] == ["2026-03-02", "17:00", "18:30", "Керамика"]
    assert cli.run(["schedule", "export", "--week", "2026-10", str(out),
                    "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.startswith("desk: ")


def test_bad_week_is_refused():
    with pytest.raises(errors.DeskError):
        portal.parse_week("2026-W60")
