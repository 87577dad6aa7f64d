"""The System person's channel monitoring: a card per channel (each bot, each mailbox) with
its latest check — the bot answers, updates waiting, the last error, a webhook set elsewhere
(with "Remove webhook…"), the last poll and incoming message, the outbox's queue, failures and
429s of the last hour, which PC receives — and a strip of the last 14 days, hour by hour.
Also the Today line that shows the alerts (``HealthAlerts``). Reads the stored checks only,
on a worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
    QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desk.models.enums import HealthState, InboxChannel
from desk.services.comms import health
from desk.services.store.changes import Change
from desk.ui import messages
from desk.ui.context import Context
from desk.ui.due_line import DueLine
from desk.ui.freshness import Freshness
from desk.ui.labels import channel_reason, health_state_name, inbox_channel_name

COLOURS = {
    HealthState.OK: QColor("#43a047"),
    HealthState.DOWN: QColor("#c62828"),
    HealthState.WEBHOOK: QColor("#6a1b9a"),
    HealthState.STUCK: QColor("#ef6c00"),
    HealthState.SILENT: QColor("#f9a825"),
    None: QColor("#e0e0e0"),  # no check that hour (the courier desk was off)
}
DAYS = 14


def _load(store) -> tuple[list[health.Status], dict]:
    statuses = health.panel(store)
    return statuses, {s.channel: health.strip(store, s.channel, DAYS) for s in statuses}


class Strip(QWidget):
    """The last days, one row each (today at the bottom), 24 blocks an hour each: the worst
    state checked in that hour."""

    CELL, ROW, LABEL = 14, 12, 44

    def __init__(self, days: dict[dt.date, list[HealthState | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = days
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.LABEL + 24 * self.CELL, (len(self.days) + 1) * (self.ROW + 2))

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setPen(self.palette().windowText().color())
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.75))
        p.setFont(font)
        base = p.fontMetrics().ascent()
        for hour in range(0, 24, 3):  # the hours along the top
            p.drawText(self.LABEL + hour * self.CELL, base, str(hour))
        blocks: dict[HealthState | None, list[QRect]] = {}
        for row, (day, hours) in enumerate(sorted(self.days.items()), start=1):
            y = row * (self.ROW + 2)
            p.drawText(4, y + base, day.strftime("%d.%m"))
            for hour, state in enumerate(hours):
                blocks.setdefault(state, []).append(
                    QRect(self.LABEL + hour * self.CELL + 1, y, self.CELL - 2, self.ROW))
        p.setPen(Qt.PenStyle.NoPen)
        for state, rects in blocks.items():  # one brush per colour
            p.setBrush(COLOURS[state])
            for rect in rects:
                p.drawRect(rect)
        p.end()


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for state in (*health.ORDER[::-1], None):
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {COLOURS[state].name()};")
            row.addWidget(swatch)
            row.addWidget(QLabel(health_state_name(state) if state else self.tr("no check")))
            row.addSpacing(8)
        row.addStretch(1)


class HealthDialog(QDialog):
    """Signals: none. ``confirm_removal`` is a test's to replace."""

    WRITES = ("webhook_button",)  # hidden on a desk that may not write (a supervisor's)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Channels: state"))
        self.statuses: list[health.Status] = []
        self.cards: dict[InboxChannel, QGroupBox] = {}
        self.fields: dict[InboxChannel, dict[str, QLabel]] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.webhook_button = QPushButton(self.tr("Remove webhook…"))
        self.webhook_button.setToolTip(self.tr(
            "Telegram delivers the bot's messages to that address instead of Desk; removing "
            "it lets Desk receive them again (what waits is kept)"))
        self.webhook_button.hide()
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(self.tr("Refresh"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(Legend())
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.reload)
        self.webhook_button.clicked.connect(self._on_remove_webhook)
        self.resize(760, 720)
        self.freshness = Freshness(self, self.reload, ctx.notifier, {Change.CHANNELS})

    @Slot()
    def reload(self) -> None:
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: _load(store), lambda found: self._show(*found),
                           key="health")

    def _show(self, statuses: list[health.Status], strips: dict) -> None:
        self.statuses = statuses
        self.webhook_button.setParent(self)  # kept while the cards are made anew
        self.webhook_button.hide()
        while self.column.count():
            item = self.column.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.cards.clear()
        self.fields.clear()
        now = self.ctx.store.now()
        if not statuses:
            self.summary.setText(self.tr(
                "No checks yet: the desk that receives the messages checks every channel every "
                "five minutes."))
        else:
            # the latest check's trouble, else an alert still open from an earlier one
            bad = [(s.channel, s.state if s.state is not HealthState.OK else s.alerts[0].kind)
                   for s in statuses if s.state is not HealthState.OK or s.alerts]
            self.summary.setText(self.tr("All channels work.") if not bad else self.tr(
                "Needs attention: {channels}.").format(channels=", ".join(
                    f"{inbox_channel_name(channel)} — {health_state_name(state)}"
                    for channel, state in bad)))
        for status in statuses:
            self.column.addWidget(self._card(status, strips.get(status.channel, {}), now))
        self.column.addStretch(1)

    def _card(self, s: health.Status, days: dict, now: dt.datetime) -> QGroupBox:
        name = inbox_channel_name(s.channel)
        card = QGroupBox(f"{name} {s.account}".strip())
        form = QFormLayout(card)
        state = QLabel(health_state_name(s.state))
        state.setStyleSheet(f"color: {COLOURS[s.state].name()}; font-weight: 600;")
        fields = {"state": state}
        form.addRow(self.tr("State:"), state)

        def add(key: str, label: str, text: str) -> None:
            fields[key] = QLabel(text)
            fields[key].setWordWrap(True)
            form.addRow(label, fields[key])

        if s.state is HealthState.DOWN and s.reason:
            state.setText(self.tr("{state}: {reason}").format(
                state=health_state_name(s.state), reason=channel_reason(s.reason)))
        if s.state is HealthState.SILENT and s.silent_minutes:
            silent, usual = s.silent_minutes
            state.setText(state.text() + " " + self.tr(
                "({silent} without a message; usually at most {usual})").format(
                silent=self._span(silent * 60), usual=self._span(usual * 60)))
        if s.me_ok:
            answers = self.tr("yes, in {ms} ms").format(ms=s.latency_ms or 0)
        else:
            answers = self.tr("no: {reason}").format(reason=channel_reason(s.reason))
        add("me", self.tr("Answers (getMe, login):") if s.channel is InboxChannel.TELEGRAM
            else self.tr("Answers (login):"), answers)
        if s.channel is InboxChannel.TELEGRAM:
            add("pending", self.tr("Updates waiting:"),
                "—" if s.pending_updates is None else str(s.pending_updates))
            if s.webhook:
                add("webhook", self.tr("Webhook:"), self.tr(
                    "set to {host} by someone else: Desk cannot receive the bot's messages "
                    "while it is set").format(host=s.webhook_host or self.tr("an address")))
                fields["webhook"].setStyleSheet(f"color: {COLOURS[HealthState.WEBHOOK].name()};")
                self.webhook_button.setParent(card)
                form.addRow("", self.webhook_button)
                self.webhook_button.setVisible(self.ctx.can_write)
            else:
                add("webhook", self.tr("Webhook:"), self.tr("none (Desk receives by polling)"))
        add("error", self.tr("Last error:"), self.tr("none") if not s.last_error else
            self.tr("{when}: {what}").format(when=self._when(s.last_error_at, now),
                                             what=channel_reason(s.last_error)))
        add("poll", self.tr("Last poll:"), self._when(s.last_poll_at, now))
        add("incoming", self.tr("Last incoming message:"), self._when(s.last_incoming_at, now))
        if s.outbox_waiting:
            outbox_text = self.tr("{n} waiting").format(n=s.outbox_waiting)
            if s.outbox_oldest_at:
                outbox_text += ", " + self.tr("the oldest since {when}").format(
                    when=self._when(s.outbox_oldest_at, now))
        else:
            outbox_text = self.tr("nothing waiting")
        add("outbox", self.tr("Outbox:"), outbox_text)
        hour = self.tr("{failures} failures, {limits} times “too many requests” (429)").format(
            failures=s.failures_hour, limits=s.too_many_hour)
        if s.retry_after_s:
            hour += ", " + self.tr("asked to wait up to {s} s").format(s=s.retry_after_s)
        add("hour", self.tr("In the last hour:"), hour)
        add("host", self.tr("Receives:"), s.host or self.tr("this desk"))
        add("checked", self.tr("Checked:"), self._when(s.checked_at, now))
        strip = Strip(days)
        strip.setToolTip(self.tr("The last {n} days, hour by hour: the worst state checked in "
                                 "each hour").format(n=DAYS))
        form.addRow(self.tr("History:"), strip)
        self.cards[s.channel] = card
        self.fields[s.channel] = fields
        return card

    def _span(self, seconds: float) -> str:
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("under a minute")
        if minutes < 60:
            return self.tr("{m} min").format(m=minutes)
        if minutes < 48 * 60:
            return self.tr("{h} h {m} min").format(h=minutes // 60, m=minutes % 60)
        return self.tr("{d} days").format(d=minutes // (24 * 60))

    def _when(self, at: dt.datetime | None, now: dt.datetime) -> str:
        """"5 min ago (12:03)" in studio time; "never"."""
        if at is None:
            return self.tr("never")
        local = at.astimezone(self.ctx.studio.tz)
        clock = local.strftime("%H:%M") if local.date() == now.astimezone(
            self.ctx.studio.tz).date() else local.strftime("%d.%m %H:%M")
        if now - at < dt.timedelta(minutes=1):
            return self.tr("just now ({time})").format(time=clock)
        return self.tr("{span} ago ({time})").format(span=self._span((now - at).total_seconds()),
                                                      time=clock)

    def confirm_removal(self) -> bool:
        return QMessageBox.question(
            self, self.tr("Remove webhook"),
            self.tr("Remove the bot's webhook? Whoever set it stops receiving the bot's "
                    "messages, and Desk receives them again.")) \
            == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_remove_webhook(self) -> None:
        if not self.confirm_removal():
            return
        store, actor = self.ctx.store, self.ctx.actor
        self.webhook_button.setEnabled(False)
        self.ctx.ops.command(
            self, lambda: health.remove_webhook(store, actor, InboxChannel.TELEGRAM),
            lambda _none: (self.webhook_button.setEnabled(True), self.reload()),
            on_failure=self._on_failed)

    def _on_failed(self, exc) -> None:
        self.webhook_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Remove webhook"), messages.error_message(exc))


class HealthAlerts(DueLine):
    """The System person's Today line: channels in trouble (red) and those that recovered
    within the hour; a click opens the channels' state."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, health.alerts, self._words, {Change.CHANNELS},
                         self.tr("Open the channels' state"), parent)
        self.opened.connect(self._on_opened)

    def _words(self, rows: list[health.Alert]) -> tuple[str, bool, object]:
        tz = self.ctx.studio.tz
        open_ = [a for a in rows if a.closed_at is None]
        parts = [self.tr("{channel}: {state} since {time}").format(
            channel=inbox_channel_name(a.channel), state=health_state_name(a.kind),
            time=a.opened_at.astimezone(tz).strftime("%H:%M")) for a in open_]
        fixed = {a.channel for a in rows if a.closed_at is not None} - {
            a.channel for a in open_}
        parts += [self.tr("{channel}: working again").format(channel=inbox_channel_name(c))
                  for c in sorted(fixed, key=lambda c: c.value)]
        return self.tr("Channels — ") + "; ".join(parts), bool(open_), None

    @Slot(object)
    def _on_opened(self, _first) -> None:
        HealthDialog(self.ctx, self).exec()
