"""SQLAlchemy models, enums and value types. No Qt, no services, no sessions."""

from desk.models import (  # noqa: F401  (register the tables)
    audit, base, comms, family, schedule, studio, task, wallet,
)

Base = base.Base
