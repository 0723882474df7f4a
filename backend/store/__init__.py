"""Persistence: SQLAlchemy tables, migrations (Alembic) and the repository the live centre uses."""
