"""Alembic migrations shipped inside the package; run through desk.services.store.migrate."""
