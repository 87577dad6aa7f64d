import datetime as dt

from PySide6.QtWidgets import QMessageBox

from desk.models.enums import Mark, PaymentMethod, Role
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.schedule import enrolment, lessons
from desk.services.staff import studio
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.workspaces import Workspace

MSK = dt.timezone(dt.timedelta(hours=3))


def test_mark_attendance_and_see_the_balance_change_then_correct_it(qtbot, ctx, actor):
    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    child = families.card(ctx.store, fam).draft.children[0].id
    enrolment.enrol(ctx.store, actor, lesson, fam, [child])
    wallet.top_up(ctx.store, actor, fam, 500000, PaymentMethod.CASH)

    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.attendance)
    view = space.attendance
    assert view.lessons.topLevelItemCount() == 1
    assert view.roster.topLevelItem(0).text(0).startswith("Ёлкин Саша")
    view.roster.topLevelItem(0).setSelected(True)
    view.attended.click()
    assert wallet.balance(ctx.store, fam) == 380000
    assert view.lessons.topLevelItemCount() == 0  # nothing left to check
    assert view.roster.topLevelItem(0).text(1) == "came"  # the roster stays on screen
    view.roster.topLevelItem(0).setSelected(True)
    view.cancelled.click()  # a correction: the client had cancelled
    assert wallet.balance(ctx.store, fam) == 500000
    kinds = [line.kind.value for line in wallet.view(ctx.store, fam).lines]
    assert kinds[:2] == ["correction", "debit"]


def test_stage_shows_on_the_card_and_filters_families(qtbot, ctx, actor):
    from desk.ui.families_view import FamiliesView

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    families.save(ctx.store, actor, FamilyDraft(guardians=(GuardianDraft("Демина Ольга"),)))
    child = families.card(ctx.store, fam).draft.children[0].id
    from desk.services.schedule import attendance

    for week in range(3):
        lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
            ceramics.id, dt.datetime(2026, 2, 2 + 7 * week, 17, tzinfo=MSK)))
        (e,) = enrolment.enrol(ctx.store, actor, lesson, fam, [child])
        attendance.mark(ctx.store, actor, e, Mark.ATTENDED)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 2
    view.stage.setCurrentIndex(view.stage.findData("2–7"))
    assert [view.model.row_at(i).id for i in range(view.model.rowCount())] == [fam]
    view.open_family(fam)
    assert "stage: 2–7 lessons" in view.card.details.text()


def test_charging_for_absences_applies_from_the_day_it_is_switched_on(
        qtbot, ctx, actor, tmp_path, monkeypatch):
    from desk.services.schedule import attendance
    from desk.ui.main_window import MainWindow

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    child = families.card(ctx.store, fam).draft.children[0].id
    marks = {}
    for day in (3, 4):  # yesterday and this morning (the clock stands at noon on the 4th)
        lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
            ceramics.id, dt.datetime(2026, 3, day, 10, tzinfo=MSK), price=120000))
        (marks[day],) = enrolment.enrol(ctx.store, actor, lesson, fam, [child])
        attendance.mark(ctx.store, actor, marks[day], Mark.ABSENT)
    assert wallet.balance(ctx.store, fam) == 0
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    asked = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    window.absent_action.trigger()  # "No": nothing changes
    assert not window.absent_action.isChecked() and not studio.info(ctx.store).absent_charged
    window.absent_action.trigger()
    assert "From 4 March 2026 on" in asked[-1] and window.absent_action.isChecked()
    to_check = [c.lesson.id for c in attendance.to_check(ctx.store)]
    today = attendance.check(ctx.store, to_check[0])
    assert len(to_check) == 1 and today.roster[0].enrolment_id == marks[4]
    assert today.roster[0].expected == 120000  # only today's absence asks for the charge
    attendance.mark(ctx.store, actor, marks[4], Mark.ABSENT)
    attendance.mark(ctx.store, actor, marks[3], Mark.ABSENT)
    assert wallet.balance(ctx.store, fam) == -120000



def keyboard_on_the_roster(qtbot, space):
    """The workspace shown and active, on Attendance, the roster's first child selected and
    focused: keys go where a person's would."""
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.attendance)
    view = space.attendance
    space.activateWindow()
    qtbot.waitUntil(space.isActiveWindow)
    view.roster.setCurrentItem(view.roster.topLevelItem(0))
    view.roster.setFocus()
    return view

def test_f5_and_f6_move_down_the_roster_so_it_is_marked_from_the_keyboard(qtbot, ctx, actor):
    from PySide6.QtCore import Qt

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    for parent, child in (("Ёлкина Вера", "Ёлкин Саша"), ("Демина Ольга", "Демин Петя"),
                          ("Петрова Анна", "Петров Ваня")):
        fam = families.save(ctx.store, actor, FamilyDraft(
            guardians=(GuardianDraft(parent),), children=(ChildDraft(child),)))
        enrolment.enrol(ctx.store, actor, lesson, fam,
                        [families.card(ctx.store, fam).draft.children[0].id])
    view = keyboard_on_the_roster(qtbot, Workspace(ctx, Role.SYSTEM))
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F5):
        qtbot.keyClick(view.roster, key)
    marks = [view.roster.topLevelItem(i).text(1) for i in range(3)]
    assert marks == ["came", "did not come", "came"]  # names sorted: Демин, Ёлкин, Петров


