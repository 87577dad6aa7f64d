"""The channels' state on the 100k-family demo with weeks of checks behind it:
python tests/bench/health.py [--families N] [--weeks W]

Prints the health panel's load (the latest check per channel with its open alerts, and the
14-day strips the dialog shows) and the dialog filled and painted, beside issue #14's target
(<= 50 ms). run.py prints the same rows on its demo."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from measure import median_ms, row  # noqa: E402 (after the path)

CHANNELS = ("TELEGRAM", "EMAIL")


def fill(store, weeks: int) -> int:
    """A check every five minutes of every channel for ``weeks`` weeks (now and then down,
    silent or stuck), and a few alerts; returns the rows added."""
    from sqlalchemy import insert, select

    from desk.models.enums import HealthState, InboxChannel
    from desk.models.health import ChannelAlert, ChannelCheck
    from desk.services.store.db import SYSTEM_ACTOR

    now = store.now().replace(second=0, microsecond=0)
    states = [HealthState.OK] * 50 + [HealthState.DOWN, HealthState.SILENT, HealthState.STUCK]
    rows = []
    for step in range(weeks * 7 * 288):
        at = now - dt.timedelta(minutes=5 * step)
        for channel in (InboxChannel.TELEGRAM, InboxChannel.EMAIL):
            state = states[(step * 7 + len(channel.value)) % len(states)]
            rows.append({
                "channel": channel, "account": "@studio_bot" if channel is
                InboxChannel.TELEGRAM else "desk@studio.example", "identity": "0" * 16,
                "checked_at": at, "hour": ChannelCheck.hour_of(at), "host": "office-pc (Анна)", "state": state,
                "reason": "", "me_ok": state is not HealthState.DOWN, "latency_ms": 80,
                "pending_updates": 0, "last_error_at": None, "last_error": "",
                "webhook": False, "webhook_host": "", "last_poll_at": at,
                "last_incoming_at": at - dt.timedelta(minutes=20), "outbox_waiting": 2,
                "outbox_oldest_at": at - dt.timedelta(minutes=3), "failures_hour": 1,
                "too_many_hour": 0, "retry_after_s": None})
    with store.write(SYSTEM_ACTOR) as uow:
        for start in range(0, len(rows), 5000):
            uow.session.execute(insert(ChannelCheck), rows[start:start + 5000])
        if uow.session.scalar(select(ChannelAlert.id).limit(1)) is None:  # once per file
            uow.session.add(ChannelAlert(channel=InboxChannel.TELEGRAM,
                                         kind=HealthState.SILENT,
                                         opened_at=now - dt.timedelta(minutes=40), detail=""))
        uow.commit()
    return len(rows)


def measure(store, tmp: Path, weeks: int) -> None:
    from PySide6.QtWidgets import QApplication

    from desk.services.comms import health
    from desk.services.staff import studio
    from desk.ui.context import Context, Notifier
    from desk.ui.health_dialog import HealthDialog, _load
    from desk.ui.runner import SyncRunner

    fill(store, weeks)
    with store.read() as s:
        from sqlalchemy import func, select

        from desk.models.health import ChannelCheck

        kept = s.scalar(select(func.count()).select_from(ChannelCheck))
    panel = median_ms(lambda: health.panel(store))
    row(f"health panel: latest checks ({kept:,} checks kept)", f"{panel:.1f} ms", "<= 50 ms",
        panel <= 50)
    guard, store.guard = store.guard, (lambda: None)  # timed as the worker runs it
    try:
        load = median_ms(lambda: _load(store))
    finally:
        store.guard = guard
    row("health panel with the 14-day strips", f"{load:.1f} ms", "<= 50 ms", load <= 50)
    app = QApplication.instance() or QApplication([])  # noqa: F841  (keeps it alive)
    me = next(m for m in studio.staff(store) if m.role.value == "system")
    ctx = Context(store=store, me=me, studio=studio.info(store), runner=SyncRunner(print),
                  notifier=Notifier())
    dialog = HealthDialog(ctx)
    dialog.show()

    def shown() -> None:
        dialog.reload()
        app.processEvents()  # the cards laid out (a benchmark, not the app)
        dialog.repaint()

    filled = median_ms(shown)
    row("health dialog loaded, laid out and painted", f"{filled:.1f} ms", "<= 50 ms",
        filled <= 50)
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=6)
    parser.add_argument("--db", help="a demo made before (its checks are added to)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-health-"))
    db = Path(args.db) if args.db else tmp / "demo.db"
    if not args.db:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "desk", "demo-db", str(db), "--families",
                        str(args.families)], check=True, capture_output=True)
        print(f"demo-db with {args.families} families: {time.perf_counter() - t:.1f} s\n")
    from desk.services.store import migrate

    store = migrate.open_database(db, None)
    measure(store, tmp, args.weeks)
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
