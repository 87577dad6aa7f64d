"""Every error a service can raise reaches the user in words (Russian through the shipped
translation), never as the English text of the exception."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import desk.services
from desk.services.store import errors
from desk.ui import messages


def _all_service_modules() -> None:
    for info in pkgutil.walk_packages(desk.services.__path__, "desk.services."):
        importlib.import_module(info.name)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_every_error_code_has_words():
    _all_service_modules()
    codes = {cls.code for cls in _subclasses(errors.DeskError)}
    worded = set(messages.ERROR_MESSAGES)
    assert sorted(codes - worded) == []


def test_no_service_raises_the_bare_base_error():
    """A bare DeskError has no code of its own, so it would be shown in English."""
    bare = []
    for path in Path(desk.services.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                func = node.exc.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "DeskError":
                    bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
