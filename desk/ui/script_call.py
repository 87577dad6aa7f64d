"""A call guided by a script: one step at a time on screen, the answers so far above it, then
the outcome (which may set the next task). While the dialog is open the caller is "on a
call", so waiting clients are shown to the colleague at once."""

from __future__ import annotations

import html
import time

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from desk.models.enums import LapseReason, PresenceState, StepKind
from desk.services.calls import calls, presence, scripts
from desk.services.store import errors
from desk.ui.context import Context
from desk.ui.forms import FieldError, submit
from desk.ui.labels import lapse_reason_name


class ScriptCallDialog(QDialog):
    def __init__(self, ctx: Context, family_id: int, script: scripts.Script,
                 enrolment_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.script = script
        self.family_id = family_id
        self.enrolment_id = enrolment_id
        self.sheet: scripts.Sheet | None = None  # the family's names and phones, once read
        self.answers: list[scripts.Answer] = []
        self.step: scripts.Step | None = None
        self.started = time.monotonic()
        self.setWindowTitle(self.tr("Call: {script}").format(script=script.name))
        self.resize(720, 620)

        who = self.who = QLabel()
        who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock = QLabel()
        self.clock.setStyleSheet("font-size: 12pt;")
        self.transcript = QTextBrowser()
        self.transcript.setMinimumHeight(140)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 13pt; padding: 8px 0;")
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.inputs = QStackedWidget()
        self.say_page = QWidget()
        self.text_answer = QPlainTextEdit()
        self.text_answer.setTabChangesFocus(True)
        self.text_answer.setPlaceholderText(self.tr("The client's words"))
        self.text_answer.setFixedHeight(90)
        self.choices = QWidget()
        self.choice_row = QHBoxLayout(self.choices)
        self.choice_row.setContentsMargins(0, 0, 0, 0)
        self.score_page = QWidget()
        grid = QGridLayout(self.score_page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.score_buttons = []
        for n in scripts.SCORES:
            button = QPushButton(str(n))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, n=n: self._on_score(n))
            grid.addWidget(button, 0, n)
            self.score_buttons.append(button)
        self.reason_page = QWidget()
        self.reason = QComboBox()
        for reason in LapseReason:
            self.reason.addItem(lapse_reason_name(reason), reason)
        self.reason_words = QLineEdit()
        self.reason_words.setPlaceholderText(self.tr("The client's words"))
        rf = QFormLayout(self.reason_page)
        rf.setContentsMargins(0, 0, 0, 0)
        rf.addRow(self.tr("Reason:"), self.reason)
        rf.addRow(self.tr("In their words:"), self.reason_words)
        self.end_page = QWidget()
        self.outcome = QComboBox()
        for o in script.outcomes:
            self.outcome.addItem(o.name, o.key)
        self.next_task = QLabel()
        self.next_task.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Anything else worth keeping on the card"))
        ef = QFormLayout(self.end_page)
        ef.setContentsMargins(0, 0, 0, 0)
        ef.addRow(self.tr("Outcome:"), self.outcome)
        ef.addRow("", self.next_task)
        ef.addRow(self.tr("Note:"), self.note)
        for page in (self.say_page, self.text_answer, self.choices, self.score_page,
                     self.reason_page, self.end_page):
            self.inputs.addWidget(page)

        self.error = FieldError()
        self.back_button = QPushButton(self.tr("Back"))
        self.finish_button = QPushButton(self.tr("End the call"))
        self.finish_button.setToolTip(self.tr("The client hung up or the call went another "
                                              "way: choose the outcome now"))
        self.next_button = QPushButton(self.tr("Next (Ctrl+Enter)"))
        self.save_button = QPushButton(self.tr("Save the call"))
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.finish_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(who, 1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.question)
        layout.addWidget(self.inputs)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self.go_back)
        self.finish_button.clicked.connect(lambda: self._show(scripts.Ending(None)))
        self.next_button.clicked.connect(self.go_next)
        self.save_button.clicked.connect(self.save)
        self.outcome.currentIndexChanged.connect(self._show_next_task)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_ctrl_enter)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self._tick()
        for button in (self.back_button, self.finish_button, self.next_button,
                       self.save_button):
            button.hide()  # until the family is read
        self._set_presence(PresenceState.ON_CALL)
        ctx.ops.query(self, lambda: scripts.sheet(ctx.store, family_id, ctx.me.name,
                                                  script.purpose, enrolment_id),
                      self._show_sheet)

    def _show_sheet(self, sheet: scripts.Sheet) -> None:
        """The family is read: who is called, then the script's first step."""
        self.sheet = sheet
        self.who.setText(f"<b>{html.escape(sheet.title)}</b><br>"
                         + html.escape(" · ".join(sheet.phones) or self.tr("no phone")))
        self.back_button.show()
        self._show(scripts.following(self.script, self.answers))

    # -- walking the script ----------------------------------------------------------------

    def _show(self, where: scripts.Step | scripts.Ending) -> None:
        self.error.show_message("")
        self._render_transcript()
        self.back_button.setEnabled(bool(self.answers) or isinstance(where, scripts.Ending))
        if isinstance(where, scripts.Ending):
            self.step = None
            self.question.setText(self.tr("How did the call end?"))
            if where.outcome_key is not None:
                self.outcome.setCurrentIndex(self.outcome.findData(where.outcome_key))
            self._show_next_task()
            self.inputs.setCurrentWidget(self.end_page)
            self._fit_inputs()
            self.next_button.hide()
            self.finish_button.hide()
            self.save_button.show()
            self.save_button.setDefault(True)
            self.outcome.setFocus()
            return
        self.step = where
        self.question.setText(scripts.say(where.text, self.sheet.values))
        self.next_button.show()
        self.finish_button.show()
        self.save_button.hide()
        self.next_button.setDefault(True)
        kind = where.kind
        if kind is StepKind.SAY:
            self.inputs.setCurrentWidget(self.say_page)
        elif kind is StepKind.QUESTION:
            self.text_answer.clear()
            self.inputs.setCurrentWidget(self.text_answer)
            self.text_answer.setFocus()
        elif kind is StepKind.CHOICE:
            self._fill_choices(where)
            self.inputs.setCurrentWidget(self.choices)
        elif kind is StepKind.SCORE:
            self.inputs.setCurrentWidget(self.score_page)
        else:
            self.reason.setCurrentIndex(0)
            self.reason_words.clear()
            self.inputs.setCurrentWidget(self.reason_page)
            self.reason.setFocus()
        # a choice or a score moves on by itself
        self.next_button.setVisible(kind not in (StepKind.CHOICE, StepKind.SCORE))
        self._fit_inputs()

    def _fit_inputs(self) -> None:
        """The stack as tall as the page shown, so the answers above get the room."""
        page = self.inputs.currentWidget()
        self.inputs.setFixedHeight(max(min(page.sizeHint().height(), page.maximumHeight()), 0))

    def _fill_choices(self, step: scripts.Step) -> None:
        while self.choice_row.count():
            widget = self.choice_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for n, option in enumerate(step.options, 1):
            button = QPushButton(f"{n}. {option.label}")
            button.setMinimumHeight(36)
            if n <= 9:
                button.setShortcut(QKeySequence(str(n)))
            button.clicked.connect(lambda _=False, o=option: self._on_choice(o))
            self.choice_row.addWidget(button)
        self.choice_row.addStretch(1)

    def _answer(self, answer: scripts.Answer) -> None:
        self.answers.append(answer)
        self._show(scripts.following(self.script, self.answers))

    def _asked(self) -> str:
        assert self.step is not None
        return scripts.say(self.step.text, self.sheet.values)

    @Slot()
    def go_next(self) -> None:
        step = self.step
        if step is None:
            return
        if step.kind is StepKind.SAY:
            self._answer(scripts.Answer(step.key, self._asked()))
        elif step.kind is StepKind.QUESTION:
            self._answer(scripts.Answer(step.key, self._asked(),
                                        self.text_answer.toPlainText().strip()))
        elif step.kind is StepKind.REASON:
            reason = self.reason.currentData()
            words = self.reason_words.text().strip()
            text = lapse_reason_name(reason) + (f": {words}" if words else "")
            self._answer(scripts.Answer(step.key, self._asked(), text, reason=reason))
        else:
            self.error.show_message(self.tr("Choose one of the answers above."))

    def _on_choice(self, option: scripts.Option) -> None:
        assert self.step is not None
        self._answer(scripts.Answer(self.step.key, self._asked(), option.label, go=option.go))

    def _on_score(self, score: int) -> None:
        assert self.step is not None
        self._answer(scripts.Answer(self.step.key, self._asked(), str(score), score=score))

    @Slot()
    def go_back(self) -> None:
        ahead = scripts.following(self.script, self.answers)
        if self.step is None and isinstance(ahead, scripts.Step):
            self._show(ahead)  # ended early: back to where the call was
        elif self.answers:
            self.answers.pop()
            self._show(scripts.following(self.script, self.answers))

    def _render_transcript(self) -> None:
        parts = []
        for a in self.answers:
            line = f"<p style='margin:0 0 6px 0'><span style='color:#555'>" \
                   f"{html.escape(a.question)}</span>"
            if a.answer:
                line += f"<br><b>{html.escape(a.answer)}</b>"
            parts.append(line + "</p>")
        self.transcript.setHtml("".join(parts) or "<p style='color:#777'>"
                                + html.escape(self.tr("The answers will appear here.")) + "</p>")
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())

    @Slot()
    def _show_next_task(self) -> None:
        outcome = self.script.outcome(self.outcome.currentData() or "")
        if outcome is None or not outcome.task.strip():
            self.next_task.setText(self.tr("No task follows."))
        elif outcome.task_days == 0:
            self.next_task.setText(self.tr("Next task: {task} (within half an hour of "
                                           "working time)").format(task=outcome.task))
        else:
            self.next_task.setText(self.tr("Next task: {task} (in %n day(s))", "",
                                           outcome.task_days).format(task=outcome.task))

    def _on_ctrl_enter(self) -> None:
        if self.sheet is None:
            return
        if self.step is None:
            self.save()
        else:
            self.go_next()

    # -- the end ---------------------------------------------------------------------------

    def duration_s(self) -> int:
        return int(time.monotonic() - self.started)

    def _tick(self) -> None:
        self.clock.setText(self.tr("On the line {time}").format(
            time=calls.duration_text(self.duration_s())))

    @Slot()
    def save(self) -> None:
        if self.sheet is None:
            return
        draft = scripts.RunDraft(self.family_id, self.script, tuple(self.answers),
                                 self.outcome.currentData(), self.note.text(),
                                 self.duration_s(), self.enrolment_id)
        submit(self.ctx.ops, self, self.error,
               lambda: scripts.record(self.ctx.store, self.ctx.actor, draft),
               lambda _run_id: self.accept())

    def reject(self) -> None:
        if self.answers or self.note.text().strip():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Close without saving? The answers of this call will be lost."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def done(self, result: int) -> None:
        self.ticker.stop()
        self._set_presence(PresenceState.AVAILABLE)
        super().done(result)

    def _set_presence(self, state: PresenceState) -> None:
        if not self.ctx.can_write:
            return
        self.ctx.ops.command(self, lambda: presence.set_state(self.ctx.store, self.ctx.actor,
                                                              state),
                             on_failure=self._ignore)  # a busy database must not stop the call

    @staticmethod
    def _ignore(_exc: errors.DeskError) -> None:
        pass
