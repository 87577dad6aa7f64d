"""Refresh the Russian translation: lupdate over the UI sources, then lrelease to the .qm.

    python tools/i18n.py          update resources/i18n/desk_ru.ts and build desk_ru.qm
    python tools/i18n.py --check  exit 1 when a UI string has no Russian translation
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "desk_ru.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[str]:
    files = sorted((ROOT / "desk" / "ui").glob("*.py")) + [ROOT / "desk" / "app.py"]
    return [str(f) for f in files]


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        sys.exit(f"pyside6-{name} not found: install the project with pip first")
    return found


def lupdate(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(),
                    "-ts", str(ts)], check=True, capture_output=True)


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = [f.text for f in forms] if forms else [None if translation is None
                                                      else translation.text]
        unfinished = translation is not None and translation.get("type") == "unfinished"
        if unfinished or not all(texts):
            missing.append(source)
    return missing


def check() -> int:
    """Run lupdate on a copy: every string in the sources must already be translated."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy)
        missing = untranslated(copy)
    for text in missing:
        print(f"no Russian translation: {text!r}")
    return 1 if missing else 0


def main() -> int:
    if "--check" in sys.argv:
        return check()
    lupdate(TS)
    missing = untranslated(TS)
    subprocess.run([tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for text in missing:
        print(f"to translate: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
