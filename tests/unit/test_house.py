"""The house rules, checked on the source: layers, the order of the service packages (which
also rules out cycles), no private names across packages, no Qt below the UI, no SQLAlchemy in
it. Function-level imports count as much as those at the top."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import desk
import desk.services

DESK = Path(desk.__file__).resolve().parent
LAYERS = desk.services.LAYERS


def _modules(folder: str) -> list[Path]:
    return sorted((DESK / folder).rglob("*.py"))


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The file's syntax tree, parsed once per run: every rule here reads the same files."""
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def _imports(path: Path) -> tuple[tuple[str, list[str], int], ...]:
    """(module, names, line) for every import in the file."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names], node.lineno))
    return tuple(found)


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(DESK.parent)}:{line}"


def _package_of(path: Path) -> str | None:
    parts = path.relative_to(DESK / "services").parts
    return parts[0] if len(parts) > 1 else None


def test_models_import_neither_qt_nor_services_and_enums_not_even_sqlalchemy():
    bad = []
    for path in _modules("models"):
        for module, _names, line in _imports(path):
            if module.startswith(("PySide6", "desk.services", "desk.ui")):
                bad.append(f"{_where(path, line)} imports {module}")
            if path.name in ("enums.py", "__init__.py") and module.startswith("sqlalchemy"):
                bad.append(f"{_where(path, line)} imports {module}")
    assert bad == []


@pytest.mark.parametrize("folder", ["services", "demo", "migrations"])
def test_no_qt_below_the_ui(folder):
    bad = [f"{_where(p, line)} imports {m}" for p in _modules(folder)
           for m, _n, line in _imports(p) if m.startswith(("PySide6", "desk.ui"))]
    assert bad == []


def test_the_ui_never_imports_sqlalchemy_nor_a_model_module():
    bad = []
    for path in _modules("ui"):
        for module, names, line in _imports(path):
            if module.startswith("sqlalchemy"):
                bad.append(f"{_where(path, line)} imports {module}")
            if module.startswith("desk.models") and module != "desk.models.enums":
                bad.append(f"{_where(path, line)} imports {module} (enums come from "
                           "desk.models.enums)")
            if module == "desk.models" and names != ["enums"]:
                bad.append(f"{_where(path, line)} imports {names} from desk.models")
    assert bad == []


def test_every_service_module_sits_in_a_package_of_the_layer_list():
    loose = [p.name for p in (DESK / "services").glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    packages = sorted(p.name for p in (DESK / "services").iterdir()
                      if (p / "__init__.py").exists())
    assert packages == sorted(LAYERS)


def test_service_packages_import_only_the_packages_before_them():
    bad = []
    for path in _modules("services"):
        here = _package_of(path)
        if here is None:
            continue
        for module, _names, line in _imports(path):
            if module.startswith("desk.demo"):
                bad.append(f"{_where(path, line)} imports the demo generator")
            if not module.startswith("desk.services."):
                continue
            there = module.split(".")[2]
            if LAYERS.index(there) > LAYERS.index(here):
                bad.append(f"{_where(path, line)}: {here} imports {there}, which comes after it")
    assert bad == []


def _faces() -> dict[str, set[str]]:
    faces = {}
    for package in LAYERS:
        tree = ast.parse((DESK / "services" / package / "__init__.py").read_text("utf-8"))
        (names,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                    and node.targets[0].id == "__all__"]
        faces[package] = {elt.value for elt in names.elts}
    return faces


def test_other_packages_use_only_a_package_face_and_no_private_names():
    faces = _faces()
    bad = []
    for folder in ("services", "ui", "demo"):
        for path in _modules(folder):
            here = _package_of(path) if folder == "services" else folder
            imported: dict[str, str] = {}  # local name -> its package
            tree = _tree(path)
            for node in ast.walk(tree):
                if not (isinstance(node, ast.ImportFrom) and node.module
                        and node.module.startswith("desk.services.")):
                    continue
                parts = node.module.split(".")
                there = parts[2]
                if there == here:
                    continue
                if len(parts) == 3:  # from desk.services.crm import families
                    for a in node.names:
                        if a.name not in faces[there]:
                            bad.append(f"{_where(path, node.lineno)}: {a.name} is not in "
                                       f"{there}'s face")
                        imported[a.asname or a.name] = there
                else:
                    if parts[3] not in faces[there]:
                        bad.append(f"{_where(path, node.lineno)}: {parts[3]} is not in "
                                   f"{there}'s face")
                    bad += [f"{_where(path, node.lineno)}: {node.module}.{a.name} is private"
                            for a in node.names if a.name.startswith("_")]
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                        and node.value.id in imported and node.attr.startswith("_"):
                    bad.append(f"{_where(path, node.lineno)}: {node.value.id}.{node.attr} is "
                               "private")
    assert bad == []


def test_every_domain_event_has_a_handler():
    from desk.services.store import events

    for name in events.HANDLER_MODULES:
        __import__(name)
    subclasses, todo = [], [events.Event]
    while todo:
        for sub in todo.pop().__subclasses__():
            subclasses.append(sub)
            todo.append(sub)
    assert subclasses, "no events defined"
    assert [e.__name__ for e in subclasses if not events.handlers_of(e)] == []


def test_importing_any_widget_loads_no_sqlalchemy():
    """The window paints before the database layer loads: no widget module imports it, not
    even through the services it names (they run on first use)."""
    import subprocess
    import sys

    widgets = sorted(p.stem for p in (DESK / "ui").glob("*.py") if p.stem != "__init__")
    code = ("import sys\n"
            + "".join(f"import desk.ui.{name}\n" for name in widgets)
            + "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
            + "print(len(loaded), loaded[:3])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True).stdout
    assert out.startswith("0 "), out
