"""One cold start in a fresh interpreter; prints seconds to the first paint of the main window
(and, for the app, to the Today view filled). Run by run.py, never by pytest."""

import os
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, on_paint):
        super().__init__()
        self.on_paint = on_paint
        self.seen = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.on_paint)
        return False


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    probe = FirstPaint(lambda: (print(f"paint {time.perf_counter() - T0:.4f}"), app.quit()))
    window.installEventFilter(probe)
    window.show()
    app.exec()


def desk(db: str) -> None:
    from desk import app as desk_app
    from desk.services import migrate, studio

    app = desk_app._application()
    from desk.ui import i18n

    i18n.install(app, "ru")
    store = migrate.open_database(__import__("pathlib").Path(db), None)
    me = next(m for m in studio.staff(store) if m.role.value == "communicator")
    window = desk_app.build_window(store, me, on_error=print)

    def painted():
        rows = window.communicator.today.model.rowCount()
        print(f"paint {time.perf_counter() - T0:.4f}")
        print(f"today {time.perf_counter() - T0:.4f} rows={rows}")
        app.quit()

    probe = FirstPaint(painted)
    window.installEventFilter(probe)
    window.show()
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        desk(sys.argv[2])
