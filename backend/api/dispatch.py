"""Which code handles each incoming frame: one table per socket kind (frame type ->
handler), so a new frame is one line here and a test checks every frame of the protocol
has exactly one handler (``tests/unit/backend/api/test_dispatch.py``).

A handler gets the socket's session (who is on it, and the hub: the parts and features
it built) and the parsed frame; each frame goes to the part or feature that owns it. The
log-in (staff), start (client) and hello (gateway) guards are each written once, in
``dispatch_*``, before the table is consulted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from backend.centre.records import Link
from backend.domain.sign_in import Pending
from backend.hub import Hub
from protocol.gateway import (
    CallAnswered,
    CallArrived,
    CallCallback,
    CallChoice,
    CallDeliveryFailed,
    CallEnded,
    CallQueued,
    GatewayFrame,
    GatewayHello,
)
from protocol.messages import (
    CallbackAttempt,
    CallbackCreate,
    CallbackDecline,
    CallbackFiguresRequest,
    CallbackListRequest,
    CallbackOpen,
    CallbackTake,
    ClientFrame,
    ClientLeave,
    ClientMessage,
    ClientResume,
    ClientStart,
    ClientTyping,
    ColleagueMessageSend,
    ColleagueMessagesRead,
    ErrorCode,
    Frame,
    HandbookHistoryRequest,
    HandbookIndexRequest,
    HandbookOpen,
    HandbookRestore,
    HandbookSave,
    HandbookSearch,
    HandbookVersionRequest,
    ProtocolError,
    StaffAccept,
    StaffAccountChange,
    StaffAccountsRequest,
    StaffAdviceRequest,
    StaffCallForHelp,
    StaffCallInAnswer,
    StaffCallOutcome,
    StaffClose,
    StaffConsultEnd,
    StaffDigiLeave,
    StaffFrame,
    StaffHandoffUsed,
    StaffInvite,
    StaffLogin,
    StaffLogout,
    StaffMyFiguresRequest,
    StaffNote,
    StaffOpen,
    StaffPhoneState,
    StaffPictureOpen,
    StaffPictureRequest,
    StaffRecordCopied,
    StaffReportRequest,
    StaffResumeSession,
    StaffRosterImport,
    StaffRosterSave,
    StaffRosterWeekRequest,
    StaffSend,
    StaffSetStatus,
    StaffSignInFinish,
    StaffSignInStart,
    StaffSupervise,
    StaffTransfer,
    StaffTyping,
    StaffVideoLink,
    ToStaffSignInUrl,
)


@dataclass
class StaffSession:
    hub: Hub
    link: Link
    address: str
    username: str | None = None
    # A sign-in with the organisation's provider begun on this socket (used once).
    sign_in: Pending | None = None

    @property
    def user(self) -> str:
        assert self.username is not None  # dispatch_staff checked the log-in
        return self.username


@dataclass
class ClientSession:
    hub: Hub
    link: Link
    address: str
    conversation_id: str | None = None

    @property
    def conversation(self) -> str:
        assert self.conversation_id is not None  # dispatch_client checked the start
        return self.conversation_id


@dataclass
class GatewaySession:
    hub: Hub
    link: Link
    gateway_id: str | None = None

    @property
    def gateway(self) -> str:
        assert self.gateway_id is not None  # dispatch_gateway checked the hello
        return self.gateway_id


StaffHandler = Callable[[StaffSession, Any], Awaitable[None]]
ClientHandler = Callable[[ClientSession, Any], Awaitable[None]]
GatewayHandler = Callable[[GatewaySession, Any], Awaitable[None]]


# --- staff ------------------------------------------------------------------------------


async def _login(s: StaffSession, frame: StaffLogin | StaffResumeSession) -> None:
    if s.username is not None:
        raise ProtocolError(ErrorCode.BAD_FRAME, "already logged in")
    if isinstance(frame, StaffLogin):
        s.username = await s.hub.sessions.login(s.link, frame.username, frame.password, s.address)
    else:
        s.username = await s.hub.sessions.resume(s.link, frame.session_token)


async def _set_status(s: StaffSession, frame: StaffSetStatus) -> None:
    if s.hub.digi.on_standby(s.user):
        # On standby she is in no queue; Ready comes from joining a call-in.
        raise ProtocolError(ErrorCode.CONFLICT, "on standby: join a call-in to take contacts")
    await s.hub.routing.set_status(s.user, frame.status, frame.reason)


async def _create_callback(s: StaffSession, frame: CallbackCreate) -> None:
    await s.hub.callbacks.create(s.user, frame)  # the new id goes out in a frame of its own


async def _sign_in_start(s: StaffSession, frame: StaffSignInStart) -> None:
    if s.username is not None:
        raise ProtocolError(ErrorCode.BAD_FRAME, "already logged in")
    s.sign_in, url = await s.hub.sessions.sign_in_start(frame.redirect_uri, frame.login_hint)
    await s.hub.outbox.send_to(s.link, ToStaffSignInUrl(url=url))


async def _sign_in_finish(s: StaffSession, frame: StaffSignInFinish) -> None:
    if s.username is not None:
        raise ProtocolError(ErrorCode.BAD_FRAME, "already logged in")
    if s.sign_in is None:
        raise ProtocolError(ErrorCode.AUTH_FAILED, "no sign-in was started on this connection")
    s.username = await s.hub.sessions.sign_in_finish(s.link, s.sign_in, frame.code, frame.state)


STAFF_BEFORE_LOGIN: frozenset[type[Frame]] = frozenset(
    {StaffLogin, StaffResumeSession, StaffSignInStart, StaffSignInFinish}
)

STAFF_HANDLERS: dict[type[Frame], StaffHandler] = {
    # session
    StaffLogin: _login,
    StaffResumeSession: _login,
    StaffSignInStart: _sign_in_start,
    StaffSignInFinish: _sign_in_finish,
    StaffLogout: lambda s, f: s.hub.sessions.logout(s.user, s.link),
    # her work: status, offers, conversations
    StaffSetStatus: _set_status,
    StaffAccept: lambda s, f: s.hub.chat.accept(s.user, f),
    StaffOpen: lambda s, f: s.hub.chat.open(s.user, f),
    StaffSend: lambda s, f: s.hub.chat.staff_send(s.user, f),
    StaffTyping: lambda s, f: s.hub.chat.staff_typing(s.user, f.conversation_id, f.typing),
    StaffClose: lambda s, f: s.hub.chat.close(s.user, f),
    StaffPhoneState: lambda s, f: s.hub.routing.on_call(s.user, f.on_call),
    StaffCallOutcome: lambda s, f: s.hub.phone.record_outcome(s.user, f),
    # working together
    StaffTransfer: lambda s, f: s.hub.collab.transfer(s.user, f),
    StaffInvite: lambda s, f: s.hub.collab.invite(s.user, f),
    StaffConsultEnd: lambda s, f: s.hub.collab.end_consult(s.user, f),
    StaffNote: lambda s, f: s.hub.collab.note(s.user, f),
    StaffVideoLink: lambda s, f: s.hub.collab.video_link(s.user, f),
    StaffPictureRequest: lambda s, f: s.hub.collab.picture_request(s.user, f),
    StaffPictureOpen: lambda s, f: s.hub.collab.open_picture(s.user, f),
    StaffRecordCopied: lambda s, f: s.hub.record_access.copied(s.user, f),
    StaffHandoffUsed: lambda s, f: s.hub.record_access.handoff(s.user, f),
    ColleagueMessageSend: lambda s, f: s.hub.colleague_messages.send(s.user, f),
    ColleagueMessagesRead: lambda s, f: s.hub.colleague_messages.read(s.user, f),
    # callbacks
    CallbackTake: lambda s, f: s.hub.callbacks.take(s.user, f),
    CallbackDecline: lambda s, f: s.hub.callbacks.decline(s.user, f),
    CallbackFiguresRequest: lambda s, f: s.hub.callbacks.send_figures(s.user, f),
    CallbackCreate: _create_callback,
    CallbackListRequest: lambda s, f: s.hub.callbacks.send_list(s.user),
    CallbackOpen: lambda s, f: s.hub.callbacks.open(s.user, f),
    CallbackAttempt: lambda s, f: s.hub.callbacks.attempt(s.user, f),
    # the handbook
    HandbookIndexRequest: lambda s, f: s.hub.handbook.index(s.user),
    HandbookOpen: lambda s, f: s.hub.handbook.open(s.user, f),
    HandbookSearch: lambda s, f: s.hub.handbook.search(s.user, f),
    HandbookSave: lambda s, f: s.hub.handbook.save(s.user, f),
    HandbookHistoryRequest: lambda s, f: s.hub.handbook.history(s.user, f),
    HandbookVersionRequest: lambda s, f: s.hub.handbook.version(s.user, f),
    HandbookRestore: lambda s, f: s.hub.handbook.restore(s.user, f),
    # the supervisor's room (each checks the role itself), her own figures
    StaffSupervise: lambda s, f: s.hub.supervision.supervise(s.user, f),
    StaffReportRequest: lambda s, f: s.hub.supervision.report(s.user, f),
    StaffMyFiguresRequest: lambda s, f: s.hub.supervision.my_figures(s.user, f),
    StaffAdviceRequest: lambda s, f: s.hub.supervision.advice(s.user, f),
    StaffRosterImport: lambda s, f: s.hub.supervision.import_roster(s.user, f),
    StaffRosterWeekRequest: lambda s, f: s.hub.supervision.roster_week(s.user, f),
    StaffRosterSave: lambda s, f: s.hub.supervision.save_roster(s.user, f),
    StaffAccountsRequest: lambda s, f: s.hub.supervision.send_accounts(s.user),
    StaffAccountChange: lambda s, f: s.hub.supervision.change_account(s.user, f),
    # digi-agents
    StaffCallInAnswer: lambda s, f: s.hub.digi.answer(s.user, f),
    StaffDigiLeave: lambda s, f: s.hub.digi.leave(s.user),
    StaffCallForHelp: lambda s, f: s.hub.digi.call_for_help(s.user, f),
}


async def dispatch_staff(session: StaffSession, frame: StaffFrame) -> None:
    if session.username is None and type(frame) not in STAFF_BEFORE_LOGIN:
        raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "log in first")
    await STAFF_HANDLERS[type(frame)](session, frame)


# --- clients ----------------------------------------------------------------------------


async def _start(s: ClientSession, frame: ClientStart | ClientResume) -> None:
    if s.conversation_id is not None:
        raise ProtocolError(ErrorCode.BAD_FRAME, "a conversation is already open")
    if isinstance(frame, ClientStart):
        if not s.hub.chat.limits.may_start(s.address):
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, "too many chats started from here; wait a while"
            )
        s.conversation_id = await s.hub.chat.client_start(s.link, frame)
    else:
        s.conversation_id = await s.hub.chat.client_resume(s.link, frame)


async def _client_line(s: ClientSession, frame: ClientMessage) -> None:
    if not s.hub.chat.limits.may_send(s.conversation):
        raise ProtocolError(ErrorCode.RATE_LIMITED, "slow down", ref=frame.client_msg_id)
    await s.hub.chat.client_message(s.conversation, frame)


CLIENT_BEFORE_START: frozenset[type[Frame]] = frozenset({ClientStart, ClientResume})

CLIENT_HANDLERS: dict[type[Frame], ClientHandler] = {
    ClientStart: _start,
    ClientResume: _start,
    ClientMessage: _client_line,
    ClientTyping: lambda s, f: s.hub.chat.client_typing(s.conversation, f.typing),
    ClientLeave: lambda s, f: s.hub.chat.client_leave(s.conversation),
}


async def dispatch_client(session: ClientSession, frame: ClientFrame) -> None:
    if session.conversation_id is None and type(frame) not in CLIENT_BEFORE_START:
        raise ProtocolError(ErrorCode.BAD_FRAME, "start or resume a conversation first")
    await CLIENT_HANDLERS[type(frame)](session, frame)


# --- the phone gateway ------------------------------------------------------------------


async def _hello(s: GatewaySession, frame: GatewayHello) -> None:
    if s.gateway_id is not None:
        raise ProtocolError(ErrorCode.BAD_FRAME, "already said hello")
    s.gateway_id = await s.hub.phone.hello(s.link, frame)


GATEWAY_HANDLERS: dict[type[Frame], GatewayHandler] = {
    GatewayHello: _hello,
    CallArrived: lambda s, f: s.hub.phone.arrived(s.gateway, f, s.hub.clock()),
    CallChoice: lambda s, f: s.hub.phone.choice(f, s.hub.clock()),
    CallQueued: lambda s, f: s.hub.phone.queued(f, s.hub.clock()),
    CallAnswered: lambda s, f: s.hub.phone.answered(f, s.hub.clock()),
    CallDeliveryFailed: lambda s, f: s.hub.phone.delivery_failed(f, s.hub.clock()),
    CallCallback: lambda s, f: s.hub.phone.callback(f, s.hub.clock()),
    CallEnded: lambda s, f: s.hub.phone.ended(f, s.hub.clock()),
}


async def dispatch_gateway(session: GatewaySession, frame: GatewayFrame) -> None:
    if session.gateway_id is None and not isinstance(frame, GatewayHello):
        raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "hello first")
    await GATEWAY_HANDLERS[type(frame)](session, frame)
