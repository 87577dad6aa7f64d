"""Camp feedback in one screen: choose a camp that ended, go down its roster recording the
teacher's words (or a voice note) per child, then preview each family's message (siblings
together) and send them all at once; families reached by hand are copied and marked."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackStatus
from desk.services.feedback import camp
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, chosen, key_for, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import channel_name, feedback_status_name, inbox_channel_name
from desk.ui.template_dialog import TemplateDialog
from desk.ui.voice_notes import AudioPicker

GREEN = QColor("#2e7d32")


class CampDialog(QDialog):
    """The roster of a camp and each child's words."""

    WRITES = ("save_button", "send_button", "template_button")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Camp feedback"))
        self.resize(1000, 620)
        self.camps: list[camp.Camp] = []
        self.children: list[camp.CampChild] = []
        self.key: str | None = None  # the camp shown (read by the worker)
        self.wanted: int | None = None
        self.camp = QComboBox()
        self.roster = QTreeWidget()
        self.roster.setRootIsDecorated(False)
        self.roster.setHeaderLabels([self.tr("Child"), self.tr("Words"), self.tr("State")])
        self.roster.setColumnWidth(0, 150)
        self.roster.setColumnWidth(1, 210)
        self.child = QLabel()
        self.child.setStyleSheet("font-weight: 600;")
        self.words = QPlainTextEdit()
        self.words.setPlaceholderText(self.tr("What the teacher said about the child"))
        self.error = FieldError()
        self.audio = AudioPicker(ctx, self.error)
        self.save_button = QPushButton(self.tr("Save and next"))
        self.save_button.setToolTip("Ctrl+S")
        self.template_button = QPushButton(self.tr("Template…"))
        self.send_button = QPushButton(self.tr("Preview and send…"))
        self.empty = QLabel(self.tr("No camp has ended in the last 60 days."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.child)
        rl.addWidget(self.words, 1)
        rl.addWidget(self.audio)
        rl.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        rl.addLayout(save_row)
        panes = QWidget()
        side_by_side(panes, self.roster, right, [540, 440])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Camp:")))
        top.addWidget(self.camp, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.template_button)
        bottom.addStretch(1)
        bottom.addWidget(self.send_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(panes, 1)
        layout.addLayout(bottom)
        self.panes = panes

        self.camp.currentIndexChanged.connect(self._on_camp_changed)
        self.roster.currentItemChanged.connect(lambda *_: self._show_child())
        self.save_button.clicked.connect(self._on_save)
        self.send_button.clicked.connect(self._on_send)
        self.template_button.clicked.connect(lambda: self.template_dialog().exec())
        close.rejected.connect(self.reject)
        key_for(self.save_button, "Ctrl+S", self)
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.FEEDBACK, Change.ENROLMENT, Change.SCHEDULE,
                                    Change.FAMILY))
        self._show_camps([])

    def template_dialog(self) -> TemplateDialog:
        return TemplateDialog(
            self.ctx, camp.TEMPLATE, camp.SAMPLE, self.tr("Camp feedback template"),
            self.tr("Placeholders: {parent} — the parent's first name, {children} — the "
                    "children's first names, {direction} — the camp, {words} — each child's "
                    "words, {studio} — the studio."), self)

    @Slot()
    def refresh(self) -> None:
        store, key = self.ctx.store, self.key
        self.ctx.ops.query(self, lambda: (key, camp.camps(store), camp.roster(store, key)
                                          if key else []), self._show_all, key="camp")

    def _show_all(self, found: tuple[str | None, list[camp.Camp],
                                     list[camp.CampChild]]) -> None:
        key, camps, children = found
        self._show_camps(camps)  # may choose a camp and read again
        if key is not None and key == self.key:
            self._show_roster(children)

    def _show_camps(self, camps: list[camp.Camp]) -> None:
        self.camps = camps
        self.camp.blockSignals(True)
        self.camp.clear()
        for c in camps:
            self.camp.addItem(self.tr("{direction}, {first} — {last} · recorded {recorded} of "
                                      "{children} · sent {sent}").format(
                direction=c.direction, first=fmt.short_date(fmt.local(c.first_day,
                                                                      self.ctx.studio.tz).date()),
                last=fmt.short_date(fmt.local(c.ends_at, self.ctx.studio.tz).date()),
                recorded=c.recorded, children=c.children, sent=c.sent), c.key)
        index = self.camp.findData(self.key) if self.key else 0
        self.camp.setCurrentIndex(max(index, 0))
        self.camp.blockSignals(False)
        self.empty.setVisible(not camps)
        self.panes.setVisible(bool(camps))
        self.send_button.setEnabled(bool(camps))
        if camps and self.camp.currentData() != self.key:
            self._on_camp_changed()

    @Slot()
    def _on_camp_changed(self) -> None:
        self.key = self.camp.currentData()
        self.freshness.invalidate()

    def _show_roster(self, children: list[camp.CampChild]) -> None:
        keep = self.wanted or (self.selected().child_id if self.selected() else None)
        self.wanted = None
        self.children = children
        self.roster.blockSignals(True)
        self.roster.clear()
        for c in children:
            words = c.words.replace("\n", " ") or ("🎙 " + c.audio_name if c.audio_name else "")
            item = QTreeWidgetItem([c.child, words,
                                    feedback_status_name(c.status) if c.status else "—"])
            if c.status is FeedbackStatus.SENT:
                item.setForeground(2, QBrush(GREEN))
            self.roster.addTopLevelItem(item)
        self.roster.blockSignals(False)
        rows = [i for i, c in enumerate(children) if c.child_id == keep]
        if rows or children:
            self.roster.setCurrentItem(self.roster.topLevelItem(rows[0] if rows else 0))
        self._show_child()

    def selected(self) -> camp.CampChild | None:
        return chosen(self.roster, self.children)

    def _show_child(self) -> None:
        c = self.selected()
        self.error.show_message("")
        sent = c is not None and c.status is FeedbackStatus.SENT
        self.child.setText(c.child if c else "")
        self.words.setPlainText(c.words if c else "")
        self.words.setReadOnly(c is None or sent)
        self.save_button.setEnabled(c is not None and not sent)
        self.audio.reset(c.audio_file_id if c else None, c.audio_name if c else "",
                         editable=c is not None and not sent)

    @Slot()
    def _on_save(self) -> None:
        c, key = self.selected(), self.key
        if c is None or key is None:
            return
        index = self.children.index(c)
        after = self.children[index + 1] if index + 1 < len(self.children) else c
        given = self.audio.words(self.words.toPlainText())
        self.wanted = after.child_id

        def saved(_id: int) -> None:
            self.words.setFocus()

        submit(self.ctx.ops, self.panes, self.error,
               lambda: camp.record(self.ctx.store, self.ctx.actor, key, c.child_id, given),
               saved)

    @Slot()
    def _on_send(self) -> None:
        key = self.key
        if key is not None:
            self.ctx.ops.query(self, lambda: camp.letters(self.ctx.store, key),
                               lambda letters: self.send_dialog(key, letters).exec())

    def send_dialog(self, key: str, letters: list[camp.Letter]) -> CampSendDialog:
        missing = [c.child for c in self.children if c.status is None]
        return CampSendDialog(self.ctx, key, letters, missing, self)


