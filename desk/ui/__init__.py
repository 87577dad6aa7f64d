"""Widgets, Qt models and dialogs. Calls services, gets frozen dataclasses; no SQLAlchemy."""
