"""Schedule export for the client portal (the studio's external booking site): an iCalendar
file and a CSV of a week's lessons."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from desk.services.schedule import lessons
from desk.services.staff import studio
from desk.services.store import errors, sheets
from desk.services.store.db import Store

CSV_HEADER = ["lesson_id", "date", "start", "end", "direction", "teacher", "room",
              "places", "free", "price_rub"]
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(text: str) -> dt.date:
    """'2026-W10' → the Monday of that ISO week."""
    m = _WEEK.match(text.strip())
    if not m:
        raise errors.BadWeek(f"{text!r}: write the week as YYYY-Www, e.g. 2026-W10", text=text)
    try:
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError as exc:
        raise errors.BadWeek(f"{text!r}: there is no such week", text=text) from exc


def export_week(store: Store, monday: dt.date, out: Path) -> int:
    """Write the week's lessons (cancelled ones left out) to .ics or .csv; returns the count."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".ics", ".csv"):
        raise errors.WrongFileType(f"{out.name}: choose a .ics or .csv file",
                                   allowed=".ics, .csv")
    info = studio.info(store)
    rows = lessons.week(store, monday)
    with sheets.atomic_write(out) as tmp:
        if suffix == ".ics":
            tmp.write_bytes(_calendar(rows, info).to_ical())
        else:
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(CSV_HEADER)
                for r in rows:
                    start, end = r.starts_at.astimezone(info.tz), r.ends_at.astimezone(info.tz)
                    sheets.write_csv(writer, [r.id, start.date().isoformat(), f"{start:%H:%M}",
                                     f"{end:%H:%M}", r.direction, r.teacher, r.room, r.capacity,
                                     r.free, f"{r.price / 100:.2f}"])
    return len(rows)


def _calendar(rows: list[lessons.LessonRow], info: studio.StudioInfo):
    import icalendar  # loaded when a calendar is written, not at start-up

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Desk//studio schedule//RU")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", info.name)
    cal.add("x-wr-timezone", info.timezone)
    for r in rows:
        event = icalendar.Event()
        event.add("uid", f"lesson-{r.id}@desk")
        event.add("dtstamp", r.starts_at)
        event.add("dtstart", r.starts_at)
        event.add("dtend", r.ends_at)
        event.add("summary", r.direction)
        if r.room:
            event.add("location", r.room)
        description = [f"{r.teacher}".strip(), f"{r.free}/{r.capacity}"]
        event.add("description", "\n".join(x for x in description if x))
        cal.add_component(event)
    return cal
