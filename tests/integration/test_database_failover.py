"""PostgreSQL's own failover under the backend: a synchronous replica promoted after the
primary crashes. The backend, given both servers in one connection string
(``target_session_attrs=read-write``), finds the new primary by itself, keeps its lease,
and loses no line it acknowledged."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.failover import ChatLoad, Replicated, check_lines, health, seed_staff
from tests.helpers import BackendProcess, free_port


@pytest.fixture
def replicated(tmp_path: Path) -> Iterator[Replicated]:
    servers = Replicated(Path(f"/tmp/luukku-repl-{free_port()}"))
    servers.start()
    try:
        yield servers
    finally:
        servers.stop()


async def test_a_promoted_replica_takes_the_writes_and_nothing_acked_is_lost(
    replicated: Replicated, tmp_path: Path
) -> None:
    with psycopg.connect(replicated.primary_url() + "/postgres", autocommit=True) as conn:
        conn.execute('CREATE DATABASE "luukku"')
    url = replicated.url("luukku")
    from backend.store.migrate import upgrade

    upgrade(url)
    seed_staff(url, 3, 4)
    node = BackendProcess(tmp_path, free_port(), demo=False, extra_env={"LUUKKU_ENV_FILE": "none"})
    node.database_url = url
    node.start()
    load = ChatLoad(node.ws, clients=20, nurses=3)
    try:
        await load.start()
        await load.steady()
        replicated.crash_primary()
        crashed = time.monotonic()
        await asyncio.sleep(1.0)
        replicated.promote_replica()
        promoted = time.monotonic()
        # Writes go on against the promoted server, through the same connection string.
        everyone = {f"c{i}" for i in range(load.clients)}
        deadline = time.monotonic() + 30
        while not everyone <= set(load.tally.gaps_after(promoted)):
            assert time.monotonic() < deadline, "writes did not resume"
            await asyncio.sleep(0.2)
        print(f"\nserved again {time.monotonic() - crashed:.1f} s after the primary crashed")
        await asyncio.sleep(3)
        # The node kept its lease (the row came over with the data) and still serves.
        assert health(node.port)[0] == 200
    finally:
        await load.finish()
        node.stop()
    outcome = check_lines(url, load.tally)
    assert (outcome.lost, outcome.duplicated) == (0, 0)
    assert len(load.tally.acked) > 100
