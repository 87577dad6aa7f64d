"""SQLAlchemy models, enums and value types. No Qt, no services, no sessions."""

from desk.models import audit, base, family, studio, task  # noqa: F401  (register the tables)

Base = base.Base
