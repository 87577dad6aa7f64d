"""The schema as an older Desk left it, for the tests of upgrading."""

from __future__ import annotations


def downgrade_one(engine) -> str:
    """The database one migration back, as the Desk before this one left it; its revision."""
    from alembic import command

    from desk.services.store import migrate

    older = migrate._revisions()[migrate.head_revision()]
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, older)
    return older
