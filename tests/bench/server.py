"""The studio's server: python tests/bench/server.py [--families N]

Starts a throwaway PostgreSQL (as the tests do), writes a demo studio of N families (default
100k) to a file, moves it onto the server, then prints beside issue 11's targets: the move's
time, search per keystroke on the server beside the same on the file, and the live-refresh
latency between two processes (a write committed here, heard by a listener in another)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.bench.run import row, search_median  # noqa: E402
from tests.servers.postgres import Server  # noqa: E402

LISTENER = """
import sys, time
from desk.services.store import live, migrate
store = migrate.open_server(sys.argv[1], None)
listener = live.Listener(store, lambda kinds: print(f"{time.monotonic():.6f}", flush=True))
listener.start()
listener.listening.wait(30)
print("listening", flush=True)
sys.stdin.readline()
listener.stop()
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--writes", type=int, default=20)
    args = parser.parse_args()

    from sqlalchemy import create_engine

    from desk.services.crm import families
    from desk.services.staff import studio
    from desk.services.store import migrate
    from desk.services.store.db import SYSTEM_ACTOR
    from desk.services.upkeep import move

    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-server-"))
    db = tmp / "demo.db"
    subprocess.run([sys.executable, "-m", "desk", "demo-db", str(db), "--families",
                    str(args.families)], check=True, capture_output=True)
    server = Server.find()
    server.start()
    try:
        admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE studio")
        admin.dispose()
        url = server.url("studio")

        t = time.perf_counter()
        moved = move.move_to_server(db, url, SYSTEM_ACTOR)
        took = time.perf_counter() - t
        rows = sum(moved.rows.values())
        row(f"move-to-server, {args.families:,} families", f"{took:.1f} s",
            "(a figure)", True)
        print(f"{'':44} {rows / took:>12,.0f} rows/s ({rows:,} rows)")

        on_file = migrate.open_database(db, None, read_only=True)
        on_server = migrate.open_server(url, None)
        file_ms, server_ms = search_median(on_file), search_median(on_server)
        row("search per keystroke on the file (median)", f"{file_ms:.2f} ms", "<= 5 ms",
            file_ms <= 5)
        row("search per keystroke on the server (median)", f"{server_ms:.2f} ms", "<= 5 ms",
            server_ms <= 5)
        on_file.dispose()

        other = subprocess.Popen([sys.executable, "-c", LISTENER, url], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        assert other.stdout.readline() == "listening\n"
        actor = studio.staff(on_server)[0].actor()
        lags = []
        for n in range(args.writes):
            sent = time.monotonic()  # one clock for both processes (CLOCK_MONOTONIC)
            families.add_note(on_server, actor, 1, f"заметка {n}")
            heard = float(other.stdout.readline())
            lags.append((heard - sent) * 1000)
        other.stdin.write("\n")
        other.stdin.close()
        other.wait(30)
        med = statistics.median(lags)
        row("live refresh between two processes (median)", f"{med:.1f} ms", "<= 200 ms",
            med <= 200)
        print(f"{'':44} {args.writes} writes, slowest {max(lags):.1f} ms "
              "(from the write's start, its commit included)")
        on_server.dispose()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
