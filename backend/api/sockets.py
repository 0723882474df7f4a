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

from backend.digi import DigiAgents
from backend.domain.ratelimit import TokenBucket
from backend.hub import Hub
from backend.supervision import Supervision
from protocol.gateway import GatewayHello, parse_gateway_frame
from protocol.messages import (
    CallbackAttempt,
    CallbackCreate,
    CallbackDecline,
    CallbackFiguresRequest,
    CallbackListRequest,
    CallbackOpen,
    CallbackTake,
    ClientLeave,
    ClientMessage,
    ClientResume,
    ClientStart,
    ClientTyping,
    ErrorCode,
    ErrorFrame,
    Frame,
    GuideHistoryRequest,
    GuideIndexRequest,
    GuideOpen,
    GuideRestore,
    GuideSave,
    GuideSearch,
    GuideVersionRequest,
    ProtocolError,
    StaffAccept,
    StaffAdviceRequest,
    StaffCallForHelp,
    StaffCallInAnswer,
    StaffCallOutcome,
    StaffChatRead,
    StaffChatSend,
    StaffClose,
    StaffConsultEnd,
    StaffDigiLeave,
    StaffInvite,
    StaffLogin,
    StaffLogout,
    StaffMyFiguresRequest,
    StaffNote,
    StaffOpen,
    StaffPhoneState,
    StaffPictureOpen,
    StaffPictureRequest,
    StaffReportRequest,
    StaffResumeSession,
    StaffRosterImport,
    StaffRosterSave,
    StaffRosterWeekRequest,
    StaffSend,
    StaffSetStatus,
    StaffSupervise,
    StaffTransfer,
    StaffTyping,
    StaffVideoLink,
    parse_client_frame,
    parse_staff_frame,
)

log = logging.getLogger("luukku.api")
FLOOD_CLOSE_AFTER = 200


TRANSPORT_KEY = "luukku.transport"


class TransportInScope:
    """ASGI middleware: puts a websocket's transport into its scope under ``TRANSPORT_KEY``,
    so that a link can abort a peer that stopped reading. Starlette exposes no transport;
    the server's own ``send`` callable (uvicorn's protocol method) holds it, and only the
    outermost middleware still sees that callable unwrapped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            transport = getattr(getattr(send, "__self__", None), "transport", None)
            if isinstance(transport, asyncio.Transport):
                scope = {**scope, TRANSPORT_KEY: transport}
        await self.app(scope, receive, send)


class SocketLink:
    """One socket's outgoing side: a bounded queue drained by the link's own writer task.

    ``send`` never waits for the peer, so nothing the hub does (the tick, routing, the
    meter, a fan-out to many sockets) can be held up by one slow or stalled reader, and
    frames leave in the order the hub decided them. A peer that falls behind by more than
    ``max_queued`` frames, or does not take one frame within ``deadline_s``, is closed with
    ``TOO_SLOW`` (4008); its clients resume from where they were.
    """

    TOO_SLOW = 4008

    def __init__(self, ws: WebSocket, max_queued: int = 2000, deadline_s: float = 10.0) -> None:
        self.ws = ws
        self.max_queued = max_queued
        self.deadline_s = deadline_s
        self._queue: deque[str | tuple[int, str]] = deque()
        self._wake = asyncio.Event()
        self._closing = False
        self._writer = asyncio.get_running_loop().create_task(self._write(), name="socket-writer")

    @property
    def queued(self) -> int:
        return len(self._queue)

    async def send(self, frame: Frame) -> None:
        self.push(frame)

    def push(self, frame: Frame) -> None:
        if self._closing:
            return
        if len(self._queue) >= self.max_queued:
            log.warning("socket %d frames behind: closed", len(self._queue))
            self._queue.clear()
            self._close_later(self.TOO_SLOW, "too slow")
            return
        self._queue.append(frame.model_dump_json())
        self._wake.set()

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Closes after what is already queued (never waits for the peer)."""
        self._close_later(code, reason)

    def _close_later(self, code: int, reason: str) -> None:
        if not self._closing:
            self._closing = True
            self._queue.append((code, reason))
            self._wake.set()

    async def stop(self) -> None:
        """The socket is gone: the writer ends (frames still queued are dropped)."""
        self._closing = True
        self._writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._writer

    def _abort(self) -> None:
        """Drop the connection without flushing: a close handshake, and even a plain TCP
        close, waits for a peer that reads, and this one does not."""
        transport = self.ws.scope.get(TRANSPORT_KEY)
        if isinstance(transport, asyncio.Transport):
            transport.abort()

    async def _write(self) -> None:
        ws = self.ws
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
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
    message = await ws.receive()
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
    """The receive loop both sockets share: rate limit, then ``handle``; every failure of
    one frame becomes an error frame and the socket carries on."""
    try:
        while (raw := await _receive(ws)) is not None:
            try:
                if not bucket.allow(time.monotonic()):
                    if bucket.refused_in_row > FLOOD_CLOSE_AFTER:
                        await ws.close(1008, "flood")
                        return
                    raise ProtocolError(ErrorCode.RATE_LIMITED, "slow down")
                await handle(raw)
            except ProtocolError as exc:
                await link.send(exc.frame)
            except Exception:
                log.exception("%s frame failed", side)
                await link.send(ErrorFrame(code=ErrorCode.INTERNAL, detail="internal error"))
    except WebSocketDisconnect:
        pass


