"""Feedback register benchmarks: python tests/bench/feedback.py [--items N]

Prints each figure beside its target (issue #12):
- the register with 50k items opens (the default view: the last 90 days, the first page of
  rows and the counts per tag and month) and filters in ≤ 100 ms;
- the period's PDF report for 1,000 items is written in ≤ 2 s."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from measure import median_ms, new_studio, row  # noqa: E402 (after the path)

def fill(path: Path, items: int) -> None:
    """A year of items over 2,000 families, one or two tags each, a loop case for each
    negative one."""
    rng = random.Random(12)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con = sqlite3.connect(path)
    tags = [t for (t,) in con.execute("SELECT id FROM feedback_tag")]
    con.executemany("INSERT INTO family (id, source, preferred_channel, legend, consent_messages,"
                    " consent_marketing, consent_purposes, erased, created_at, updated_at)"
                    " VALUES (?, '', 'PHONE', '', 1, 0, '', 0, ?, ?)",
                    [(f, now, now) for f in range(1, 2001)])
    con.executemany("INSERT INTO guardian (family_id, position, name, relation, email, telegram,"
                    " vk, whatsapp) VALUES (?, 0, ?, '', '', '', '', '')",
                    [(f, f"Родитель {f}") for f in range(1, 2001)])
    tones = ("POSITIVE", "NEGATIVE", "NEUTRAL", "SUGGESTION")
    statuses = ("NEW", "ACCEPTED", "REJECTED", "IN_WORK", "DONE", "TOLD")
    item_rows, tag_rows, loop_rows = [], [], []
    for i in range(1, items + 1):
        at = now - dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
        tone = rng.choice(tones)
        item_rows.append((i, rng.randrange(1, 2001), "MESSAGE", f"Отзыв номер {i}: всё хорошо",
                          tone, 0, rng.choice(statuses), "", at, at))
        for t in rng.sample(tags, rng.choice((1, 1, 2))):
            tag_rows.append((i, t))
        if tone == "NEGATIVE":
            loop_rows.append((i, "CLOSED", at + dt.timedelta(hours=48),
                              at + dt.timedelta(hours=rng.randrange(1, 72)),
                              at + dt.timedelta(hours=80), "resolved", "ok", at))
    con.executemany("INSERT INTO feedback_item (id, family_id, source, quote, tone, needs_answer,"
                    " status, reason, created_at, status_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    item_rows)
    con.executemany("INSERT INTO feedback_item_tag (item_id, tag_id) VALUES (?, ?)", tag_rows)
    con.executemany("INSERT INTO loop_case (item_id, status, due_at, first_action_at,"
                    " closed_at, close_reason, comment, created_at) VALUES (?,?,?,?,?,?,?,?)",
                    loop_rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--items", type=int, default=50_000)
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication

    from desk.models.enums import FeedbackTone, ItemStatus
    from desk.services.feedback import loop, register, report
    from desk.services.staff import studio as st
    from desk.services.store import migrate
    from desk.ui.register_view import ItemsModel

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    new_studio(tmp / "feedback.db")
    fill(tmp / "feedback.db", args.items)
    store = migrate.open_database(tmp / "feedback.db", None)
    info = st.info(store)
    now = store.now()
    tags = register.tags(store)

    class Ctx:  # what ItemsModel reads
        studio = info

    model = ItemsModel(Ctx())

    def opened(f: register.Filters):
        def run():
            model.set_rows(register.listing(store, f).rows)
        return run

    base = dict(since=now - dt.timedelta(days=90), until=now + dt.timedelta(seconds=1))
    print(f"register of {args.items:,} items (a year), 2,000 families")
    cases = [("opens: last 90 days, the first page of rows", register.Filters(**base)),
             ("filter: negative", register.Filters(**base, tone=FeedbackTone.NEGATIVE)),
             (f"filter: tag «{tags[0].name}»", register.Filters(**base, tag_id=tags[0].id)),
             ("filter: status in work", register.Filters(**base, status=ItemStatus.IN_WORK)),
             ("filter: the whole year", register.Filters(since=now - dt.timedelta(days=366),
                                                          until=base["until"]))]
    for name, f in cases:
        ms = median_ms(opened(f))
        row(name, f"{ms:.0f} ms", "≤ 100 ms", ms <= 100)
    for name, f in (("counts per tag and month, 90 days (its tab)", register.Filters(**base)),
                    ("counts per tag and month, the year", register.Filters(
                        since=now - dt.timedelta(days=366), until=base["until"]))):
        ms = median_ms(lambda: register.month_counts(store, f, info.tz), 5)
        row(name, f"{ms:.0f} ms", "≤ 100 ms", ms <= 100)
    ms = median_ms(lambda: loop.figures(store, now - dt.timedelta(days=30), now), 5)
    row("loop figures, 30 days", f"{ms:.0f} ms", "a figure", True)

    thousand = register.listing(store, register.Filters(**base), 1000).rows
    figures = loop.figures(store, base["since"], base["until"])
    started = time.perf_counter()
    pdf = report.render_pdf(info.name, report.Period(now.date() - dt.timedelta(days=90),
                                                     now.date()), now, thousand, figures,
                            info.tz)
    seconds = time.perf_counter() - started
    row(f"period PDF, {len(thousand):,} items ({len(pdf) // 1024} KB)", f"{seconds:.2f} s",
        "≤ 2 s", seconds <= 2)
    store.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
