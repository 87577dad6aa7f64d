"""The feedback register for the improvements department: filters, statuses and counts per tag
and month, items linked as the same, telling the families what changed, exports; with the
answers to clients (``loop_view``) it makes the main window's "Отзывы"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QMenu, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
    QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackSource, FeedbackTone, ItemStatus
from desk.services.feedback import register, report
from desk.services.staff import studio
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.colours import GREEN, RED
from desk.ui.context import Context
from desk.ui.feedback_tags import TagsDialog
from desk.ui.forms import FieldError, ask_save_path, finish_form_dialog, submit
from desk.ui.forms import report as report_error
from desk.ui.freshness import Freshness
from desk.ui.labels import (
    item_status_name, loop_status_name, source_kind_name, tone_name,
)
from desk.ui.table_model import RowsModel, sorted_view
from desk.ui.item_dialog import to_feedback
from desk.ui.loop_view import LoopView
from desk.ui.template_dialog import TemplateDialog

TONE_COLOURS = {FeedbackTone.NEGATIVE: RED, FeedbackTone.POSITIVE: GREEN}
KINDS = (Change.FEEDBACK, Change.FAMILY, Change.SCHEDULE, Change.STUDIO)


def _combo(first: str, items) -> QComboBox:
    box = QComboBox()
    box.addItem(first, None)
    for value, text in items:
        box.addItem(text, value)
    return box


class ItemsModel(RowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("ItemsModel", "Date"), QT_TRANSLATE_NOOP("ItemsModel", "Family"),
               QT_TRANSLATE_NOOP("ItemsModel", "What was said"),
               QT_TRANSLATE_NOOP("ItemsModel", "Tone"), QT_TRANSLATE_NOOP("ItemsModel", "Tags"),
               QT_TRANSLATE_NOOP("ItemsModel", "Status"),
               QT_TRANSLATE_NOOP("ItemsModel", "About"))

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def cell(self, row: register.ItemRow, column: int) -> str:
        if column == 0:
            return fmt.datetime_text(row.created_at, self.ctx.studio.tz)
        if column == 1:
            return row.family
        if column == 2:
            return " ".join(row.quote.split())
        if column == 3:
            return tone_name(row.tone)
        if column == 4:
            return ", ".join(row.tags)
        if column == 5:
            return item_status_name(row.status) + (" ↗" if row.linked_to else "")
        return ", ".join(x for x in (row.teacher, row.staff, row.direction) if x)

    def tooltip(self, row: register.ItemRow, column: int) -> str | None:
        return row.quote if column == 2 else None

    def foreground(self, row: register.ItemRow, column: int):
        return QBrush(TONE_COLOURS[row.tone]) if column == 3 and row.tone in TONE_COLOURS \
            else None

    def sort_key(self, row: register.ItemRow, column: int):
        return row.created_at if column == 0 else super().sort_key(row, column)


class TellDialog(QDialog):
    """"Clients told": what changed, each family's message previewed, then sent (or listed to
    send by hand)."""

    def __init__(self, ctx: Context, item: register.ItemRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        self.setWindowTitle(self.tr("Tell the clients what changed"))
        self.resize(700, 560)
        self.change = QPlainTextEdit()
        self.change.setPlaceholderText(self.tr("What the studio changed, in a sentence or two"))
        self.change.setMaximumHeight(90)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.letters = QTreeWidget()
        self.letters.setRootIsDecorated(False)
        self.letters.setHeaderLabels([self.tr("Family"), self.tr("Message")])
        self.letters.setColumnWidth(0, 180)
        self.letters.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setEnabled(False)
        self.copy_button = buttons.addButton(self.tr("Copy the by-hand ones"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()
        self.by_hand: tuple = ()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The client said: «{quote}»").format(
            quote=" ".join(item.quote.split())[:300])))
        layout.addWidget(self.change)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        layout.addWidget(self.letters, 1)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.preview_button.clicked.connect(self._on_preview)
        self.send_button.clicked.connect(self._on_send)
        self.copy_button.clicked.connect(self._on_copy)
        buttons.rejected.connect(self.reject)

    @Slot()
    def _on_preview(self) -> None:
        item_id, change = self.item.id, self.change.toPlainText()
        submit(self.ctx.ops, self, self.error,
               lambda: register.tell_preview(self.ctx.store, item_id, change), self._show)

    def _show(self, letters: list[tuple[int, str, str]]) -> None:
        self.letters.clear()
        for _fid, parent, text in letters:
            self.letters.addTopLevelItem(QTreeWidgetItem([parent, text]))
        self.send_button.setEnabled(bool(letters))

    @Slot()
    def _on_send(self) -> None:
        item_id, change = self.item.id, self.change.toPlainText()
        submit(self.ctx.ops, self, self.error,
               lambda: register.tell(self.ctx.store, self.ctx.actor, item_id, change),
               self._on_told)

    def _on_told(self, told: register.Told) -> None:
        self.ctx.wake_outbox()
        self.send_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.by_hand = told.by_hand
        text = self.tr("Messages queued: {n}.").format(n=told.sent)
        if told.by_hand:
            text += " " + self.tr("The desk cannot reach these families, send it by hand: "
                                  "{names}.").format(names=", ".join(p for _f, p, _t
                                                                     in told.by_hand))
            self.copy_button.show()
        self.result.setText(text)

    @Slot()
    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText("\n\n".join(f"{p}:\n{t}"
                                                        for _f, p, t in self.by_hand))


class ReasonDialog(QDialog):
    """Why an item is rejected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject the item"))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(100)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Why:"), self.reason)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.show_message(QCoreApplication.translate(
                "Messages", "Say why it is rejected."))
            return
        self.accept()


