"""The staff desktop's one connection to the backend, kept alive by itself.

Reconnects with exponential backoff (0.5 s doubling to 10 s, with jitter so hundreds of
workstations do not all knock at once after a backend restart). After a reconnect it
resumes the session (token in memory only), re-applies the status she chose, and resends
every message that was not yet acknowledged — the server stores each ``client_msg_id``
once, so a resend never duplicates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal

import websockets
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from desktop.chat.sign_in import LoopbackReceiver, ProviderSignIn, SignInFailed
from desktop.chat.state import LinkState, PendingLine, Workstation
from desktop.colleague_messages.state import PendingColleagueMessage
from desktop.events import Event
from protocol.messages import (
    CallbackAttempt,
    CallbackCreate,
    CallbackDecline,
    CallbackFiguresRequest,
    CallbackListRequest,
    CallbackOpen,
    CallbackOutcome,
    CallbackTake,
    ColleagueMessageSend,
    ColleagueMessagesRead,
    ErrorCode,
    ErrorFrame,
    Frame,
    HandbookHistoryRequest,
    HandbookIndexRequest,
    HandbookOpen,
    HandbookRestore,
    HandbookSave,
    HandbookSearch,
    HandbookVersionRequest,
    Outcome,
    ProtocolError,
    ReportInterval,
    RosterShiftLine,
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
    StaffStatus,
    StaffSupervise,
    StaffTransfer,
    StaffTyping,
    StaffVideoLink,
    ToStaffLoggedIn,
    ToStaffSignInUrl,
    parse_to_staff_frame,
)

log = logging.getLogger("luukku.desktop.connection")

Listener = Callable[[Event], None]


class StaffConnection:
    def __init__(
        self,
        base_url: str,
        username: str,
        password: str,
        state: Workstation | None = None,
        max_backoff_s: float = 10.0,
        sign_in: ProviderSignIn | None = None,
    ) -> None:
        self.http_base = base_url.rstrip("/")
        ws_base = base_url.replace("https://", "wss://").replace("http://", "ws://").rstrip("/")
        self.url = ws_base + "/ws/staff"
        self.username = username
        self._password = password
        # Set: she signs in with the organisation's provider (no username or password here).
        self._sign_in = sign_in
        self.state = state or Workstation()
        self.max_backoff_s = max_backoff_s
        self._listeners: list[Listener] = []
        self._ws: websockets.ClientConnection | None = None
        self._session_token: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, events: list[Event]) -> None:
        for event in events:
            for listener in self._listeners:
                try:
                    listener(event)
                except Exception:
                    log.exception("listener failed")

    # --- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="staff-connection")

    async def stop(self) -> None:
        """Leaving: the session is ended at the backend (its token resumes nothing more),
        then the socket closes."""
        self._stopping = True
        if self._ws is not None and self.state.profile is not None:
            await self.send(StaffLogout())
        if self._ws is not None:
            await self._ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        backoff = 0.5
        while not self._stopping:
            try:
                async with websockets.connect(self.url, open_timeout=5, max_size=2**24) as ws:
                    self._ws = ws
                    backoff = 0.5
                    await self._hello(ws)
                    if self._refused():
                        return
                    async for raw in ws:
                        self._on_raw(raw)
                        if self.state.link is LinkState.AUTH_FAILED:
                            return
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError) as exc:
                log.info("backend connection lost: %s", type(exc).__name__)
            finally:
                self._ws = None
            if self._stopping or self.state.link is LinkState.AUTH_FAILED:
                return
            self._emit(self.state.set_link(LinkState.RECONNECTING))
            await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
            backoff = min(backoff * 2, self.max_backoff_s)

    def _refused(self) -> bool:
        """The backend (or the browser's sign-in) said no: no reconnecting."""
        return self.state.link is LinkState.AUTH_FAILED

    async def _hello(self, ws: websockets.ClientConnection) -> None:
        if self._session_token:
            await ws.send(StaffResumeSession(session_token=self._session_token).model_dump_json())
        elif self._sign_in is not None:
            await self._sign_in_on(ws, self._sign_in)
        else:
            await ws.send(
                StaffLogin(username=self.username, password=self._password).model_dump_json()
            )

    async def _sign_in_on(self, ws: websockets.ClientConnection, sign_in: ProviderSignIn) -> None:
        """The provider's sign-in on this socket: the backend's address for the browser,
        the browser to it, the code from the loopback address back on the same socket
        (``logged_in`` then arrives as after a password)."""
        receiver = await LoopbackReceiver.start(sign_in)
        try:
            await ws.send(StaffSignInStart(redirect_uri=receiver.redirect_uri).model_dump_json())
            while True:
                frame = parse_to_staff_frame(await ws.recv())
                if isinstance(frame, ToStaffSignInUrl):
                    break
                self._emit(self.state.apply(frame))
                if self._refused():
                    return
            sign_in.open_browser(frame.url)
            try:
                code, state = await asyncio.wait_for(receiver.result, sign_in.timeout_s)
            except (SignInFailed, TimeoutError) as exc:
                detail = str(exc) or "the sign-in was not finished in the browser"
                self._emit(self.state.apply(ErrorFrame(code=ErrorCode.AUTH_FAILED, detail=detail)))
                return
            await ws.send(StaffSignInFinish(code=code, state=state).model_dump_json())
        finally:
            await receiver.close()

    def _on_raw(self, raw: str | bytes) -> None:
        try:
            frame = parse_to_staff_frame(raw)
        except ProtocolError:
            log.warning("unreadable frame from backend ignored")
            return
        if isinstance(frame, ToStaffLoggedIn):
            self._session_token = frame.session_token
            asyncio.get_running_loop().create_task(self._after_login())
        if (
            frame.type == "error"
            and frame.code == "auth_failed"
            and self._session_token is not None
        ):
            # The session expired (or the backend lost it): one fresh login with the password.
            self._session_token = None
            if self._ws is not None:
                asyncio.get_running_loop().create_task(self._hello(self._ws))
            return
        self._emit(self.state.apply(frame))

    async def _after_login(self) -> None:
        await self.send(HandbookIndexRequest())
        await self.send(CallbackListRequest())
        wanted = self.state.wanted_status
        if wanted is not None and wanted is not self.state.status:
            await self.send(StaffSetStatus(status=wanted, reason=self.state.wanted_reason))
        if self.state.on_call:
            # A backend that restarted mid-call must not offer her chats meanwhile.
            await self.send(StaffPhoneState(on_call=True))
        for waiting in list(self.state.colleague_messages.pending):
            await self.send(
                ColleagueMessageSend(
                    channel=waiting.channel, client_msg_id=waiting.client_msg_id, text=waiting.text
                )
            )
        for chat in self.state.chats.values():
            for pending in list(chat.pending):
                await self.send(
                    StaffSend(
                        conversation_id=chat.conversation_id,
                        client_msg_id=pending.client_msg_id,
                        text=pending.text,
                    )
                )

    async def send(self, frame: Frame) -> bool:
        ws = self._ws
        if ws is None:
            return False
        try:
            await ws.send(frame.model_dump_json())
        except ConnectionClosed:
            return False
        return True

    # --- what the views call --------------------------------------------------------------

    async def set_status(self, status: StaffStatus, reason: str | None = None) -> None:
        self.state.wanted_status, self.state.wanted_reason = status, reason
        await self.send(StaffSetStatus(status=status, reason=reason))

    async def callback_create(self, frame: CallbackCreate) -> None:
        self.state.callbacks.ask(frame)
        await self.send(frame)

    async def record_copied(self, contact: str) -> None:
        await self.send(StaffRecordCopied(contact=contact))

    async def handoff_used(self, contact: str, link: str) -> None:
        await self.send(StaffHandoffUsed(contact=contact, link=link))

    async def callback_open(self, callback_id: int) -> None:
        await self.send(CallbackOpen(callback_id=callback_id))

    async def callback_attempt(self, callback_id: int, outcome: CallbackOutcome, note: str) -> None:
        await self.send(CallbackAttempt(callback_id=callback_id, outcome=outcome, note=note))

    async def call_outcome(self, call_id: str, outcome: Outcome, wrap_up: str) -> None:
        await self.send(StaffCallOutcome(call_id=call_id, outcome=outcome, wrap_up=wrap_up))

    async def phone_state(self, on_call: bool) -> None:
        self.state.on_call = on_call
        await self.send(StaffPhoneState(on_call=on_call))

    async def accept(self, conversation_id: str) -> None:
        await self.send(StaffAccept(conversation_id=conversation_id))

    async def open(self, conversation_id: str) -> None:
        await self.send(StaffOpen(conversation_id=conversation_id))

    async def reply(self, conversation_id: str, text: str) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return
        pending = PendingLine(uuid.uuid4().hex, text)
        chat.pending.append(pending)
        await self.send(
            StaffSend(
                conversation_id=conversation_id, client_msg_id=pending.client_msg_id, text=text
            )
        )

    async def typing(self, conversation_id: str, typing: bool) -> None:
        await self.send(StaffTyping(conversation_id=conversation_id, typing=typing))

    # --- working together -----------------------------------------------------------------

    async def transfer(
        self, conversation_id: str, queue: str | None, to_user: str | None, note: str
    ) -> None:
        await self.send(
            StaffTransfer(conversation_id=conversation_id, queue=queue, to_user=to_user, note=note)
        )

    async def invite(self, conversation_id: str, username: str) -> None:
        await self.send(StaffInvite(conversation_id=conversation_id, username=username))

    async def consult_end(self, conversation_id: str, username: str | None = None) -> None:
        await self.send(StaffConsultEnd(conversation_id=conversation_id, username=username))

    async def note(self, conversation_id: str, text: str) -> None:
        await self.send(StaffNote(conversation_id=conversation_id, text=text))

    async def video_link(self, conversation_id: str) -> None:
        await self.send(StaffVideoLink(conversation_id=conversation_id))

    async def picture_request(self, conversation_id: str) -> None:
        await self.send(StaffPictureRequest(conversation_id=conversation_id))

    async def picture_open(self, picture_id: int) -> None:
        await self.send(StaffPictureOpen(picture_id=picture_id))

    async def colleague_send(self, channel: str, text: str) -> None:
        """Kept until acknowledged, and sent again after a reconnect (stored once)."""
        pending = PendingColleagueMessage(channel, uuid.uuid4().hex, text)
        self.state.colleague_messages.pending.append(pending)
        await self.send(
            ColleagueMessageSend(channel=channel, client_msg_id=pending.client_msg_id, text=text)
        )

    async def colleague_read(self, channel: str, up_to: int) -> None:
        await self.send(ColleagueMessagesRead(channel=channel, up_to=up_to))

    async def callback_take(self, callback_id: int) -> None:
        await self.send(CallbackTake(callback_id=callback_id))

    async def callback_decline(self, callback_id: int) -> None:
        await self.send(CallbackDecline(callback_id=callback_id))

    async def callback_figures(self) -> None:
        await self.send(CallbackFiguresRequest())

    # --- the supervisor's room ------------------------------------------------------------

    async def supervise(
        self, username: str, action: Literal["not_ready", "sign_out"], reason: str
    ) -> None:
        await self.send(StaffSupervise(username=username, action=action, reason=reason))

    async def request_report(
        self, first: date, last: date, interval: ReportInterval, queues: list[str], staff: bool
    ) -> None:
        await self.send(
            StaffReportRequest(
                first=first,
                last=last,
                interval=interval,
                queues=queues,
                staff=staff,
            )
        )

    async def my_figures(self, first: date, last: date) -> None:
        await self.send(StaffMyFiguresRequest(first=first, last=last))

    async def request_advice(self, first: date, days: int, interval: Literal["30", "60"]) -> None:
        await self.send(StaffAdviceRequest(first=first, days=days, interval=interval))

    async def import_roster(self, csv_text: str) -> None:
        await self.send(StaffRosterImport(csv=csv_text))

    async def answer_call_in(self, call_in: int, minutes: int | None, reason: str) -> None:
        await self.send(StaffCallInAnswer(call_in=call_in, minutes=minutes, reason=reason))

    async def digi_leave(self) -> None:
        await self.send(StaffDigiLeave())

    async def call_for_help(self, queues: list[str], count: int, username: str | None) -> None:
        await self.send(StaffCallForHelp(queues=queues, count=count, username=username))

    async def request_accounts(self) -> None:
        await self.send(StaffAccountsRequest())

    async def change_account(self, change: StaffAccountChange) -> None:
        await self.send(change)

    async def request_roster_week(self, day: date) -> None:
        await self.send(StaffRosterWeekRequest(day=day))

    async def save_roster(self, monday: date, version: str, shifts: list[RosterShiftLine]) -> None:
        await self.send(StaffRosterSave(monday=monday, version=version, shifts=shifts))

    async def export_report(self, query: dict[str, str], destination: Path) -> None:
        """The report as a file from the backend (the same figures, and a row per contact),
        fetched with her session token: nothing is written unless it all arrived."""
        token = self._session_token
        if token is None:
            raise ConnectionError("not logged in")
        url = self.http_base + "/api/report?" + urllib.parse.urlencode(query)

        def fetch() -> None:
            request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=120) as response:
                body = response.read()
            partial = destination.with_name(destination.name + ".part")
            partial.write_bytes(body)
            partial.replace(destination)

        await asyncio.to_thread(fetch)

    # --- the handbook ---------------------------------------------------------------------

    async def handbook_open(self, page_id: str) -> None:
        await self.send(HandbookOpen(page_id=page_id))

    async def handbook_search(self, query: str, request_id: int) -> None:
        await self.send(HandbookSearch(query=query[:200], request_id=request_id))

    async def handbook_save(self, frame: HandbookSave) -> None:
        await self.send(frame)

    async def handbook_history(self, page_id: str) -> None:
        await self.send(HandbookHistoryRequest(page_id=page_id))

    async def handbook_version(self, page_id: str, version: int) -> None:
        await self.send(HandbookVersionRequest(page_id=page_id, version=version))

    async def handbook_restore(self, page_id: str, version: int, base_version: int) -> None:
        await self.send(
            HandbookRestore(page_id=page_id, version=version, base_version=base_version)
        )

    async def close_chat(self, conversation_id: str, outcome: Outcome, wrap_up: str) -> None:
        await self.send(
            StaffClose(conversation_id=conversation_id, outcome=outcome, wrap_up=wrap_up)
        )
