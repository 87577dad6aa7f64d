"""Use cases, rules, integrations and reports, grouped by domain. No Qt here.

Packages, each allowed to import only the ones before it (tests/unit/test_house.py checks
it): store, docs, staff, crm, tasks, money, schedule, comms, feedback, calls, surveys,
insights, privacy, upkeep. A
package's face is the modules in its ``__all__``; other packages never use their underscored
names. A reaction across packages goes the other way as a domain event (``store.events``)."""

import importlib
import importlib.util
import sys
import threading
import types
from importlib import _bootstrap  # the import system's per-module locks

LAYERS = ("store", "docs", "staff", "crm", "tasks", "money", "schedule", "comms", "feedback",
          "calls", "surveys", "insights", "supervision", "privacy", "upkeep")


def lazy_face(package: str, names: list[str]):
    """A package's ``__getattr__``: ``from desk.services.crm import families`` binds the
    module unexecuted, and it runs on first use, so importing a widget does not load
    SQLAlchemy (the window paints first)."""
    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        fullname = f"{package}.{name}"
        with _CREATING:
            module = sys.modules.get(fullname)
            if module is None:
                spec = importlib.util.find_spec(fullname)
                module = importlib.util.module_from_spec(spec)
                module.__class__ = _Deferred
                sys.modules[fullname] = module
        setattr(sys.modules[package], name, module)
        return module

    return __getattr__


_CREATING = threading.Lock()


class _Deferred(types.ModuleType):
    """A module that runs its code on the first attribute read. The first read runs it under
    the import system's own lock for that module (so Python's deadlock detection covers it),
    and the module stays deferred until it has run whole: a second thread reading meanwhile
    waits instead of seeing half a module (the standard library's LazyLoader on Python 3.11
    lets it through)."""

    def __getattribute__(self, attr: str):
        plain = types.ModuleType.__getattribute__
        namespace = plain(self, "__dict__")
        me = threading.get_ident()
        if type(self) is not _Deferred or namespace.get("__running__") == me:
            return plain(self, attr)  # run already, or being run by this very thread
        with _bootstrap._ModuleLockManager(namespace["__name__"]):
            if type(self) is _Deferred and "__running__" not in namespace:
                namespace["__running__"] = me
                try:
                    namespace["__spec__"].loader.exec_module(self)
                    self.__class__ = types.ModuleType
                finally:
                    namespace.pop("__running__", None)
        return plain(self, attr)
