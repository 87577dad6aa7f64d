"""Settings → Call scripts: the studio writes its scripts — steps in order, answers that branch
to a later step or end the call, steps asked only for some scores, and the outcome codes with
the task each one sets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import ScriptPurpose, StepKind
from desk.services.calls import scripts
from desk.services.store import errors
from desk.ui import messages
from desk.ui.context import Context
from desk.ui.forms import FieldError, side_by_side
from desk.ui.labels import script_purpose_name, step_kind_name

KEY = Qt.ItemDataRole.UserRole


class ScriptsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Call scripts"))
        self.resize(1100, 720)
        self.script: scripts.Script | None = None
        self.all: list[scripts.Script] = []  # the scripts listed, once read
        self.steps: list[dict] = []  # the script being edited
        self.step_row = -1
        self.dirty = False

        self.list = QListWidget()
        self.new_button = QPushButton(self.tr("New script"))
        self.remove_button = QPushButton(self.tr("Remove"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.remove_button)
        ll.addLayout(row)

        self.name = QLineEdit()
        self.purpose = QLabel()
        self.step_list = QListWidget()
        self.step_list.setMaximumHeight(170)
        self.add_step_button = QPushButton(self.tr("Add a step"))
        self.remove_step_button = QPushButton(self.tr("Remove the step"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.kind = QComboBox()
        for kind in StepKind:
            self.kind.addItem(step_kind_name(kind), kind)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.only_if = QCheckBox(self.tr("Ask only when the score is from"))
        self.low = QSpinBox()
        self.low.setRange(0, 10)
        self.high = QSpinBox()
        self.high.setRange(0, 10)
        self.options = QTableWidget(0, 2)
        self.options.setHorizontalHeaderLabels([self.tr("Answer"), self.tr("Then")])
        self.options.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.options.setColumnWidth(1, 260)
        self.options.verticalHeader().hide()
        self.options.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.options.setMaximumHeight(150)
        self.add_option_button = QPushButton(self.tr("Add an answer"))
        self.remove_option_button = QPushButton(self.tr("Remove the answer"))
        self.outcomes = QTableWidget(0, 3)
        self.outcomes.setHorizontalHeaderLabels([self.tr("Outcome"), self.tr("Next task"),
                                                 self.tr("In days")])
        self.outcomes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.outcomes.setColumnWidth(0, 240)
        self.outcomes.setColumnWidth(2, 80)
        self.outcomes.verticalHeader().hide()
        self.outcomes.setMaximumHeight(170)
        self.add_outcome_button = QPushButton(self.tr("Add an outcome"))
        self.remove_outcome_button = QPushButton(self.tr("Remove the outcome"))
        self.error = FieldError()

        step_buttons = QHBoxLayout()
        for b in (self.add_step_button, self.remove_step_button, self.up_button,
                  self.down_button):
            step_buttons.addWidget(b)
        step_buttons.addStretch(1)
        condition = QHBoxLayout()
        condition.addWidget(self.only_if)
        condition.addWidget(self.low)
        condition.addWidget(QLabel(self.tr("to")))
        condition.addWidget(self.high)
        condition.addStretch(1)
        option_buttons = QHBoxLayout()
        option_buttons.addWidget(self.add_option_button)
        option_buttons.addWidget(self.remove_option_button)
        option_buttons.addStretch(1)
        self.step_box = QGroupBox(self.tr("Step"))
        sf = QFormLayout(self.step_box)
        sf.addRow(self.tr("Kind:"), self.kind)
        sf.addRow(self.tr("Words:"), self.text)
        sf.addRow("", QLabel(self.tr("Placeholders: {parent}, {child}, {studio}, {me} "
                                     "(who is calling)")))
        sf.addRow("", condition)
        self.options_label = QLabel(self.tr("Answers:"))
        sf.addRow(self.options_label, self.options)
        sf.addRow("", option_buttons)
        outcome_buttons = QHBoxLayout()
        outcome_buttons.addWidget(self.add_outcome_button)
        outcome_buttons.addWidget(self.remove_outcome_button)
        outcome_buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        head = QFormLayout()
        head.addRow(self.tr("Name:"), self.name)
        head.addRow(self.tr("Used for:"), self.purpose)
        rl.addLayout(head)
        rl.addWidget(QLabel(self.tr("Steps, in the order they are asked:")))
        rl.addWidget(self.step_list)
        rl.addLayout(step_buttons)
        rl.addWidget(self.step_box)
        rl.addWidget(QLabel(self.tr("Outcomes: how a call can end, and the task it sets "
                                    "(empty: no task; 0 days: within half an hour)")))
        rl.addWidget(self.outcomes)
        rl.addLayout(outcome_buttons)
        rl.addWidget(self.error)
        panes = QWidget()
        side_by_side(panes, left, right, [260, 840])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(panes, 1)
        layout.addWidget(self.buttons)

        self.list.currentRowChanged.connect(self._on_script_chosen)
        self.new_button.clicked.connect(self._on_new)
        self.remove_button.clicked.connect(self._on_remove)
        self.step_list.currentRowChanged.connect(self._on_step_chosen)
        self.add_step_button.clicked.connect(self._on_add_step)
        self.remove_step_button.clicked.connect(self._on_remove_step)
        self.up_button.clicked.connect(lambda: self._move_step(-1))
        self.down_button.clicked.connect(lambda: self._move_step(1))
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.only_if.toggled.connect(self._update_condition)
        self.add_option_button.clicked.connect(self._on_add_option)
        self.remove_option_button.clicked.connect(self._on_remove_option)
        self.add_outcome_button.clicked.connect(self._on_add_outcome)
        self.text.textChanged.connect(self._on_text_changed)
        self.remove_outcome_button.clicked.connect(self._on_remove_outcome)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for signal in (self.name.textEdited, self.text.textChanged, self.only_if.toggled,
                       self.low.valueChanged, self.high.valueChanged, self.kind.activated,
                       self.options.itemChanged, self.outcomes.itemChanged):
            signal.connect(self._mark_dirty)
        self.load()

    # -- the list of scripts -----------------------------------------------------------------

    def load(self, select_id: int | None = None) -> None:
        """Read the scripts, then show them with ``select_id`` chosen (else the first)."""
        self.ctx.ops.query(self, lambda: scripts.listing(self.ctx.store),
                           lambda found: self._show_scripts(found, select_id))

    def _show_scripts(self, found: list[scripts.Script], select_id: int | None) -> None:
        self.all = found
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.all:
            self.list.addItem(QListWidgetItem(s.name))
        self.list.blockSignals(False)
        index = next((i for i, s in enumerate(self.all) if s.id == select_id
                      and select_id is not None), 0)
        self.list.setCurrentRow(index)
        self._on_script_chosen(index)

    def _ask_to_drop_changes(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("The script has unsaved changes. Drop them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    @Slot(int)
    def _on_script_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.all):
            return
        if self.script is not None and not self._ask_to_drop_changes():
            self.list.blockSignals(True)  # stay on the script being edited
            self.list.setCurrentRow(self.all.index(self.script))
            self.list.blockSignals(False)
            return
        self._edit(self.all[index])

    def _edit(self, script: scripts.Script) -> None:
        self.script = script
        self.name.setText(script.name)
        self.purpose.setText(script_purpose_name(script.purpose))
        self.remove_button.setEnabled(script.purpose is ScriptPurpose.GENERAL
                                      and script.id is not None)
        self.steps = [{"key": s.key, "kind": s.kind, "text": s.text,
                       "options": [[o.label, o.go] for o in s.options], "only_if": s.only_if}
                      for s in script.steps]
        self.outcomes.blockSignals(True)
        self.outcomes.setRowCount(0)
        for o in script.outcomes:
            self._add_outcome(o)
        self.outcomes.blockSignals(False)
        self.step_row = -1
        self._refresh_steps(0)
        self.error.show_message("")
        self.dirty = False

    @Slot()
    def _on_new(self) -> None:
        if not self._ask_to_drop_changes():
            return
        blank = scripts.Script(None, self.tr("New script"), ScriptPurpose.GENERAL,
                               (scripts.Step("s1", StepKind.SAY, ""),),
                               (scripts.Outcome("o1", self.tr("Talked")),))
        self.all.append(blank)
        self.list.blockSignals(True)
        self.list.addItem(blank.name)
        self.list.setCurrentRow(len(self.all) - 1)
        self.list.blockSignals(False)
        self._edit(blank)
        self.dirty = True
        self.name.setFocus()
        self.name.selectAll()

    @Slot()
    def _on_remove(self) -> None:
        if self.script is None or self.script.id is None:
            return
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Remove the script \"{name}\"? Calls made with it keep their answers.")
            .format(name=self.script.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        script_id = self.script.id
        self.ctx.ops.command(self, lambda: scripts.remove(self.ctx.store, self.ctx.actor,
                                                          script_id), self._on_removed)

    def _on_removed(self, _result: None) -> None:
        self.script = None
        self.dirty = False
        self.load()

    # -- steps -------------------------------------------------------------------------------

    def _refresh_steps(self, select: int) -> None:
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for n, step in enumerate(self.steps):
            self.step_list.addItem(self._step_label(n, step))
        self.step_list.blockSignals(False)
        self.step_row = -1
        select = min(select, len(self.steps) - 1)
        self.step_list.setCurrentRow(select)
        self._load_step(select)

    @Slot(int)
    def _on_step_chosen(self, row: int) -> None:
        self._store_step()
        self._refresh_labels()
        self._load_step(row)

    def _refresh_labels(self) -> None:
        for n, step in enumerate(self.steps):
            item = self.step_list.item(n)
            if item is not None:
                item.setText(self._step_label(n, step))

    def _step_label(self, n: int, step: dict) -> str:
        first = step["text"].strip().splitlines()[0] if step["text"].strip() else "…"
        return f"{n + 1}. {step_kind_name(step['kind'])}: {first}"

    @Slot()
    def _on_text_changed(self) -> None:
        if 0 <= self.step_row < len(self.steps):
            self._store_step()
            self.step_list.item(self.step_row).setText(
                self._step_label(self.step_row, self.steps[self.step_row]))

    def _load_step(self, row: int) -> None:
        self.step_row = row
        has = 0 <= row < len(self.steps)
        self.step_box.setEnabled(has)
        self.remove_step_button.setEnabled(has and len(self.steps) > 1)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.steps) - 1)
        if not has:
            return
        step = self.steps[row]
        for widget in (self.kind, self.text, self.only_if, self.low, self.high, self.options):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(step["kind"]))
        self.text.setPlainText(step["text"])
        self.only_if.setChecked(step["only_if"] is not None)
        lo, hi = step["only_if"] or (7, 10)
        self.low.setValue(lo)
        self.high.setValue(hi)
        self.options.setRowCount(0)
        for label, go in step["options"]:
            self._add_option(label, go)
        for widget in (self.kind, self.text, self.only_if, self.low, self.high, self.options):
            widget.blockSignals(False)
        self._update_condition()
        self._show_options(step["kind"])

    def _store_step(self) -> None:
        """Keep what the step's widgets hold in the script being edited."""
        if not 0 <= self.step_row < len(self.steps):
            return
        step = self.steps[self.step_row]
        step["kind"] = self.kind.currentData()
        step["text"] = self.text.toPlainText()
        step["only_if"] = (self.low.value(), self.high.value()) if self.only_if.isChecked() \
            else None
        step["options"] = [
            [self.options.item(r, 0).text() if self.options.item(r, 0) else "",
             self.options.cellWidget(r, 1).currentData()]
            for r in range(self.options.rowCount())] if step["kind"] is StepKind.CHOICE else []

    def _show_options(self, kind: StepKind) -> None:
        choice = kind is StepKind.CHOICE
        for widget in (self.options_label, self.options, self.add_option_button,
                       self.remove_option_button):
            widget.setVisible(choice)

    @Slot()
    def _on_kind_changed(self) -> None:
        kind = self.kind.currentData()
        if kind is StepKind.CHOICE and self.options.rowCount() == 0:
            self._add_option(self.tr("Yes"), scripts.NEXT)
            self._add_option(self.tr("No"), scripts.NEXT)
        self._show_options(kind)

    @Slot()
    def _update_condition(self) -> None:
        self.low.setEnabled(self.only_if.isChecked())
        self.high.setEnabled(self.only_if.isChecked())

    @Slot()
    def _on_add_step(self) -> None:
        self._store_step()
        at = self.step_row + 1 if self.step_row >= 0 else len(self.steps)
        key = scripts.fresh_key("s", [s["key"] for s in self.steps])
        self.steps.insert(at, {"key": key, "kind": StepKind.QUESTION, "text": "",
                               "options": [], "only_if": None})
        self._refresh_steps(at)
        self._mark_dirty()
        self.text.setFocus()

    @Slot()
    def _on_remove_step(self) -> None:
        if len(self.steps) > 1 and 0 <= self.step_row < len(self.steps):
            row = self.step_row
            del self.steps[row]
            self.step_row = -1
            self._refresh_steps(row)
            self._mark_dirty()

    def _move_step(self, delta: int) -> None:
        self._store_step()
        row = self.step_row
        if 0 <= row + delta < len(self.steps):
            self.steps[row], self.steps[row + delta] = self.steps[row + delta], self.steps[row]
            self.step_row = -1
            self._refresh_steps(row + delta)
            self._mark_dirty()

    def _add_option(self, label: str, go: str) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        self.options.setItem(row, 0, QTableWidgetItem(label))
        then = QComboBox()
        then.addItem(self.tr("next step"), scripts.NEXT)
        for n, step in enumerate(self.steps[self.step_row + 1:], self.step_row + 2):
            first = step["text"].strip()[:40] or "…"
            then.addItem(self.tr("step {n}: {text}").format(n=n, text=first),
                         scripts.STEP + step["key"])
        for r in range(self.outcomes.rowCount()):
            name = self.outcomes.item(r, 0).text() if self.outcomes.item(r, 0) else ""
            then.addItem(self.tr("end: {outcome}").format(outcome=name),
                         scripts.END + self.outcomes.item(r, 0).data(KEY))
        index = then.findData(go)
        if index < 0:  # it pointed at something removed since: say so rather than guess
            then.addItem(self.tr("(removed)"), go)
            index = then.count() - 1
        then.setCurrentIndex(index)
        then.activated.connect(self._mark_dirty)
        self.options.setCellWidget(row, 1, then)

    @Slot()
    def _on_add_option(self) -> None:
        self._add_option("", scripts.NEXT)
        self.options.setCurrentCell(self.options.rowCount() - 1, 0)
        self.options.editItem(self.options.item(self.options.rowCount() - 1, 0))
        self._mark_dirty()

    @Slot()
    def _on_remove_option(self) -> None:
        row = self.options.currentRow()
        if row >= 0:
            self.options.removeRow(row)
            self._mark_dirty()

    # -- outcomes ----------------------------------------------------------------------------

    def _outcome_keys(self) -> list[str]:
        return [self.outcomes.item(r, 0).data(KEY) for r in range(self.outcomes.rowCount())]

    def _add_outcome(self, outcome: scripts.Outcome) -> None:
        row = self.outcomes.rowCount()
        self.outcomes.insertRow(row)
        name = QTableWidgetItem(outcome.name)
        name.setData(KEY, outcome.key)
        self.outcomes.setItem(row, 0, name)
        self.outcomes.setItem(row, 1, QTableWidgetItem(outcome.task))
        days = QSpinBox()
        days.setRange(0, scripts.MAX_TASK_DAYS)
        days.setValue(outcome.task_days)
        days.valueChanged.connect(self._mark_dirty)
        self.outcomes.setCellWidget(row, 2, days)

    @Slot()
    def _on_add_outcome(self) -> None:
        self._add_outcome(scripts.Outcome(scripts.fresh_key("o", self._outcome_keys()), ""))
        row = self.outcomes.rowCount() - 1
        self.outcomes.setCurrentCell(row, 0)
        self.outcomes.editItem(self.outcomes.item(row, 0))
        self._mark_dirty()

    @Slot()
    def _on_remove_outcome(self) -> None:
        row = self.outcomes.currentRow()
        if row >= 0 and self.outcomes.rowCount() > 1:
            self.outcomes.removeRow(row)
            self._mark_dirty()

    # -- saving ------------------------------------------------------------------------------

    @Slot()
    def _mark_dirty(self, *_args) -> None:
        self.dirty = True

    def edited(self) -> scripts.Script:
        """The script as the widgets hold it now."""
        assert self.script is not None
        self._store_step()
        steps = tuple(scripts.Step(
            s["key"], s["kind"], s["text"],
            tuple(scripts.Option(label, go) for label, go in s["options"]), s["only_if"])
            for s in self.steps)
        outcomes = tuple(scripts.Outcome(
            self.outcomes.item(r, 0).data(KEY), self.outcomes.item(r, 0).text(),
            self.outcomes.item(r, 1).text() if self.outcomes.item(r, 1) else "",
            self.outcomes.cellWidget(r, 2).value()) for r in range(self.outcomes.rowCount()))
        return scripts.Script(self.script.id, self.name.text(), self.script.purpose, steps,
                              outcomes)

    @Slot()
    def save(self) -> None:
        script = self.edited()
        self.ctx.ops.command(self, lambda: scripts.save(self.ctx.store, self.ctx.actor, script),
                             self._on_saved, on_failure=self._on_save_failed)

    def _on_saved(self, script_id: int) -> None:
        self.dirty = False
        self.script = None
        self.load(script_id)

    def _on_save_failed(self, exc: errors.DeskError) -> None:
        if isinstance(exc, errors.ValidationFailed):
            self.error.show_message(self._problems(exc))
            self._go_to_problem(exc)
        else:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))

    def _problems(self, exc: errors.ValidationFailed) -> str:
        lines = []
        for field, code in exc.fields.items():
            parts = field.split(".")
            text = messages.field_message(code)
            if code == "script_placeholder" and exc.params.get("detail"):
                text += " " + str(exc.params["detail"])
            if parts[0] == "step":
                text = self.tr("Step {n}: {problem}").format(n=parts[1], problem=text)
            elif parts[0] == "outcome":
                text = self.tr("Outcome {n}: {problem}").format(n=parts[1], problem=text)
            lines.append(text)
        return "\n".join(lines)

    def _go_to_problem(self, exc: errors.ValidationFailed) -> None:
        for field in exc.fields:
            parts = field.split(".")
            if parts[0] == "step":
                self.step_list.setCurrentRow(int(parts[1]) - 1)
                return

    def reject(self) -> None:
        if self._ask_to_drop_changes():
            super().reject()
