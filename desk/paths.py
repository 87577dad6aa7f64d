"""Where Desk keeps its files: the database, backups and logs (platformdirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "Desk"


def data_dir() -> Path:
    override = os.environ.get("DESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database(text: str) -> Path | str:
    """``--db`` and ``DESK_DB``: a SQLite file's path, or the studio's server URL as written
    (postgresql+psycopg://user@host/dbname)."""
    return text if "://" in text else Path(text)


def default_db(chosen: str = "") -> Path | str:
    """``DESK_DB``, else what this PC chose at its first start (the studio's server), else
    the file in the data folder."""
    override = os.environ.get("DESK_DB") or chosen
    return database(override) if override else data_dir() / "desk.db"


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a PyInstaller build (installer/desk.spec puts the resources there)
        return Path(bundle) / "desk" / "resources"
    try:
        from importlib.resources import files

        return Path(str(files("desk.resources")))
    except ModuleNotFoundError:  # running from a source tree that was not installed
        return Path(__file__).resolve().parent.parent / "resources"


SYNCED_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "yandex.disk",
                  "yandexdisk", "icloud", "nextcloud", "owncloud")


def shared_location_warning(path: Path) -> str | None:
    """Why ``path`` is a bad place for a SQLite file, or None when it looks local."""
    raw = str(path).replace("\\", "/")
    if raw.startswith("//"):  # a UNC path: \\server\share
        return "network"
    text = str(path.resolve()).replace("\\", "/").lower()
    if text.startswith("/mnt/smb") or text.startswith("/net/"):
        return "network"
    if any(f"/{name}" in text for name in SYNCED_FOLDERS):
        return "synced"
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            best = ("", "")
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and text.startswith(parts[1].lower()) and len(parts[1]) > len(best[0]):
                    best = (parts[1], parts[2])
            if best[1] in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs"}:
                return "network"
    except OSError:
        pass
    return None
