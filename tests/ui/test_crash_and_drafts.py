import dataclasses
import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desk.ui import crash
from desk.ui.family_editor import FamilyEditor


@pytest.fixture
def drafts_ctx(ctx, tmp_path):
    return dataclasses.replace(ctx, drafts_dir=tmp_path / "drafts")


def test_typed_input_survives_a_crash_and_is_offered_again(qtbot, drafts_ctx, monkeypatch):
    editor = FamilyEditor(drafts_ctx)
    qtbot.addWidget(editor)
    editor.guardian_boxes[0].name.setText("Ёлкина Вера")
    editor.guardian_boxes[0].phone.setText("+7 912")
    editor.legend.setPlainText("Любят глину")
    editor.save_draft()
    # The process dies here: the dialog is never closed. Next start:
    asked = []
    monkeypatch.setattr(FamilyEditor, "ask_restore",
                        classmethod(lambda cls, parent: asked.append(1) or True))
    again = FamilyEditor(drafts_ctx)
    qtbot.addWidget(again)
    assert asked == [1]
    assert again.guardian_boxes[0].name.text() == "Ёлкина Вера"
    assert again.guardian_boxes[0].phone.text() == "+7 912"
    assert again.legend.toPlainText() == "Любят глину"


def test_autosave_follows_typing_and_cancel_discards_the_draft(qtbot, drafts_ctx):
    editor = FamilyEditor(drafts_ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.guardian_boxes[0].name, "Anna")
    qtbot.waitUntil(lambda: editor.drafts.path(None).exists(), timeout=3000)
    assert editor.drafts.load(None).guardians[0].name == "Anna"
    editor.reject()
    assert not editor.drafts.path(None).exists()


@pytest.mark.logs_warnings
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_and_the_input_kept(qtbot, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "stderr", None)  # a windowed build has no console
    log_path = tmp_path / "desk.log"
    handler = logging.FileHandler(log_path, encoding="utf-8")
    logging.getLogger("desk").addHandler(handler)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    reporter = crash.CrashReporter(log_path)
    reporter.install()

    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit("что-то важное")
    button = QPushButton("go")
    layout = QVBoxLayout(form)
    layout.addWidget(field)
    layout.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    qtbot.waitUntil(lambda: bool(shown))
    logging.getLogger("desk").removeHandler(handler)
    handler.close()
    assert "ZeroDivisionError" in shown[0]
    assert "ZeroDivisionError" in log_path.read_text(encoding="utf-8")
    assert field.text() == "что-то важное"
    button.clicked.disconnect()
    button.click()  # the event loop and the widgets live on


@pytest.mark.logs_warnings
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_dialog(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    crash.CrashReporter(tmp_path / "x.log").install()
    worker = threading.Thread(target=lambda: {}["missing"])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert "KeyError" in shown[0]
