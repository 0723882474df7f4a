"""The service's data: which database a command opened, backup, restore, purge."""

from __future__ import annotations

import sys
from pathlib import Path

from backend.config import load_service_config
from backend.settings import Settings


def backup(settings: Settings, destination: str) -> int:
    """A consistent copy of a running SQLite database (online backup API)."""
    import sqlite3
    from pathlib import Path

    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    if not url.startswith("sqlite:///"):
        print("backup: for PostgreSQL use pg_dump (see README, 'Backups')", file=sys.stderr)
        return 2
    source_path = Path(url.removeprefix("sqlite:///"))
    if not source_path.exists():
        print(f"backup: no database at {source_path}", file=sys.stderr)
        return 2
    target = Path(destination)
    if target.exists():
        print(f"backup: {target} exists; not overwriting", file=sys.stderr)
        return 2
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        copy.close()
        source.close()
    if ok != "ok":
        print(f"backup: integrity check of {target} failed: {ok}", file=sys.stderr)
        return 1
    print(f"backup written to {target}")
    return 0


# Commands that manage a running service's data: they say which database they opened,
# and a data directory that does not exist is refused (it is the wrong service, not a new
# one), never created behind IT's back.
NEEDS_THE_SERVICES_DATA = frozenset(
    {"report", "users", "add-user", "wallboard-link", "purge", "roster-import", "handbook"}
)


def find_the_service(settings: Settings, command: str) -> int | None:
    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    where = "the environment" if settings.source is None else str(settings.source)
    shown = url.split("@")[-1] if "@" in url else url  # never a password on screen
    print(f"luukku-backend {command}: database {shown} (settings from {where})", file=sys.stderr)
    if url.startswith("sqlite:///") and not settings.data_dir.is_dir():
        print(
            f"luukku-backend {command}: the data directory {settings.data_dir} does not exist."
            " Set LUUKKU_DATA_DIR (or /etc/luukku/backend.env) to the running service's,"
            " or start the backend once to create it.",
            file=sys.stderr,
        )
        return 2
    if command == "report" and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists() or not _has_contacts(path):
            print(
                f"luukku-backend report: {path} has no contacts yet: is it the service's"
                " database? (LUUKKU_DATA_DIR, /etc/luukku/backend.env; the demo writes"
                " luukku.env where it runs)",
                file=sys.stderr,
            )
            return 2
    return None


def _has_contacts(path: Path) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            chats = db.execute("select exists(select 1 from conversations)").fetchone()[0]
            calls = db.execute("select exists(select 1 from phone_calls)").fetchone()[0]
    except sqlite3.DatabaseError:
        return False
    return bool(chats or calls)


def restore(settings: Settings, source: str, replace: bool) -> int:
    """A backup back into place (the backend stopped first: docs/admin.md, 'Restore').
    The backup is integrity-checked first; a database already there is kept beside it,
    renamed, and only with ``--replace``; migrations run when the backend starts."""
    import sqlite3
    import time
    from pathlib import Path

    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    if not url.startswith("sqlite:///"):
        print("restore: for PostgreSQL use pg_restore (docs/admin.md, 'Restore')", file=sys.stderr)
        return 2
    backup_path = Path(source)
    if not backup_path.is_file():
        print(f"restore: no backup file at {backup_path}", file=sys.stderr)
        return 2
    copy = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    try:
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in copy.execute("select name from sqlite_master where type='table'")}
    except sqlite3.DatabaseError as exc:
        ok, tables = str(exc), set()
    if ok != "ok" or "conversations" not in tables:
        copy.close()
        print(f"restore: {backup_path} is not a Luukku backup ({ok})", file=sys.stderr)
        return 2
    target = Path(url.removeprefix("sqlite:///"))
    if target.exists():
        if not replace:
            copy.close()
            print(
                f"restore: {target} exists; stop the backend and add --replace "
                "(the current database is kept beside it)",
                file=sys.stderr,
            )
            return 2
        kept = target.with_name(f"{target.name}.before-restore-{time.strftime('%Y%m%d%H%M%S')}")
        target.rename(kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        print(f"restore: the database that was there is kept as {kept}")
    target.parent.mkdir(parents=True, exist_ok=True)
    into = sqlite3.connect(target)
    try:
        with into:
            copy.backup(into)
    finally:
        into.close()
        copy.close()
    print(f"restored {backup_path} to {target}; start the backend")
    return 0


async def purge(settings: Settings) -> int:
    """The retention purge now (the backend runs it daily by itself): prints the counts."""
    from datetime import UTC, datetime

    from backend.retention import Retention
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    config = load_service_config(settings.service_file, settings.demo)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        counts = await Retention(store, lambda: config, lambda: datetime.now(UTC)).purge_now()
    finally:
        await store.close()
    for kind, count in counts.items():
        print(f"{kind.value:<14} {count}")
    return 0
