"""Handing work over for a vacation or a sick leave, on screen: whose work, who covers (when
that person is away too, whoever covers them), the days, and the list of what will move, where
the absent person may leave a word on each item. The handovers' list says what became of each
item; "I'm back" ends one early; the brief prints for the substitute; "While you were away"
tells the returning person what happened."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from desk.models.enums import HandoverKind, HandoverReason, Role
from desk.services.money import amounts
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.changes import Change
from desk.services.supervision import handover
from desk.ui import fmt, messages
from desk.ui.checklist_dialog import PrintoutDialog
from desk.ui.context import Context
from desk.ui.forms import FieldError, report
from desk.ui.freshness import Freshness
from desk.ui.labels import (
    handover_kind_name, handover_outcome_name, handover_reason_name, handover_state_name,
    role_name,
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _cell(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HandOverDialog(QDialog):
    """"Hand over work…". After it is accepted, ``handover_id`` is the handover made."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handover_id: int | None = None
        self.people: list[studio.StaffMember] = []
        self.away: dict[int, handover.HandoverRow] = {}  # who is away now → their handover
        self.setWindowTitle(self.tr("Hand over work"))
        self.resize(820, 640)
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.person = QComboBox()
        self.person_error = FieldError()
        self.substitute = QComboBox()
        self.substitute_error = FieldError()
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.chain.setStyleSheet("color: #8a5a00;")
        self.chain.hide()
        self.starts = QDateEdit(_qdate(today))
        self.starts.setCalendarPopup(True)
        self.starts.setMinimumDate(_qdate(today))
        self.starts_error = FieldError()
        self.ends = QDateEdit(_qdate(today + dt.timedelta(days=7)))
        self.ends.setCalendarPopup(True)
        self.ends_error = FieldError()
        self.reason = QComboBox()
        for reason in HandoverReason:
            self.reason.addItem(handover_reason_name(reason), reason)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A word for the substitute (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Whose work:"), self.person)
        form.addRow("", self.person_error)
        form.addRow(self.tr("Who covers:"), self.substitute)
        form.addRow("", self.substitute_error)
        form.addRow("", self.chain)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel(self.tr("back on")))
        dates.addWidget(self.ends)
        dates.addWidget(self.reason)
        dates.addStretch(1)
        form.addRow(self.tr("Away from:"), dates)
        form.addRow("", self.starts_error)
        form.addRow("", self.ends_error)
        form.addRow(self.tr("Note:"), self.note)
        self.moving = QLabel()
        self.items = _table([self.tr("What"), self.tr("Kind"), self.tr("Due or waiting since"),
                             self.tr("Your word on it")])
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.items.setColumnWidth(1, 115)
        self.items.setColumnWidth(2, 150)
        self.items.setColumnWidth(3, 220)
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Hand over"))
        self.ok.setEnabled(False)
        for button in buttons.buttons():  # Enter finishes a note, it never hands over
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.moving)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_hand_over)
        buttons.rejected.connect(self.reject)
        self.person.activated.connect(lambda _i: self._person_chosen())
        self.substitute.activated.connect(lambda _i: self._show_chain())
        store = ctx.store
        ctx.ops.query(self, lambda: (studio.staff(store), handover.listing(store)),
                      lambda found: self._show_people(*found))

    def _show_people(self, staff: list[studio.StaffMember],
                     handovers: list[handover.HandoverRow]) -> None:
        self.people = [m for m in staff if m.role is not Role.SUPERVISOR]
        self.away = {h.from_id: h for h in handovers if h.state == "running"}
        for m in self.people:
            self.person.addItem(f"{m.name} — {role_name(m.role)}", m.id)
        self.person.setCurrentIndex(max(0, self.person.findData(self.ctx.me.id)))
        self._person_chosen()

    def _person_chosen(self) -> None:
        chosen = self.person.currentData()
        self.substitute.clear()
        for m in self.people:
            if m.id != chosen:
                self.substitute.addItem(f"{m.name} — {role_name(m.role)}", m.id)
        self._show_chain()
        if chosen is None:
            return
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: handover.preview(store, chosen), self._show_items,
                           key="preview")

    def _show_chain(self) -> None:
        """The substitute away too: the work goes to whoever covers them — unless that is the
        absent person themselves (nobody would be in)."""
        away = self.away.get(self.substitute.currentData())
        self.chain.setVisible(away is not None)
        ring = away is not None and self.person.currentData() in (away.to_id,
                                                                   away.covered_by_id)
        self.ok.setEnabled(not ring and bool(self.people))
        if away is None:
            return
        self.chain.setText(self.tr(
            "{name} is away (back on {day}), and {other} covers them: choose someone who is in.")
            .format(name=away.from_name, day=fmt.date_text(away.ends_on),
                    other=self.person.currentText().split(" — ")[0]) if ring else self.tr(
            "{name} is away (back on {day}): the work goes to the one covering, {other}.")
            .format(name=away.from_name, day=fmt.date_text(away.ends_on),
                    other=away.covered_by or away.to_name))

    def _show_items(self, rows: list[handover.ItemRow]) -> None:
        tz = self.ctx.studio.tz
        self.items.setRowCount(0)
        for row in rows:
            line = self.items.rowCount()
            self.items.insertRow(line)
            self.items.setItem(line, 0, _cell(row.title, (row.kind, row.entity_id)))
            self.items.setItem(line, 1, _cell(handover_kind_name(row.kind)))
            self.items.setItem(line, 2, _cell(fmt.datetime_text(row.due_at, tz)
                                              if row.due_at else ""))
            self.items.setItem(line, 3, QTableWidgetItem(""))
        self.moving.setText(self.tr("What moves to the substitute: %n item(s)", "", len(rows))
                            if rows else self.tr("Nothing open to hand over: the handover is "
                                                 "still recorded for the days away."))
        self._show_chain()

    def notes(self) -> dict[tuple[HandoverKind, int], str]:
        found = {}
        for line in range(self.items.rowCount()):
            word = self.items.item(line, 3).text().strip()
            if word:
                found[self.items.item(line, 0).data(Qt.ItemDataRole.UserRole)] = word
        return found

    def draft(self) -> handover.Draft:
        return handover.Draft(
            self.person.currentData(), self.substitute.currentData(),
            fmt.from_qdate(self.starts.date()), fmt.from_qdate(self.ends.date()),
            self.reason.currentData(), self.note.text(), self.notes())

    @Slot()
    def _on_hand_over(self) -> None:
        if self.substitute.currentData() is None:
            self.substitute_error.show_message(messages.field_message("handover_same_person"))
            return
        store, actor, draft = self.ctx.store, self.ctx.actor, self.draft()
        for label in (self.person_error, self.substitute_error, self.starts_error,
                      self.ends_error, self.error):
            label.show_message("")
        self.setEnabled(False)
        self.ctx.ops.command(self, lambda: handover.start(store, actor, draft), self._done,
                             on_failure=self._refused)

    def _done(self, handover_id: int) -> None:
        self.setEnabled(True)
        self.handover_id = handover_id
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.setEnabled(True)
        fields = exc.fields if isinstance(exc, errors.ValidationFailed) else {}
        shown = False
        for key, label in (("from", self.person_error), ("to", self.substitute_error),
                           ("starts_on", self.starts_error), ("ends_on", self.ends_error)):
            label.show_message(messages.field_message(fields[key]) if key in fields else "")
            shown = shown or key in fields
        if not shown:
            report(self, self.error, exc)


