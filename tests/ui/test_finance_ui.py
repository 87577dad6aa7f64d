from openpyxl import load_workbook

from desk.models.enums import Role
from desk.services.tasks import tasks
from desk.ui.workspaces import Workspace
from tests.unit.money.test_finance import setup_money


def test_wallet_control_reminds_and_the_report_exports(qtbot, ctx, actor, tmp_path):
    fam, _ = setup_money(ctx.store, actor)
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.finance)
    view = space.finance
    assert view.control.topLevelItemCount() == 1
    view.control.topLevelItem(0).setSelected(True)
    view.remind_button.click()
    view.control.topLevelItem(0).setSelected(True)
    view.remind_button.click()  # pressed twice: still one reminder
    assert [t.family_id for t in tasks.listing(ctx.store)
            if t.origin.startswith("wallet_reminder")] == [fam]
    assert "already have an open reminder" in view.control_summary.text()
    view.since.setDate(view.since.date().addMonths(-1))
    view.show_report()
    assert view.table.topLevelItemCount() >= 3
    view.export_to(tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.active.max_row == view.table.topLevelItemCount() + 1
