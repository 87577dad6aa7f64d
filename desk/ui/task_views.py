"""Task list model, the task dialog and the task list widget (used by Today and Tasks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP,
    Signal, Slot,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from desk.models.enums import Role, TaskStatus
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.services.store.changes import Change
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.table_model import RowsModel
from desk.ui.forms import FieldError, finish_form_dialog, key_for
from desk.ui.labels import role_name, status_name

IdRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")


class TaskTableModel(RowsModel):
    COL_DUE, COL_TITLE, COL_FAMILY, COL_ASSIGNEE, COL_STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("TaskTableModel", "Due"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Task"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Family"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Assignee"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Status"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def set_items(self, items: list[tasks.TaskView]) -> None:
        self.set_rows(items)

    def item(self, row: int) -> tasks.TaskView:
        return self.rows[row]

    def _assignee(self, t: tasks.TaskView) -> str:
        if t.assignee_name:
            return t.assignee_name
        return role_name(t.assignee_role) if t.assignee_role else ""

    def cell(self, t: tasks.TaskView, column: int) -> str:
        if column == self.COL_DUE:
            return fmt.datetime_text(t.due_at, self.ctx.studio.tz)
        if column == self.COL_TITLE:
            return t.title
        if column == self.COL_FAMILY:
            return t.family_title
        if column == self.COL_ASSIGNEE:
            return self._assignee(t)
        return self.tr("Overdue") if t.overdue else status_name(t.status)

    def sort_key(self, t: tasks.TaskView, column: int):
        return t.due_at if column == self.COL_DUE else super().sort_key(t, column)

    def tooltip(self, t: tasks.TaskView, column: int) -> str | None:
        return t.details or None

    def foreground(self, t: tasks.TaskView, column: int):
        return QBrush(OVERDUE) if t.overdue else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == IdRole:
            return self.rows[index.row()].id if index.isValid() else None
        return super().data(index, role)


class TaskDialog(QDialog):
    """Create or edit a task; keeps the input on a validation error."""

    def __init__(self, ctx: Context, draft: tasks.TaskDraft | None = None,
                 family: families.FamilyRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft = draft
        self.saved_id: int | None = None
        self.family_id = draft.family_id if draft else (family.id if family else None)
        self.setWindowTitle(self.tr("Task") if draft and draft.id else self.tr("New task"))
        self.setMinimumWidth(480)

        self.title = QLineEdit(draft.title if draft else "")
        self.title_error = FieldError()
        self.details = QPlainTextEdit(draft.details if draft else "")
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(80)
        tz = ctx.studio.tz
        due = draft.due_at if draft else ctx.store.now() + dt.timedelta(hours=1)
        self.due = fmt.datetime_edit(due, tz)
        self.assignee = QComboBox()
        for role in (Role.COMMUNICATOR, Role.SYSTEM):
            self.assignee.addItem(self.tr("Role: {role}").format(role=role_name(role)), ("role", role))
        self._select_assignee(draft)
        self.assignee_error = FieldError()
        self.family = QLabel(self.tr("— not linked to a family —"))
        if family:
            self.family.setText(family.parents or family.children)

        form = QFormLayout()
        form.addRow(self.tr("What to do:"), self.title)
        form.addRow("", self.title_error)
        form.addRow(self.tr("Details:"), self.details)
        form.addRow(self.tr("Due:"), self.due)
        form.addRow(self.tr("Assignee:"), self.assignee)
        form.addRow("", self.assignee_error)
        form.addRow(self.tr("Family:"), self.family)
        finish_form_dialog(self, form, self._on_accepted)
        family_id = draft.family_id if draft else None
        ctx.ops.query(self, lambda: (studio.staff(ctx.store), families.rows_for(
            ctx.store, [family_id]) if family_id else []), self._show_choices)

    def _show_choices(self, found: tuple[list[studio.StaffMember], list[families.FamilyRow]],
                      ) -> None:
        staff, family_rows = found
        for member in staff:
            self.assignee.addItem(f"{member.name} ({role_name(member.role)})", ("staff", member.id))
        self._select_assignee(self.draft)
        if family_rows:
            self.family.setText(family_rows[0].parents
                                or self.tr("— not linked to a family —"))

    def _select_assignee(self, draft: tasks.TaskDraft | None) -> None:
        wanted = ("role", self.ctx.me.role if self.ctx.me.role is not Role.SUPERVISOR
                  else Role.COMMUNICATOR)
        if draft is not None:
            wanted = (("staff", draft.assignee_staff_id) if draft.assignee_staff_id
                      else ("role", draft.assignee_role))
        for i in range(self.assignee.count()):
            if self.assignee.itemData(i) == wanted:
                self.assignee.setCurrentIndex(i)

    def current_draft(self) -> tasks.TaskDraft:
        kind, value = self.assignee.currentData()
        return tasks.TaskDraft(
            title=self.title.text(),
            details=self.details.toPlainText(),
            due_at=fmt.from_qdatetime(self.due.dateTime(), self.ctx.studio.tz),
            family_id=self.family_id,
            assignee_staff_id=value if kind == "staff" else None,
            assignee_role=value if kind == "role" else None,
            origin=self.draft.origin if self.draft else "manual",
            id=self.draft.id if self.draft else None,
        )

    @Slot()
    def _on_accepted(self) -> None:
        draft = self.current_draft()
        self.ctx.ops.command(self, lambda: tasks.save(self.ctx.store, self.ctx.actor, draft),
                             self._on_saved, on_failure=self._on_failed)

    def _on_saved(self, task_id: int) -> None:
        self.saved_id = task_id
        self.accept()

    def _on_failed(self, exc: errors.DeskError) -> None:
        if not isinstance(exc, errors.ValidationFailed):
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        self.title_error.show_message(
            messages.field_message(exc.fields["title"]) if "title" in exc.fields else "")
        self.assignee_error.show_message(
            messages.field_message(exc.fields["assignee"]) if "assignee" in exc.fields else "")


class TaskList(QWidget):
    """A table of tasks with New / Done / Edit; what it lists comes from ``load``.

    Signals:
        family_requested(int): the user wants to open a task's family.
        rows_loaded(int): the list was filled (how many tasks).
    """

    WRITES = ("done_button", "edit_button", "new_button")  # hidden on a read-only desk

    family_requested = Signal(int)
    rows_loaded = Signal(int)

    def __init__(self, ctx: Context, load: Callable[[], list[tasks.TaskView]],
                 parent: QWidget | None = None) -> None:
        """``load`` runs on a worker: it may read plain attributes, never a widget."""
        super().__init__(parent)
        self.ctx = ctx
        self._load = load
        self.model = TaskTableModel(ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)  # a click sorts; the service's order to begin with
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSectionResizeMode(TaskTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TaskTableModel.COL_DUE, 130)
        header.resizeSection(TaskTableModel.COL_FAMILY, 220)
        header.resizeSection(TaskTableModel.COL_ASSIGNEE, 200)
        header.resizeSection(TaskTableModel.COL_STATUS, 110)

        self.new_button = QPushButton(self.tr("New task"))
        self.new_button.setShortcut(QKeySequence("Ctrl+T"))
        self.new_button.setToolTip(self.tr("New task (Ctrl+T)"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Mark the selected task done (Ctrl+D)"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.family_button = QPushButton(self.tr("Open family"))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        for b in (self.new_button, self.done_button, self.edit_button, self.family_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)

        key_for(self.done_button, "Ctrl+D", self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.done_button.clicked.connect(self._on_done_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.family_button.clicked.connect(self._on_family_clicked)
        self.view.doubleClicked.connect(self._on_edit_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.TASK, Change.FAMILY))

    def selected(self) -> tasks.TaskView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def refresh(self) -> None:
        self.ctx.ops.query(self, self._load, self._show)

    def _show(self, items: list[tasks.TaskView]) -> None:
        self.model.set_items(items)
        overdue = sum(1 for t in items if t.overdue)
        text = self.tr("%n task(s)", "", len(items))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.summary.setText(text)
        self._update_buttons()
        self.rows_loaded.emit(len(items))

    @Slot()
    def _update_buttons(self) -> None:
        t = self.selected()
        self.done_button.setEnabled(t is not None and t.status is TaskStatus.OPEN)
        self.edit_button.setEnabled(t is not None)
        self.family_button.setEnabled(t is not None and t.family_id is not None)

    @Slot()
    def _on_new_clicked(self) -> None:
        TaskDialog(self.ctx, parent=self).exec()

    @Slot()
    def _on_done_clicked(self) -> None:
        t = self.selected()
        if t is None or t.status is not TaskStatus.OPEN:
            return
        self.ctx.ops.command(self, lambda: tasks.set_status(self.ctx.store, self.ctx.actor,
                                                            t.id, TaskStatus.DONE))

    @Slot()
    def _on_edit_clicked(self) -> None:
        t = self.selected()
        if t is not None:
            TaskDialog(self.ctx, t.draft(), parent=self).exec()

    @Slot()
    def _on_family_clicked(self) -> None:
        t = self.selected()
        if t is not None and t.family_id is not None:
            self.family_requested.emit(t.family_id)


