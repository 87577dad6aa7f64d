import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desk.services.crm import families
from desk.ui import messages
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.families_view import FamiliesView, FamilyListModel
from desk.ui.family_editor import FamilyEditor
from tests.ui.typing import type_text


def seed(store, actor):
    elkina = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 (912) 345-67-89"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2018, 1, 2)),)))
    demin = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демин Олег", "8 903 111 22 33"),),
        children=(ChildDraft("Демин Петя"),)))
    return elkina, demin


def test_search_as_you_type_and_enter_opens_the_card(qtbot, ctx, actor, qtmodeltester):
    elkina, _ = seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 2
    type_text(view.search, "елкин")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.row_at(0).parents == "Ёлкина Вера"
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.card.current.id == elkina
    assert "Ёлкина Вера" in view.card.title.text()
    assert "+7 912 345-67-89" in view.card.details.text()


def test_phone_digits_find_the_family(qtbot, ctx, actor):
    seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.search.setText("9123456")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.row_at(0).phones == "+7 912 345-67-89"


def test_ctrl_f_anywhere_focuses_the_family_search(qtbot, ctx, tmp_path):
    from desk import app
    from desk.ui.main_window import MainWindow

    window = app.build_window(ctx.store, ctx.me, on_error=print, runner=ctx.runner,
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(MainWindow.TAB_TASKS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == MainWindow.TAB_FAMILIES
    qtbot.waitUntil(lambda: window.families.search.hasFocus())


def test_bad_phone_shows_a_message_next_to_the_field_and_saves_nothing(qtbot, ctx):
    editor = FamilyEditor(ctx)
    qtbot.addWidget(editor)
    box = editor.guardian_boxes[0]
    box.name.setText("Ёлкина Вера")
    box.phone.setText("12-34")
    editor.child_rows[0].name.setText("Ёлкин Саша")
    editor._on_accepted()
    assert editor.result() == 0
    assert not box.errors["phone"].isHidden()
    assert box.errors["phone"].text() == messages.field_message("phone_invalid")
    assert box.errors["name"].isHidden()
    assert families.find(ctx.store, "") == []
    assert box.name.text() == "Ёлкина Вера"  # nothing the user typed is lost
    box.phone.setText("+7 912 345 67 89")
    editor._on_accepted()
    assert editor.saved_id is not None
    assert editor.result() == editor.DialogCode.Accepted
    assert [r.parents for r in families.find(ctx.store, "")] == ["Ёлкина Вера"]


def test_future_birth_date_is_marked_on_the_child(qtbot, ctx):
    editor = FamilyEditor(ctx)
    qtbot.addWidget(editor)
    editor.guardian_boxes[0].name.setText("Анна")
    row = editor.child_rows[0]
    row.name.setText("Петя")
    row.birth.set_value(dt.date(2030, 1, 1))
    editor._on_accepted()
    assert editor.saved_id is None
    assert not row.birth_error.isHidden()
    assert row.name_error.isHidden()


def test_taken_phone_offers_to_open_the_other_family(qtbot, ctx, actor):
    elkina, _ = seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    editor = FamilyEditor(ctx, parent=view)
    editor.open_family_requested.connect(view.open_family)
    box = editor.guardian_boxes[0]
    box.name.setText("Новая мама")
    box.phone.setText("89123456789")
    editor._on_accepted()
    assert editor.saved_id is None
    assert not box.open_other.isHidden()
    with qtbot.waitSignal(editor.open_family_requested) as sig:
        box.open_other.click()
    assert sig.args == [elkina]
    assert view.card.current.id == elkina


def test_add_a_note_with_enter(qtbot, ctx, actor):
    elkina, _ = seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)
    type_text(view.card.note, "Просили звонить вечером")
    qtbot.keyClick(view.card.note, Qt.Key.Key_Return)
    assert view.card.note.text() == ""
    assert view.card.timeline.topLevelItem(0).text(2) == "Просили звонить вечером"
    assert view.card.timeline.topLevelItem(0).text(3) == ctx.me.name
    assert view.card.history.topLevelItemCount() == 2


def test_editing_from_the_card_updates_it(qtbot, ctx, actor, monkeypatch):
    elkina, _ = seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)

    def fake_exec(editor):
        editor.legend.setPlainText("Любят глину")
        editor._on_accepted()
        return editor.result()

    monkeypatch.setattr(FamilyEditor, "exec", fake_exec)
    view.card.edit_button.click()
    assert "Любят глину" in view.card.details.text()
    assert view.card.history.topLevelItemCount() == 2


def test_results_load_page_by_page(qtbot, ctx, actor):
    from desk.demo import generator

    generator.generate(ctx.store, families=250, seed=3)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert len(view.model.ids) == 250
    assert view.model.rowCount() == 100
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == 200


