"""What the workstation knows, updated from server frames. Pure: no Qt, no I/O.

``Workstation.apply(frame)`` folds one frame into the state and returns the events a view
cares about, so the bridge can turn each into one Qt signal. The workstation keeps the
connection, her status, the meter, offers and open chats; each other feature keeps its
own slice (the handbook ``desktop/guides/state.py``, callbacks ``desktop/callbacks/``,
the supervisor's room ``desktop/supervisor/state.py``, digi-agents ``desktop/digi/``,
colleagues' chat ``desktop/colleague_messages/``), assembled here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from desktop.callbacks.state import CALLBACK_FRAMES, CallbackState
from desktop.colleague_messages.state import COLLEAGUE_MESSAGE_FRAMES, ColleagueMessagesState
from desktop.digi.state import DIGI_FRAMES, DigiState
from desktop.events import Event, EventKind
from desktop.guides.state import HANDBOOK_FRAMES, HandbookState
from desktop.supervisor.state import ROOM_FRAMES, RoomState
from protocol.messages import (
    CallbackCreate,
    ChatLine,
    ClientIdentity,
    Clinic,
    Colleague,
    ErrorFrame,
    Frame,
    HandoffLink,
    QueueFigures,
    RecordSettings,
    ServerToStaffFrame,
    StaffNoteView,
    StaffProfile,
    StaffStatus,
    ToStaffAck,
    ToStaffCallbackCreated,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffColleagues,
    ToStaffConversation,
    ToStaffLeft,
    ToStaffLoggedIn,
    ToStaffMessage,
    ToStaffMeter,
    ToStaffMyFigures,
    ToStaffNote,
    ToStaffOffer,
    ToStaffOfferWithdrawn,
    ToStaffParticipants,
    ToStaffPicture,
    ToStaffSignInUrl,
    ToStaffStatus,
    ToStaffTyping,
)


class LinkState(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    AUTH_FAILED = "auth_failed"


@dataclass
class PendingLine:
    client_msg_id: str
    text: str


@dataclass
class Chat:
    conversation_id: str
    queue: str
    client_name: str | None
    client_phone: str | None
    started_at: datetime
    lines: list[ChatLine] = field(default_factory=list)
    pending: list[PendingLine] = field(default_factory=list)
    client_typing: bool = False
    client_left: bool = False
    closed: bool = False
    notes: list[StaffNoteView] = field(default_factory=list)
    owner: str | None = None
    consultants: list[str] = field(default_factory=list)
    role: str = "reader"  # "owner" | "consultant" | "reader"
    lang: str = "fi"  # the client's
    # Client lines that arrived while she was looking elsewhere (the view resets it).
    unread: int = 0
    # She identified with Suomi.fi; who she is comes only with the opened conversation.
    identified: bool = False
    identity: ClientIdentity | None = None
    callbacks: list[CallbackCreate] = field(default_factory=list)  # made in this chat

    def waiting_since(self) -> datetime | None:
        """When the client's oldest unanswered line came: the client waits for her since
        then (None: the last word was hers, or nothing was said yet)."""
        since = None
        for line in self.lines:
            if line.author == "client":
                since = since or line.at
            elif line.author == "staff":
                since = None
        return since

    def add(self, line: ChatLine) -> None:
        if any(existing.seq == line.seq for existing in self.lines):
            return
        self.lines.append(line)
        self.lines.sort(key=lambda item: item.seq)


@dataclass
class Workstation:
    link: LinkState = LinkState.CONNECTING
    profile: StaffProfile | None = None
    status: StaffStatus = StaffStatus.OFFLINE
    reason: str | None = None
    wrap_up_until: datetime | None = None  # Wrap-up ends by itself then (server's clock)
    # What she chose last: re-applied after a reconnect, which the server starts Not ready.
    wanted_status: StaffStatus | None = None
    on_call: bool = False  # the softphone's word, re-sent after a reconnect
    wanted_reason: str | None = None
    queue_names: dict[str, dict[str, str]] = field(default_factory=dict)
    meter: list[QueueFigures] = field(default_factory=list)
    meter_at: datetime | None = None
    offers: dict[str, ToStaffOffer] = field(default_factory=dict)
    chats: dict[str, Chat] = field(default_factory=dict)
    last_error: ErrorFrame | None = None
    placeholders: dict[str, str] = field(default_factory=dict)
    my_figures: ToStaffMyFigures | None = None
    timezone: str = "Europe/Helsinki"  # the service's (its days are days there)
    clinics: list[Clinic] = field(default_factory=list)
    queue_skills: dict[str, str] = field(default_factory=dict)
    queue_channels: dict[str, str] = field(default_factory=dict)
    colleagues: list[Colleague] = field(default_factory=list)
    # Each feature's slice: its records, its frames (assembled in FRAME_HANDLERS below).
    handbook: HandbookState = field(default_factory=HandbookState)
    callbacks: CallbackState = field(default_factory=CallbackState)
    room: RoomState = field(default_factory=RoomState)  # supervisors only
    digi: DigiState = field(default_factory=DigiState)  # digi-agents only
    colleague_messages: ColleagueMessagesState = field(default_factory=ColleagueMessagesState)
    pictures: dict[int, ToStaffPicture] = field(default_factory=dict)
    queue_links: dict[str, list[HandoffLink]] = field(default_factory=dict)
    record: RecordSettings = field(default_factory=RecordSettings)

    @property
    def me(self) -> str:
        return self.profile.username if self.profile else ""

    def colleague_name(self, username: str) -> str:
        found = next((c for c in self.colleagues if c.username == username), None)
        return found.display_name if found else username

    def queue_name(self, queue: str, lang: str) -> str:
        names = self.queue_names.get(queue, {})
        return names.get(lang) or names.get("fi") or queue

    def today(self) -> date:
        """Today in the service's time zone: a desktop abroad or on UTC asks for the
        service's day, not its own."""
        return datetime.now(ZoneInfo(self.timezone)).date()

    def set_link(self, link: LinkState) -> list[Event]:
        self.link = link
        return [Event(EventKind.LINK, detail=link.value)]

    def apply(self, frame: ServerToStaffFrame) -> list[Event]:
        """A frame from the backend: the state it changes, and the events that follow."""
        handler = FRAME_HANDLERS.get(type(frame))
        return [] if handler is None else handler(self, frame)

    # --- one method per frame (FRAME_HANDLERS below) ----------------------------------

    def _on_note(self, frame: ToStaffNote) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is None:
            return []
        if all(n.id != frame.note.id for n in chat.notes):
            chat.notes.append(frame.note)
        return [Event(EventKind.CONVERSATION, frame.conversation_id)]

    def _on_participants(self, frame: ToStaffParticipants) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is None:
            return []
        chat.owner, chat.consultants = frame.owner, frame.consultants
        return [Event(EventKind.CONVERSATION, frame.conversation_id)]

    def _on_left(self, frame: ToStaffLeft) -> list[Event]:
        chat = self.chats.pop(frame.conversation_id, None)
        return [Event(EventKind.LEFT, frame.conversation_id, frame.reason)] if chat else []

    def _on_picture(self, frame: ToStaffPicture) -> list[Event]:
        # Only the last few: full pictures are large, and she can open one again.
        self.pictures[frame.picture_id] = frame
        while len(self.pictures) > 5:
            self.pictures.pop(next(iter(self.pictures)))
        return [Event(EventKind.PICTURE, frame.conversation_id, str(frame.picture_id))]

    def _on_colleagues(self, frame: ToStaffColleagues) -> list[Event]:
        self.colleagues = frame.items
        return [Event(EventKind.COLLEAGUES)]

    def _on_my_figures(self, frame: ToStaffMyFigures) -> list[Event]:
        self.my_figures = frame
        return [Event(EventKind.MY_FIGURES)]

    def _on_sign_in_url(self, _frame: ToStaffSignInUrl) -> list[Event]:
        return []  # the connection's sign-in takes it (before the log-in); nothing to show

    def _on_callback_created(self, frame: ToStaffCallbackCreated) -> list[Event]:
        # Made: it belongs to the conversation's record entry from now on.
        asked = self.callbacks.asked.pop(frame.request_id, None)
        chat = self.chats.get(asked.conversation_id or "") if asked else None
        events = [Event(EventKind.CALLBACK_CREATED, detail=str(frame.callback_id))]
        if chat is not None and asked is not None:
            chat.callbacks.append(asked)
            events.append(Event(EventKind.CONVERSATION, chat.conversation_id))
        return events

    def _on_logged_in(self, frame: ToStaffLoggedIn) -> list[Event]:
        self.profile = frame.profile
        self.status = frame.status
        self.queue_names = frame.queue_names
        self.placeholders = frame.placeholders
        self.clinics = frame.clinics
        self.queue_skills = frame.queue_skills
        self.queue_channels = dict(frame.queue_channels)
        self.timezone = frame.timezone
        self.queue_links = frame.queue_links
        self.record = frame.record
        self.link = LinkState.ONLINE
        return [Event(EventKind.LOGGED_IN), Event(EventKind.LINK, detail=LinkState.ONLINE.value)]

    def _on_status(self, frame: ToStaffStatus) -> list[Event]:
        self.status = frame.status
        self.reason = frame.reason
        self.wrap_up_until = frame.wrap_up_until
        if frame.reason == "missed_offer":
            # The server set her Not ready: a reconnect must not quietly undo that.
            self.wanted_status, self.wanted_reason = frame.status, frame.reason
        return [Event(EventKind.STATUS)]

    def _on_meter(self, frame: ToStaffMeter) -> list[Event]:
        self.meter = frame.queues
        self.meter_at = frame.at
        return [Event(EventKind.METER)]

    def _on_offer(self, frame: ToStaffOffer) -> list[Event]:
        self.offers[frame.conversation_id] = frame
        return [Event(EventKind.OFFER, frame.conversation_id)]

    def _on_offer_withdrawn(self, frame: ToStaffOfferWithdrawn) -> list[Event]:
        self.offers.pop(frame.conversation_id, None)
        return [Event(EventKind.OFFER_GONE, frame.conversation_id, frame.reason)]

    def _on_conversation(self, frame: ToStaffConversation) -> list[Event]:
        view = frame.conversation
        self.offers.pop(view.conversation_id, None)
        chat = self.chats.get(view.conversation_id)
        if chat is None:
            chat = Chat(
                view.conversation_id,
                view.queue,
                view.client_name,
                view.client_phone,
                view.started_at,
            )
            self.chats[view.conversation_id] = chat
        for line in view.lines:
            chat.add(line)
        chat.closed = view.state == "closed"
        chat.lang = view.lang
        chat.notes = list(view.notes)
        chat.owner, chat.consultants, chat.role = view.owner, view.consultants, view.role
        chat.identified, chat.identity = view.identified, view.identity
        return [Event(EventKind.CONVERSATION, view.conversation_id)]

    def _on_message(self, frame: ToStaffMessage) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is None:
            return []
        known = len(chat.lines)
        chat.add(frame.line)
        if frame.line.author == "client":
            chat.client_typing = False
            if len(chat.lines) > known:
                chat.unread += 1
        if frame.line.author == "system" and frame.line.text == "client_left":
            chat.client_left = True
        return [Event(EventKind.CONVERSATION, frame.conversation_id)]

    def _on_ack(self, frame: ToStaffAck) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is None:
            return []
        sent = next((p for p in chat.pending if p.client_msg_id == frame.client_msg_id), None)
        if sent is not None:
            chat.pending.remove(sent)
            name = self.profile.display_name.split()[0] if self.profile else None
            chat.add(
                ChatLine(
                    seq=frame.seq,
                    author="staff",
                    author_name=name,
                    text=sent.text,
                    at=datetime.now(UTC),
                )
            )
        return [Event(EventKind.CONVERSATION, frame.conversation_id)]

    def _on_typing(self, frame: ToStaffTyping) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is None:
            return []
        chat.client_typing = frame.typing
        return [Event(EventKind.TYPING, frame.conversation_id)]

    def _on_client_left(self, frame: ToStaffClientLeft) -> list[Event]:
        chat = self.chats.get(frame.conversation_id)
        if chat is not None:
            chat.client_left = True
        return [Event(EventKind.CONVERSATION, frame.conversation_id)]

    def _on_closed(self, frame: ToStaffClosed) -> list[Event]:
        chat = self.chats.pop(frame.conversation_id, None)
        return [Event(EventKind.CLOSED, frame.conversation_id)] if chat else []

    def _on_error(self, frame: ErrorFrame) -> list[Event]:
        self.last_error = frame
        # Before log-in every refusal (a malformed or throttled log-in too) ends the
        # attempt with a visible error: never "Connecting…" forever.
        if frame.code == "auth_failed" or (self.profile is None and frame.ref is None):
            self.link = LinkState.AUTH_FAILED
            return [
                Event(EventKind.ERROR, frame.ref, frame.code),
                Event(EventKind.LINK, detail=LinkState.AUTH_FAILED.value),
            ]
        return [Event(EventKind.ERROR, frame.ref, frame.code)]