async def client_socket(ws: WebSocket) -> None:
    hub: Hub = ws.app.state.hub
    limits = hub.config.limits
    await ws.accept()
    link = SocketLink(ws)
    conversation_id: str | None = None

    async def handle(raw: str | bytes) -> None:
        nonlocal conversation_id
        frame = parse_client_frame(raw)
        if isinstance(frame, ClientStart | ClientResume):
            if conversation_id is not None:
                raise ProtocolError(ErrorCode.BAD_FRAME, "a conversation is already open")
            if isinstance(frame, ClientStart):
                address = ws.client.host if ws.client else "-"
                if not hub.client_limits.start(address, time.monotonic()):
                    raise ProtocolError(
                        ErrorCode.RATE_LIMITED, "too many chats started from here; wait a while"
                    )
                conversation_id = await hub.client_start(link, frame)
            else:
                conversation_id = await hub.client_resume(link, frame)
            return
        if conversation_id is None:
            raise ProtocolError(ErrorCode.BAD_FRAME, "start or resume a conversation first")
        if isinstance(frame, ClientMessage):
            if not hub.client_limits.line(conversation_id, time.monotonic()):
                # Per conversation, not per socket: resuming does not refill it.
                raise ProtocolError(ErrorCode.RATE_LIMITED, "slow down", ref=frame.client_msg_id)
            await hub.client_message(conversation_id, frame)
        elif isinstance(frame, ClientTyping):
            await hub.client_typing(conversation_id, frame.typing)
        elif isinstance(frame, ClientLeave):
            await hub.client_leave(conversation_id)

    try:
        bucket = TokenBucket(limits.client_frames_per_s, limits.client_burst)
        await _serve(ws, link, bucket, handle, "client")
    finally:
        if conversation_id is not None:
            await hub.client_gone(conversation_id, link)
        await link.stop()


async def staff_socket(ws: WebSocket) -> None:
    hub: Hub = ws.app.state.hub
    supervision: Supervision = ws.app.state.supervision
    digi: DigiAgents = ws.app.state.digi
    limits = hub.config.limits
    await ws.accept()
    link = SocketLink(ws)
    username: str | None = None

    async def handle(raw: str | bytes) -> None:
        nonlocal username
        frame = parse_staff_frame(raw)
        if isinstance(frame, StaffLogin | StaffResumeSession):
            if username is not None:
                raise ProtocolError(ErrorCode.BAD_FRAME, "already logged in")
            if isinstance(frame, StaffLogin):
                address = ws.client.host if ws.client else "-"
                username = await hub.staff_login(link, frame.username, frame.password, address)
            else:
                username = await hub.staff_resume(link, frame.session_token)
            return
        if username is None:
            raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "log in first")
        if isinstance(frame, StaffLogout):
            await hub.staff_logout(username, link)
            return
        if isinstance(frame, StaffSupervise):
            await supervision.supervise(username, frame)
        elif isinstance(frame, StaffReportRequest):
            await supervision.report(username, frame)
        elif isinstance(frame, StaffMyFiguresRequest):
            await supervision.my_figures(username, frame)
        elif isinstance(frame, StaffAdviceRequest):
            await supervision.advice(username, frame)
        elif isinstance(frame, StaffRosterImport):
            await supervision.import_roster(username, frame)
        elif isinstance(frame, StaffCallInAnswer):
            await digi.answer(username, frame)
        elif isinstance(frame, StaffDigiLeave):
            await digi.leave(username)
        elif isinstance(frame, StaffCallForHelp):
            await digi.call_for_help(username, frame)
        elif isinstance(frame, StaffSetStatus) and digi.on_standby(username):
            # On standby she is in no queue; Ready comes from joining a call-in.
            raise ProtocolError(ErrorCode.CONFLICT, "on standby: join a call-in to take contacts")
        elif isinstance(frame, StaffRosterWeekRequest):
            await supervision.roster_week(username, frame)
        elif isinstance(frame, StaffRosterSave):
            await supervision.save_roster(username, frame)
        else:
            await _staff_dispatch(hub, username, frame)

    try:
        bucket = TokenBucket(limits.staff_frames_per_s, limits.staff_burst)
        await _serve(ws, link, bucket, handle, "staff")
    finally:
        if username is not None:
            await hub.staff_gone(username, link)
        await link.stop()


