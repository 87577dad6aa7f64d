import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desk.services.crm import families
from desk.services.schedule import enrolment, lessons
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.lesson_dialogs import EnrolDialog, LessonDialog
from desk.ui.schedule_view import LessonRole, ScheduleView

MSK = dt.timezone(dt.timedelta(hours=3))


def ceramics(store):
    return next(d for d in lessons.directions(store) if d.name == "Керамика")


def family(store, actor, surname, *kids):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"{surname}а Мама"),),
        children=tuple(ChildDraft(f"{surname} {k}") for k in kids)))


def test_new_weekly_series_appears_in_the_week_grid_with_its_fill(qtbot, ctx):
    view = ScheduleView(ctx)
    qtbot.addWidget(view)
    view.show()
    dialog = LessonDialog(ctx, starts_at=dt.datetime(2026, 3, 5, 17, tzinfo=MSK))
    qtbot.addWidget(dialog)
    dialog.direction.setCurrentIndex(dialog.direction.findText("Керамика"))
    assert dialog.capacity.value() == 8
    dialog.repeat.setChecked(True)
    dialog._on_accepted()
    assert dialog.saved
    cell = view.grid.item(0, 3)  # Thursday, 17:00
    assert cell is not None and cell.text().startswith("Керамика\n0/8")
    assert view.grid.verticalHeaderItem(0).text() == "17:00"
    view.go(7)
    assert view.grid.item(0, 3) is not None


def test_enrol_into_a_full_lesson_is_refused_and_the_waitlist_offered(qtbot, ctx, actor,
                                                                      monkeypatch):
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK), capacity=1))
    first = family(ctx.store, actor, "Демин", "Петя")
    enrolment.enrol(ctx.store, actor, lesson, first,
                    [c.id for c in families.card(ctx.store, first).draft.children])
    family(ctx.store, actor, "Ёлкин", "Саша")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog = EnrolDialog(ctx, lessons.lesson(ctx.store, lesson))
    qtbot.addWidget(dialog)
    dialog.search.setText("елкин")
    assert dialog.found.count() == 1
    dialog.found.setCurrentRow(0)
    assert dialog.enrol_button.isEnabled()
    dialog.enrol_button.click()
    assert asked and "full" in asked[0]
    assert [name for _, name in enrolment.waitlist(ctx.store, lesson)] == ["Ёлкин Саша"]


def test_sibling_discount_shows_in_the_total_before_confirming(qtbot, ctx, actor):
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK), price=100000,
        sibling_discount=True))
    fam = family(ctx.store, actor, "Ёлкин", "Саша", "Маша")
    dialog = EnrolDialog(ctx, lessons.lesson(ctx.store, lesson), family_id=fam)
    qtbot.addWidget(dialog)
    for i in range(dialog.children.count()):
        dialog.children.item(i).setCheckState(Qt.CheckState.Checked)
    assert "1\u00a0900\u00a0₽" in dialog.total.text()  # 1000 + 900
    dialog.enrol_button.click()
    assert len(dialog.enrolled) == 2
    assert lessons.lesson(ctx.store, lesson).enrolled == 2


def test_cancel_a_lesson_creates_tasks_and_leaves_the_grid(qtbot, ctx, actor, monkeypatch):
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK)))
    fam = family(ctx.store, actor, "Ёлкин", "Саша")
    enrolment.enrol(ctx.store, actor, lesson, fam,
                    [c.id for c in families.card(ctx.store, fam).draft.children])
    view = ScheduleView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.select_lesson(lesson)
    assert view.selected().id == lesson
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("педагог заболел", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    view.cancel_button.click()
    assert view.grid.rowCount() == 0
    assert [t.family_id for t in tasks.listing(ctx.store) if t.origin == "lesson_cancelled"] \
        == [fam]


def test_export_the_shown_week(qtbot, ctx, actor, tmp_path):
    lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK)))
    view = ScheduleView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.export_to(tmp_path / "week.csv")
    assert "Керамика" in (tmp_path / "week.csv").read_text(encoding="utf-8-sig")
    assert "1 lesson(s)" in view.summary.text()


def test_roster_shows_children_and_a_client_cancellation_frees_the_place(qtbot, ctx, actor):
    from desk.ui.lesson_dialogs import RosterDialog

    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK), capacity=1))
    fam = family(ctx.store, actor, "Ёлкин", "Саша")
    other = family(ctx.store, actor, "Демин", "Петя")
    enrolment.enrol(ctx.store, actor, lesson, fam,
                    [c.id for c in families.card(ctx.store, fam).draft.children])
    enrolment.add_to_waitlist(ctx.store, actor, lesson, other,
                              [c.id for c in families.card(ctx.store, other).draft.children])
    dialog = RosterDialog(ctx, lessons.lesson(ctx.store, lesson))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "Ёлкин Саша" in dialog.list.item(0).text()
    assert dialog.waiting.item(0).text() == "Демин Петя"
    dialog.list.setCurrentRow(0)
    dialog.cancel_button.click()
    assert dialog.list.count() == 0
    assert [t.family_id for t in tasks.listing(ctx.store) if t.origin.startswith("place_available")] \
        == [other]


