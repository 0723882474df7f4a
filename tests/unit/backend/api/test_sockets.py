"""A socket's outgoing side: written at once while the peer keeps up, queued (in order)
when it does not, and never a frame overtaking one written before it."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from starlette.websockets import WebSocket, WebSocketState
from uvicorn.config import Config
from uvicorn.server import ServerState
from websockets.protocol import State

from backend.api.sockets import PROTOCOL_KEY, SEND_KEY, SocketLink
from backend.api.ws_protocol import CentreWebSocketProtocol


class Peer:
    """The server's protocol as the link sees it: ``write_text`` writes at once while the
    peer's buffer has room; ``send`` (the server's own, for the writer task) waits for it."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.room = asyncio.Event()
        self.room.set()

    def write_text(self, text: str) -> bool:
        if not self.room.is_set():
            return False
        self.received.append(text)
        return True

    async def send(self, message: dict[str, Any]) -> None:
        await self.room.wait()
        self.received.append(message["text"])


class Socket:
    application_state = WebSocketState.CONNECTED

    def __init__(self, peer: Peer) -> None:
        self.scope = {PROTOCOL_KEY: peer, SEND_KEY: peer.send}


def link_to(peer: Peer) -> SocketLink:
    return SocketLink(cast(WebSocket, Socket(peer)))


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_peer_that_keeps_up_gets_each_frame_at_once_with_no_task() -> None:
    peer = Peer()
    link = link_to(peer)
    for n in range(3):
        link.send_text(f"f{n}")
        assert peer.received == [f"f{i}" for i in range(n + 1)]
    assert link.queued == 0
    await link.stop()


async def test_frames_wait_in_order_while_the_peer_is_full_and_none_overtakes() -> None:
    peer = Peer()
    link = link_to(peer)
    link.send_text("a")
    peer.room.clear()  # the peer stopped taking: its buffer is over the high-water mark
    link.send_text("b")
    await settle()
    # The writer holds "b" now (the queue is empty): "c" must still not go before it.
    link.send_text("c")
    link.send_text("d")
    await settle()
    assert peer.received == ["a"]
    peer.room.set()
    await settle()
    assert peer.received == ["a", "b", "c", "d"]
    # Caught up: straight through again.
    link.send_text("e")
    assert peer.received[-1] == "e"
    await link.stop()


async def test_a_peer_far_behind_is_closed_as_too_slow() -> None:
    peer = Peer()
    link = SocketLink(cast(WebSocket, Socket(peer)), max_queued=3)
    peer.room.clear()
    for n in range(10):
        link.send_text(f"f{n}")
    await settle()
    assert peer.received == []
    # Past the limit the queue was dropped and nothing more is taken.
    assert link.queued <= 1
    link.send_text("late")
    assert "late" not in peer.received
    await link.stop()


class Transport:
    def __init__(self) -> None:
        self.paused = False
        self.written: list[bytes] = []

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return False


def protocol() -> tuple[CentreWebSocketProtocol, Transport]:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        return None

    config = Config(app=app, ws=CentreWebSocketProtocol, log_config=None)
    config.load()
    proto = CentreWebSocketProtocol(config, ServerState(), {}, asyncio.get_running_loop())
    transport = Transport()
    proto.transport = cast(asyncio.Transport, transport)
    proto.handshake_complete = True
    proto.conn.state = State.OPEN  # as after the opening handshake
    proto.curr_msg_data_type = "text"
    return proto, transport


async def test_reading_goes_on_while_frames_wait_for_the_app_until_a_flood() -> None:
    proto, transport = protocol()
    for n in range(CentreWebSocketProtocol.MAX_WAITING - 1):
        proto.frames = [f"m{n}".encode()]
        proto.send_receive_event_to_app()
    # uvicorn alone stops reading after the first frame (and then answers no ping).
    assert not transport.paused
    proto.frames = [b"one too many"]
    proto.send_receive_event_to_app()
    assert transport.paused
    while not proto.queue.empty():
        await proto.receive()
    assert not transport.paused


async def test_a_frame_is_written_at_once_only_while_the_peer_has_room() -> None:
    proto, transport = protocol()
    assert proto.write_text("hei") is True
    assert len(transport.written) == 1 and transport.written[0].endswith(b"hei")
    proto.pause_writing()
    assert proto.write_text("odota") is False
    proto.resume_writing()
    proto.close_sent = True
    assert proto.write_text("suljettu") is False
    assert len(transport.written) == 1