class BriefDialog(PrintoutDialog):
    """The handover brief for the substitute, from the database as it is now."""

    def __init__(self, ctx: Context, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.handover_id = handover_id
        self.setWindowTitle(self.tr("Handover brief"))
        self.top.addWidget(QLabel(self.tr("Open promises, deadlines and notes for the "
                                          "substitute")))
        self.top.addStretch(1)
        self.top.addWidget(self.refresh_button)
        self.load()

    def make(self):
        store, handover_id = self.ctx.store, self.handover_id

        def made():
            found = handover.brief(store, handover_id)
            return found, handover.render_brief(found)

        return made

    def said(self) -> str:
        return self.tr("%n item(s) listed", "", len(self.made.items))


class DigestDialog(QDialog):
    """"While you were away": what became of each item, and what happened meanwhile. Read by
    the person back, it is marked as read."""

    def __init__(self, ctx: Context, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handover_id = handover_id
        self.digest: handover.Digest | None = None
        self.setWindowTitle(self.tr("While you were away"))
        self.resize(720, 600)
        self.text = QTextBrowser()
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        store = ctx.store
        ctx.ops.query(self, lambda: handover.digest(store, handover_id), self._show,
                      on_failure=lambda exc: report(self, self.error, exc))

    def _show(self, found: handover.Digest) -> None:
        self.digest = found
        h, tz = found.handover, self.ctx.studio.tz
        esc = html.escape
        heading = self.tr("{name}, {start} – {end}: covered by {other}").format(
            name=h.from_name, start=fmt.date_text(h.starts_on),
            end=fmt.date_text(h.ends_on - dt.timedelta(days=1)),
            other=h.covered_by or h.to_name)
        parts = [f"<h3>{esc(heading)}</h3>"]
        groups: dict = {}
        for item in found.items:
            groups.setdefault(item.outcome, []).append(item)
        for outcome, items in groups.items():
            parts.append(f"<p><b>{esc(handover_outcome_name(outcome).capitalize())}: "
                         f"{len(items)}</b></p><ul>")
            for item in items:
                extra = [handover_kind_name(item.kind)]
                if item.due_at:
                    extra.append(fmt.datetime_text(item.due_at, tz))
                if item.touched_by:
                    extra.append(self.tr("worked on by {name}").format(name=item.touched_by))
                parts.append(f"<li>{esc(item.title)} <span style='color:#616161'>"
                             f"({esc(', '.join(extra))})</span></li>")
            parts.append("</ul>")
        meanwhile = self.tr("Meanwhile")
        parts.append(f"<p><b>{esc(meanwhile)}</b></p><ul>")
        parts.append("<li>" + esc(self.tr("New families: %n", "", found.new_count))
                     + (" — " + esc(", ".join(found.new_families)) if found.new_families else "")
                     + "</li>")
        parts.append("<li>" + esc(self.tr("Payments posted: {n}, {sum}; lessons charged: "
                                          "{debits}").format(
            n=found.topups, sum=amounts.format_rub(found.topup_total), debits=found.debits))
            + "</li>")
        parts.append("<li>" + esc(self.tr("Complaints: %n", "", found.complaint_count))
                     + ("<ul>" + "".join(f"<li>{esc(c)}</li>" for c in found.complaints)
                        + "</ul>" if found.complaints else "") + "</li>")
        parts.append("</ul>")
        self.text.setHtml("".join(parts))
        if h.from_id == self.ctx.me.id and not h.digest_seen and self.ctx.can_write:
            store, actor = self.ctx.store, self.ctx.actor
            self.ctx.ops.command(self, lambda: handover.mark_seen(store, actor, h.id))


class HandoversDialog(QDialog):
    """Every handover, running and planned first: what moved and what became of it."""

    WRITES = ("back_button",)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[handover.HandoverRow] = []
        self.setWindowTitle(self.tr("Handovers"))
        self.resize(980, 640)
        self.list = _table([self.tr("Whose work"), self.tr("Covers"), self.tr("From"),
                            self.tr("Back on"), self.tr("Reason"), self.tr("State"),
                            self.tr("Items")])
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.items = _table([self.tr("What"), self.tr("Kind"), self.tr("Due or waiting since"),
                             self.tr("Word on it"), self.tr("What became of it")])
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setStretchLastSection(False)
        for column, width in ((1, 150), (2, 130), (3, 180), (4, 230)):
            self.items.setColumnWidth(column, width)
        self.new_button = QPushButton(self.tr("Hand over work…"))
        self.back_button = QPushButton(self.tr("I'm back"))
        self.back_button.setToolTip(self.tr("Ends the handover now: what nobody worked on goes "
                                            "back"))
        self.brief_button = QPushButton(self.tr("Brief…"))
        self.digest_button = QPushButton(self.tr("While you were away…"))
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        for button in (self.new_button, self.back_button, self.brief_button,
                       self.digest_button):
            row.addWidget(button)
        row.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.items)
        split.setSizes([220, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.new_button.clicked.connect(self._on_new)
        self.back_button.clicked.connect(self._on_back)
        self.brief_button.clicked.connect(
            lambda: self.current() and BriefDialog(ctx, self.current().id, self).exec())
        self.digest_button.clicked.connect(
            lambda: self.current() and DigestDialog(ctx, self.current().id, self).exec())
        self.new_button.setEnabled(not ctx.store.read_only)
        # what the handovers moved changes with the work itself: reloaded while on screen
        self.freshness = Freshness(self, self.load, ctx.notifier, {
            Change.TASK, Change.INBOX, Change.MAILING, Change.FEEDBACK})
        self.freshness.stale = False
        self.load()

    def load(self) -> None:
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: handover.listing(store), self._show, key="list")

    def current(self) -> handover.HandoverRow | None:
        line = self.list.currentRow()
        return self.rows[line] if 0 <= line < len(self.rows) else None

    def _show(self, rows: list[handover.HandoverRow]) -> None:
        chosen = self.current().id if self.current() else None
        self.rows = rows
        self.list.setRowCount(len(rows))
        for line, h in enumerate(rows):
            covers = h.to_name if not h.covered_by or h.covered_by == h.to_name else \
                self.tr("{chosen} (now {other})").format(chosen=h.to_name, other=h.covered_by)
            for column, text in enumerate((
                    h.from_name, covers, fmt.date_text(h.starts_on), fmt.date_text(h.ends_on),
                    handover_reason_name(h.reason), handover_state_name(h.state),
                    str(h.items))):
                self.list.setItem(line, column, _cell(text, h.id))
        again = next((n for n, h in enumerate(rows) if h.id == chosen), 0 if rows else -1)
        self.list.setCurrentCell(again, 0)
        self._chosen()

    def _chosen(self) -> None:
        h = self.current()
        self.back_button.setEnabled(h is not None and h.state != "returned"
                                    and not self.ctx.store.read_only)
        self.back_button.setText(self.tr("I'm back") if h is None or h.from_id == self.ctx.me.id
                                 else self.tr("End it early…"))
        self.brief_button.setEnabled(h is not None)
        self.digest_button.setEnabled(h is not None and h.state == "returned")
        if h is None:
            self.items.setRowCount(0)
            return
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: handover.items(store, h.id), self._show_items,
                           key="items")

    def _show_items(self, rows: list[handover.ItemRow]) -> None:
        tz = self.ctx.studio.tz
        self.items.setRowCount(len(rows))
        for line, row in enumerate(rows):
            became = handover_outcome_name(row.outcome)
            if row.touched_by:
                became += self.tr(" ({name})").format(name=row.touched_by)
            for column, text in enumerate((
                    row.title, handover_kind_name(row.kind),
                    fmt.datetime_text(row.due_at, tz) if row.due_at else "", row.note,
                    became)):
                self.items.setItem(line, column, _cell(text))

    @Slot()
    def _on_new(self) -> None:
        dialog = HandOverDialog(self.ctx, self)
        if dialog.exec() and dialog.handover_id is not None:
            self.load()
            BriefDialog(self.ctx, dialog.handover_id, self).exec()

    @Slot()
    def _on_back(self) -> None:
        h = self.current()
        if h is None:
            return
        answer = QMessageBox.question(self, self.tr("I'm back"), self.tr(
            "End the handover of {name}'s work now? What nobody worked on goes back to "
            "{name}; what {other} worked on stays with them.").format(
                name=h.from_name, other=h.covered_by or h.to_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, actor = self.ctx.store, self.ctx.actor
        self.ctx.ops.command(self, lambda: handover.come_back(store, actor, h.id),
                             lambda _r: self._back(h),
                             on_failure=lambda exc: report(self, self.error, exc))

    def _back(self, h: handover.HandoverRow) -> None:
        self.load()
        if h.from_id == self.ctx.me.id:
            self.digest = DigestDialog(self.ctx, h.id, self)
            self.digest.open()
