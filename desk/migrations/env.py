"""Alembic environment: always runs on the connection desk.services.migrate hands over,
inside the one transaction it opened (foreign keys off, see shared/RELIABILITY.md #4, #5)."""

from alembic import context

from desk.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
