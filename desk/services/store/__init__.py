"""The store: the engine and the unit of work, typed changes and domain events, the
schema's migrations, backups, the lock, errors a user can act on, secrets in the keyring,
and the file formats (CSV/XLSX) and words every domain shares. Imports no other package."""

__all__ = [
    "backup", "bulk", "changes", "credentials", "db", "errors", "events", "lock", "migrate",
    "redact", "sheets", "texts",
]
