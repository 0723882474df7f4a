"""Bring a database to the newest schema: ``python -m backend.store.migrate`` or at start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x4C55554B4D49


def sync_url(url: str) -> str:
    """The blocking driver for a URL written with an async one (``sqlite+aiosqlite``)."""
    return url.replace("+aiosqlite", "").replace("+asyncpg", "+psycopg")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    engine = create_engine(sync_url(url))
    _sqlite_pragmas(engine)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Two nodes starting together: one migrates, the other waits and finds the
            # schema new already.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg = alembic_config(url)
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    engine.dispose()


def _sqlite_pragmas(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


def main() -> None:
    from backend.settings import Settings

    settings = Settings.from_env()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    print(f"database at newest schema: {settings.database_url.split('@')[-1]}")


if __name__ == "__main__":
    main()
