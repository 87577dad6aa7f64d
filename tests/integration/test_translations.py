import filecmp
import subprocess
import sys
from pathlib import Path

from desk import app
from desk.models.enums import Role
from desk.ui.runner import SyncRunner

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "i18n.py"


def test_every_ui_string_has_a_russian_translation():
    result = subprocess.run([sys.executable, str(TOOLS), "--check"], capture_output=True,
                            text=True, env={"PATH": str(Path(sys.executable).parent)})
    assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_qm_is_built_from_the_ts(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    ts = ROOT / "resources" / "i18n" / "desk_ru.ts"
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "ru.qm")], check=True,
                   capture_output=True)
    assert filecmp.cmp(tmp_path / "ru.qm", ts.with_suffix(".qm"), shallow=False)


def test_main_window_speaks_russian_with_russian_plurals(qtbot, russian, store, staff, tmp_path,
                                                         actor):
    from desk.services.crm import families

    for name in ("Анна", "Вера", "Ольга"):
        families.save(store, actor, families.FamilyDraft(guardians=(families.GuardianDraft(name),)))

    def fail(exc):
        raise exc

    window = app.build_window(store, staff[Role.SYSTEM], on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.TAB_FAMILIES)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Человек-Система", "Коммуникатор", "Расписание", "Семьи", "Задачи", "Отзывы",
                    "Показатели", "Журнал"]
    assert window.families.count.text() == "Найдено 3 семьи"
    assert window.families.model.headerData(0, app_orientation()) == "Родители"
    assert window.system.heading.text() == "Сегодня, 4 марта 2026 — Человек-Система"


def app_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_qts_own_file_dialog_speaks_russian(qtbot, russian):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Импорт", "", "Таблицы (*.csv *.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and not [t for t in labels if t.isascii()], labels
