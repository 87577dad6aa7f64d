"""A real IMAP server on loopback for the tests: Debian's Dovecot (dovecot-imapd), started
in a temporary folder with one mailbox user and stopped afterwards."""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.servers import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "desk@studio.test", "mail-secret"


def available() -> bool:
    return Path(DOVECOT).exists()


class Dovecot:
    def __init__(self) -> None:
        # Dovecot's own accounts must reach the folder, so not under pytest's private tmp
        folder = self.folder = Path(tempfile.mkdtemp(prefix="desk-imap-"))
        folder.chmod(0o755)
        self.port = free_port()
        if os.geteuid() == 0:  # Dovecot will not serve mail as root: use its own accounts
            mail = pwd.getpwnam("dovecot")
            login, internal = "dovenull", "dovecot"
        else:
            mail = pwd.getpwuid(os.geteuid())
            login = internal = mail.pw_name
        self.uid, self.gid = mail.pw_uid, mail.pw_gid
        self.conf = folder / "dovecot.conf"
        (folder / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        for sub in ("run", "state", "mail"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        os.chown(folder / "mail", self.uid, self.gid)
        self.conf.write_text(f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# a wrong password is answered at once (default: 2 s, then growing per IP): the tests check
# that it is refused, not how slowly
auth_failure_delay = 0
default_login_user = {login}
default_internal_user = {internal}
first_valid_uid = {self.uid}
mail_location = maildir:{folder}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = static
  args = uid={self.uid} gid={self.gid} home={folder}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
  # no penalty for this IP after a failure either (+2 s, 4 s, ... on each next login)
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
}}
""")

    def __enter__(self) -> Dovecot:
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.conf)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("dovecot did not start: " + self.log()
                           + self.process.stderr.read().decode(errors="replace"))

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def empty(self) -> None:
        """Delete every message of the user's INBOX: each test starts with an empty box."""
        box = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        box.login(USER, PASSWORD)
        _, (count,) = box.select("INBOX")
        if int(count):
            box.store("1:*", "+FLAGS", "\\Deleted")
            box.expunge()
        box.logout()

    def deliver(self, raw: bytes) -> None:
        """Put a message into the user's INBOX, as a mail server would."""
        box = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        box.login(USER, PASSWORD)
        box.append("INBOX", None, None, raw)
        box.logout()
