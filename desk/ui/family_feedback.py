"""The family card's Feedback tab: every feedback of the family — the teacher's words, the
copywriter's text, the voice note (played in the system player), what was sent and when."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QHBoxLayout, QPlainTextEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackKind
from desk.services.feedback import requests, second
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import chosen
from desk.ui.freshness import Freshness
from desk.ui.labels import feedback_status_name, stage_name
from desk.ui.voice_notes import play

KINDS = (Change.FEEDBACK, Change.ENROLMENT, Change.SCHEDULE, Change.FAMILY, Change.STUDIO)


def when_text(row: requests.RequestRow, ctx: Context) -> str:
    """The lesson's time; a second feedback's: when its case opened."""
    at = row.lesson_at or row.created_at
    return fmt.datetime_text(at, ctx.studio.tz) if at else ""


def what_text(row: requests.RequestRow) -> str:
    """Which feedback: "first · Ceramics", "second · 8–20"."""
    if row.kind is FeedbackKind.SECOND:
        return QCoreApplication.translate("FeedbackView", "second · {stage}").format(
            stage=stage_name(second.AT[row.stage]))
    return QCoreApplication.translate("FeedbackView", "first · {direction}").format(
        direction=row.direction)


class FamilyFeedback(QWidget):
    """The card's Feedback tab: every request of the family with its words, the edited text,
    the voice note and what was sent."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id: int | None = None
        self.rows: list[requests.RequestRow] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Child"), self.tr("Feedback"),
                                   self.tr("Teacher"), self.tr("State")])
        for col, width in enumerate((120, 150, 140, 130)):
            self.list.setColumnWidth(col, width)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.play_button = QPushButton(self.tr("Listen to the voice note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.play_button)
        layout.addLayout(row)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.play_button.clicked.connect(self._on_play)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self._show()

    def show_family(self, family_id: int) -> None:
        self.family_id = family_id
        self.freshness.invalidate()

    @Slot()
    def refresh(self) -> None:
        fid, store = self.family_id, self.ctx.store
        if fid is not None:
            self.ctx.ops.query(self, lambda: requests.of_family(store, fid), self._show_rows,
                               key="family-feedback")

    def _show_rows(self, rows: list[requests.RequestRow]) -> None:
        self.rows = rows
        self.list.clear()
        for r in rows:
            self.list.addTopLevelItem(QTreeWidgetItem([
                when_text(r, self.ctx), r.child, what_text(r), r.teacher,
                feedback_status_name(r.status)]))
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(len(rows) - 1))
        self._show()

    def selected(self) -> requests.RequestRow | None:
        return chosen(self.list, self.rows)

    def _show(self) -> None:
        r = self.selected()
        self.play_button.setEnabled(r is not None and r.audio_file_id is not None)
        if r is None:
            self.text.setPlainText("")
            return
        parts = [(self.tr("The head teacher's feedback:") if r.kind is FeedbackKind.SECOND
                  else self.tr("The teacher's words:")) + "\n" + (r.words or "—")]
        if r.edited:
            parts.append(self.tr("After the copywriter:") + "\n" + r.edited)
        if r.audio_name:
            parts.append(self.tr("Voice note: {name}").format(name=r.audio_name))
        if r.sent_at:
            parts.append(self.tr("Sent {when}:").format(
                when=fmt.datetime_text(r.sent_at, self.ctx.studio.tz)) + "\n" + r.sent_text)
        self.text.setPlainText("\n\n".join(parts))

    @Slot()
    def _on_play(self) -> None:
        r = self.selected()
        if r is not None and r.audio_file_id:
            play(self.ctx, self, r.audio_file_id)