class CampSendDialog(QDialog):
    """Every family's message, editable; Send to everyone the desk can reach, and Copy /
    Mark as sent for the others."""

    WRITES = ("send_button", "mark_button")

    def __init__(self, ctx: Context, key: str, letters: list[camp.Letter],
                 missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.key = ctx, key
        self.letters = letters
        self.texts = {x.family_id: x.text for x in letters}  # as edited
        self.setWindowTitle(self.tr("Camp feedback to the parents"))
        self.resize(960, 560)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Parent"), self.tr("Children"), self.tr("How")])
        self.list.setColumnWidth(0, 130)
        self.list.setColumnWidth(1, 180)
        self.route = QLabel()
        self.route.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.error = FieldError()
        self.copy_button = QPushButton(self.tr("Copy the text"))
        self.mark_button = QPushButton(self.tr("Mark as sent"))
        reachable = [x for x in letters if x.channel and not x.refused and not x.sent]
        self.send_button = QPushButton(self.tr("Send to {n} families").format(n=len(reachable)))
        self.send_button.setEnabled(bool(reachable))
        self.send_button.setDefault(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.route)
        rl.addWidget(self.text, 1)
        rl.addWidget(self.error)
        hand = QHBoxLayout()
        hand.addStretch(1)
        hand.addWidget(self.copy_button)
        hand.addWidget(self.mark_button)
        rl.addLayout(hand)
        panes = QWidget()
        side_by_side(panes, self.list, right, [420, 520])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.missing = QLabel(self.tr("No words recorded yet for: {names}. Their families get "
                                      "a message of their own once recorded.").format(
            names=", ".join(missing)))
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #b00020;")
        self.missing.setVisible(bool(missing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addWidget(panes, 1)
        layout.addWidget(buttons)
        self.current: camp.Letter | None = None
        for x in letters:
            self.list.addTopLevelItem(QTreeWidgetItem([x.parent, ", ".join(x.children),
                                                       self._how(x)]))
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.text.textChanged.connect(self._on_text_changed)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.mark_button.clicked.connect(self._on_mark)
        self.send_button.clicked.connect(self._on_send)
        buttons.rejected.connect(self.reject)
        if letters:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show()

    def _how(self, x: camp.Letter) -> str:
        if x.sent:
            return self.tr("sent")
        if x.refused:
            return self.tr("no consent: by hand")
        if x.channel is None:
            return self.tr("{channel}: by hand").format(channel=channel_name(x.preferred))
        return inbox_channel_name(x.channel)

    def _show(self) -> None:
        item = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(item) if item else -1
        self.current = x = self.letters[index] if index >= 0 else None
        self.error.show_message("")
        self.text.blockSignals(True)
        self.text.setPlainText(self.texts[x.family_id] if x else "")
        self.text.blockSignals(False)
        self.text.setReadOnly(x is None or x.sent)
        by_hand = x is not None and not x.sent and (x.channel is None or bool(x.refused))
        self.copy_button.setEnabled(x is not None)
        self.mark_button.setEnabled(by_hand)
        if x is None:
            self.route.setText("")
        elif x.sent:
            self.route.setText(self.tr("Sent."))
        elif by_hand:
            self.route.setText(self.tr("The desk cannot send this one: copy the text, send it "
                                       "by the family's channel ({channel}) and mark it as sent."
                                       ).format(channel=channel_name(x.preferred)))
        else:
            self.route.setText(self.tr("Goes by {channel} ({address}), not during quiet hours."
                                       ).format(channel=inbox_channel_name(x.channel),
                                                address=x.address)
                               + (" " + self.tr("Voice notes follow: {names}.").format(
                                   names=", ".join(x.audio)) if x.audio else ""))

    @Slot()
    def _on_text_changed(self) -> None:
        if self.current is not None:
            self.texts[self.current.family_id] = self.text.toPlainText()

    @Slot()
    def _on_mark(self) -> None:
        x, key = self.current, self.key
        if x is not None:
            text = self.texts[x.family_id]
            submit(self.ctx.ops, self, self.error,
                   lambda: camp.mark_sent(self.ctx.store, self.ctx.actor, key, x.family_id,
                                          text), lambda _r: self._done(x.family_id))

    @Slot()
    def _on_send(self) -> None:
        key = self.key
        texts = {x.family_id: self.texts[x.family_id] for x in self.letters
                 if x.channel and not x.refused and not x.sent}
        submit(self.ctx.ops, self, self.error,
               lambda: camp.send(self.ctx.store, self.ctx.actor, key, texts), self._all_sent)

    def _all_sent(self, family_ids: list[int]) -> None:
        """The families whose messages were queued are sent; any other stays to be done."""
        self.ctx.wake_outbox()
        for fid in family_ids:
            self._done(fid)
        self.send_button.setEnabled(False)

    def _done(self, family_id: int) -> None:
        for i, x in enumerate(self.letters):
            if x.family_id == family_id:
                self.letters[i] = x = dataclasses.replace(x, sent=True)
                self.list.topLevelItem(i).setText(2, self._how(x))
        self._show()
