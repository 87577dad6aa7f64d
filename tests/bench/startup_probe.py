"""One cold start in a fresh interpreter; prints seconds from interpreter start to the first
paint of the main window, and to the Today view filled. Run by run.py, never by pytest."""

import os
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class OnPaint(QObject):
    """Calls ``then`` once, after the watched window's first paint."""

    def __init__(self, then):
        super().__init__()
        self.then = then
        self.seen = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.then)
        return False


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    probe = OnPaint(lambda: (print(f"paint {time.perf_counter() - T0:.4f}"), app.quit()))
    window.installEventFilter(probe)
    window.show()
    app.exec()


def desk(db: str, settings_dir: str) -> None:
    """The real start sequence of desk.app.run_gui, with the who-is-working choice remembered."""
    import argparse
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from desk import app as desk_app
    from desk.ui import i18n
    from desk.ui.shell import Shell

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    qapp = desk_app._application()
    settings = QSettings()
    i18n.install(qapp, "ru")
    shell = Shell()
    state: dict = {}
    args = argparse.Namespace(demo=False, db=Path(db))

    def filled(rows: int) -> None:
        if not state.get("filled"):
            state["filled"] = True
            print(f"today {time.perf_counter() - T0:.4f} rows={rows}")
            qapp.quit()

    def first_paint():
        print(f"paint {time.perf_counter() - T0:.4f}")
        from desk.ui import crash

        def on_window(window) -> None:  # Today is read on a worker: filled when its rows come
            home = window.pages[window.tabs.currentIndex()].get()  # the only tab built at start
            home.today.rows_loaded.connect(filled)

        from desk.ui.sign_in_dialog import SignInDialog

        # the person remembered on this PC signs in at once: the seconds a person takes to
        # type a PIN are not the program's
        SignInDialog.exec = lambda dialog: True
        state["start"] = desk_app.Start(args, shell, settings, crash.CrashReporter(None),
                                        on_window=on_window)
        state["start"].begin()

    probe = OnPaint(first_paint)
    shell.installEventFilter(probe)
    shell.show()
    qapp.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        desk(sys.argv[2], sys.argv[3])
