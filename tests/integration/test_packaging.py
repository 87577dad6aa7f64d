"""The wheel holds every package and resource of the source tree (packages are found, not
listed, so a new subpackage cannot pass the editable install and go missing from a wheel)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_every_package_and_resource(tmp_path):
    source = tmp_path / "src"  # a copy, so the build leaves no files in the working tree
    anywhere = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__")

    def ignore(folder, names):  # the top's tests and docs, not desk/services/docs
        top = {"tests", "docs"} if Path(folder) == ROOT else set()
        return set(anywhere(folder, names)) | (top & set(names))

    shutil.copytree(ROOT, source, ignore=ignore)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(tmp_path / "dist"), str(source)], check=True)
    (wheel,) = (tmp_path / "dist").glob("desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    packages = {p.parent.relative_to(ROOT).as_posix()
                for p in (ROOT / "desk").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert len(packages) > 10
    assert sorted(f"{pkg}/__init__.py" for pkg in packages
                  if f"{pkg}/__init__.py" not in names) == []
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "desk").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert sorted(modules - names) == []
    resources = {"desk/resources/i18n/desk_ru.qm", "desk/resources/__init__.py",
                 "desk/resources/fonts/DejaVuSans.ttf", "desk/resources/fonts/DejaVuSans-Bold.ttf",
                 "desk/resources/fonts/LICENSE-DejaVu.txt", "desk/migrations/script.py.mako"}
    assert sorted(resources - names) == []
    assert any(n.startswith("desk/migrations/versions/0001_") for n in names)
