import datetime as dt

from desk.models.enums import Role
from desk.services.calls import calls
from desk.services.crm import families
from desk.services.tasks import tasks
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.ui.family_editor import FamilyEditor
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text

MSK = dt.timezone(dt.timedelta(hours=3))


def vera_and_calls(qtbot, ctx, actor):
    """Vera's family with her phone, and the Communicator's workspace open on Calls."""
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),)))
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.calls)
    return fam, space


def test_typing_a_number_shows_the_family_and_a_missed_call_makes_a_task(qtbot, ctx, actor,
                                                                         clock, qtmodeltester):
    fam, space = vera_and_calls(qtbot, ctx, actor)
    view = space.calls
    type_text(view.phone, "8 912 345 67 89")
    assert "Ёлкина Вера" in view.who.text() and not view.open_button.isHidden()
    with qtbot.waitSignal(view.family_requested) as opened:
        view.open_button.click()
    assert opened.args == [fam]
    view.missed.setChecked(True)
    view.save_button.click()
    assert view.phone.text() == "" and view.recent.model().rowCount() == 1
    model = view.recent.model()
    assert [model.index(0, c).data() for c in range(1, 4)] == [
        "missed", "+7 912 345-67-89", "Ёлкина Вера"]
    qtmodeltester.check(model)
    with qtbot.waitSignal(view.family_requested) as opened:  # a double click opens the family
        view.recent.doubleClicked.emit(model.index(0, 2))
    assert opened.args == [fam]
    (task,) = [t for t in tasks.listing(ctx.store) if t.origin == "missed_call"]
    assert task.due_at == clock.now + dt.timedelta(minutes=30)  # Wednesday noon: open
    space.sections.setCurrentWidget(space.today)
    assert any(space.today.model.item(i).origin == "missed_call"
               for i in range(space.today.model.rowCount()))


def test_an_unknown_number_offers_a_new_family_with_it(qtbot, ctx, monkeypatch):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    view = space.calls
    type_text(view.phone, "+7 903 111-22-33")
    assert not view.new_family_button.isHidden()

    def fill(editor):
        assert editor.guardian_boxes[0].phone.text() == "+7 903 111-22-33"
        editor.guardian_boxes[0].name.setText("Новая Мама")
        editor.child_rows[0].name.setText("Новый Ребёнок")
        editor._on_accepted()
        return editor.result()

    monkeypatch.setattr(FamilyEditor, "exec", fill)
    view.new_family_button.click()
    assert "Новая Мама" in view.who.text()
    view.topic.setText("Пробное занятие")
    view.minutes.setValue(2)
    view.save()
    (row,) = calls.recent(ctx.store)
    assert row.family_title == "Новая Мама" and row.duration_s == 120


def test_a_bad_number_is_shown_next_to_the_field(qtbot, ctx):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    view = space.calls
    view.phone.setText("12")
    view.topic.setText("что-то")
    view.save()
    assert not view.phone_error.isHidden() and view.topic.text() == "что-то"


def test_working_hours_dialog_saves_a_lunch_break_and_days_off(qtbot, ctx):
    from PySide6.QtCore import QDate, QTime

    from desk.services.staff import hours
    from desk.ui.hours_dialog import HoursDialog

    dialog = HoursDialog(ctx)
    qtbot.addWidget(dialog)
    works, start1, end1, has_break, start2, end2 = dialog.rows[6]  # Sunday
    works.setChecked(False)
    works, start1, end1, has_break, start2, end2 = dialog.rows[0]  # Monday
    start1.setTime(QTime(9, 0))
    end1.setTime(QTime(13, 0))
    has_break.setChecked(True)
    start2.setTime(QTime(12, 0))  # overlaps: refused with a message
    dialog._on_accepted()
    assert not dialog.error.isHidden()
    start2.setTime(QTime(14, 0))
    dialog._on_accepted()
    week = hours.current(ctx.store)
    assert [b for b in week.blocks if b.weekday == 0] == [
        hours.Block(0, dt.time(9), dt.time(13)), hours.Block(0, dt.time(14), dt.time(20))]
    assert not [b for b in week.blocks if b.weekday == 6]
    again = HoursDialog(ctx)
    qtbot.addWidget(again)
    again.holiday_date.setDate(QDate(2026, 12, 31))
    again.add_holiday.click()
    assert again.holidays.count() == 1
    again.reject()  # Cancel saves nothing
    assert hours.current(ctx.store).holidays == frozenset()
    third = HoursDialog(ctx)
    qtbot.addWidget(third)
    third.holiday_date.setDate(QDate(2026, 12, 31))
    third.add_holiday.click()
    third._on_accepted()
    assert hours.current(ctx.store).holidays == frozenset({dt.date(2026, 12, 31)})
    assert [b for b in hours.current(ctx.store).blocks if b.weekday == 0][0].start == dt.time(9)


