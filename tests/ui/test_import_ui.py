from desk.services import families
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
