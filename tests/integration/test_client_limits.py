"""Limits hold per client, not per socket: resuming every few lines refills nothing, and
one address cannot fill the queues with chats; other clients are not affected."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import websockets

from tests.helpers import OPEN_ALWAYS, Peer, running_backend


async def client_from(url: str, address: str) -> Peer:
    ws = await websockets.connect(
        url + "/ws/client", additional_headers={"X-Forwarded-For": address}
    )
    return Peer(ws)


async def next_reply(peer: Peer) -> dict[str, Any]:
    while True:
        frame: dict[str, Any] = json.loads(await peer.conn.recv())
        if frame["type"] in ("ack", "error", "started", "resumed"):
            return frame


async def test_reconnecting_does_not_refill_the_line_limit(tmp_path: Path) -> None:
    with running_backend(tmp_path) as backend:  # 5 lines a second, a burst of 20
        peer = await client_from(backend.ws, "198.51.100.1")
        await peer.send(type="start", queue="neuvola")
        started = await next_reply(peer)
        other = await client_from(backend.ws, "198.51.100.2")
        await other.send(type="start", queue="neuvola")
        await next_reply(other)
        acked = refused = 0
        began = time.monotonic()
        while time.monotonic() - began < 4:
            for i in range(19):
                await peer.send(type="message", client_msg_id=f"m{acked}-{refused}-{i}", text="x")
                reply = await next_reply(peer)
                if reply["type"] == "ack":
                    acked += 1
                else:
                    assert reply["code"] == "rate_limited", reply
                    refused += 1
            await peer.close()  # and resume on a fresh socket, as the flood did
            peer = await client_from(backend.ws, "198.51.100.1")
            await peer.send(
                type="resume",
                conversation_id=started["conversation_id"],
                token=started["token"],
                last_seq=10**6,
            )
            assert (await next_reply(peer))["type"] == "resumed"
        elapsed = time.monotonic() - began
        assert acked <= 20 + 5 * elapsed + 5, (acked, elapsed)
        assert refused > acked
        # Another client is not held back by it.
        await other.send(type="message", client_msg_id="fine", text="hei")
        assert (await next_reply(other))["type"] == "ack"
        for p in (peer, other):
            await p.close()


async def test_one_address_starts_only_so_many_chats(tmp_path: Path) -> None:
    service = tmp_path / "service.toml"
    service.write_text(
        OPEN_ALWAYS.read_text()
        .replace("client_starts_burst = 1000000", "client_starts_burst = 3")
        .replace("client_starts_per_minute = 1000000", "client_starts_per_minute = 1")
    )
    with running_backend(tmp_path, service) as backend:
        answers = []
        for _ in range(6):
            peer = await client_from(backend.ws, "203.0.113.5")
            await peer.send(type="start", queue="neuvola")
            reply = await next_reply(peer)
            answers.append(reply["type"] if reply["type"] == "started" else reply["code"])
            await peer.close()
        assert answers == ["started"] * 3 + ["rate_limited"] * 3, answers
        elsewhere = await client_from(backend.ws, "203.0.113.6")
        await elsewhere.send(type="start", queue="neuvola")
        assert (await next_reply(elsewhere))["type"] == "started"
        await elsewhere.close()