def test_an_unknown_caller_can_be_kept_as_an_application(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from desk.services.comms import leads

    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    view = space.calls
    type_text(view.phone, "+7 903 111-22-33")
    view.topic.setText("Спрашивали про лагерь")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ольга", True))
    view.new_lead_button.click()
    (lead,) = leads.listing(ctx.store)
    assert (lead.name, lead.phone, lead.source, lead.message) == (
        "Ольга", "+79031112233", "call", "Спрашивали про лагерь")


def test_on_a_call_ends_when_the_section_is_left_and_enter_opens_the_found_family(
        qtbot, ctx, actor):
    from PySide6.QtCore import Qt

    from desk.models.enums import PresenceState
    from desk.services.calls import presence

    fam, space = vera_and_calls(qtbot, ctx, actor)
    view = space.calls
    type_text(view.phone, "89123456789")
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.ON_CALL
    with qtbot.waitSignal(view.family_requested) as opened:
        qtbot.keyClick(view.phone, Qt.Key.Key_Return)
    assert opened.args == [fam]
    space.sections.setCurrentWidget(space.inbox)  # left the section with the number typed
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AVAILABLE
    space.sections.setCurrentWidget(space.calls)
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.ON_CALL
    view.phone.clear()
    assert presence.state_of(ctx.store, ctx.me.id) is PresenceState.AVAILABLE


def test_a_header_click_sorts_the_recent_calls_by_time_and_a_double_click_opens(
        qtbot, ctx, actor, clock):
    from PySide6.QtCore import QPoint, Qt

    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),)))
    for topic, at in (("февраль", dt.datetime(2026, 2, 10, 9, tzinfo=dt.timezone.utc)),
                      ("март", dt.datetime(2026, 3, 5, 9, tzinfo=dt.timezone.utc)),
                      ("январь", dt.datetime(2026, 1, 20, 9, tzinfo=dt.timezone.utc))):
        clock.now = at
        calls.log(ctx.store, actor, calls.CallDraft("+7 912 345-67-89", topic=topic))
    clock.now = dt.datetime(2026, 2, 28, 9, tzinfo=dt.timezone.utc)
    calls.log(ctx.store, actor, calls.CallDraft("+7 903 111-22-33", topic="чужой"))
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.calls)
    view = space.calls
    model = view.recent.model()

    def topics() -> list[str]:
        return [model.index(r, 4).data() for r in range(model.rowCount())]

    assert topics() == ["март", "чужой", "февраль", "январь"]  # newest first, as before
    header = view.recent.header()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # by the time, not the text ("05.03…" < "10.02…" < "20.01…" < "28.02…" would put март
    # first)
    assert topics() == ["январь", "февраль", "чужой", "март"]
    assert model.index(0, 0).data().startswith("20.01.2026")
    opened: list[int] = []
    view.family_requested.connect(opened.append)

    def double_click(row: int) -> None:  # a press, then the double click, as a mouse sends
        where = view.recent.visualRect(model.index(row, 1)).center()
        qtbot.mouseClick(view.recent.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(view.recent.viewport(), Qt.MouseButton.LeftButton, pos=where)

    double_click(2)  # no family: nothing opens
    assert opened == []
    double_click(0)
    assert opened == [fam]
