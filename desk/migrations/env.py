"""Alembic environment: always runs on the connection desk.services.store.migrate hands over,
inside the one transaction it opened (foreign keys off, see shared/RELIABILITY.md #4, #5)."""

from alembic import context

from desk.models.schema import Base

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    """The FTS5 search table and its shadow tables are managed by hand, not by autogenerate."""
    return not (type_ == "table" and name.startswith("family_search"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