class RegisterView(QWidget):
    """The register: filters, the items (the newest first), the chosen one's words and the
    steps it may take, and the counts per tag and month."""

    WRITES = ("accept_button", "reject_button", "work_button", "done_button", "tell_button",
              "link_button", "add_button", "template_button", "tags_button")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters = register.Filters()
        day = ctx.store.now().astimezone(ctx.studio.tz).date()
        today = QDate(day.year, day.month, day.day)
        self.since = QDateEdit(today.addDays(-90))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.tone = _combo(self.tr("Any tone"), [(t, tone_name(t)) for t in FeedbackTone])
        self.tag = _combo(self.tr("Any tag"), [])
        self.direction = _combo(self.tr("Any direction"), [])
        self.teacher = _combo(self.tr("Any teacher"), [])
        self.status = _combo(self.tr("Any status"), [(s, item_status_name(s))
                                                      for s in ItemStatus])
        self.source = _combo(self.tr("Any source"), [(s, source_kind_name(s))
                                                      for s in FeedbackSource])
        self.model = ItemsModel(ctx, self)
        self.view = sorted_view(self.model, (120, 150, 315, 105, 150, 140))
        self.shown = QLabel()
        self.quote = QPlainTextEdit()
        self.quote.setReadOnly(True)
        self.quote.setMaximumHeight(110)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.error = FieldError()
        self.add_button = QPushButton(self.tr("Add…"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.work_button = QPushButton(self.tr("In work"))
        self.done_button = QPushButton(self.tr("Done"))
        self.tell_button = QPushButton(self.tr("Tell the clients…"))
        self.link_button = QPushButton(self.tr("Same as…"))
        self.link_button.setToolTip(self.tr("Link to an item that says the same: it follows "
                                            "that item's status"))
        self.template_button = QPushButton(self.tr("Template…"))
        self.tags_button = QPushButton(self.tr("Tags…"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Every item to Excel (XLSX)…"),
                              lambda: self.export_to(".xlsx"))
        export_menu.addAction(self.tr("Report for the period (PDF)…"),
                              lambda: self.export_to(".pdf"))
        self.export_button.setMenu(export_menu)
        self.counts = QTableWidget()
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        for box in (self.tone, self.tag, self.direction, self.teacher, self.status, self.source):
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        filters.addWidget(self.add_button)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.quote)
        dl.addWidget(self.meta)
        dl.addWidget(self.error)
        steps = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.work_button,
                       self.done_button, self.tell_button, self.link_button):
            steps.addWidget(button)
        steps.addStretch(1)
        steps.addWidget(self.tags_button)
        steps.addWidget(self.template_button)
        dl.addLayout(steps)
        items = QWidget()
        il = QVBoxLayout(items)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(self.view, 1)
        il.addWidget(self.shown)
        il.addWidget(detail)
        self.tabs = QTabWidget()
        self.tabs.addTab(items, self.tr("Items"))
        self.tabs.addTab(self.counts, self.tr("By tag and month"))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)

        for box in (self.tone, self.tag, self.direction, self.teacher, self.status, self.source):
            box.currentIndexChanged.connect(self._on_filters_changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._on_filters_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.tabs.currentChanged.connect(lambda _i: self.freshness.invalidate())
        self.accept_button.clicked.connect(lambda: self._move(ItemStatus.ACCEPTED))
        self.work_button.clicked.connect(lambda: self._move(ItemStatus.IN_WORK))
        self.done_button.clicked.connect(lambda: self._move(ItemStatus.DONE))
        self.reject_button.clicked.connect(self._on_reject)
        self.tell_button.clicked.connect(self._on_tell)
        self.link_button.clicked.connect(self._on_link)
        self.add_button.clicked.connect(lambda: to_feedback(ctx, self, register.ItemDraft(
            quote="", tone=FeedbackTone.NEUTRAL)))
        self.template_button.clicked.connect(lambda: TemplateDialog(
            ctx, register.TELL_TEMPLATE, register.TELL_SAMPLE,
            self.tr("“We changed it” template"),
            self.tr("Placeholders: {parent} — the parent's first name, {said} — what the "
                    "client said, {change} — what the studio changed, {studio} — the studio."),
            self).exec())
        self.tags_button.clicked.connect(self._on_tags)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self.loaded_choices = False
        self.wanted: int | None = None  # an item to choose once the rows come
        self._show()

    @Slot()
    def _on_tags(self) -> None:
        TagsDialog(self.ctx, self).exec()
        self.loaded_choices = False  # the filters offer the lists as they are now
        for box in (self.tag, self.direction, self.teacher):
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            box.blockSignals(False)
        self.freshness.invalidate()

    def save_path(self, suffix: str) -> Path | None:
        """Where to save the export (replaced in tests)."""
        first, last = (fmt.from_qdate(e.date()) for e in (self.since, self.until))
        name = self.tr("feedback {first} — {last}").format(first=first, last=last) + suffix
        kind = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" \
            else self.tr("PDF document (*.pdf)")
        return ask_save_path(self, self.tr("Export the register"), name, kind, suffix)

    def export_to(self, suffix: str) -> None:
        """The period of the filters, to XLSX (every item) or PDF (the report)."""
        path = self.save_path(suffix)
        if path is None:
            return
        period = report.Period(fmt.from_qdate(self.since.date()),
                               fmt.from_qdate(self.until.date()))
        store = self.ctx.store
        self.ctx.ops.query(
            self, lambda: report.export(store, period, path),
            lambda n: self.shown.setText(self.tr("Saved {n} items to {path}").format(
                n=n, path=path)),
            on_failure=lambda exc: report_error(self, self.error, exc))

    def _on_filters_changed(self) -> None:
        since, until = studio.local_period_bounds(fmt.from_qdate(self.since.date()),
                                                  fmt.from_qdate(self.until.date()),
                                                  self.ctx.studio.tz)
        self.filters = register.Filters(
            since=since, until=until,
            tone=self.tone.currentData(), tag_id=self.tag.currentData(),
            direction_id=self.direction.currentData(), teacher_id=self.teacher.currentData(),
            status=self.status.currentData(), source=self.source.currentData())
        self.freshness.invalidate()

    @Slot()
    def refresh(self) -> None:
        if not self.loaded_choices:
            self.loaded_choices = True
            self.ctx.ops.query(self, lambda: register.choices(self.ctx.store),
                               self._show_choices, key="choices")
            self._on_filters_changed()
            return
        f, store, tz = self.filters, self.ctx.store, self.ctx.studio.tz
        counted = self.tabs.currentWidget() is self.counts  # counted only when shown
        self.ctx.ops.query(self, lambda: (register.listing(store, f),
                                          register.month_counts(store, f, tz) if counted
                                          else None),
                           self._show_rows, key="items")

    def _show_choices(self, found: register.Choices) -> None:
        for box, values in ((self.tag, [(t.id, t.name) for t in found.tags]),
                            (self.direction, found.directions),
                            (self.teacher, found.teachers)):
            box.blockSignals(True)
            for value, text in values:
                box.addItem(text, value)
            box.blockSignals(False)

    def _show_rows(self, found: tuple[register.Listing, dict | None]) -> None:
        listing, counts = found
        current = self.selected()
        self.model.set_rows(listing.rows)
        self.shown.setText(self.tr("Shown {n} of {total}").format(n=len(listing.rows),
                                                                   total=listing.total))
        keep = self.wanted if self.wanted is not None else current.id if current else None
        self.wanted = None
        if keep is not None:
            for i, row in enumerate(self.model.rows):
                if row.id == keep:
                    self.view.setCurrentIndex(self.model.index(i, 0))
        if counts is not None:
            self._show_counts(counts)
        self._show()

    def _show_counts(self, counts: dict[tuple[str, str], int]) -> None:
        tags = sorted({t for t, _m in counts}, key=lambda t: (t == "", t))
        months = sorted({m for _t, m in counts})
        self.counts.clear()
        self.counts.setRowCount(len(tags) + 1)
        self.counts.setColumnCount(len(months) + 1)
        self.counts.setHorizontalHeaderLabels(months + [self.tr("Total")])
        self.counts.setVerticalHeaderLabels([t or self.tr("(no tag)") for t in tags]
                                            + [self.tr("Total")])
        for r, tag in enumerate(tags + [None]):
            for c, month in enumerate(months + [None]):
                n = sum(v for (t, m), v in counts.items()
                        if (tag is None or t == tag) and (month is None or m == month))
                cell = QTableWidgetItem(str(n) if n else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.counts.setItem(r, c, cell)

    def show_item(self, item_id: int) -> None:
        """One item, chosen: the filters cleared and the period stretched back to it."""
        self.wanted = item_id
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: register.item(store, item_id), self._show_wanted,
                           key="wanted", on_failure=lambda exc: report_error(
                               self, self.error, exc))

    def _show_wanted(self, row: register.ItemRow) -> None:
        day = row.created_at.astimezone(self.ctx.studio.tz).date()
        if fmt.from_qdate(self.since.date()) > day:
            self.since.setDate(QDate(day.year, day.month, day.day))
        for box in (self.tone, self.tag, self.direction, self.teacher, self.status,
                    self.source):
            box.setCurrentIndex(0)
        self.tabs.setCurrentIndex(0)
        self._on_filters_changed()

    def selected(self) -> register.ItemRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show(self) -> None:
        r = self.selected()
        self.error.show_message("")
        self.quote.setPlainText(r.quote if r else "")
        if r is None:
            self.meta.setText("")
        else:
            parts = [self.tr("Source: {source}").format(source=source_kind_name(r.source))]
            if r.child:
                parts.append(self.tr("child: {name}").format(name=r.child))
            if r.created_by:
                parts.append(self.tr("recorded by {name}").format(name=r.created_by))
            if r.loop is not None:
                parts.append(self.tr("answer to the client: {state}").format(
                    state=loop_status_name(r.loop)))
            if r.reason:
                parts.append(self.tr("rejected: {reason}").format(reason=r.reason))
            if r.linked_to:
                parts.append(self.tr("follows item {id}").format(id=r.linked_to))
            self.meta.setText("; ".join(parts))
        moves = register.NEXT[r.status] if r and not r.linked_to else ()
        self.accept_button.setEnabled(ItemStatus.ACCEPTED in moves)
        self.reject_button.setEnabled(ItemStatus.REJECTED in moves)
        self.work_button.setEnabled(ItemStatus.IN_WORK in moves)
        self.done_button.setEnabled(ItemStatus.DONE in moves)
        self.tell_button.setEnabled(r is not None and r.status is ItemStatus.DONE
                                    and not r.linked_to)
        self.link_button.setEnabled(r is not None and r.status not in (ItemStatus.TOLD,))

    def _move(self, status: ItemStatus, reason: str = "") -> None:
        r = self.selected()
        if r is not None:
            submit(self.ctx.ops, self, self.error, lambda: register.set_status(
                self.ctx.store, self.ctx.actor, r.id, status, reason))

    def reason_dialog(self) -> ReasonDialog:
        return ReasonDialog(self)

    @Slot()
    def _on_reject(self) -> None:
        dialog = self.reason_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._move(ItemStatus.REJECTED, dialog.reason.toPlainText())

    def tell_dialog(self, item: register.ItemRow) -> TellDialog:
        return TellDialog(self.ctx, item, self)

    @Slot()
    def _on_tell(self) -> None:
        r = self.selected()
        if r is not None:
            self.tell_dialog(r).exec()

    def link_dialog(self, item: register.ItemRow) -> LinkDialog:
        return LinkDialog([x for x in self.model.rows if x.id != item.id and not x.linked_to
                           and x.status not in (ItemStatus.TOLD, ItemStatus.REJECTED)],
                          self.ctx, self)

    @Slot()
    def _on_link(self) -> None:
        r = self.selected()
        if r is None:
            return
        dialog = self.link_dialog(r)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            to = dialog.chosen
            submit(self.ctx.ops, self, self.error,
                   lambda: register.link(self.ctx.store, self.ctx.actor, r.id, to))


class LinkDialog(QDialog):
    """Choose the item that says the same."""

    def __init__(self, rows: list[register.ItemRow], ctx: Context,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows, self.chosen = rows, None
        self.setWindowTitle(self.tr("The same as…"))
        self.resize(640, 420)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Family"), self.tr("What was said")])
        self.list.setColumnWidth(0, 120)
        self.list.setColumnWidth(1, 150)
        for r in rows:
            self.list.addTopLevelItem(QTreeWidgetItem([
                fmt.datetime_text(r.created_at, ctx.studio.tz), r.family,
                " ".join(r.quote.split())]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda *_: self._on_ok())

    @Slot()
    def _on_ok(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = self.rows[self.list.indexOfTopLevelItem(item)].id
            self.accept()


class FeedbackArea(QWidget):
    """The main window's "Отзывы": the register and the answers to clients.

    Signals:
        family_requested(int)
    """

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = RegisterView(ctx)
        self.loop = LoopView(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("Register"))
        self.tabs.addTab(self.loop, self.tr("Answers to clients"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.loop.family_requested.connect(self.family_requested)

    def show_item(self, item_id: int) -> None:
        self.tabs.setCurrentWidget(self.register)
        self.register.show_item(item_id)

