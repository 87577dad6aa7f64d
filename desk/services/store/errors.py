"""Errors a user can act on. Anything that is not a DeskError is a bug.

Each error carries a stable ``code`` and ``params``: the UI words it in the user's language,
the command line prints the English ``str()``.
"""

from __future__ import annotations


class DeskError(Exception):
    code = "error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params


class NotADatabase(DeskError):
    code = "not_a_database"


class DatabaseFromFuture(DeskError):
    code = "database_from_future"


class MigrationFailed(DeskError):
    code = "migration_failed"


class ReadOnlyStore(DeskError):
    code = "read_only"


class NotPermitted(DeskError):
    """The person may look but not change (a supervisor)."""

    code = "not_permitted"


class DatabaseBusy(DeskError):
    code = "database_busy"


class CannotWrite(DeskError):
    """The database file or its folder cannot be written (read-only); params: path."""

    code = "cannot_write"


class DiskFull(DeskError):
    code = "disk_full"


class DatabaseLocked(DeskError):
    """Another instance holds the database; params: staff, host, pid, since, stale."""

    code = "database_locked"


class NotFound(DeskError):
    code = "not_found"


class BackupFailed(DeskError):
    code = "backup_failed"


class ValidationFailed(DeskError):
    """Field errors: ``fields`` maps a field key (``guardian.0.phone``) to an error code."""

    code = "validation_failed"

    def __init__(self, fields: dict[str, str], **params: object) -> None:
        detail = "; ".join(f"{k}: {v}" for k, v in fields.items())
        super().__init__(f"invalid input: {detail}", **params)
        self.fields = fields


class SecretStoreUnavailable(DeskError):
    code = "secret_store_unavailable"


class LessonFull(DeskError):
    """params: free (places left), wanted."""

    code = "lesson_full"


class LessonCancelled(DeskError):
    code = "lesson_cancelled"


class Cancelled(DeskError):
    """The user cancelled a long job; nothing was written."""

    code = "cancelled"


class ImportFailed(DeskError):
    code = "import_failed"


class WrongFileType(DeskError):
    """A file name whose type this export cannot write; params: allowed (".csv, .xlsx")."""

    code = "wrong_file_type"


class ExportFailed(DeskError):
    """The file could not be written (a read-only or missing folder, a full disk); params:
    path, detail."""

    code = "export_failed"


class AlreadyReversed(DeskError):
    """A ledger entry that was reversed before cannot be reversed again; params: entry."""

    code = "already_reversed"


class AlreadySetUp(DeskError):
    code = "already_set_up"


class NoWorkingHours(DeskError):
    """The desk has no working hours at all, so no time can be counted in them."""

    code = "no_working_hours"


class BadWeek(DeskError):
    """A week written otherwise than YYYY-Www, or one that does not exist; params: text."""

    code = "bad_week"


class BadServerUrl(DeskError):
    """Not a PostgreSQL URL; params: text."""

    code = "bad_server_url"


class ServerUnreachable(DeskError):
    """No connection to the studio's server; params: url, host, port."""

    code = "server_unreachable"


class ServerRefusedPassword(DeskError):
    """The server refused the user's password (or wanted one); params: url, user."""

    code = "server_refused_password"


class ServerDatabaseMissing(DeskError):
    """The server has no database of that name; params: url, database."""

    code = "server_database_missing"


class ServerNotUtf8(DeskError):
    """The server's database is not UTF-8 (Cyrillic case and search would break); params:
    encoding, ctype."""

    code = "server_not_utf8"


class CopyRefused(DeskError):
    """A studio is copied only into an empty database."""

    code = "copy_refused"


class MoveFailed(DeskError):
    """The studio's copy on the server did not match the file (nothing was kept); params:
    problems."""

    code = "move_failed"


class WritesCollided(DeskError):
    """Two desks' transactions blocked each other (a deadlock or a serialization failure on
    the server); the database rolled one back whole. Retried by ``retry.again``; shown only
    when it kept happening."""

    code = "writes_collided"


class OthersConnected(DeskError):
    """The studio's database needs an upgrade that waits until no other desk is connected;
    params: names."""

    code = "others_connected"
