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


# Migrations before two nodes could run side by side are as they shipped.
FIRST_TWO_NODE_MIGRATION = 12
CONTRACTING = {"drop_column", "drop_table", "alter_column", "rename_table", "drop_index"}


def test_migrations_only_expand_so_old_and_new_nodes_share_the_schema() -> None:
    """During a rolling update the old version keeps running against the new schema: a
    migration adds tables, nullable (or defaulted) columns and indexes. Dropping or
    renaming is a later release's contract step, marked ``CONTRACT = True`` in its file
    once no node of the version that used it can run."""
    import ast

    from backend.store.migrate import MIGRATIONS

    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        number = int(path.name.split("_")[0])
        if number < FIRST_TWO_NODE_MIGRATION:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        if any(
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "CONTRACT" for t in node.targets)
            for node in tree.body
        ):
            continue
        upgrade = next(
            n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"
        )
        for call in ast.walk(upgrade):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                continue
            assert call.func.attr not in CONTRACTING, f"{path.name}: op.{call.func.attr}"
            if call.func.attr == "add_column":
                column = ast.unparse(call)
                assert "server_default" in column or "nullable=True" in column, (
                    f"{path.name}: a new column the old version does not fill needs "
                    "nullable=True or a server_default"
                )
