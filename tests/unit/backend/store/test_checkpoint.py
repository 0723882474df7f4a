"""The write-ahead log is copied into the database file by the checkpoint thread, never
inside a commit of the writer thread (where every waiting line's ack would wait for it)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from backend.store.migrate import upgrade
from backend.store.repository import Store


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'luukku.db'}"
    upgrade(url)
    return url


def add_pages(s: Session, rows: int) -> None:
    # A 4 KB text a row: about a page of the log each.
    s.execute(
        text(
            "INSERT INTO access_log (at, username, conversation_id, action)"
            " VALUES ('2026-12-07', :who, 'c', 'open')"
        ),
        [{"who": "x" * 4000} for _ in range(rows)],
    )


def log_frames(store: Store) -> int:
    """Frames in the log now (a checkpoint that copies nothing while the writer waits)."""
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").first()
    assert row is not None
    return int(row[1])


async def test_the_writers_commits_leave_the_log_to_the_checkpoint_thread(url: str) -> None:
    store = Store(url)
    assert store.checkpointer is not None
    store.checkpointer.stop()
    try:
        # 1,500 pages in 15 commits: SQLite's own rule would have copied them back (and
        # started the log again) in the commit that passed 1,000.
        for _ in range(15):
            await store.transaction(lambda s: add_pages(s, 100))
        assert log_frames(store) > 1000
    finally:
        await store.close()


async def test_the_checkpoint_thread_copies_the_log_every_second(url: str) -> None:
    store = Store(url)
    try:
        await store.transaction(lambda s: add_pages(s, 50))
        assert store.checkpointer is not None
        deadline = time.monotonic() + 5
        while store.checkpointer.frames_checkpointed == 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert store.checkpointer.frames_checkpointed >= 50
        # The log starts again from its beginning at the next write: it does not grow.
        await store.transaction(lambda s: add_pages(s, 1))
        assert log_frames(store) < 50
    finally:
        await store.close()


async def test_a_store_only_read_has_no_checkpoint_thread_until_its_first_write(url: str) -> None:
    store = Store(url)
    assert store.checkpointer is not None
    try:
        assert await store.conversation("nobody") is None
        assert not store.checkpointer.running
        await store.transaction(lambda s: add_pages(s, 1))
        assert store.checkpointer.running
    finally:
        await store.close()
    assert not store.checkpointer.running