Handler = Callable[[Workstation, Any], list[Event]]


def _slice(
    table: dict[type[Frame], Callable[[Any, Any], list[Event]]], name: str
) -> dict[type[Frame], Handler]:
    """A feature slice's frame table, as handlers of the whole workstation."""

    def on(apply: Callable[[Any, Any], list[Event]]) -> Handler:
        return lambda ws, frame: apply(getattr(ws, name), frame)

    return {kind: on(apply) for kind, apply in table.items()}


# Frame type -> what applies it: the workstation's own, then each feature slice's (a test
# checks that every frame to staff is here exactly once).
FRAME_HANDLERS: dict[type[Frame], Handler] = {
    ToStaffNote: Workstation._on_note,
    ToStaffParticipants: Workstation._on_participants,
    ToStaffLeft: Workstation._on_left,
    ToStaffPicture: Workstation._on_picture,
    ToStaffColleagues: Workstation._on_colleagues,
    ToStaffMyFigures: Workstation._on_my_figures,
    ToStaffSignInUrl: Workstation._on_sign_in_url,
    ToStaffCallbackCreated: Workstation._on_callback_created,
    ToStaffLoggedIn: Workstation._on_logged_in,
    ToStaffStatus: Workstation._on_status,
    ToStaffMeter: Workstation._on_meter,
    ToStaffOffer: Workstation._on_offer,
    ToStaffOfferWithdrawn: Workstation._on_offer_withdrawn,
    ToStaffConversation: Workstation._on_conversation,
    ToStaffMessage: Workstation._on_message,
    ToStaffAck: Workstation._on_ack,
    ToStaffTyping: Workstation._on_typing,
    ToStaffClientLeft: Workstation._on_client_left,
    ToStaffClosed: Workstation._on_closed,
    ErrorFrame: Workstation._on_error,
    **_slice(HANDBOOK_FRAMES, "handbook"),
    **_slice(CALLBACK_FRAMES, "callbacks"),
    **_slice(ROOM_FRAMES, "room"),
    **_slice(DIGI_FRAMES, "digi"),
    **_slice(COLLEAGUE_MESSAGE_FRAMES, "colleague_messages"),
}
