"""One typed registry for what Desk keeps on this PC (Picard's options idea, in our words).

- Preferences are ``Option``s declared here with their type and default; ``Settings.get`` and
  ``Settings.set`` read and write them, and ``changed(key)`` tells whoever shows them.
- UI state (window geometry, splitters, column widths) is kept per person and per Qt version
  (a state saved by another Qt may not fit): ``remember_layout`` restores a window's state and
  saves it when the window closes.

Secrets never come here: they live in the OS keyring (``desk.services.store.credentials``).
"""

from __future__ import annotations

import dataclasses
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Signal, qVersion
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def read(self, raw: object) -> T:
        if raw is None:
            return self.default
        kind = type(self.default)
        if kind is bool:  # QSettings' INI files give "true"/"false" back as text
            return (raw if isinstance(raw, bool) else str(raw).lower() == "true")  # type: ignore
        try:
            return kind(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return self.default


LANGUAGE = Option("language", "ru")
DATABASE = Option("database", "")  # the studio's server chosen at the first start (no password)


class Settings(QObject):
    """Signals:
        changed(str): an option's key after its value changed.
    """

    changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store or QSettings()

    def get(self, option: Option[T]) -> T:
        return option.read(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        if self.get(option) == value:
            return
        self._store.setValue(option.key, value)
        self.changed.emit(option.key)

    # UI state
    def state_key(self, person: int | None, name: str) -> str:
        return f"layout/qt{qVersion()}/{person if person is not None else 'anyone'}/{name}"

    def load_state(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_state(self, key: str, value: QByteArray) -> None:
        self._store.setValue(key, value)

    def sync(self) -> None:
        self._store.sync()


def _parts(window: QWidget) -> list[tuple[str, QWidget]]:
    """The splitters and table headers under ``window``, each with a name that stays the same
    from one start to the next (its place among the window's widgets)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QSplitter, QHeaderView)):
            continue
        if isinstance(widget, QHeaderView) and widget.orientation().name != "Horizontal":
            continue
        path, w = [], widget
        while w is not None and w is not window:
            parent = w.parentWidget()
            siblings = [c for c in (parent.findChildren(type(w), options=_direct())
                                    if parent else []) if c.parentWidget() is parent]
            path.append(f"{type(w).__name__}{siblings.index(w) if w in siblings else 0}")
            w = parent
        found.append(("/".join(reversed(path)), widget))
    return found


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


class _Layout(QObject):
    def __init__(self, window: QWidget, settings: Settings, person: int | None,
                 name: str) -> None:
        super().__init__(window)
        self.window, self.settings, self.person, self.name = window, settings, person, name
        window.installEventFilter(self)

    def key(self, part: str) -> str:
        return self.settings.state_key(self.person, f"{self.name}/{part}")

    def restore(self) -> None:
        geometry = self.settings.load_state(self.key("geometry"))
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        if isinstance(self.window, QMainWindow):
            state = self.settings.load_state(self.key("state"))
            if state is not None:
                self.window.restoreState(state)
        for part, widget in _parts(self.window):
            state = self.settings.load_state(self.key(part))
            if state is not None:
                widget.restoreState(state)

    def restore_under(self, root: QWidget) -> None:
        for part, widget in _parts(self.window):
            if root is widget or root.isAncestorOf(widget):
                state = self.settings.load_state(self.key(part))
                if state is not None:
                    widget.restoreState(state)

    def save(self) -> None:
        self.settings.save_state(self.key("geometry"), self.window.saveGeometry())
        if isinstance(self.window, QMainWindow):
            self.settings.save_state(self.key("state"), self.window.saveState())
        for part, widget in _parts(self.window):
            self.settings.save_state(self.key(part), widget.saveState())
        self.settings.sync()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return False


def remember_layout(window: QWidget, settings: Settings, person: int | None,
                    name: str) -> _Layout:
    """Restore ``window``'s size, splitters and column widths as ``person`` left them, and
    keep them when the window closes. A part built later (a tab's view shown for the first
    time) is restored with ``restore_under(part)``."""
    layout = _Layout(window, settings, person, name)
    layout.restore()
    return layout
