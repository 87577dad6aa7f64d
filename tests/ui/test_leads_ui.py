
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desk.models.enums import LeadStatus, Role
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.ui.family_editor import FamilyEditor
from desk.ui.leads_view import FamilyPicker, LeadDialog
from desk.ui.workspaces import Workspace


def open_leads(qtbot, ctx):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.leads)
    return space.leads


def select(view, row: int) -> None:
    view.table.setCurrentIndex(view.table.model().index(row, 0))


def test_new_application_then_a_family_made_from_it(qtbot, ctx, monkeypatch):
    view = open_leads(qtbot, ctx)
    dialog = LeadDialog(ctx)
    qtbot.addWidget(dialog)
    dialog._on_accepted()
    assert not dialog.error.isHidden()  # no name, no contact
    dialog.name.setText("Анна Петрова")
    dialog.phone.setText("8 912 000 11 22")
    dialog.child.setText("Петров Миша")
    dialog._on_accepted()
    assert view.table.model().rowCount() == 1
    select(view, 0)

    def save(editor):
        assert editor.guardian_boxes[0].name.text() == "Анна Петрова"
        editor._on_accepted()
        return editor.result()

    monkeypatch.setattr(FamilyEditor, "exec", save)
    view.make_family.click()
    row = leads.get(ctx.store, dialog.saved_id)
    assert row.family_id is not None and row.status is LeadStatus.CONTACTED
    assert families.card(ctx.store, row.family_id).draft.children[0].name == "Петров Миша"


def test_the_family_made_from_a_lead_is_saved_and_linked_in_one_transaction(
        qtbot, ctx, actor, monkeypatch, qtmodeltester):
    gone = leads.create(ctx.store, actor, leads.LeadDraft("Ольга Смирнова", "+79035550000",
                                                          child="Смирнова Лиза"))
    lead_id = leads.create(ctx.store, actor, leads.LeadDraft("Анна Петрова", "+79120001122",
                                                             child="Петров Миша"))
    view = open_leads(qtbot, ctx)
    commits: list = []
    stop = ctx.store.on_commit(commits.append)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))

    def save(editor):
        assert editor.child_rows[0].name.text() in ("Петров Миша", "Смирнова Лиза")
        editor._on_accepted()
        return editor.result()

    monkeypatch.setattr(FamilyEditor, "exec", save)
    assert view.table.model().index(0, 1).data() == "Анна Петрова"  # newest first
    select(view, 0)
    view.make_family.click()
    stop()
    row = leads.get(ctx.store, lead_id)
    assert row.family_id is not None and row.status is LeadStatus.CONTACTED
    assert families.card(ctx.store, row.family_id).draft.children[0].name == "Петров Миша"
    assert len(commits) == 1 and warned == []  # saved and linked in one go
    assert view.selected().id == lead_id and not view.make_family.isEnabled()

    real_link = leads.link_in

    def refuse(uow, lead_id, family_id):  # the link fails after the family was saved
        real_link(uow, lead_id, family_id)
        raise errors.NotFound(f"lead {lead_id} not found")

    monkeypatch.setattr(leads, "link_in", refuse)
    qtmodeltester.check(view.table.model())
    select(view, 1)
    view.make_family.click()
    assert warned == ["This record no longer exists."]
    assert leads.get(ctx.store, gone).family_id is None
    assert families.find(ctx.store, "Смирнова") == []  # no family left behind


def test_thinking_and_lost_from_the_list(qtbot, ctx, actor, monkeypatch):
    first = leads.create(ctx.store, actor, leads.LeadDraft("Анна", "+79120001122"))
    leads.create(ctx.store, actor, leads.LeadDraft("Ольга", "+79035550000"))
    view = open_leads(qtbot, ctx)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("дорого", True))
    assert view.table.model().index(0, 1).data() == "Ольга"  # newest first
    select(view, 0)
    view.lost.click()
    assert view.table.model().rowCount() == 1
    select(view, 0)
    monkeypatch.setattr("desk.ui.leads_view.QDialog.exec", lambda self: True)
    view.thinking.click()
    assert leads.get(ctx.store, first).status is LeadStatus.THINKING
    assert [t.origin.split(":")[0] for t in tasks.listing(ctx.store)] == ["lead_thinking"]


def test_link_to_an_existing_family_and_import(qtbot, ctx, actor, monkeypatch, tmp_path):
    fam = families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Анна Петрова", "+79120001122"),)))
    lead_id = leads.create(ctx.store, actor, leads.LeadDraft("Анна", "+79120001122"))
    view = open_leads(qtbot, ctx)
    select(view, 0)

    def choose(picker):
        assert picker.list.count() == 1
        picker._on_ok()
        return True

    monkeypatch.setattr(FamilyPicker, "exec", choose)
    view.link_family.click()
    assert leads.get(ctx.store, lead_id).family_id == fam
    path = tmp_path / "leads.csv"
    path.write_text("name;phone\nВера;+79031112233\n", encoding="utf-8")
    view.import_file(path)
    assert view.table.model().rowCount() == 2


def test_sources_are_offered_and_shown_in_words(qtbot, ctx):
    from desk.services.comms import leads
    from desk.ui.leads_view import LeadDialog

    dialog = LeadDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.source.currentText() == "website"  # words, not a code (Russian: «сайт»)
    dialog.name.setText("Ольга")
    dialog.phone.setText("+7 912 000-11-22")
    dialog.source.setCurrentText("phone call")
    dialog._on_accepted()
    assert leads.get(ctx.store, dialog.saved_id).source == "call"
    other = LeadDialog(ctx)
    qtbot.addWidget(other)
    other.name.setText("Вера")
    other.phone.setText("+7 912 000-11-33")
    other.source.setCurrentText("афиша в школе")
    other._on_accepted()
    assert leads.get(ctx.store, other.saved_id).source == "афиша в школе"


def test_a_header_click_sorts_the_applications_by_when_they_came(qtbot, ctx, actor, clock,
                                                                 qtmodeltester):
    import datetime as dt

    from PySide6.QtCore import QPoint, Qt

    for name, day in (("Вера", dt.datetime(2026, 2, 10, 9, tzinfo=dt.timezone.utc)),
                      ("Анна", dt.datetime(2026, 3, 5, 9, tzinfo=dt.timezone.utc)),
                      ("Ольга", dt.datetime(2026, 1, 20, 9, tzinfo=dt.timezone.utc))):
        clock.now = day
        leads.create(ctx.store, actor, leads.LeadDraft(name, "+7912000" + str(day.day).zfill(4)))
    view = open_leads(qtbot, ctx)
    model = view.table.model()

    def names() -> list[str]:
        return [model.index(r, 1).data() for r in range(model.rowCount())]

    assert names() == ["Анна", "Вера", "Ольга"]  # newest first, as before
    assert model.index(0, 0).data().startswith("05.03.2026")
    qtmodeltester.check(model)
    header = view.table.header()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # by the date, not the text ("05.03…" < "10.02…" < "20.01…" would be Анна, Вера, Ольга)
    assert names() == ["Ольга", "Вера", "Анна"]
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert names() == ["Анна", "Вера", "Ольга"]
    select(view, 1)
    assert view.selected().name == "Вера" and view.make_family.isEnabled()
