"""WebSocket endpoints. Each frame: size check -> parse (protocol) -> rate limit -> hub.

Bad input never closes a healthy connection: it is answered with a typed ``error`` frame.
Only a sustained flood (many refused frames in a row) closes the socket (code 1008).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from backend.api.dispatch import (
    ClientSession,
    GatewaySession,
    StaffSession,
    dispatch_client,
    dispatch_gateway,
    dispatch_staff,
)
from backend.api.ws_protocol import CentreWebSocketProtocol
from backend.domain.ratelimit import TokenBucket
from backend.hub import Hub
from backend.node.lease import LeaseLost
from protocol.gateway import parse_gateway_frame
from protocol.messages import (
    ErrorCode,
    ErrorFrame,
    Frame,
    ProtocolError,
    parse_client_frame,
    parse_staff_frame,
)

log = logging.getLogger("luukku.api")
FLOOD_CLOSE_AFTER = 200


TRANSPORT_KEY = "luukku.transport"
# The server's own send: a link's frames go straight to it, not through every middleware's
# wrapper (a tenth of the event loop at 500 chats was those layers).
SEND_KEY = "luukku.send"
# The server's protocol object when it is ours (backend/api/ws_protocol.py): a link writes
# through it directly while the peer keeps up.
PROTOCOL_KEY = "luukku.protocol"


class TransportInScope:
    """ASGI middleware: puts a websocket's transport (``TRANSPORT_KEY``: a link aborts a
    peer that stopped reading), the server's own ``send`` (``SEND_KEY``) and, when it is
    ours, the server's protocol (``PROTOCOL_KEY``: a link writes through it directly) into
    its scope. Starlette exposes none of them; the server's ``send`` callable (uvicorn's
    protocol method) holds them, and only the outermost middleware still sees it
    unwrapped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            protocol = getattr(send, "__self__", None)
            transport = getattr(protocol, "transport", None)
            # uvloop's transports are not asyncio.Transport subclasses: what matters is abort.
            if callable(getattr(transport, "abort", None)):
                scope = {**scope, TRANSPORT_KEY: transport}
            if isinstance(protocol, CentreWebSocketProtocol):
                scope = {**scope, PROTOCOL_KEY: protocol}
            scope = {**scope, SEND_KEY: send}
        await self.app(scope, receive, send)


SERVICE_RESTART = 1012  # RFC 6455: the server restarts; the client comes back


