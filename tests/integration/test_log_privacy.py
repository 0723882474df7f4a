"""No client address in any log line: uvicorn's own WebSocket lines included, and the
proxy's X-Forwarded-For address as well as the socket's."""

from __future__ import annotations

from pathlib import Path

import websockets

from tests.helpers import BackendProcess, Peer, free_port, staff

FORWARDED = "203.0.113.77"  # a documentation address, as a proxy would pass it on


async def test_the_log_keeps_no_client_address(tmp_path: Path) -> None:
    backend = BackendProcess(
        tmp_path, free_port(), extra_env={"LUUKKU_FORWARDED_ALLOW_IPS": "127.0.0.1"}
    )
    backend.start()
    try:
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola")
        await client.expect("started")
        proxied = Peer(
            await websockets.connect(
                backend.ws + "/ws/client", additional_headers={"X-Forwarded-For": FORWARDED}
            )
        )
        await proxied.send(type="start", queue="neuvola")
        await proxied.expect("started")
        nurse = await staff(backend.ws, "hoitaja", ready=False)
        await nurse.send(type="login", username="x", password="y")  # a refused frame
        await nurse.expect("error")
        for peer in (client, proxied, nurse):
            await peer.close()
    finally:
        backend.stop()
    log = backend.log_path.read_text()
    assert '"WebSocket /ws/client" [accepted]' in log  # the lines are there, scrubbed
    # ... but not the WebSocket library's two lines a socket (backend/cli/logs.py).
    assert "connection open" not in log and "connection closed" not in log
    assert "127.0.0.1" not in log and FORWARDED not in log
