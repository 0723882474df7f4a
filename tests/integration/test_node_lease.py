"""The lease and its fencing against a real PostgreSQL: one holder at a time, a frozen
holder replaced after the lease's time, a dead one at once, and no write of a node that
lost the lease ever committed."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest

from backend.node.lease import (
    Lease,
    LeaseLost,
    NoStandby,
    Renewal,
    ask_to_step_down,
    current_holder,
)
from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.failover import postgres_server
from tests.helpers import queued_conversation

TTL = 1.0


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def url(server: str) -> str:
    name = f"luukku_lease_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    database = server.replace("postgresql://", "postgresql+psycopg://") + "/" + name
    upgrade(database)
    return database


def lines(url: str, cid: str) -> int:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = %s", (cid,)
        ).fetchone()
    assert row is not None
    return int(row[0])


def count(url: str, cid: str) -> int:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT count(*) FROM conversations WHERE id = %s", (cid,)).fetchone()
    assert row is not None
    return int(row[0])


def test_one_holder_at_a_time(url: str) -> None:
    a, b = Lease(url, "a", TTL), Lease(url, "b", TTL)
    try:
        assert a.try_take() == 1
        assert b.try_take() is None
        assert a.renew() is Renewal.KEPT
        holder = current_holder(url)
        assert holder is not None and (holder.node, holder.token, holder.live) == ("a", 1, True)
    finally:
        a.close()
        b.close()


def test_a_holder_that_stops_renewing_is_replaced_and_fenced_off(url: str) -> None:
    import asyncio

    a, b = Lease(url, "a", TTL), Lease(url, "b", TTL)

    async def scenario() -> None:
        store = Store(url, app_name=a.app_name)
        fenced: list[bool] = []
        store.writer.fence = a.fence
        store.writer.on_fenced = lambda: fenced.append(True)
        try:
            assert a.try_take() == 1
            await store.add_conversation(queued_conversation("before"))
            # Node a freezes: no renewal. Within the lease's time b may not take it ...
            assert b.try_take() is None
            time.sleep(TTL + 0.2)
            # ... after it, b does.
            assert b.try_take() == 2
            with pytest.raises(LeaseLost):
                await store.add_conversation(queued_conversation("after"))
            assert fenced == [True]
            # A batch of lines alone (committed without a session) passes the same fence.
            with pytest.raises(LeaseLost):
                await store.append_message(
                    "before", author="client", text="late", at=datetime.now(UTC)
                )
            assert fenced == [True, True]
            assert a.renew() is Renewal.LOST
        finally:
            await store.close()

    try:
        asyncio.run(scenario())
    finally:
        a.close()
        b.close()
    assert (count(url, "before"), count(url, "after")) == (1, 0)
    assert lines(url, "before") == 0


def test_a_transaction_the_old_holder_left_open_never_commits(url: str) -> None:
    a, b = Lease(url, "a", TTL), Lease(url, "b", TTL)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        assert a.try_take() == 1
        # Node a's writer passed the fence and froze before its commit.
        writer = psycopg.connect(dsn, application_name=a.app_name)
        writer.execute(
            "SELECT 1 FROM node_lease WHERE name = 'centre' AND token = 1 FOR SHARE"
        ).fetchone()
        writer.execute(
            "INSERT INTO conversations (id, queue, channel, state, client_token_hash, lang, "
            "arrived_at, abandoned, last_seq) "
            "VALUES ('late', 'neuvola', 'chat', 'queued', %s, 'fi', now(), false, 0)",
            ("x" * 64,),
        )
        time.sleep(TTL + 0.2)
        began = time.monotonic()
        assert b.try_take() == 2  # not held up by the frozen transaction's row lock
        assert time.monotonic() - began < 1.0
        with pytest.raises(psycopg.OperationalError):
            writer.commit()
        writer.close()
    finally:
        a.close()
        b.close()
    assert count(url, "late") == 0


def test_a_holder_whose_connection_is_gone_is_replaced_at_once(url: str) -> None:
    a, b = Lease(url, "a", 30.0), Lease(url, "b", 30.0)
    try:
        assert a.try_take() == 1
        a.close()  # a killed process: its session, and the advisory lock, end
        began = time.monotonic()
        assert b.try_take() == 2
        assert time.monotonic() - began < 1.0
    finally:
        b.close()


def test_step_down_is_asked_through_the_database_and_the_lease_freed(url: str) -> None:
    a, b = Lease(url, "a", 30.0), Lease(url, "b", 30.0)
    try:
        assert ask_to_step_down(url) is None  # nobody holds it yet
        assert a.try_take() == 1
        assert a.peers() == 0  # b has not connected yet: nobody to hand over to
        with pytest.raises(NoStandby):
            ask_to_step_down(url)
        assert b.try_take() is None
        assert a.peers() == 1
        assert ask_to_step_down(url) == "a"
        assert a.renew() is Renewal.STEP_DOWN
        a.release()
        assert b.try_take() == 2
        assert b.renew() is Renewal.KEPT  # the request was a's, not b's
    finally:
        a.close()
        b.close()
