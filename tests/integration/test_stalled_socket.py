"""One client socket that never reads must not stall anyone else (the hub's tick, the
meter, offer lapses, health), and is itself closed once it falls behind."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.helpers import OPEN_ALWAYS, Peer, running_backend, staff

LINES = 400  # 15.6 KB of UTF-8 each


def _masked(payload: bytes) -> bytes:
    """One client-to-server text frame (RFC 6455: clients mask)."""
    mask = os.urandom(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    size = len(payload)
    if size < 126:
        head = bytes([0x81, 0x80 | size])
    elif size < 1 << 16:
        head = bytes([0x81, 0x80 | 126]) + size.to_bytes(2, "big")
    else:
        head = bytes([0x81, 0x80 | 127]) + size.to_bytes(8, "big")
    return head + mask + body


def backend_holds(proc: subprocess.Popen[bytes] | None, peer_port: int) -> bool:
    """Whether the backend process still has a socket connected to ``peer_port``."""
    assert proc is not None
    out = subprocess.run(
        ["ss", "-Htnp", "dst", f"127.0.0.1:{peer_port}"], capture_output=True, text=True
    ).stdout
    return f"pid={proc.pid}," in out


def stalled_resume(port: int, frame: dict[str, object]) -> socket.socket:
    """A raw websocket with a tiny receive window that sends ``frame`` and never reads."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET /ws/client HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    reply = b""
    while b"\r\n\r\n" not in reply:
        reply += sock.recv(1)
    assert b" 101 " in reply.split(b"\r\n", 1)[0]
    sock.sendall(_masked(json.dumps({"v": 1, **frame}).encode()))
    return sock


async def test_a_client_that_never_reads_stalls_nobody(tmp_path: Path) -> None:
    service = tmp_path / "service.toml"
    service.write_text(
        OPEN_ALWAYS.read_text().replace(
            "client_frames_per_s = 5\nclient_burst = 20",
            "client_frames_per_s = 1000\nclient_burst = 1000",
        )
    )
    with running_backend(tmp_path, service) as backend:
        # B ahead of A in a queue nobody serves now; A writes ~6 MB of long lines (more
        # than the kernel's socket buffers take: up to 4 MB here).
        first = await Peer.connect(backend.ws + "/ws/client")
        await first.send(type="start", queue="neuvola")
        await first.expect("started")
        victim = await Peer.connect(backend.ws + "/ws/client")
        await victim.send(type="start", queue="neuvola")
        started = await victim.expect("started")
        for i in range(LINES):
            line = {
                "v": 1,
                "type": "message",
                "client_msg_id": f"m{i}",
                "text": "\U0001f600" * 3900,
            }
            await victim.send_raw(json.dumps(line, ensure_ascii=False))
        for _ in range(LINES):
            await victim.expect("ack", timeout=20)
        watcher = await staff(backend.ws, "hoitaja", ready=False)
        # The attacker resumes A from the start and never reads.
        attacker = stalled_resume(
            backend.port,
            {
                "type": "resume",
                "conversation_id": started["conversation_id"],
                "token": started["token"],
                "last_seq": 0,
            },
        )
        await asyncio.sleep(2)
        await first.send(type="leave")  # A's position changes: a frame for the stalled socket
        await asyncio.sleep(1)

        # Meanwhile everyone else is served on time.
        psy = await staff(backend.ws, "psyk")
        other = await Peer.connect(backend.ws + "/ws/client")
        await other.send(type="start", queue="mipa")
        c3 = (await other.expect("started"))["conversation_id"]
        await psy.expect("offer", conversation_id=c3)
        offered = time.monotonic()
        await psy.expect("offer_withdrawn", timeout=10, conversation_id=c3)
        lapse_s = time.monotonic() - offered
        assert lapse_s < 3 + 1.5, lapse_s  # the service's offer timeout is 3 s

        meters: list[float] = []
        end = time.monotonic() + 12
        while time.monotonic() < end:
            await watcher.expect("meter", timeout=5)
            meters.append(time.monotonic())
        gaps = [b - a for a, b in itertools.pairwise(meters)]
        figures = f"meter gap max {max(gaps):.2f} s, offer lapsed {lapse_s:.2f} s"
        print(f"beside a stalled client: {figures}")
        assert max(gaps) < 3.0, gaps
        with urllib.request.urlopen(backend.http + "/api/health", timeout=3) as response:
            health = json.loads(response.read())
        assert health["status"] == "ok" and health["tick_age_s"] < 1.0, health

        # The stalled socket itself was let go: the backend process no longer holds it
        # (what it had queued is the kernel's to discard), and it said why, without the
        # client's address.
        attacker_port = attacker.getsockname()[1]
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and backend_holds(backend.proc, attacker_port):
            await asyncio.sleep(0.2)
        assert not backend_holds(backend.proc, attacker_port)
        attacker.close()
        assert "took no frame" in backend.log_path.read_text()
        for peer in (watcher, psy, other, victim, first):
            await peer.close()
