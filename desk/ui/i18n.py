"""Loading the shipped translation (Russian by default) and Qt's own for standard dialogs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desk import paths

LANGUAGES = {"ru": QLocale.Language.Russian, "en": QLocale.Language.English}

# Qt's own file dialog labels that its shipped qtbase_ru lacks (Qt 6 renamed them); our
# translation carries them, and Qt looks in it when its own has nothing
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
           QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def install(app: QApplication, language: str = "ru") -> list[QTranslator]:
    QLocale.setDefault(QLocale(LANGUAGES.get(language, QLocale.Language.Russian),
                               QLocale.Country.Russia if language == "ru"
                               else QLocale.Country.UnitedKingdom))
    if language != "ru":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(paths.resources_dir() / "i18n" / "desk_ru.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
