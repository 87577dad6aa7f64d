"""kill -9 in the middle of an import never leaves half of it; a writer that holds the database
longer than the busy timeout gives a clear message and the typed input stays."""

import os
import signal
import sqlite3
import subprocess
import sys
import time


ROWS = 20_000


def test_kill_during_import_is_all_or_nothing(store, db_path, tmp_path):
    store.dispose()
    csv_path = tmp_path / "big.csv"
    with csv_path.open("w", encoding="utf-8") as f:
        f.write("parent;phone;child\n")
        for i in range(ROWS):
            f.write(f"Родитель {i};+7 916 {i // 10000:03d}-{i % 10000:04d};Ребёнок {i}\n")
    outcomes = set()
    for delay in (0.6, 1.2, 1.8):
        proc = subprocess.Popen([sys.executable, "-m", "desk", "import", "families",
                                 str(csv_path), "--db", str(db_path)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with sqlite3.connect(db_path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            families = db.execute("SELECT count(*) FROM family").fetchone()[0]
            indexed = db.execute("SELECT count(*) FROM family_search").fetchone()[0]
        assert families in (0, ROWS) and indexed == families
        outcomes.add(families)
        if families == ROWS:
            break
    assert outcomes  # at least one run was cut or finished; each left 0 or all


def test_a_writer_holding_the_file_gives_a_clear_message_and_keeps_the_input(qtbot, ctx,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk.ui.family_editor import FamilyEditor

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    other = sqlite3.connect(ctx.store.path, timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        editor = FamilyEditor(ctx)
        qtbot.addWidget(editor)
        editor.guardian_boxes[0].name.setText("Ёлкина Вера")
        started = time.monotonic()
        editor._on_accepted()
        assert time.monotonic() - started >= 4  # waited for the busy timeout first
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert shown and "busy" in shown[0].lower()
    assert editor.guardian_boxes[0].name.text() == "Ёлкина Вера"
    assert editor.result() == 0
    editor._on_accepted()  # the lock is gone: the same input saves
    assert editor.saved_id is not None
