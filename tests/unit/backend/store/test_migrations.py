"""The migrations build exactly the schema the models describe (a column added to a model
without a migration, or the reverse, fails here rather than in production)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from backend.store.migrate import upgrade
from backend.store.tables import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'schema.db'}"
    upgrade(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": False})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    # SQLite cannot name unique constraints the way the models do, and the handbook's FTS5
    # index is a virtual table outside the models: neither is drift.
    drift = [
        d
        for d in diff
        if not (isinstance(d, tuple) and d[0] in {"add_constraint"})
        and not (
            isinstance(d, tuple) and d[0] == "remove_table" and d[1].name.startswith("handbook_fts")
        )
    ]
    assert drift == []
