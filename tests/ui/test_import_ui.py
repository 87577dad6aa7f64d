from desk.services.crm import families
from desk.ui.import_dialog import ImportDialog
from desk.ui.main_window import MainWindow

GOOD = "Родитель;Телефон;Ребёнок\nЁлкина Вера;8 912 345 67 89;Саша\nДемин Олег;+79031112233;Петя\n"
BAD = GOOD + "Ольга;123;Маша\n"


def test_import_shows_a_preview_and_errors_before_committing(qtbot, ctx, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(BAD, encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    assert dialog.rows.topLevelItemCount() == 2
    assert dialog.errors.topLevelItemCount() == 1
    assert dialog.errors.topLevelItem(0).text(0) == "4"
    assert not dialog.import_button.isEnabled()
    assert families.find(ctx.store, "") == []
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_import_commits_and_views_refresh(qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    path = tmp_path / "f.csv"
    path.write_text(GOOD, encoding="utf-8")
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.TAB_FAMILIES)
    dialog = ImportDialog(ctx, window)
    dialog.check_file(path)
    dialog.import_button.click()
    assert dialog.result_.families == 2
    assert window.families.model.rowCount() == 2


def test_cancel_during_import_writes_nothing(qtbot, ctx, tmp_path):
    rows = "\n".join(f"Родитель {i};+7912{i:07d};Ребёнок {i}" for i in range(5000))
    path = tmp_path / "big.csv"
    path.write_text("parent;phone;child\n" + rows, encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    assert dialog.plan.new_families == 5000
    original = ctx.runner.start

    def cancelling_start(fn, on_done=None, on_error=None, *, write=False, setup=None):
        def wrapped(progress):
            progress.cancel()
            return fn(progress)
        return original(wrapped, on_done, on_error, write=write, setup=setup)

    ctx.runner.start = cancelling_start
    dialog.import_button.click()
    assert families.find(ctx.store, "") == []
    assert "nothing was imported" in dialog.summary.text()


def test_export_from_the_window(qtbot, ctx, tmp_path, actor):
    families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Анна"),), children=(families.ChildDraft("Петя"),)))
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.export_to(tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("Анна,,,,Петя")


def test_a_phone_of_another_family_is_decided_row_by_row(qtbot, ctx, actor, tmp_path,
                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    elkina = families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Елена", phone="+7 915 039-20-07"),),
        children=(families.ChildDraft("Ёлкин Ваня"),)))
    path = tmp_path / "f.csv"
    path.write_text("Родитель;Телефон;Ребёнок\nМорозова Ирина;+7 915 039-20-07;Морозов Петя\n"
                    "Демин Олег;+79031112233;Демин Петя\n", encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    assert dialog.tabs.isTabVisible(2) and dialog.tabs.currentIndex() == 2
    row = dialog.conflicts.topLevelItem(0)
    assert row.text(1) == "Морозова Ирина" and "Ёлкина Елена" in row.text(4)
    assert not dialog.import_button.isEnabled()  # undecided
    choice = dialog.conflict_choices[2]
    choice.setCurrentIndex(choice.findData("skip"))
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.result_.families == 1 and dialog.result_.skipped == 1
    assert [c.name for c in families.card(ctx.store, elkina).draft.children] == ["Ёлкин Ваня"]


def test_row_errors_and_a_damaged_file_are_told_in_words(qtbot, ctx, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("parent,phone,child,notes\nОльга,123,Маша,\nВера,,Саша," + "x" * 10_001
                    + "\n", encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    texts = [dialog.errors.topLevelItem(i).text(1) for i in range(2)]
    assert texts == ["Not a valid phone: 123", "The column \"Notes\" is over 10 000 characters."]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    dialog.check_file(broken)
    assert dialog.summary.text() == ("The file is damaged or is not an Excel workbook: "
                                     "nothing was imported.")
    assert dialog.plan is None and not dialog.import_button.isEnabled()


def test_an_export_to_a_folder_that_cannot_be_written_says_so(qtbot, ctx, actor, tmp_path,
                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.export_to(tmp_path / "no-such-folder" / "families.xlsx")
    window.export_to(tmp_path / "families.txt")
    assert shown == [
        "The file could not be written there (the folder is missing or read-only, or the disk "
        "is full). Choose another folder.",
        "This type of file cannot be written here: choose one of the types offered."]
    assert not list(tmp_path.glob("**/*.partial"))
