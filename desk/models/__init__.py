"""SQLAlchemy models, enums and value types. No Qt, no services, no sessions.

Importing this package loads nothing: ``desk.models.enums`` is free of SQLAlchemy (the UI
imports it), and ``desk.models.schema`` registers every table."""
