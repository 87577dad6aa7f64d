import datetime as dt

from PySide6.QtCore import Qt

from desk.models.enums import Role
from desk.services.tasks import tasks
from desk.ui.task_views import OVERDUE, TaskDialog, TaskTableModel
from desk.ui.workspaces import TasksArea, Workspace


def test_add_a_task_and_see_it_in_today(qtbot, ctx, monkeypatch):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    assert space.today.model.rowCount() == 0

    def fill(dialog):
        dialog.title.setText("Перезвонить Ёлкиной")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    space.today.new_button.click()
    assert space.today.model.rowCount() == 1
    index = space.today.model.index(0, TaskTableModel.COL_TITLE)
    assert index.data() == "Перезвонить Ёлкиной"


def test_overdue_is_red_and_done_removes_it(qtbot, ctx, actor, qtmodeltester):
    tasks.save(ctx.store, actor, tasks.TaskDraft(
        "Старая", ctx.store.now() - dt.timedelta(hours=3), assignee_role=Role.SYSTEM))
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    qtmodeltester.check(space.today.model)
    index = space.today.model.index(0, TaskTableModel.COL_DUE)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    space.today.view.selectRow(0)
    space.today.done_button.click()
    assert space.today.model.rowCount() == 0


def test_empty_title_shows_a_message_and_keeps_the_dialog(qtbot, ctx):
    dialog = TaskDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.details.setPlainText("подробности")
    dialog._on_accepted()
    assert dialog.saved_id is None
    assert not dialog.title_error.isHidden()
    assert dialog.details.toPlainText() == "подробности"


def test_tasks_area_filters_by_status(qtbot, ctx, actor):
    tid = tasks.save(ctx.store, actor, tasks.TaskDraft(
        "Готово", ctx.store.now(), assignee_role=Role.SYSTEM))
    tasks.set_status(ctx.store, actor, tid, tasks.TaskStatus.DONE)
    area = TasksArea(ctx)
    qtbot.addWidget(area)
    area.show()
    assert area.list.model.rowCount() == 0
    area.status.setCurrentIndex(1)  # done
    assert area.list.model.rowCount() == 1


def test_hidden_views_load_when_shown_and_reload_after_changes(qtbot, ctx, actor, monkeypatch):
    calls = []
    real = tasks.today

    def counting(store, role):
        calls.append(role)
        return real(store, role)

    monkeypatch.setattr(tasks, "today", counting)
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    assert calls == []  # nothing read while hidden
    space.show()
    assert calls == [Role.SYSTEM]
    space.hide()
    tasks.save(ctx.store, actor, tasks.TaskDraft("Новая", ctx.store.now(),
                                                 assignee_role=Role.SYSTEM))
    assert len(calls) == 1  # hidden: only marked stale
    space.show()
    assert len(calls) == 2 and space.today.model.rowCount() == 1


def test_due_time_is_the_studios_wall_clock_whatever_the_pcs_zone(qtbot, ctx):
    dialog = TaskDialog(ctx)
    qtbot.addWidget(dialog)
    shown = dialog.due.dateTime()
    expected = (ctx.store.now() + dt.timedelta(hours=1)).astimezone(ctx.studio.tz)
    assert (shown.time().hour(), shown.time().minute()) == (expected.hour, expected.minute)
    dialog.title.setText("Позвонить")
    dialog._on_accepted()
    saved = tasks.get(ctx.store, dialog.saved_id).due_at
    assert saved == expected.replace(second=0, microsecond=0)


def test_a_header_click_sorts_the_tasks_by_due_time_and_done_acts_on_the_row_shown(
        qtbot, ctx, actor, qtmodeltester):
    now = ctx.store.now()
    for title, hours in (("Через день", 24), ("Через час", 1), ("Через неделю", 24 * 7)):
        tasks.save(ctx.store, actor, tasks.TaskDraft(
            title, now + dt.timedelta(hours=hours), assignee_role=Role.SYSTEM))
    area = TasksArea(ctx)
    qtbot.addWidget(area)
    area.show()
    view, model = area.list.view, area.list.model

    def titles():
        return [model.index(r, TaskTableModel.COL_TITLE).data() for r in range(model.rowCount())]

    service = titles()
    header = view.horizontalHeader()
    header.setSortIndicator(TaskTableModel.COL_DUE, Qt.SortOrder.DescendingOrder)
    assert titles() == ["Через неделю", "Через день", "Через час"]  # by the moment, not text
    header.setSortIndicator(TaskTableModel.COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert titles() == ["Через день", "Через неделю", "Через час"]
    qtmodeltester.check(model)
    view.selectRow(titles().index("Через неделю"))
    area.list.done_button.click()  # the task of the row shown, whatever the sort
    assert "Через неделю" not in titles() and len(titles()) == 2
    assert sorted(service) == sorted(titles() + ["Через неделю"])