def test_on_a_read_only_desk_f5_and_f6_mark_nothing(qtbot, ctx, actor, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QShortcut

    from desk.services.store.db import Store
    from desk.ui.context import Context, Notifier
    from desk.ui.main_window import hide_writes
    from desk.ui.runner import SyncRunner

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    enrolment.enrol(ctx.store, actor, lesson, fam,
                    [families.card(ctx.store, fam).draft.children[0].id])
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))

    def fail(exc):
        raise exc

    ro = Store(ctx.store.engine, read_only=True, clock=ctx.store.clock)
    space = Workspace(Context(store=ro, me=ctx.me, studio=ctx.studio, runner=SyncRunner(fail),
                              notifier=Notifier()), Role.SYSTEM)
    hide_writes(space)
    view = keyboard_on_the_roster(qtbot, space)
    assert view.attended.isEnabled() and view.attended.isHidden()  # a child is selected
    fired = []
    for shortcut in view.findChildren(QShortcut):
        shortcut.activated.connect(lambda: fired.append(1))
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F6):
        qtbot.keyClick(view.roster, key)
    assert len(fired) == 2  # the keys did reach the view
    assert warnings == []  # the keys never reached the save that would refuse
    assert view.roster.topLevelItem(0).text(1) == "not marked"


def test_marking_came_refreshes_the_open_card_journal_and_today_by_itself(qtbot, ctx, actor):
    """The views learn what changed from the write itself, not from the widget that wrote."""
    from desk.services.money import amounts
    from desk.services.schedule import attendance
    from desk.ui.audit_view import AuditView
    from desk.ui.family_card import FamilyCardView

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    child = families.card(ctx.store, fam).draft.children[0].id
    for week in range(7):  # seven lessons behind: the eighth opens the second feedback
        lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
            ceramics.id, dt.datetime(2026, 1, 6, 17, tzinfo=MSK) + dt.timedelta(weeks=week)))
        (e,) = enrolment.enrol(ctx.store, actor, lesson, fam, [child])
        attendance.mark(ctx.store, actor, e, Mark.ATTENDED)
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    enrolment.enrol(ctx.store, actor, lesson, fam, [child])
    wallet.top_up(ctx.store, actor, fam, 500000, PaymentMethod.CASH)

    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show()
    card.show_family(fam)
    card.tabs.setCurrentWidget(card.wallet)
    journal = AuditView(ctx)
    qtbot.addWidget(journal)
    journal.show()
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    before = wallet.balance(ctx.store, fam)
    assert card.wallet.balance.text() == f"Balance: {amounts.format_rub(before)}"
    ledger_rows = card.wallet.ledger.model().rowCount()
    journal_rows = journal.tree.model().rowCount()

    def feedback_due():
        space.feedback.freshness.invalidate()
        return [(r.child, r.stage) for r in space.feedback.rows]

    assert ("Ёлкин Саша", 8) not in feedback_due()

    space.sections.setCurrentWidget(space.attendance)
    roster = space.attendance.roster
    roster.topLevelItem(0).setSelected(True)
    space.attendance.attended.click()

    assert wallet.balance(ctx.store, fam) == before - 120000
    assert card.wallet.balance.text() == f"Balance: {amounts.format_rub(before - 120000)}"
    assert card.wallet.ledger.model().rowCount() == ledger_rows + 1
    assert journal.tree.model().rowCount() > journal_rows
    space.sections.setCurrentWidget(space.feedback)
    assert ("Ёлкин Саша", 8) in feedback_due()  # the second feedback's case is open


def test_marking_three_children_is_all_or_nothing(qtbot, ctx, actor, monkeypatch):
    from desk.services.schedule import attendance
    from desk.services.store import errors

    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    lesson = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 17, tzinfo=MSK), price=120000))
    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкина Маша"), ChildDraft("Ёлкин Петя"))))
    enrolment.enrol(ctx.store, actor, lesson, fam,
                    [c.id for c in families.card(ctx.store, fam).draft.children])
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.attendance)
    view = space.attendance
    real, calls = attendance.mark_in, []

    def third_fails(uow, enrolment_id, new):
        calls.append(enrolment_id)
        if len(calls) == 3:
            raise errors.LessonCancelled("the lesson was cancelled meanwhile")
        real(uow, enrolment_id, new)

    monkeypatch.setattr(attendance, "mark_in", third_fails)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    for i in range(3):
        view.roster.topLevelItem(i).setSelected(True)
    view.attended.click()
    assert len(calls) == 3 and len(warnings) == 1
    assert wallet.balance(ctx.store, fam) == 0  # the first two were not debited either
    assert [m for _id, m in _marks(ctx.store, lesson)] == [Mark.NONE] * 3
    assert all(view.roster.topLevelItem(i).text(1) == "not marked" for i in range(3))


def _marks(store, lesson_id):
    from desk.services.schedule import attendance

    return [(line.enrolment_id, line.mark) for line in attendance.check(store, lesson_id).roster]


def test_a_widget_reading_the_store_on_the_gui_thread_fails(qtbot, ctx):
    """A regression that reads the database from a widget is caught by the suite."""
    import pytest

    from desk.ui import ops

    def widget_code():
        return families.find(ctx.store, "Ёлкина")

    direct = type(widget_code)(widget_code.__code__, {**widget_code.__globals__,
                                                      "__name__": "desk.ui.some_view"},
                               closure=widget_code.__closure__)
    with pytest.raises(ops.StoreOnUiThread, match="desk.ui.some_view"):
        direct()
    from PySide6.QtWidgets import QWidget

    owner, found = QWidget(), []
    qtbot.addWidget(owner)
    ctx.ops.query(owner, direct, found.append)  # through an operation it is fine
    assert found == [[]]
