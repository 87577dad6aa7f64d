from desk.services.schedule import lessons
from desk.ui.studio_dialog import StudioDialog


def test_add_a_teacher_a_room_and_change_a_direction(qtbot, ctx):
    dialog = StudioDialog(ctx)
    qtbot.addWidget(dialog)
    t = dialog.teachers
    t.new_button.click()
    t.name.setText("Ирина Глинина")
    t.phone.setText("12")
    t.save_button.click()
    assert not t.error.isHidden() and lessons.teachers(ctx.store) == []
    t.phone.setText("8 903 555 44 33")
    t.head.setChecked(True)
    t.save_button.click()
    (teacher,) = lessons.teachers(ctx.store)
    assert (teacher.phone, teacher.head) == ("+79035554433", True)
    dialog.rooms.name.setText("Гончарная")
    dialog.rooms.save_button.click()
    assert [r.name for r in lessons.rooms(ctx.store)] == ["Гончарная"]
    d = dialog.directions
    d.list.setCurrentRow([x.name for x in d.rows].index("Керамика"))
    d.capacity.setValue(10)
    d.price.setText("1 500")
    d.save_button.click()
    ceramics = next(x for x in lessons.directions(ctx.store) if x.name == "Керамика")
    assert (ceramics.capacity, ceramics.price) == (10, 150000)


def test_the_studio_its_time_zone_and_staff_are_edited_after_setup(qtbot, ctx, actor,
                                                                    monkeypatch, tmp_path):
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from desk.models.enums import Role
    from desk.services.schedule import lessons
    from desk.services.staff import studio
    from desk.ui.main_window import MainWindow
    from desk.ui.studio_settings import StudioSettingsDialog

    msk = dt.timezone(dt.timedelta(hours=3))
    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 10, 17, tzinfo=msk)))
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    dialog = StudioSettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("  ")
    dialog._on_accepted()
    assert dialog.name_error.text() == "Enter a name." and dialog.result() == 0
    dialog.name.setText("Детская мастерская")
    dialog._on_add_person()
    dialog.rows[-1][1].setText("Ирина Новикова")
    anna = next(row for row in dialog.rows if row[1].text() == "Анна Соколова")
    anna[3].setChecked(False)  # the only System person leaves: refused beside the list
    dialog._on_accepted()
    assert "System person" in dialog.staff_error.text()
    anna[3].setChecked(True)
    dialog.timezone.setCurrentText("Asia/Yekaterinburg")

    def keep_clock(box):
        next(b for b in box.buttons() if b.text() == "Keep the clock times").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_clock)
    dialog._on_accepted()
    assert dialog.result() == 1
    info = studio.info(ctx.store)
    assert (info.name, info.timezone) == ("Детская мастерская", "Asia/Yekaterinburg")
    assert ctx.studio.timezone == "Asia/Yekaterinburg"
    assert window.windowTitle() == "Desk — Детская мастерская"
    starts = lessons.lesson(ctx.store, lesson).starts_at.astimezone(ctx.studio.tz)
    assert starts.hour == 17  # the lesson keeps its clock time
    people = {m.name: (m.role, m.active) for m in studio.staff(ctx.store, active_only=False)}
    assert people["Ирина Новикова"] == (Role.COMMUNICATOR, True)


def test_keeping_the_clock_moves_open_tasks_and_waiting_messages_too(qtbot, ctx, actor):
    import datetime as dt

    from desk.models.enums import Role
    from desk.services.staff import studio
    from desk.services.tasks import tasks

    due = ctx.store.now() + dt.timedelta(days=1)
    task = tasks.save(ctx.store, actor, tasks.TaskDraft("Позвонить", due,
                                                        assignee_role=Role.COMMUNICATOR))
    people = [studio.StaffEdit(m.name, m.role, m.active, m.id)
              for m in studio.staff(ctx.store, active_only=False)]
    studio.update(ctx.store, actor, "ДетиЛюбят", "Asia/Yekaterinburg", people)
    moved = tasks.get(ctx.store, task).due_at
    old_clock = due.astimezone(dt.timezone(dt.timedelta(hours=3))).time()
    new_clock = moved.astimezone(dt.timezone(dt.timedelta(hours=5))).time()
    assert new_clock == old_clock and moved == due - dt.timedelta(hours=2)


def test_directions_teachers_and_rooms_are_renamed_and_archived(qtbot, ctx, actor):
    import datetime as dt

    from desk.services.schedule import lessons
    from desk.ui.lesson_dialogs import LessonDialog
    from desk.ui.studio_dialog import StudioDialog

    room = lessons.save_room(ctx.store, actor, "Малый класс")
    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 10, 14, tzinfo=dt.timezone.utc), room_id=room))
    dialog = StudioDialog(ctx)
    qtbot.addWidget(dialog)
    rooms = dialog.rooms
    rooms.list.setCurrentRow(0)
    assert rooms.name.text() == "Малый класс"
    rooms.name.setText("Мастерская у окна")
    rooms.save_button.click()
    assert [r.name for r in lessons.rooms(ctx.store)] == ["Мастерская у окна"]
    rooms.archive_button.click()
    assert lessons.rooms(ctx.store) == [] and "(archived)" in rooms.list.item(0).text()
    assert rooms.archive_button.text() == "Bring back"
    directions = dialog.directions
    for i in range(directions.list.count()):
        if directions.list.item(i).text() == "Керамика":
            directions.list.setCurrentRow(i)
    directions.archive_button.click()
    assert "Керамика" not in [d.name for d in lessons.directions(ctx.store)]
    assert lessons.lesson(ctx.store, lesson).direction == "Керамика"  # its lessons stay
    picker = LessonDialog(ctx, starts_at=dt.datetime(2026, 3, 12, 14, tzinfo=dt.timezone.utc))
    qtbot.addWidget(picker)
    assert picker.direction.findText("Керамика") == -1 and picker.room.count() == 1
    directions.archive_button.click()  # brought back
    assert "Керамика" in [d.name for d in lessons.directions(ctx.store)]


def test_a_directions_kind_is_shown_and_changed_in_settings(qtbot, ctx, russian):
    from desk.models.enums import DirectionKind

    dialog = StudioDialog(ctx)
    qtbot.addWidget(dialog)
    d = dialog.directions
    kinds = {x.name: x.kind for x in lessons.directions(ctx.store)}
    assert kinds["Городской лагерь"] is DirectionKind.CAMP  # the presets come with their kinds
    assert kinds["Поход"] is DirectionKind.HIKE and kinds["Праздник"] is DirectionKind.PARTY
    d.list.setCurrentRow([x.name for x in d.rows].index("Поход"))
    assert d.kind.currentText() == "Поход"
    assert [d.kind.itemText(i) for i in range(d.kind.count())] == [
        "Мастерская", "Лагерь", "Поход", "Праздник", "Другое"]
    d.list.setCurrentRow([x.name for x in d.rows].index("Рукоделие"))
    d.kind.setCurrentIndex(d.kind.findText("Лагерь"))
    d.save_button.click()
    assert next(x for x in lessons.directions(ctx.store) if x.name == "Рукоделие").kind \
        is DirectionKind.CAMP
    d.new_button.click()
    assert d.kind.currentText() == "Мастерская"
