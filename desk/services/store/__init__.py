"""The store: the engine and the unit of work, typed changes and domain events, the
dialect seam (what SQLite and PostgreSQL each do their own way), the studio's server and
live refresh between desks and who is connected, retries of collided writes, the schema's migrations, backups and whole-studio copies
between databases, the lock,
errors a user can act on, files kept with the data, secrets in the keyring, and the file formats (CSV/XLSX) and words
every domain shares. Imports no other package."""

from desk.services import lazy_face

__all__ = [
    "backup", "bulk", "changes", "copy", "cover", "credentials", "db", "desks", "dialect", "errors",
    "events", "files", "live", "lock", "migrate", "redact", "retry", "server", "sheets", "texts",
]
__getattr__ = lazy_face(__name__, __all__)
