"""The schema as an older Desk left it, and the other programs connected to a server, for
the tests of upgrading."""

from __future__ import annotations


def downgrade_one(engine) -> str:
    """The database one migration back, as the Desk before this one left it; its revision."""
    from desk.services.store import migrate

    older = migrate._revisions()[migrate.head_revision()]
    downgrade_to(engine, older)
    return older


def downgrade_to(engine, revision: str) -> None:
    """The database as the Desk of ``revision`` left it (a studio set up by today's services,
    then taken back: an older Desk's data without writing it by hand)."""
    from alembic import command

    from desk.services.store import migrate

    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()  # its pooled connection would be one more program connected


def close_and_wait(connection, url: str, seconds: float = 10.0) -> None:
    """Close a psycopg connection, and wait until the server has let its session go (a
    backend leaves pg_stat_activity a moment after its client disconnected)."""
    import psycopg

    pid = connection.info.backend_pid
    connection.close()
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"),
                         autocommit=True) as watcher:
        for _ in range(int(seconds / 0.05)):
            if not watcher.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s",
                                   (pid,)).fetchone():
                return
            watcher.execute("SELECT pg_sleep(0.05)")
    raise AssertionError(f"the server kept session {pid}")


def wait_alone(url: str, seconds: float = 10.0) -> None:
    """Wait until no client is connected to the database at ``url`` (the sessions of
    connections closed a moment ago have gone)."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"),
                         autocommit=True) as watcher:
        for _ in range(int(seconds / 0.05)):
            if not watcher.execute(
                    "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND "
                    "pid <> pg_backend_pid() AND backend_type = 'client backend'").fetchone():
                return
            watcher.execute("SELECT pg_sleep(0.05)")
    raise AssertionError("other clients stayed connected")
