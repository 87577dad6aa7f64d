import datetime as dt

from desk.models.comms import LapseReason
from desk.models.schedule import Mark
from desk.models.studio import Role
from desk.services import lapsed
from desk.ui.lapsed_view import LapseCallDialog
from desk.ui.workspaces import Workspace
from tests.unit.test_lapsed import MSK, visit


def test_call_a_no_show_and_see_the_reason_counted(qtbot, ctx, actor, monkeypatch):
    from desk.services import families
    from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft

    fam = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    visit(ctx.store, actor, fam, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), Mark.ABSENT)
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.lapsed)
    view = space.lapsed
    assert view.no_shows.topLevelItemCount() == 1
    view.no_shows.setCurrentItem(view.no_shows.topLevelItem(0))

    def answer(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData(LapseReason.HEALTH))
        dialog.note.setText("простыл")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(LapseCallDialog, "exec", answer)
    view.call_button.click()
    assert view.no_shows.topLevelItemCount() == 0
    assert view.months.topLevelItem(0).text(1) == "illness: 1"
    view.weeks.setValue(2)
    view._on_weeks_changed()
    assert lapsed.weeks(ctx.store) == 2