def test_enrol_from_the_family_card(qtbot, ctx, actor, monkeypatch):
    from desk.ui.family_card import FamilyCardView
    from desk.ui.lesson_dialogs import LessonPicker

    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, ctx.store.now() + dt.timedelta(days=2)))
    fam = family(ctx.store, actor, "Ёлкин", "Саша")
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show_family(fam)

    def pick(picker):
        picker.list.setCurrentRow(0)
        picker._on_ok()
        return True

    def confirm(dialog):
        dialog.enrol_button.click()
        return True

    monkeypatch.setattr(LessonPicker, "exec", pick)
    monkeypatch.setattr(EnrolDialog, "exec", confirm)
    card.enrol_button.click()
    assert lessons.lesson(ctx.store, lesson).enrolled == 1


def test_list_view_filters_by_date_range_and_direction(qtbot, ctx, actor):
    from PySide6.QtCore import QDate

    clay = ceramics(ctx.store)
    wood = next(d for d in lessons.directions(ctx.store) if d.name == "Столярная мастерская")
    for day, d in ((5, clay), (12, wood), (26, clay)):
        lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
            d.id, dt.datetime(2026, 3, day, 17, tzinfo=MSK)))
    view = ScheduleView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.mode.setCurrentIndex(view.mode.findData("list"))
    view.since.setDate(QDate(2026, 3, 1))
    view.until.setDate(QDate(2026, 3, 20))
    assert view.list.topLevelItemCount() == 2
    view.direction.setCurrentIndex(view.direction.findData(clay.id))
    assert view.list.topLevelItemCount() == 1


def test_editing_a_lesson_keeps_what_was_not_touched_and_warns_of_a_double_booking(
        qtbot, ctx, actor, monkeypatch):
    teacher = lessons.save_teacher(ctx.store, actor, "Ирина Глинина", "+7 903 555-44-33")
    room = lessons.save_room(ctx.store, actor, "Большой класс")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK), teacher_id=teacher,
        room_id=room, capacity=6, price=150000, sibling_discount=True))
    before = lessons.lesson(ctx.store, lesson)
    dialog = LessonDialog(ctx, before)
    qtbot.addWidget(dialog)
    dialog._on_accepted()  # "Change…" and save without touching anything
    assert dialog.saved
    after = lessons.lesson(ctx.store, lesson)
    assert (after.room_id, after.teacher_id, after.capacity, after.price,
            after.sibling_discount) == (room, teacher, 6, 150000, True)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    other = LessonDialog(ctx, starts_at=dt.datetime(2026, 3, 5, 17, 30, tzinfo=MSK))
    qtbot.addWidget(other)
    other.teacher.setCurrentIndex(other.teacher.findData(teacher))
    other._on_accepted()
    assert not other.saved and "Already taken at this time — Ирина Глинина" in asked[0]
    assert len(lessons.week(ctx.store, dt.date(2026, 3, 2))) == 1


def test_two_lessons_at_the_same_time_are_both_reachable_in_the_week_grid(qtbot, ctx, actor):
    first = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics(ctx.store).id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK)))
    wood = next(d for d in lessons.directions(ctx.store) if d.name == "Столярная мастерская")
    second = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        wood.id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK)))
    view = ScheduleView(ctx)
    qtbot.addWidget(view)
    view.show()
    cells = [view.grid.item(row, 3) for row in range(view.grid.rowCount())]
    found = {c.data(LessonRole) for c in cells if c is not None}
    view.select_lesson(second)
    assert view.selected().id == second
    view.select_lesson(first)
    assert view.selected().id == first
    assert view.grid.verticalHeaderItem(0).text() == "17:00"
    assert found == {first, second}


def test_a_lesson_keeps_its_archived_direction_teacher_and_room_when_edited(qtbot, ctx, actor):
    teacher = lessons.save_teacher(ctx.store, actor, "Ирина Глинина", "+7 903 555-44-33")
    room = lessons.save_room(ctx.store, actor, "Большой класс")
    direction = ceramics(ctx.store).id
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        direction, dt.datetime(2026, 3, 5, 17, tzinfo=MSK), teacher_id=teacher, room_id=room))
    for kind, item in (("direction", direction), ("teacher", teacher), ("room", room)):
        lessons.set_active(ctx.store, actor, kind, item, False)
    dialog = LessonDialog(ctx, lessons.lesson(ctx.store, lesson))
    qtbot.addWidget(dialog)
    assert dialog.room.currentText() == "Большой класс (archived)"
    dialog._on_accepted()
    after = lessons.lesson(ctx.store, lesson)
    assert (after.direction_id, after.teacher_id, after.room_id) == (direction, teacher, room)
    new = LessonDialog(ctx, starts_at=dt.datetime(2026, 3, 6, 17, tzinfo=MSK))
    qtbot.addWidget(new)
    assert new.room.findData(room) == -1 and new.direction.findData(direction) == -1