async def _staff_dispatch(hub: Hub, username: str, frame: Frame) -> None:
    guides, collab = hub.guides, hub.collab
    if isinstance(frame, StaffTransfer):
        await collab.transfer(username, frame)
    elif isinstance(frame, StaffInvite):
        await collab.invite(username, frame)
    elif isinstance(frame, StaffConsultEnd):
        await collab.end_consult(username, frame)
    elif isinstance(frame, StaffNote):
        await collab.note(username, frame)
    elif isinstance(frame, StaffVideoLink):
        await collab.video_link(username, frame)
    elif isinstance(frame, StaffPictureRequest):
        await collab.picture_request(username, frame)
    elif isinstance(frame, StaffPictureOpen):
        await collab.open_picture(username, frame)
    elif isinstance(frame, StaffChatSend):
        await hub.staff_chat.send(username, frame)
    elif isinstance(frame, StaffChatRead):
        await hub.staff_chat.read(username, frame)
    elif isinstance(frame, CallbackTake):
        await hub.callbacks.take(username, frame)
    elif isinstance(frame, CallbackDecline):
        await hub.callbacks.decline(username, frame)
    elif isinstance(frame, CallbackFiguresRequest):
        await hub.callbacks.send_figures(username, frame)
    elif isinstance(frame, CallbackCreate):
        await hub.callbacks.create(username, frame)
    elif isinstance(frame, CallbackListRequest):
        await hub.callbacks.send_list(username)
    elif isinstance(frame, CallbackOpen):
        await hub.callbacks.open(username, frame)
    elif isinstance(frame, CallbackAttempt):
        await hub.callbacks.attempt(username, frame)
    elif isinstance(frame, GuideIndexRequest):
        await guides.index(username)
    elif isinstance(frame, GuideOpen):
        await guides.open(username, frame)
    elif isinstance(frame, GuideSearch):
        await guides.search(username, frame)
    elif isinstance(frame, GuideSave):
        await guides.save(username, frame)
    elif isinstance(frame, GuideHistoryRequest):
        await guides.history(username, frame)
    elif isinstance(frame, GuideVersionRequest):
        await guides.version(username, frame)
    elif isinstance(frame, GuideRestore):
        await guides.restore(username, frame)
    elif isinstance(frame, StaffSetStatus):
        await hub.set_status(username, frame)
    elif isinstance(frame, StaffAccept):
        await hub.accept(username, frame)
    elif isinstance(frame, StaffOpen):
        await hub.open(username, frame)
    elif isinstance(frame, StaffSend):
        await hub.staff_send(username, frame)
    elif isinstance(frame, StaffTyping):
        await hub.staff_typing(username, frame.conversation_id, frame.typing)
    elif isinstance(frame, StaffClose):
        await hub.close(username, frame)
    elif isinstance(frame, StaffPhoneState):
        await hub.set_on_call(username, frame.on_call)
    elif isinstance(frame, StaffCallOutcome):
        await hub.phone.record_outcome(username, frame)


async def gateway_socket(ws: WebSocket) -> None:
    """The phone gateway (protocol/gateway.py): authenticated by its shared token."""
    hub: Hub = ws.app.state.hub
    await ws.accept()
    link = SocketLink(ws)
    gateway_id: str | None = None

    async def handle(raw: str | bytes) -> None:
        nonlocal gateway_id
        frame = parse_gateway_frame(raw)
        if isinstance(frame, GatewayHello):
            if gateway_id is not None:
                raise ProtocolError(ErrorCode.BAD_FRAME, "already said hello")
            gateway_id = await hub.phone.hello(link, frame)
            return
        if gateway_id is None:
            raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "hello first")
        await hub.phone.handle(gateway_id, frame)

    try:
        # A busy gateway sends a few frames per call: 50 calls a second is far inside this.
        await _serve(ws, link, TokenBucket(500, 2000), handle, "gateway")
    finally:
        if gateway_id is not None:
            await hub.phone.gone(gateway_id, link)
        await link.stop()
