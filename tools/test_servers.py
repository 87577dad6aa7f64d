"""Install the real servers the tests run on loopback: Debian's dovecot-imapd for IMAP and
postgresql for the store's PostgreSQL run (SMTP and the Telegram Bot API are served from
Python; the tests start and stop each server themselves). Run once before the tests; a machine
without apt or root rights gets a note, and the tests that need a missing server say they were
skipped."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGES = {
    "dovecot-imapd": lambda: bool(shutil.which("dovecot") or Path("/usr/sbin/dovecot").exists()),
    "postgresql": lambda: bool(shutil.which("pg_ctl")
                               or glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")),
}


def main() -> int:
    missing = [name for name, present in PACKAGES.items() if not present()]
    if not missing:
        return 0
    apt = shutil.which("apt-get")
    if apt is None:
        print(f"test servers: no apt-get here; install {', '.join(missing)} by hand to run "
              "the tests that need them", file=sys.stderr)
        return 0
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends",
                                     *missing]):
        done = subprocess.run([*prefix, apt, *step], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"test servers: apt-get {step[0]} failed:\n{done.stderr[-2000:]}",
                  file=sys.stderr)
            return 0
    print(f"test servers: {', '.join(missing)} installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
