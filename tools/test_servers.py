"""Install the real servers the channel tests run on loopback: Debian's dovecot-imapd for IMAP
(SMTP and the Telegram Bot API are served from Python). Run once before the tests; a machine
without apt or root rights gets a note, and the IMAP tests say they were skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    if shutil.which("dovecot") or Path("/usr/sbin/dovecot").exists():
        return 0
    apt = shutil.which("apt-get")
    if apt is None:
        print("test servers: no apt-get here; install Dovecot's IMAP server by hand "
              "to run the IMAP tests", file=sys.stderr)
        return 0
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["update", "-qq"], ["install", "-y", "-qq", "dovecot-imapd"]):
        done = subprocess.run([*prefix, apt, *step], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"test servers: apt-get {step[0]} failed:\n{done.stderr[-2000:]}",
                  file=sys.stderr)
            return 0
    print("test servers: dovecot-imapd installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
