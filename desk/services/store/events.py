"""Domain events: a package says on the unit of work what happened ("a studio was set up", "a
child left"), and the packages that react handle it in the same transaction, so a package never
imports the ones above it to make them act.

A reacting module registers with ``@events.handler(EventType)``. ``HANDLER_MODULES`` names every
such module: they are imported before the first event is dispatched, so a reaction never
depends on what the caller happened to import (a test checks that every event has a handler).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from desk.services.store.db import UnitOfWork

HANDLER_MODULES = (
    "desk.services.schedule.enrolment",
    "desk.services.schedule.lessons",
    "desk.services.feedback.flows",
    "desk.services.surveys.forms",
    "desk.services.insights.rollup",
    "desk.services.supervision.quality",
)


@dataclasses.dataclass(frozen=True)
class Event:
    """Base of every domain event: a frozen record of what happened."""


E = TypeVar("E", bound=Event)
Handler = Callable[["UnitOfWork", E], None]
_handlers: dict[type[Event], list[Handler]] = {}
_loaded = False


def handler(event_type: type[E]) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _handlers.setdefault(event_type, []).append(fn)
        return fn
    return register


def handlers_of(event_type: type[Event]) -> list[Handler]:
    _load()
    return list(_handlers.get(event_type, ()))


def dispatch(uow: UnitOfWork, event: Event) -> None:
    for fn in handlers_of(type(event)):
        fn(uow, event)


def _load() -> None:
    global _loaded
    if not _loaded:
        for name in HANDLER_MODULES:
            importlib.import_module(name)
        _loaded = True
