from desk.services import schedule
from desk.ui.studio_dialog import StudioDialog


def test_add_a_teacher_a_room_and_change_a_direction(qtbot, ctx):
    dialog = StudioDialog(ctx)
    qtbot.addWidget(dialog)
    t = dialog.teachers
    t.new_button.click()
    t.name.setText("Ирина Глинина")
    t.phone.setText("12")
    t.save_button.click()
    assert not t.error.isHidden() and schedule.teachers(ctx.store) == []
    t.phone.setText("8 903 555 44 33")
    t.head.setChecked(True)
    t.save_button.click()
    (teacher,) = schedule.teachers(ctx.store)
    assert (teacher.phone, teacher.head) == ("+79035554433", True)
    dialog.rooms.name.setText("Гончарная")
    dialog.rooms.save_button.click()
    assert [r.name for r in schedule.rooms(ctx.store)] == ["Гончарная"]
    d = dialog.directions
    d.list.setCurrentRow([x.name for x in d.rows].index("Керамика"))
    d.capacity.setValue(10)
    d.price.setText("1 500")
    d.save_button.click()
    ceramics = next(x for x in schedule.directions(ctx.store) if x.name == "Керамика")
    assert (ceramics.capacity, ceramics.price) == (10, 150000)
