"""Mailings: a new mailing from filters (or a saved segment) and a template, its dry run (who
gets what, who is skipped and why), then sending with the status of every family; pause and
resume."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desk.models.enums import MailingStatus, OutboxStatus, RecipientStatus
from desk.services.comms import mailings
from desk.services.schedule import attendance, lessons
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, report, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import inbox_channel_name, stage_name
from desk.ui.table_model import RowsModel, sorted_view

GREY, RED = QColor("#757575"), QColor("#c62828")
SKIPS = {
    "no_consent": QT_TRANSLATE_NOOP("Mailings", "skipped: no consent to mailings"),
    "over_budget": QT_TRANSLATE_NOOP("Mailings", "skipped: contact budget spent"),
    "no_channel": QT_TRANSLATE_NOOP("Mailings", "skipped: no e-mail or Telegram chat"),
    "channel_off": QT_TRANSLATE_NOOP("Mailings", "skipped: the channel is not set up"),
}
STATUSES = {
    MailingStatus.SENDING: QT_TRANSLATE_NOOP("Mailings", "sending"),
    MailingStatus.PAUSED: QT_TRANSLATE_NOOP("Mailings", "paused"),
    MailingStatus.DONE: QT_TRANSLATE_NOOP("Mailings", "done"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Mailings", text)


class MailingPreviewModel(RowsModel):
    """The dry run of a mailing being composed: who gets it, by which channel, who is skipped
    (greyed). ``result`` gives the Result text of a line (the dialog's words)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MailingPreviewModel", "Family"),
        QT_TRANSLATE_NOOP("MailingPreviewModel", "Channel"),
        QT_TRANSLATE_NOOP("MailingPreviewModel", "Result"),
    )

    def __init__(self, result: Callable[[mailings.Recipient], str], parent=None) -> None:
        super().__init__(parent)
        self.result = result

    def cell(self, row: mailings.Recipient, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return inbox_channel_name(row.channel) if row.channel else ""
        return self.result(row)

    def foreground(self, row: mailings.Recipient, column: int) -> QBrush | None:
        return QBrush(GREY) if row.skip else None


class MailingsModel(RowsModel):
    """The mailings, the newest first as the service gives them; Started sorts by the moment,
    Delivered and Skipped by the counts."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MailingsModel", "Mailing"),
        QT_TRANSLATE_NOOP("MailingsModel", "Started"),
        QT_TRANSLATE_NOOP("MailingsModel", "Status"),
        QT_TRANSLATE_NOOP("MailingsModel", "Delivered"),
        QT_TRANSLATE_NOOP("MailingsModel", "Skipped"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def cell(self, row: mailings.MailingRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return fmt.datetime_text(row.created_at, self.ctx.studio.tz)
        if column == 2:
            return _t(STATUSES[row.status])
        if column == 3:
            return f"{row.sent} / {row.total - row.skipped}"
        return str(row.skipped)

    def sort_key(self, row: mailings.MailingRow, column: int):
        if column == 1:
            return row.created_at
        if column == 3:
            return (row.sent, row.total - row.skipped)
        if column == 4:
            return row.skipped
        return super().sort_key(row, column)


class MailingRecipientsModel(RowsModel):
    """The families of a sent mailing and what became of each; a failure is red, a skip grey.
    ``result`` gives the Result text of a line (the view's words)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MailingRecipientsModel", "Family"),
        QT_TRANSLATE_NOOP("MailingRecipientsModel", "Result"),
    )

    def __init__(self, result: Callable[[mailings.RecipientRow], str], parent=None) -> None:
        super().__init__(parent)
        self.result = result

    def cell(self, row: mailings.RecipientRow, column: int) -> str:
        return row.title if column == 0 else self.result(row)

    def foreground(self, row: mailings.RecipientRow, column: int) -> QBrush | None:
        if column != 1:
            return None
        if row.delivered is OutboxStatus.FAILED or row.error:
            return QBrush(RED)
        if row.status is RecipientStatus.SKIPPED:
            return QBrush(GREY)
        return None


class MailingDialog(QDialog):
    """A new mailing: the audience, the text, the dry run; Save starts sending."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.started_id: int | None = None
        self.shown: mailings.Preview | None = None
        self.setWindowTitle(self.tr("New mailing"))
        self.resize(860, 640)
        self.name = QLineEdit()
        self.segment = QComboBox()
        self.segment.addItem(self.tr("—"), None)
        self.save_segment_button = QPushButton(self.tr("Save as a segment…"))
        self.direction = QComboBox()
        self.direction.addItem(self.tr("any"), None)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("any"), None)
        for _low, _high, name in attendance.STAGES:
            self.stage.addItem(stage_name(name), name)
        self.visit = QComboBox()
        self.visit.addItem(self.tr("any"), None)
        self.visit.addItem(self.tr("came within the last"), "within")
        self.visit.addItem(self.tr("not seen for"), "not_seen")
        self.visit_days = QSpinBox()
        self.visit_days.setRange(1, 365)
        self.visit_days.setValue(30)
        self.visit_days.setSuffix(self.tr(" days"))
        self.age_from = QSpinBox()
        self.age_to = QSpinBox()
        for box in (self.age_from, self.age_to):
            box.setRange(0, 18)
            box.setSpecialValueText(self.tr("any"))
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("{parent}, {child} and {studio} are filled in "
                                             "for each family"))
        self.body.setFixedHeight(80)
        self.preview_button = QPushButton(self.tr("Dry run"))
        self.counts = QLabel()
        self.list_model = MailingPreviewModel(self._result, self)
        self.list = sorted_view(self.list_model, widths=(240, 110))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = FieldError()

        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visit, 1)
        visit_row.addWidget(self.visit_days)
        age_row = QHBoxLayout()
        age_row.addWidget(QLabel(self.tr("from")))
        age_row.addWidget(self.age_from)
        age_row.addWidget(QLabel(self.tr("to")))
        age_row.addWidget(self.age_to)
        age_row.addStretch(1)
        segment_row = QHBoxLayout()
        segment_row.addWidget(self.segment, 1)
        segment_row.addWidget(self.save_segment_button)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Segment:"), segment_row)
        form.addRow(self.tr("Direction:"), self.direction)
        form.addRow(self.tr("Stage:"), self.stage)
        form.addRow(self.tr("Last visit:"), visit_row)
        form.addRow(self.tr("Child's age:"), age_row)
        form.addRow(self.tr("Text:"), self.body)
        run_row = QHBoxLayout()
        run_row.addWidget(self.preview_button)
        run_row.addWidget(self.counts, 1)
        form.addRow(run_row)
        form.addRow(self.list)
        form.addRow(self.text)
        form.addRow(self.error)
        buttons = finish_form_dialog(self, form, self._on_accepted)
        buttons.button(buttons.StandardButton.Save).setText(self.tr("Start sending"))
        self.preview_button.clicked.connect(self.run_preview)
        self.segment.activated.connect(self._on_segment)
        self.save_segment_button.clicked.connect(self._on_save_segment)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_text())
        ctx.ops.query(self, lambda: (mailings.segments(ctx.store),
                                     lessons.directions(ctx.store)),
                      self._fill_choices, key="choices")

    def _fill_choices(self, found: tuple[list[tuple[int, str, mailings.Filters]],
                                         list[lessons.DirectionView]]) -> None:
        """The saved segments and the directions, read for the combo boxes."""
        segments, directions = found
        for _sid, name, filters in segments:
            self.segment.addItem(name, filters)
        for d in directions:
            self.direction.addItem(d.name, d.id)

    def filters(self) -> mailings.Filters:
        mode = self.visit.currentData()
        return mailings.Filters(
            direction_id=self.direction.currentData(), stage=self.stage.currentData(),
            visited_within_days=self.visit_days.value() if mode == "within" else None,
            not_seen_days=self.visit_days.value() if mode == "not_seen" else None,
            age_from=self.age_from.value() or None, age_to=self.age_to.value() or None)

    def set_filters(self, f: mailings.Filters) -> None:
        self.direction.setCurrentIndex(max(0, self.direction.findData(f.direction_id)))
        self.stage.setCurrentIndex(max(0, self.stage.findData(f.stage)))
        mode = "within" if f.visited_within_days else "not_seen" if f.not_seen_days else None
        self.visit.setCurrentIndex(max(0, self.visit.findData(mode)))
        self.visit_days.setValue(f.visited_within_days or f.not_seen_days or 30)
        self.age_from.setValue(f.age_from or 0)
        self.age_to.setValue(f.age_to or 0)

    @Slot(int)
    def _on_segment(self, index: int) -> None:
        f = self.segment.itemData(index)
        if f is not None:
            self.set_filters(f)

    @Slot()
    def _on_save_segment(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as a segment"), self.tr("Name:"),
                                        text=self.segment.currentText()
                                        if self.segment.currentIndex() else "")
        if ok:
            self.save_segment(name)

    def save_segment(self, name: str) -> None:
        f = self.filters()
        submit(self.ctx.ops, self, self.error,
               lambda: mailings.save_segment(self.ctx.store, self.ctx.actor, name, f),
               lambda _id: self._segment_saved(name, f))

    def _segment_saved(self, name: str, f: mailings.Filters) -> None:
        """The segment is offered in the list, chosen."""
        shown = " ".join(name.split())
        found = self.segment.findText(shown)
        if found < 0:
            self.segment.addItem(shown, f)
            found = self.segment.count() - 1
        self.segment.setItemData(found, f)
        self.segment.setCurrentIndex(found)

    @Slot()
    def run_preview(self) -> None:
        """The dry run goes off the UI thread (thousands of families)."""
        f, body = self.filters(), self.body.toPlainText()
        self.preview_button.setEnabled(False)
        self.counts.setText(self.tr("Counting…"))

        def done(shown: mailings.Preview) -> None:
            self.preview_button.setEnabled(True)
            self.error.show_message("")
            self.show_preview(shown)

        def failed(exc: BaseException) -> None:
            self.preview_button.setEnabled(True)
            self.counts.clear()
            report(self, self.error, exc)

        self.ctx.ops.query(self, lambda: mailings.preview(self.ctx.store, f, body), done,
                           key="preview", on_failure=failed)

    def show_preview(self, shown: mailings.Preview) -> None:
        self.shown = shown
        self.list_model.set_rows(shown.recipients)
        self.counts.setText(self.tr(
            "Will get it: {n}. Skipped: no consent {a}, budget spent {b}, no channel {c}, "
            "channel not set up {d}.")
            .format(n=len(shown.sending), a=shown.skipped("no_consent"),
                    b=shown.skipped("over_budget"), c=shown.skipped("no_channel"),
                    d=shown.skipped("channel_off")))
        if shown.recipients:
            self.list.setCurrentIndex(self.list_model.index(0, 0))
        self._show_text()

    def _result(self, r: mailings.Recipient) -> str:
        return _t(SKIPS[r.skip]) if r.skip else self.tr("will get it")

    def _show_text(self) -> None:
        index = self.list.currentIndex()
        if self.shown is None or not index.isValid():
            self.text.clear()
            return
        self.text.setText(self.list_model.row_at(index.row()).text)

    @Slot()
    def _on_accepted(self) -> None:
        name, f, body = self.name.text(), self.filters(), self.body.toPlainText()
        submit(self.ctx.ops, self, self.error,
               lambda: mailings.start(self.ctx.store, self.ctx.actor, name, f, body),
               self._on_started)

    def _on_started(self, mailing_id: int) -> None:
        self.started_id = mailing_id
        self.ctx.wake_outbox()
        self.accept()


class MailingsView(QWidget):
    WRITES = ("new_button", "pause_button")  # hidden on a read-only desk

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[mailings.MailingRow] = []
        self.new_button = QPushButton(self.tr("New mailing…"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.budget_messages = QSpinBox()
        self.budget_messages.setRange(1, 50)
        self.budget_days = QSpinBox()
        self.budget_days.setRange(1, 90)
        self.budget_days.setSuffix(self.tr(" days"))
        tip = self.tr("At most this many mailings, reminders, survey invitations and greetings "
                      "per family (siblings count as one); answers are not counted")
        for box in (self.budget_messages, self.budget_days):
            box.setToolTip(tip)
        self.list_model = MailingsModel(ctx, self)
        self.list = sorted_view(self.list_model, widths=(200, 130))
        self.recipients_model = MailingRecipientsModel(self._result, self)
        self.recipients = sorted_view(self.recipients_model, widths=(240,))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Contact budget:")))
        buttons.addWidget(self.budget_messages)
        buttons.addWidget(QLabel(self.tr("messages in")))
        buttons.addWidget(self.budget_days)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(buttons)
        ll.addWidget(self.list, 1)
        side_by_side(self, left, self.recipients, [640, 560])
        self.new_button.clicked.connect(self._on_new)
        self.pause_button.clicked.connect(self._on_pause)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())
        for box in (self.budget_messages, self.budget_days):
            box.editingFinished.connect(self._on_budget)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.INBOX, Change.MAILING))

    @Slot()
    def _on_budget(self) -> None:
        wanted = (self.budget_messages.value(), self.budget_days.value())

        def change() -> None:
            if wanted != mailings.budget(self.ctx.store):
                mailings.set_budget(self.ctx.store, self.ctx.actor, *wanted)

        submit(self.ctx.ops, self, FieldError(), change)

    @Slot()
    def refresh(self, keep: int | None = None) -> None:
        """Read the budget and the mailings; ``keep`` is chosen (else the one chosen now)."""
        self.ctx.ops.query(
            self, lambda: (mailings.budget(self.ctx.store), mailings.listing(self.ctx.store)),
            lambda found: self._show_list(*found, keep=keep), key="list")

    def _show_list(self, budget: tuple[int, int], rows: list[mailings.MailingRow], *,
                   keep: int | None) -> None:
        messages, days = budget
        self.budget_messages.setValue(messages)
        self.budget_days.setValue(days)
        keep = keep or (self.selected().id if self.selected() else None)
        self.rows = rows
        self.list_model.set_rows(rows)
        shown = self.list_model.rows  # in the order the user sorted them by
        index = next((i for i, r in enumerate(shown) if r.id == keep), 0)
        if shown:
            self.list.setCurrentIndex(self.list_model.index(index, 0))
        self._show()

    def selected(self) -> mailings.MailingRow | None:
        index = self.list.currentIndex()
        if not index.isValid() or not 0 <= index.row() < self.list_model.rowCount():
            return None
        return self.list_model.row_at(index.row())

    def _show(self) -> None:
        r = self.selected()
        self.pause_button.setEnabled(r is not None and (r.status is MailingStatus.PAUSED
                                                        or r.pending + r.queued > 0))
        self.pause_button.setText(self.tr("Resume") if r and r.status is MailingStatus.PAUSED
                                  else self.tr("Pause"))
        if r is None:
            self.recipients_model.set_rows([])
            return
        mailing_id = r.id
        self.ctx.ops.query(self, lambda: mailings.recipients(self.ctx.store, mailing_id),
                           self._show_recipients, key="recipients")

    def _show_recipients(self, lines: list[mailings.RecipientRow]) -> None:
        self.recipients_model.set_rows(lines)

    def _result(self, line: mailings.RecipientRow) -> str:
        if line.status is RecipientStatus.SKIPPED:
            return _t(SKIPS.get(line.reason, line.reason))
        if line.status is RecipientStatus.PENDING:
            return self.tr("waiting for its turn")
        if line.delivered is OutboxStatus.SENT:
            return self.tr("delivered")
        if line.delivered is OutboxStatus.FAILED:
            return self.tr("not delivered: {reason}").format(reason=line.error)
        return self.tr("in the outbox") + (f" ({line.error})" if line.error else "")

    @Slot()
    def _on_new(self) -> None:
        dialog = MailingDialog(self.ctx, self)
        if dialog.exec() and dialog.started_id is not None:
            self.refresh(keep=dialog.started_id)

    @Slot()
    def _on_pause(self) -> None:
        r = self.selected()
        if r is not None:
            mailing_id, pause = r.id, r.status is not MailingStatus.PAUSED
            submit(self.ctx.ops, self, FieldError(), lambda: mailings.set_paused(
                self.ctx.store, self.ctx.actor, mailing_id, pause))
