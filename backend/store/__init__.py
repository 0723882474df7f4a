"""Persistence: SQLAlchemy tables, migrations (Alembic) and the repository the hub uses."""
