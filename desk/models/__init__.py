"""SQLAlchemy models, enums and value types. No Qt, no services, no sessions."""

from desk.models import audit, base, family, studio, task, wallet  # noqa: F401  (the tables)

Base = base.Base
