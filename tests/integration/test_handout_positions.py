"""A hand-out of 1,000 waiting clients: every client is joined, and places in the queue
are told only when they change, at most once a hub round (never re-told to everyone after
each accept, which made a hand-out of n cost n² frames)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import pytest
import websockets

from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, running_backend, staff

CLIENTS = 1000
TICK_S = 0.25


@pytest.fixture
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("handout")
    service = folder / "service.toml"
    # Three nurses accepting a thousand offers as fast as they come: no flood limit, and
    # offers that wait their turn in her queue of 350 do not lapse.
    service.write_text(
        OPEN_ALWAYS.read_text("utf-8")
        .replace("[limits]\n", "[limits]\nstaff_frames_per_s = 5000\nstaff_burst = 5000\n")
        .replace("offer_timeout_s = 3\n", "offer_timeout_s = 60\n"),
        "utf-8",
    )
    with running_backend(folder, service) as b:
        # Room for everyone: the three with the skill take 350 chats each.
        b.execute("UPDATE staff_users SET chat_capacity = 350")
        yield b


async def test_a_hand_out_of_a_thousand_tells_each_place_once_a_round(
    backend: BackendProcess,
) -> None:
    frames: list[int] = [0] * CLIENTS
    joined = [asyncio.Event() for _ in range(CLIENTS)]
    started = asyncio.Semaphore(0)
    counting = asyncio.Event()
    gate = asyncio.Semaphore(100)

    async def client(n: int) -> None:
        async with gate:
            ws = await websockets.connect(backend.ws + "/ws/client")
            await ws.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
        try:
            while True:
                frame = json.loads(await ws.recv())
                if frame["type"] == "started":
                    started.release()
                elif frame["type"] == "queue" and counting.is_set():
                    frames[n] += 1
                elif frame["type"] == "joined":
                    joined[n].set()
                    return
        finally:
            await ws.close()

    clients = [asyncio.create_task(client(n)) for n in range(CLIENTS)]
    for _ in range(CLIENTS):
        await asyncio.wait_for(started.acquire(), 60)

    async def nurse(peer: Peer) -> None:
        while True:
            frame = json.loads(await peer.conn.recv())
            if frame["type"] == "offer":
                await peer.send(type="accept", conversation_id=frame["conversation_id"])

    nurses = [
        await staff(backend.ws, name, ready=False) for name in ("hoitaja", "hoitaja2", "esihenkilo")
    ]
    counting.set()
    began = time.monotonic()
    for peer in nurses:
        await peer.send(type="set_status", status="ready")
    accepting = [asyncio.create_task(nurse(peer)) for peer in nurses]
    await asyncio.wait_for(asyncio.gather(*(e.wait() for e in joined)), 120)
    took = time.monotonic() - began
    for task in accepting:
        task.cancel()
    await asyncio.gather(*clients, *accepting, return_exceptions=True)
    for peer in nurses:
        await peer.close()

    rounds = took / TICK_S + 2
    # Each client hears of its place at most once a round while the queue moves ...
    assert max(frames) <= rounds, (max(frames), took)
    # ... which is far from re-telling everyone after every accept (~n²/2 = 500,000).
    assert sum(frames) <= CLIENTS * rounds < 100_000, (sum(frames), took)
