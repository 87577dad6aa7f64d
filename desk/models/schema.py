"""Every table registered on one declarative base (migrations and the store import this)."""

from desk.models import (  # noqa: F401  (register the tables)
    audit, base, checklists, comms, family, feedback, files, handover, health, insights,
    quality, schedule, studio, surveys, task, wallet,
)

Base = base.Base
