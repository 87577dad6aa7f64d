"""Inbox benchmarks: python tests/bench/inbox.py [--conversations N] [--messages M]

Prints each figure beside its target (issue #4):
- the inbox with 100k conversations and 1M messages opens in ≤ 300 ms and scrolls a page at
  a time (it never loads everything);
- 1000 Telegram updates are received and stored in ≤ 2 s end to end on loopback."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def row(name: str, value: str, target: str, ok: bool) -> None:
    print(f"{name:<48} {value:>14}   target {target:<12} {'ok' if ok else 'MISSED'}")


def fill(path: Path, conversations: int, messages: int) -> None:
    """Raw inserts: most conversations closed, one in twenty open, a few waiting."""
    rng = random.Random(4)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con = sqlite3.connect(path)
    conv_rows, msg_rows = [], []
    per = max(1, messages // conversations)
    mid = 0
    for cid in range(1, conversations + 1):
        opened = now - dt.timedelta(minutes=conversations - cid)
        is_open = rng.random() < 0.05
        waiting = opened if is_open and rng.random() < 0.2 else None
        conv_rows.append((cid, "TELEGRAM", str(100000 + cid % 30000), f"Клиент {cid}", "",
                          None, None, opened, opened, waiting, 0, 0, None,
                          None if is_open else opened + dt.timedelta(minutes=5),
                          None if is_open else 1, 20, None))
        for k in range(per):
            mid += 1
            msg_rows.append((mid, cid, "TELEGRAM", "IN" if k % 2 == 0 else "OUT", "message",
                             opened + dt.timedelta(seconds=k), f"Сообщение {k} в диалоге {cid}",
                             "", 0, f"b{mid}" if k % 2 == 0 else None, None,
                             None if k % 2 == 0 else "SENT", None, 0, "", None))
    con.executemany("INSERT INTO conversation (id, channel, address, name, subject, family_id,"
                    " lead_id, opened_at, last_at, waiting_since, holding_sent, auto_replied,"
                    " snoozed_until, closed_at, resolved, first_response_s, staff_id)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", conv_rows)
    con.executemany("INSERT INTO message (id, conversation_id, channel, direction, kind, at,"
                    " text, attachment, voice, external_id, staff_id, status, send_after,"
                    " attempts, last_error, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    msg_rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--mailing-families", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desk.models.enums import InboxChannel, Role
    from desk.services.comms import channel_settings, inbox
    from desk.services.staff import studio
    from desk.services.store import migrate
    from desk.services.comms.channels.telegram import TelegramAdapter
    from desk.ui.context import Context, Notifier
    from desk.ui.inbox_view import InboxView
    from desk.ui.runner import SyncRunner
    from tests.servers.telegram import FakeBotApi

    tmp = Path(tempfile.mkdtemp())
    store = migrate.open_database(tmp / "bench.db", None)
    studio.setup(store, "Бенчмарк", "Europe/Moscow", [
        studio.StaffDraft("Анна", Role.SYSTEM), studio.StaffDraft("Мария", Role.COMMUNICATOR)])
    t = time.perf_counter()
    fill(tmp / "bench.db", args.conversations, args.messages)
    print(f"{args.conversations} conversations, {args.messages} messages written in "
          f"{time.perf_counter() - t:.1f} s\n")

    app = QApplication.instance() or QApplication(sys.argv)
    me = next(m for m in studio.staff(store) if m.role is Role.COMMUNICATOR)

    def fail(exc):
        raise exc

    ctx = Context(store=store, me=me, studio=studio.info(store), runner=SyncRunner(fail),
                  notifier=Notifier())
    opens, pages = [], []
    for _ in range(5):
        view = InboxView(ctx)
        view.resize(1200, 700)
        t = time.perf_counter()
        view.show()  # loads the first page and the first conversation
        app.processEvents()
        opens.append(time.perf_counter() - t)
        t = time.perf_counter()
        view.model.fetchMore()
        pages.append(time.perf_counter() - t)
        loaded = view.model.rowCount()
        view.close()
    open_ms = statistics.median(opens) * 1000
    row("inbox opens (first page + conversation)", f"{open_ms:.0f} ms", "≤ 300 ms",
        open_ms <= 300)
    page_ms = statistics.median(pages) * 1000
    row("scrolling: next page of the queue", f"{page_ms:.0f} ms", "≤ 100 ms", page_ms <= 100)
    row("rows loaded after one page of scrolling", str(loaded), "not all",
        loaded < args.conversations)

    with FakeBotApi() as bot:
        for i in range(args.updates):
            bot.client_writes(900000 + i % 300, f"Вопрос {i}")
        adapter = TelegramAdapter(bot.token, bot.url)
        t = time.perf_counter()
        stored = 0
        while stored < args.updates:
            batch = adapter.fetch(channel_settings.cursor(store, InboxChannel.TELEGRAM, adapter.identity), 0)
            stored += inbox.ingest(store, InboxChannel.TELEGRAM, batch)
        took = time.perf_counter() - t
        adapter.close()
    row(f"{args.updates} Telegram updates received and stored", f"{took:.2f} s", "≤ 2 s",
        took <= 2)

    from desk.demo import generator
    from desk.services.comms import mailings

    shop = migrate.open_database(tmp / "mailing.db", None)
    generator.generate(shop, families=args.mailing_families)
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        shown = mailings.preview(shop, mailings.Filters(), "{parent}, {child} ждём в «{studio}»!")
        runs.append(time.perf_counter() - t)
    took = statistics.median(runs)
    row(f"mailing dry run for {len(shown.recipients)} families", f"{took * 1000:.0f} ms",
        "≤ 1000 ms", took <= 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
