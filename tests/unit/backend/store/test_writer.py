"""The writer thread: what arrives while a commit runs shares the next commit, which the
thread starts by itself, without waiting for a busy event loop to come round."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.helpers import queued_conversation


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'luukku.db'}"
    upgrade(url)
    return url


def add_a_row(s: Session) -> int:
    """A row added; how many there are now."""
    s.execute(
        text(
            "INSERT INTO access_log (at, username, conversation_id, action)"
            " VALUES ('2026-12-07', 'w', 'c', 'open')"
        )
    )
    return int(s.execute(text("SELECT count(*) FROM access_log")).scalar_one())


async def test_what_arrives_during_a_commit_is_committed_next_while_the_loop_is_busy(
    url: str,
) -> None:
    store = Store(url)
    release = threading.Event()
    committed: dict[str, float] = {}

    def slow(s: Session) -> None:
        release.wait(5)

    def mark(name: str) -> object:
        def fn(s: Session) -> None:
            s.execute(text("SELECT 1"))
            committed[name] = time.monotonic()

        return fn

    try:
        first = asyncio.ensure_future(store.transaction(slow))
        await asyncio.sleep(0.05)  # the thread is inside the first commit
        later = [asyncio.ensure_future(store.transaction(mark(n))) for n in ("b", "c")]
        await asyncio.sleep(0)
        release.set()
        # The event loop is busy for half a second: the next commit does not wait for it.
        busy_until = time.monotonic() + 0.5
        while time.monotonic() < busy_until:
            pass
        await asyncio.gather(first, *later)
        assert set(committed) == {"b", "c"}
        assert max(committed.values()) < busy_until
    finally:
        await store.close()


async def test_writes_of_one_batch_share_one_transaction_and_a_failing_one_fails_alone(
    url: str,
) -> None:
    store = Store(url)
    release = threading.Event()

    def broken(s: Session) -> None:
        s.execute(text("INSERT INTO no_such_table VALUES (1)"))

    try:
        first = asyncio.ensure_future(store.transaction(lambda s: release.wait(5)))
        await asyncio.sleep(0.05)
        together = [asyncio.ensure_future(store.transaction(add_a_row)) for _ in range(3)]
        bad = asyncio.ensure_future(store.transaction(broken))
        release.set()
        await first
        counts = await asyncio.gather(*together)
        with pytest.raises(Exception, match="no_such_table"):
            await bad
        # The shared transaction failed and was rolled back; each was tried again on its
        # own and kept, and the broken one alone failed.
        assert sorted(counts) == [1, 2, 3]
        assert (
            await store.query(
                lambda s: s.execute(text("SELECT count(*) FROM access_log")).scalar_one()
            )
            == 3
        )
    finally:
        await store.close()


async def test_drain_waits_for_everything_handed_over_and_close_refuses_what_comes_after(
    url: str,
) -> None:
    store = Store(url)
    done: list[int] = []

    def write(n: int) -> object:
        def fn(s: Session) -> None:
            time.sleep(0.01)
            done.append(n)

        return fn

    pending = [asyncio.ensure_future(store.transaction(write(n))) for n in range(20)]
    await asyncio.sleep(0)
    await store.drain()
    assert sorted(done) == list(range(20))
    assert all(p.done() for p in pending)
    await store.close()
    with pytest.raises(RuntimeError, match="closed"):
        await store.transaction(write(99))


def test_a_store_serves_one_event_loop_after_another(url: str) -> None:
    store = Store(url)

    async def one_write() -> int:
        return int(await store.transaction(lambda s: s.execute(text("SELECT 7")).scalar_one()))

    assert asyncio.run(one_write()) == 7
    assert asyncio.run(one_write()) == 7
    asyncio.run(store.close())


async def test_no_write_waits_for_the_next_one_to_wake_the_thread(url: str) -> None:
    """The loop hands writes over without a lock while the thread is busy: a write that
    arrives just as the thread goes to sleep must still wake it. Alternating single writes
    (the thread asleep between them) with bursts (busy) meets that moment many times."""
    store = Store(url)
    try:
        for round_ in range(300):
            writes = [store.transaction(add_a_row) for _ in range(1 + round_ % 4)]
            # Each alone would finish in a few milliseconds; a lost wake-up never would.
            counts = await asyncio.wait_for(asyncio.gather(*writes), 5)
            assert counts == sorted(counts)
            if round_ % 3 == 0:
                await asyncio.sleep(0.001)  # the thread goes idle
        assert counts[-1] == sum(1 + r % 4 for r in range(300))
    finally:
        await store.close()


async def test_lines_alone_and_lines_beside_writes_share_one_kept_connection(url: str) -> None:
    """A batch of lines alone commits without a session; all of the writer's commits
    (SQLite) use one connection, checked out of the pool once."""
    store = Store(url)
    checkouts: list[object] = []
    event.listen(store.write_engine, "checkout", lambda *args: checkouts.append(args[0]))
    now = datetime.now(UTC)
    try:
        await store.add_conversation(queued_conversation("c1"))
        for round_ in range(20):
            lines = [
                store.append_message("c1", author="client", text=f"{round_}.{i}", at=now)
                for i in range(1 + round_ % 3)
            ]
            writes = [store.transaction(add_a_row)] if round_ % 2 else []
            await asyncio.gather(*lines, *writes)
        stored = await store.lines("c1")
        assert [line.seq for line in stored] == list(range(1, len(stored) + 1))
        assert len(stored) == sum(1 + r % 3 for r in range(20))
        assert len(checkouts) == 1
    finally:
        await store.close()


async def test_a_failed_batch_of_lines_fails_its_lines_and_the_next_batch_commits(
    url: str,
) -> None:
    store = Store(url)
    now = datetime.now(UTC)
    try:
        await store.add_conversation(queued_conversation("c1"))
        # The database refuses a line without text: the batch's transaction rolls back.
        bad = store.append_message("c1", author="client", text=None, at=now)  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            await bad
        line, new = await store.append_message("c1", author="client", text="after", at=now)
        assert new and line.text == "after"
        assert [m.text for m in await store.lines("c1")] == ["after"]
        # A line to a conversation that does not exist fails alone.
        missing = store.append_message("nobody", author="client", text="x", at=now)
        kept = store.append_message("c1", author="client", text="kept", at=now)
        results = await asyncio.gather(missing, kept, return_exceptions=True)
        assert isinstance(results[0], LookupError)
        assert [m.text for m in await store.lines("c1")] == ["after", "kept"]
    finally:
        await store.close()
