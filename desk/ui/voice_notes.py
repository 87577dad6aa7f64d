"""Voice notes beside a teacher's words: attach one (checked at once), listen to it in the
system's player, remove it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desk.services.feedback import requests
from desk.services.store import errors, files
from desk.ui.context import Context
from desk.ui.forms import FieldError, report


def play(ctx: Context, owner: QWidget, file_id: int) -> None:
    """A stored voice note opened in the system's player (a copy in the temp folder; the
    copies played before are removed when no player holds them)."""
    ctx.ops.query(owner, lambda: files.read(ctx.store, file_id), _open_in_player)


def _open_in_player(found: files.File | None) -> None:
    if found is None:
        return
    folder = Path(tempfile.gettempdir()) / "desk-playback"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():  # a copy a player still holds open (Windows) goes next time
        shutil.rmtree(old, ignore_errors=True)
    path = Path(tempfile.mkdtemp(dir=folder)) / Path(found.name).name
    path.write_bytes(found.data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AudioPicker(QWidget):
    """A voice note beside the words: which one (kept, or chosen and not saved yet), listen,
    attach another, remove. A bad file is said in ``error``.

    Signals:
        picked()
    """

    WRITES = ("attach_button", "remove_button")

    picked = Signal()

    def __init__(self, ctx: Context, error: FieldError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.error = ctx, error
        self.stored: tuple[int, str] | None = None  # (file id, name) kept in the database
        self.new: Path | None = None  # chosen, not saved yet
        self.drop = False
        self.label = QLabel()
        self.play_button = QPushButton(self.tr("Listen"))
        self.attach_button = QPushButton(self.tr("Attach a voice note…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.play_button)
        layout.addWidget(self.attach_button)
        layout.addWidget(self.remove_button)
        self.play_button.clicked.connect(self._on_play)
        self.attach_button.clicked.connect(self._on_attach)
        self.remove_button.clicked.connect(self._on_remove)
        self.reset(None, "", editable=False)

    def reset(self, file_id: int | None, name: str, *, editable: bool) -> None:
        """Show the kept voice note (or none), nothing chosen."""
        self.stored = (file_id, name) if file_id else None
        self.new, self.drop = None, False
        self.attach_button.setEnabled(editable)
        self.editable = editable
        self._show()

    def words(self, text: str, to_copywriter: bool = False) -> requests.Words:
        """What to record: ``text`` and this voice note."""
        return requests.Words(text, self.new, keep_audio=not self.drop,
                              to_copywriter=to_copywriter)

    def _show(self) -> None:
        if self.new is not None:
            text = self.tr("Voice note: {name} (not saved yet)").format(name=self.new.name)
        elif self.stored and not self.drop:
            text = self.tr("Voice note: {name}").format(name=self.stored[1])
        else:
            text = self.tr("No voice note")
        has = self.new is not None or bool(self.stored and not self.drop)
        self.label.setText(text)
        self.play_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.editable)

    @Slot()
    def _on_play(self) -> None:
        if self.new is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.new)))
        elif self.stored:
            play(self.ctx, self, self.stored[0])

    def choose_audio(self) -> Path | None:
        """Asks for a voice note file (replaced in tests)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach a voice note"), "",
            self.tr("Voice notes ({patterns})").format(
                patterns=" ".join("*" + t for t in requests.AUDIO_TYPES)))
        return Path(name) if name else None

    @Slot()
    def _on_attach(self) -> None:
        path = self.choose_audio()
        if path is None:
            return
        try:
            requests.check_audio(path)
        except errors.ValidationFailed as exc:
            report(self, self.error, exc)
            return
        self.error.show_message("")
        self.new, self.drop = path, False
        self._show()
        self.picked.emit()

    @Slot()
    def _on_remove(self) -> None:
        self.new, self.drop = None, True
        self._show()
