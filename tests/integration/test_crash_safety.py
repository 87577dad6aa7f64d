"""kill -9 in the middle of an import never leaves half of it, and in the middle of a run of
payments leaves exactly the payments committed before it; a writer that holds the database
longer than the busy timeout gives a clear message and the typed input stays.

Each kill comes when the child process says on its stdout that it reached the moment to kill,
never after a sleep: the child stops dead there (or writes on, for a kill anywhere after it)."""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desk.services.crm import families
from desk.services.upkeep import check
from desk.services.crm.families import FamilyDraft, GuardianDraft

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself


ROWS = 10_000
PAYMENTS = 25
SILENCE_S = 60.0  # a child that says nothing wanted for this long has failed
ROOT = Path(__file__).resolve().parents[2]

# `desk import families ARGS...` that stops dead at STAGE of its one transaction and says so:
# after the first batch of families (5000 rows of the import written, uncommitted), after the
# search index rows, just before COMMIT, or just after it.
IMPORT_CHILD = """
import sys, threading
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from desk.app import main

stage, argv = sys.argv[1], sys.argv[2:]
seen = set()

def reached(point):
    seen.add(point)
    if point == stage:
        print("stopped at", point, flush=True)
        threading.Event().wait()  # until killed

@event.listens_for(Engine, "after_cursor_execute")
def _statement(conn, cursor, statement, parameters, context, executemany):
    if statement.startswith("INSERT INTO family (") and "family" not in seen:
        reached("family")
    elif statement.startswith("INSERT INTO family_search"):
        reached("search")

@event.listens_for(Engine, "commit")
def _commit(conn):
    if "family" in seen:
        reached("commit")

@event.listens_for(Session, "after_commit")
def _committed(session):
    if "family" in seen:
        reached("committed")

sys.exit(main(argv))
"""

# Tops up FAMILY_ID by 1, 2, 3, ... kopecks, one transaction each, saying "committed N" after
# the N-th commit; with STOP_AT > 0 it stops dead inside payment STOP_AT + 1, just before its
# COMMIT, after saying "stopped in STOP_AT + 1".
PAYMENTS_CHILD = """
import sys, threading
from sqlalchemy import event
from sqlalchemy.engine import Engine
from desk.models.enums import PaymentMethod
from desk.services.money import wallet
from desk.services.store import migrate
from desk.services.store.db import SYSTEM_ACTOR

path, family_id, stop_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
done = 0

@event.listens_for(Engine, "commit")
def _commit(conn):
    if stop_at and done == stop_at:
        print("stopped in", done + 1, flush=True)
        threading.Event().wait()  # until killed

store = migrate.open_database(path, None)
for amount in range(1, 1_000_000):
    wallet.top_up(store, SYSTEM_ACTOR, family_id, amount, PaymentMethod.CASH)
    done = amount
    print("committed", amount, flush=True)
"""


class Child:
    """A Python process whose stdout the test reads line by line as it is printed."""

    def __init__(self, code: str, *args: str, log: Path) -> None:
        self.log = log
        with log.open("w", encoding="utf-8") as err:
            self.proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT,
                                         stdout=subprocess.PIPE, stderr=err, text=True,
                                         encoding="utf-8")
        self.said: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)  # the pipe closed: the child is gone

    def _next(self, seconds: float) -> str | None:
        try:
            line = self._lines.get(timeout=seconds)
        except queue.Empty:
            pytest.fail(f"the child fell silent; its last lines: {self.said[-3:]}")
        if line is not None:
            self.said.append(line)
        return line

    def wait_for(self, wanted: Callable[[str], bool]) -> str:
        """The next line ``wanted`` accepts; fails if the child ends or falls silent first."""
        deadline = time.monotonic() + SILENCE_S
        while True:
            line = self._next(max(0.0, deadline - time.monotonic()))
            if line is None:
                pytest.fail(f"the child ended (exit {self.proc.wait()}) before that; it said "
                            f"{self.said[-3:]}, stderr: {self.log.read_text(encoding='utf-8')}")
            if wanted(line):
                return line

    def kill(self) -> None:
        """kill -9, then read what it printed before it died."""
        self.proc.kill()
        self.proc.wait()
        while self._next(SILENCE_S) is not None:
            pass

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.kill()
        self.proc.wait()
        self._reader.join(SILENCE_S)
        self.proc.stdout.close()