def test_erase_from_the_card_after_confirmation(qtbot, ctx, actor, monkeypatch, tmp_path):
    import json

    from PySide6.QtWidgets import QMessageBox

    elkina, _ = seed(ctx.store, actor)
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)
    view.card.export_data_to(tmp_path / "f.json")
    assert json.loads((tmp_path / "f.json").read_text())["guardians"][0]["name"] == "Ёлкина Вера"
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    view.card.erase_action.trigger()
    assert view.card.current.draft.guardians[0].name == "Ёлкина Вера"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    view.card.erase_action.trigger()
    assert told == ["The family's personal data is erased."]
    assert view.card.current.erased
    assert not view.card.edit_button.isEnabled()
    assert [view.model.row_at(i).id for i in range(view.model.rowCount())] != [] and \
        elkina not in [view.model.row_at(i).id for i in range(view.model.rowCount())]


@pytest.mark.sqlite_only  # the backups are files
def test_erasing_names_the_backups_that_still_hold_the_family(qtbot, ctx, actor, monkeypatch,
                                                              data_dir):
    from PySide6.QtWidgets import QMessageBox

    from desk import paths
    from desk.services.store import backup

    elkina, _ = seed(ctx.store, actor)
    backup.daily_backup(ctx.store.path, paths.backups_dir(), dt.date(2026, 3, 1))
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    view.card.erase_action.trigger()
    assert "desk-2026-03-01.db still holds the family: it is deleted on 15 March 2026" in told[0]
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    view.card.export_data_to(data_dir / "missing" / "f.json")
    assert shown and "could not be written" in shown[0]


def test_a_child_who_leaves_is_archived_from_the_editor_and_brought_back_on_the_card(
        qtbot, ctx, actor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk.services.schedule import enrolment, lessons

    elkina, _ = seed(ctx.store, actor)
    sasha = families.card(ctx.store, elkina).draft.children[0].id
    ceramics = next(d for d in lessons.directions(ctx.store) if d.name == "Керамика")
    coming = lessons.save_lesson(ctx.store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 9, 14, tzinfo=dt.timezone.utc)))
    enrolment.enrol(ctx.store, actor, coming, elkina, [sasha])
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)
    assert not view.card.back_button.isVisible()
    editor = FamilyEditor(ctx, families.card(ctx.store, elkina).draft, parent=view)
    qtbot.addWidget(editor)
    editor.child_rows[0].remove.click()
    asked = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    editor._on_accepted()  # "No": nothing saved, the editor stays open
    assert editor.saved_id is None and "Керамика, 09.03.2026 17:00" in asked[0]
    assert lessons.lesson(ctx.store, coming).enrolled == 1
    editor._on_accepted()
    assert editor.saved_id == elkina and lessons.lesson(ctx.store, coming).enrolled == 0
    assert "Left: Ёлкин Саша" in view.card.details.text()
    assert view.card.back_button.isVisible()
    [action] = view.card.back_menu.actions()
    action.trigger()
    assert [c.name for c in families.card(ctx.store, elkina).draft.children] == ["Ёлкин Саша"]
    assert not view.card.back_button.isVisible()


def test_the_card_shows_the_familys_messages_in_every_channel(qtbot, ctx, actor):
    from desk.models.enums import InboxChannel
    from desk.services.comms import inbox

    elkina, _ = seed(ctx.store, actor)
    talk = inbox.log_incoming(ctx.store, actor, InboxChannel.WHATSAPP, "+7 912 345-67-89",
                              "Можно перенести на среду?")
    inbox.reply(ctx.store, actor, talk, inbox.ReplyDraft("Да, записали на среду"))
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.open_family(elkina)
    rows = [[view.card.conversations.topLevelItem(i).text(c) for c in range(4)]
            for i in range(view.card.conversations.topLevelItemCount())]
    assert [r[3] for r in rows] == ["Да, записали на среду", "Можно перенести на среду?"]
    assert rows[1][1] == "WhatsApp" and rows[1][2] == "client"


def test_a_header_click_sorts_every_match_not_only_the_page_shown(
        qtbot, ctx, actor, monkeypatch, qtmodeltester):
    from desk.ui import families_view

    seed(ctx.store, actor)
    for name in ("Яковлева Анна", "Абрамова Ия"):
        families.save(ctx.store, actor, FamilyDraft(guardians=(GuardianDraft(name),)))
    monkeypatch.setattr(families_view, "PAGE", 2)  # the first page holds two of the four
    view = FamiliesView(ctx)
    qtbot.addWidget(view)
    view.show()
    header = view.table.horizontalHeader()

    def shown():
        return [view.model.row_at(r).parents for r in range(view.model.rowCount())]

    header.setSortIndicator(FamilyListModel.COL_PARENTS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: shown()[:1] == ["Яковлева Анна"])
    assert shown() == ["Яковлева Анна", "Ёлкина Вера"]  # ё sorts as е, after Демин
    header.setSortIndicator(FamilyListModel.COL_PARENTS, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: shown()[:1] == ["Абрамова Ия"])
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert shown() == ["Абрамова Ия", "Демин Олег", "Ёлкина Вера", "Яковлева Анна"]
    qtmodeltester.check(view.model)
    type_text(view.search, "ов")  # a new search keeps the chosen order
    qtbot.waitUntil(lambda: shown() == ["Абрамова Ия", "Яковлева Анна"])
