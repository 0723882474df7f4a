"""The HTTP side of a connection: once it is upgraded to a WebSocket, the HTTP protocol
object is freed at once, not left in a cycle for the garbage collector's next pass; and a
connection reset after its response keeps no keep-alive timer."""

from __future__ import annotations

import asyncio
import gc
import weakref
from typing import Any, cast

from uvicorn.config import Config
from uvicorn.server import ServerState

from backend.api.http_protocol import CentreHttpProtocol
from backend.api.ws_protocol import CentreWebSocketProtocol

UPGRADE = (
    b"GET /ws/client HTTP/1.1\r\n"
    b"Host: 127.0.0.1\r\n"
    b"Upgrade: websocket\r\n"
    b"Connection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    b"Sec-WebSocket-Version: 13\r\n"
    b"\r\n"
)


class Transport:
    def __init__(self) -> None:
        self.protocol: object | None = None
        self.written: list[bytes] = []
        self.closed = False

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default

    def set_protocol(self, protocol: object) -> None:
        self.protocol = protocol

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def hello(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hei"})


async def refused(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "websocket.close", "code": 1000})


async def test_an_upgraded_connection_s_http_protocol_is_freed_without_the_collector() -> None:
    config = Config(
        app=refused, http=CentreHttpProtocol, ws=CentreWebSocketProtocol, log_config=None
    )
    config.load()
    transport = Transport()
    was_on = gc.isenabled()
    gc.disable()
    try:
        http = CentreHttpProtocol(config, ServerState(), {}, asyncio.get_running_loop())
        http.connection_made(cast(asyncio.Transport, transport))
        http.data_received(UPGRADE)
        assert isinstance(transport.protocol, CentreWebSocketProtocol)
        gone = weakref.ref(http)
        del http
        # uvicorn's own protocol stays alive here until a cycle search (its parser holds
        # its methods): ~25 objects a socket.
        assert gone() is None
        await asyncio.sleep(0.05)  # the refused socket's app runs to its end
        assert transport.closed
    finally:
        if was_on:
            gc.enable()


async def test_a_connection_reset_after_its_response_keeps_no_keep_alive_timer() -> None:
    config = Config(app=hello, http=CentreHttpProtocol, log_config=None)
    config.load()
    transport = Transport()
    http = CentreHttpProtocol(config, ServerState(), {}, asyncio.get_running_loop())
    http.connection_made(cast(asyncio.Transport, transport))
    http.data_received(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    async with asyncio.timeout(2):
        while http.timeout_keep_alive_task is None:
            await asyncio.sleep(0.01)
    timer = http.timeout_keep_alive_task
    assert b"".join(transport.written).startswith(b"HTTP/1.1 200")
    # uvicorn's own protocol leaves the timer (and through it the protocol) armed here.
    http.connection_lost(ConnectionResetError())
    assert timer.cancelled()
    assert http.timeout_keep_alive_task is None