def _faults(db_path: Path) -> list[str]:
    """What `desk check` finds wrong: integrity, foreign keys, the search index, the ledger."""
    return [f.text for f in check.run(db_path) if f.fault]


@pytest.mark.parametrize("stage, left", [
    ("family", 0),  # 5000 of the families written, not committed
    ("search", 0),  # every row and the search index written (megabytes of WAL), not committed
    ("commit", 0),  # the audit entry flushed too; COMMIT not yet sent
    ("committed", ROWS),  # COMMIT done: the whole import survives the kill
])
def test_kill_during_import_is_all_or_nothing(store, db_path, tmp_path, stage, left):
    store.dispose()
    csv_path = tmp_path / "big.csv"
    with csv_path.open("w", encoding="utf-8") as f:
        f.write("parent;phone;child\n")
        for i in range(ROWS):
            f.write(f"Родитель {i};+7 916 {i // 10000:03d}-{i % 10000:04d};Ребёнок {i}\n")
    with Child(IMPORT_CHILD, stage, "import", "families", str(csv_path), "--db", str(db_path),
               log=tmp_path / "stderr.txt") as child:
        child.wait_for(lambda line: line == f"stopped at {stage}")
        child.kill()
    assert child.proc.returncode != 0  # killed where it stopped, never finished
    assert not any(line.startswith("imported") for line in child.said)
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        imported = db.execute("SELECT count(*) FROM family").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM family_search").fetchone()[0]
        children = db.execute("SELECT count(*) FROM child").fetchone()[0]
        audited = db.execute("SELECT count(*) FROM audit_entry "
                             "WHERE kind = 'import.families'").fetchone()[0]
    assert (imported, indexed, children, audited) == (left, left, left, 1 if left else 0)
    assert _faults(db_path) == []


@pytest.mark.parametrize("stop_inside", [False, True], ids=["running", "inside"])
def test_kill_during_payments_leaves_exactly_the_committed_ones(store, actor, db_path, tmp_path,
                                                                stop_inside):
    """Killed wherever it is once it has reported PAYMENTS commits (running), or inside the
    transaction of the next payment, its entry and balance written but not committed."""
    fid = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))
    store.dispose()
    with Child(PAYMENTS_CHILD, str(db_path), str(fid), str(PAYMENTS if stop_inside else 0),
               log=tmp_path / "stderr.txt") as child:
        if stop_inside:
            child.wait_for(lambda line: line == f"stopped in {PAYMENTS + 1}")
        else:
            child.wait_for(lambda line: line == f"committed {PAYMENTS}")
        child.kill()
    assert child.proc.returncode != 0
    reported = max(int(line.split()[1]) for line in child.said if line.startswith("committed"))
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        amounts = [a for (a,) in db.execute(
            "SELECT amount FROM ledger_entry WHERE family_id = ? ORDER BY seq", (fid,))]
        (balance, entries), = db.execute(
            "SELECT balance, entries FROM wallet WHERE family_id = ?", (fid,)).fetchall()
    if stop_inside:
        assert reported == PAYMENTS and len(amounts) == PAYMENTS
    else:  # all it reported, and at most the one it was killed before reporting
        assert PAYMENTS <= reported <= len(amounts) <= reported + 1
    assert amounts == list(range(1, len(amounts) + 1))  # a prefix: in order, none lost
    assert (balance, entries) == (sum(amounts), len(amounts))
    assert _faults(db_path) == []  # the hash chain ends at the wallet's head


def test_a_writer_holding_the_file_gives_a_clear_message_and_keeps_the_input(qtbot, ctx,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk.ui.family_editor import FamilyEditor

    from desk.services.store import db

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 1000)  # the desk's wait, shorter for the test
    ctx.store.engine.dispose()  # its next connections wait so long
    other = sqlite3.connect(ctx.store.path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        editor = FamilyEditor(ctx)
        qtbot.addWidget(editor)
        editor.guardian_boxes[0].name.setText("Ёлкина Вера")
        started = time.monotonic()
        editor._on_accepted()
        assert time.monotonic() - started >= 0.9  # waited for the busy timeout first
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert shown and "busy" in shown[0].lower()
    assert editor.guardian_boxes[0].name.text() == "Ёлкина Вера"
    assert editor.result() == 0
    editor._on_accepted()  # the lock is gone: the same input saves
    assert editor.saved_id is not None
