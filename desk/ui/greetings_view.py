"""Birthday greetings: today's and this week's birthdays, the text from the studio's template
(editable before sending), copy it for the family's channel, mark it sent."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMenu, QPlainTextEdit,
    QPushButton, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.services.comms import mailings
from desk.services.comms import greetings
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, chosen, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import channel_name
from desk.ui.template_dialog import TemplateDialog

DONE = QColor("#2e7d32")


def template_dialog(ctx: Context, for_parents: bool, parent: QWidget) -> TemplateDialog:
    """The greeting for children, or for a parent's own birthday."""
    tr = parent.tr
    if for_parents:
        return TemplateDialog(
            ctx, "greeting_parent", greetings.SAMPLE_PARENT, tr("Greeting template for parents"),
            tr("Placeholders: {parent} — the parent's first name, {age} — their age, {studio} "
               "— the studio."), parent)
    return TemplateDialog(
        ctx, "greeting", greetings.SAMPLE, tr("Greeting template"),
        tr("Placeholders: {parent} — the parent's first name, {child} — the children's names, "
           "{age} — their ages, {studio} — the studio."), parent)


class GreetingsView(QWidget):
    WRITES = ("done_button", "send_button", "template_button")  # hidden on a read-only desk

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[greetings.GreetingRow] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Birthday"), self.tr("Who"), self.tr("Age"),
                                   self.tr("Channel"), self.tr("Sent")])
        for col, width in enumerate((115, 150, 60, 100)):
            self.list.setColumnWidth(col, width)
        self.text = QPlainTextEdit()
        self.copy_button = QPushButton(self.tr("Copy the text"))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Through the family's e-mail or Telegram, not "
                                            "before 10:00"))
        self.done_button = QPushButton(self.tr("Mark as sent"))
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("Edit the template"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        templates_menu = QMenu(self.template_button)
        templates_menu.addAction(self.tr("For children…"),
                                 lambda: template_dialog(ctx, False, self).exec())
        templates_menu.addAction(self.tr("For parents…"),
                                 lambda: template_dialog(ctx, True, self).exec())
        self.template_button.setMenu(templates_menu)
        self.error = FieldError()
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.send_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("Message (you can change it before sending)")))
        rl.addWidget(self.text, 1)
        rl.addWidget(self.error)
        rl.addLayout(buttons)
        side_by_side(self, self.list, right, [520, 680])
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.done_button.clicked.connect(self._on_done)
        self.send_button.clicked.connect(self._on_send)
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.GREETING, Change.FAMILY, Change.TEMPLATE))
        self._show()

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, lambda: greetings.upcoming(self.ctx.store), self._show_rows)

    def _show_rows(self, rows: list[greetings.GreetingRow]) -> None:
        self.rows = rows
        self.list.clear()
        for r in self.rows:
            who = ", ".join(r.children) if not r.whom else \
                self.tr("{name} (parent)").format(name=r.parent)
            item = QTreeWidgetItem([fmt.short_date(r.birthday), who,
                                    ", ".join(map(str, r.ages)), channel_name(r.channel),
                                    "✓" if r.done else ""])
            if r.done:
                item.setForeground(4, QBrush(DONE))
            self.list.addTopLevelItem(item)
        if self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show()

    def selected(self) -> greetings.GreetingRow | None:
        return chosen(self.list, self.rows)

    def _show(self) -> None:
        r = self.selected()
        self.text.setPlainText(r.text if r else "")
        self.copy_button.setEnabled(r is not None)
        self.done_button.setEnabled(r is not None and not r.done)
        self.send_button.setEnabled(r is not None and not r.done)

    @Slot()
    def _on_done(self) -> None:
        r, text = self.selected(), self.text.toPlainText()
        if r is not None:
            submit(self.ctx.ops, self, self.error, lambda: greetings.mark_done(
                self.ctx.store, self.ctx.actor, r.family_id, r.birthday, text, r.whom))

    @Slot()
    def _on_send(self) -> None:
        r, text = self.selected(), self.text.toPlainText()
        if r is not None:
            submit(self.ctx.ops, self, self.error, lambda: mailings.send_greeting(
                self.ctx.store, self.ctx.actor, r.family_id, r.birthday, text, r.whom),
                lambda _channel: self.ctx.wake_outbox())
