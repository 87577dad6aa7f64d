"""A throwaway PostgreSQL server for the tests, on 127.0.0.1 in a temporary folder: UTF-8 with
the C.UTF-8 collation, no fsync (the tests' data need not survive a power cut), trust for local
connections for the superuser (any other role gives its password). Root may not run ``initdb`` or ``postgres``: as root the server runs as the
``postgres`` user. ``Server.find()`` says why there is none on a machine without the binaries.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "desk"  # the server's superuser in the tests


def _bin_dir() -> Path | None:
    """Debian keeps the server binaries out of PATH (/usr/lib/postgresql/<version>/bin)."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Unavailable(Exception):
    """No server can be started here; the message says why."""


class Server:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="desk-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no postgres user") from None
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]

    @classmethod
    def find(cls) -> Server:
        bin_dir = _bin_dir()
        if bin_dir is None or not (bin_dir / "initdb").exists():
            raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
        return cls(bin_dir)

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.run_as, *args], capture_output=True, text=True,
                              cwd=self.folder)
        if done.returncode != 0:
            raise Unavailable(f"{Path(args[0]).name} failed: {done.stderr.strip()[-1500:]}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        # the tests' superuser needs no password; every other role gives one (scram)
        (self.data / "pg_hba.conf").write_text(
            f"local all all trust\nhost all {USER} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.folder / "server.log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.data),
                            "-m", "immediate", "-w", "stop"], capture_output=True,
                           cwd=self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, user: str = USER) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"