class SocketLink:
    """One socket's outgoing side.

    ``send`` never waits for the peer, so nothing the hub does (the tick, routing, the
    meter, a fan-out to many sockets) can be held up by one slow or stalled reader, and
    frames leave in the order the hub decided them. While the peer keeps up, a frame is
    written at once (``CentreWebSocketProtocol.write_text``: no task or timer a frame);
    once it does not, frames wait in a bounded queue drained by the link's own writer task.
    A peer that falls behind by more than ``max_queued`` frames, or does not take one frame
    within ``deadline_s``, is closed with ``TOO_SLOW`` (4008); its clients resume from
    where they were.
    """

    TOO_SLOW = 4008

    def __init__(self, ws: WebSocket, max_queued: int = 2000, deadline_s: float = 10.0) -> None:
        self.ws = ws
        self.max_queued = max_queued
        self.deadline_s = deadline_s
        self._queue: deque[str | tuple[int, str]] = deque()
        self._wake = asyncio.Event()
        self._closing = False
        # Set while the writer task holds a frame it has not handed over yet: a frame
        # written directly meanwhile would overtake it.
        self._sending = False
        self._direct: CentreWebSocketProtocol | None = ws.scope.get(PROTOCOL_KEY)
        self._writer: asyncio.Task[None] | None = None

    @property
    def queued(self) -> int:
        return len(self._queue)

    async def send(self, frame: Frame) -> None:
        self.push(frame)

    def push(self, frame: Frame) -> None:
        if not self._closing:
            self.send_text(frame.model_dump_json())

    def send_text(self, text: str) -> None:
        if self._closing:
            return
        direct = self._direct
        if not self._queue and not self._sending and direct is not None and direct.write_text(text):
            return
        if len(self._queue) >= self.max_queued:
            log.warning("socket %d frames behind: closed", len(self._queue))
            self._queue.clear()
            self._close_later(self.TOO_SLOW, "too slow")
            return
        self._queue.append(text)
        self._wake_writer()

    def _wake_writer(self) -> None:
        # Started when first needed: most sockets never fall behind.
        if self._writer is None:
            self._writer = asyncio.get_running_loop().create_task(
                self._write(), name="socket-writer"
            )
        self._wake.set()

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Closes after what is already queued (never waits for the peer)."""
        self._close_later(code, reason)

    def _close_later(self, code: int, reason: str) -> None:
        if not self._closing:
            self._closing = True
            self._queue.append((code, reason))
            self._wake_writer()

    async def stop(self) -> None:
        """The socket is gone: the writer ends (frames still queued are dropped)."""
        self._closing = True
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer

    def _abort(self) -> None:
        """Drop the connection without flushing: a close handshake, and even a plain TCP
        close, waits for a peer that reads, and this one does not."""
        transport = self.ws.scope.get(TRANSPORT_KEY)
        if transport is not None:
            transport.abort()

    async def _write(self) -> None:
        try:
            await self._drain()
        finally:
            # A writer that ended (closed, too slow, gone) leaves nothing more to send.
            self._closing = True

    async def _drain(self) -> None:
        ws = self.ws
        raw_send: Send | None = ws.scope.get(SEND_KEY)
        while True:
            self._sending = False
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                self._sending = True
                item = self._queue.popleft()
                if ws.application_state is not WebSocketState.CONNECTED:
                    self._queue.clear()
                    return
                try:
                    if isinstance(item, tuple):
                        async with asyncio.timeout(self.deadline_s):
                            await ws.close(*item)
                        self._queue.clear()
                        return
                    async with asyncio.timeout(self.deadline_s):
                        if raw_send is not None:
                            await raw_send({"type": "websocket.send", "text": item})
                        else:
                            await ws.send_text(item)
                except TimeoutError:
                    # The peer stopped reading: drop it rather than queue for it forever.
                    log.warning("socket took no frame in %.0f s: closed", self.deadline_s)
                    self._queue.clear()
                    self._closing = True
                    with contextlib.suppress(Exception):
                        async with asyncio.timeout(1):
                            await ws.close(self.TOO_SLOW, "too slow")
                    self._abort()
                    return
                except Exception:
                    # Gone mid-send: its own receive loop cleans up.
                    self._queue.clear()
                    return


async def _receive(ws: WebSocket) -> str | bytes | None:
    try:
        message = await ws.receive()
    except WebSocketDisconnect:
        return None
    if message["type"] == "websocket.disconnect":
        return None
    text = message.get("text")
    return text if text is not None else message.get("bytes") or b""


async def _serve(
    ws: WebSocket,
    link: SocketLink,
    bucket: TokenBucket,
    handle: Callable[[str | bytes], Awaitable[None]],
    side: str,
) -> None:
    """The receive loop every socket shares: rate limit, then ``handle``; every failure of
    one frame becomes an error frame and the socket carries on.

    The server's protocol keeps reading (and answering keep-alive pings) while a frame is
    handled, however long the work behind it takes (backend/api/ws_protocol.py); a peer
    ``CentreWebSocketProtocol.MAX_WAITING`` frames ahead of its handler is not read on
    until it catches up, and one refused ``FLOOD_CLOSE_AFTER`` times in a row is closed.
    """
    while (raw := await _receive(ws)) is not None:
        if not bucket.allow(time.monotonic()):
            if bucket.refused_in_row > FLOOD_CLOSE_AFTER:
                with contextlib.suppress(Exception):
                    await ws.close(1008, "flood")
                return
            link.push(ErrorFrame(code=ErrorCode.RATE_LIMITED, detail="slow down"))
            continue
        try:
            await handle(raw)
        except ProtocolError as exc:
            await link.send(exc.frame)
        except LeaseLost:
            # This node no longer holds the centre: the peer reconnects (through the
            # front, to the active node) and resends what was not acknowledged.
            await link.close(SERVICE_RESTART, "node handing over")
            return
        except Exception:
            log.exception("%s frame failed", side)
            await link.send(ErrorFrame(code=ErrorCode.INTERNAL, detail="internal error"))


async def client_socket(ws: WebSocket) -> None:
    hub: Hub = ws.app.state.hub
    limits = hub.config.limits
    await ws.accept()
    link = SocketLink(ws)
    session = ClientSession(hub, link, ws.client.host if ws.client else "-")

    async def handle(raw: str | bytes) -> None:
        await dispatch_client(session, parse_client_frame(raw))

    try:
        bucket = TokenBucket(limits.client_frames_per_s, limits.client_burst)
        await _serve(ws, link, bucket, handle, "client")
    finally:
        if session.conversation_id is not None:
            await hub.chat.client_gone(session.conversation_id, link)
        await link.stop()


async def staff_socket(ws: WebSocket) -> None:
    hub: Hub = ws.app.state.hub
    limits = hub.config.limits
    await ws.accept()
    link = SocketLink(ws)
    session = StaffSession(
        hub,
        link,
        ws.client.host if ws.client else "-",
    )

    async def handle(raw: str | bytes) -> None:
        await dispatch_staff(session, parse_staff_frame(raw))

    try:
        bucket = TokenBucket(limits.staff_frames_per_s, limits.staff_burst)
        await _serve(ws, link, bucket, handle, "staff")
    finally:
        if session.username is not None:
            await hub.sessions.gone(session.username, link)
        await link.stop()


async def gateway_socket(ws: WebSocket) -> None:
    """The phone gateway (protocol/gateway.py): authenticated by its shared token."""
    hub: Hub = ws.app.state.hub
    await ws.accept()
    link = SocketLink(ws)
    session = GatewaySession(hub, link)

    async def handle(raw: str | bytes) -> None:
        await dispatch_gateway(session, parse_gateway_frame(raw))

    try:
        # A busy gateway sends a few frames per call: 50 calls a second is far inside this.
        await _serve(ws, link, TokenBucket(500, 2000), handle, "gateway")
    finally:
        if session.gateway_id is not None:
            await hub.phone.gone(session.gateway_id, link)
        await link.stop()
