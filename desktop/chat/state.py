"""What the workstation knows, updated from server frames. Pure: no Qt, no I/O.

``Workstation.apply(frame)`` folds one frame into the state and returns the events a view
cares about, so the bridge can turn each into one Qt signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from protocol.messages import (
    CallbackCreate,
    CallbackSummary,
    ChatLine,
    ClientIdentity,
    Clinic,
    Colleague,
    ErrorFrame,
    Frame,
    HandbookSummary,
    HandoffLink,
    QueueFigures,
    RecordSettings,
    ServerToStaffFrame,
    StaffChatMessage,
    StaffNoteView,
    StaffProfile,
    StaffStatus,
    ToStaffAccounts,
    ToStaffAck,
    ToStaffAdvice,
    ToStaffBoard,
    ToStaffCallback,
    ToStaffCallbackCreated,
    ToStaffCallbackFigures,
    ToStaffCallbackOffer,
    ToStaffCallbackOfferWithdrawn,
    ToStaffCallbacks,
    ToStaffCallIn,
    ToStaffCallOutcomeSaved,
    ToStaffChat,
    ToStaffChatHistory,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffColleagues,
    ToStaffConversation,
    ToStaffDigiState,
    ToStaffHandbookChanged,
    ToStaffHandbookHistory,
    ToStaffHandbookIndex,
    ToStaffHandbookPage,
    ToStaffHandbookResults,
    ToStaffHandbookSaved,
    ToStaffHandbookVersion,
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
    ToStaffReport,
    ToStaffRosterImported,
    ToStaffRosterWeek,
    ToStaffSignInUrl,
    ToStaffStatus,
    ToStaffTyping,
    channel_members,
)


class LinkState(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    AUTH_FAILED = "auth_failed"


class EventKind(StrEnum):
    LINK = "link"
    LOGGED_IN = "logged_in"
    STATUS = "status"
    METER = "meter"
    OFFER = "offer"
    OFFER_GONE = "offer_gone"
    CONVERSATION = "conversation"  # opened or its lines changed
    TYPING = "typing"
    CLOSED = "closed"
    ERROR = "error"
    HANDBOOK_INDEX = "handbook_index"
    HANDBOOK_PAGE = "handbook_page"
    HANDBOOK_RESULTS = "handbook_results"
    HANDBOOK_HISTORY = "handbook_history"
    HANDBOOK_VERSION = "handbook_version"
    HANDBOOK_SAVED = "handbook_saved"
    HANDBOOK_CHANGED = "handbook_changed"
    CALLBACKS = "callbacks"  # her callback list changed
    CALLBACK = "callback"  # one callback opened (detail: its id)
    CALLBACK_CREATED = "callback_created"  # detail: the new id
    CALLBACK_OFFER = "callback_offer"  # an offer came or went
    CALL_OUTCOME_SAVED = "call_outcome_saved"
    CALLBACK_FIGURES = "callback_figures"
    LEFT = "left"  # a conversation left this desktop without closing (detail: why)
    PICTURE = "picture"  # a full picture arrived (detail: its id)
    STAFF_CHAT = "staff_chat"  # staff messages or read marks changed (detail: channel)
    COLLEAGUES = "colleagues"
    BOARD = "board"  # the supervisor's board changed
    REPORT = "report"  # a report arrived
    ADVICE = "advice"  # staffing advice arrived
    ROSTER = "roster"  # a roster import or save was answered
    ROSTER_WEEK = "roster_week"  # a week of the roster, for the grid
    DIGI = "digi"  # a digi-agent's state changed (standby, asked, helping, returning)
    CALL_IN = "call_in"  # a digi-agent is asked to help
    MY_FIGURES = "my_figures"
    ACCOUNTS = "accounts"  # the staff accounts (supervisors), after a request or a change


@dataclass(frozen=True)
class Event:
    kind: EventKind
    conversation_id: str | None = None
    detail: str | None = None


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
class PendingStaffMessage:
    channel: str
    client_msg_id: str
    text: str


def channel_peer(channel: str, me: str) -> str | None:
    """The colleague at the other end of a direct channel (None: the help channel)."""
    ends = channel_members(channel)
    if ends is None:
        return None
    return ends[1] if ends[0] == me else ends[0]


@dataclass
class StaffChatState:
    """The help channel and direct messages: messages by channel, and how far she read."""

    messages: dict[str, list[StaffChatMessage]] = field(default_factory=dict)
    read: dict[str, int] = field(default_factory=dict)
    pending: list[PendingStaffMessage] = field(default_factory=list)

    def add(self, message: StaffChatMessage) -> None:
        items = self.messages.setdefault(message.channel, [])
        if any(m.id == message.id for m in items):
            return
        items.append(message)
        items.sort(key=lambda m: m.id)

    def unread(self, channel: str, me: str) -> int:
        last = self.read.get(channel, 0)
        return sum(1 for m in self.messages.get(channel, []) if m.id > last and m.sender != me)

    def total_unread(self, me: str) -> int:
        return sum(self.unread(channel, me) for channel in self.messages)

    def mark_read(self, channel: str) -> int | None:
        """Everything in ``channel`` read; the id to tell the server, if it moved."""
        items = self.messages.get(channel, [])
        if not items or self.read.get(channel, 0) >= items[-1].id:
            return None
        self.read[channel] = items[-1].id
        return items[-1].id


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
    handbook_pages: list[HandbookSummary] = field(default_factory=list)
    handbook_page: ToStaffHandbookPage | None = None
    handbook_results: ToStaffHandbookResults | None = None
    handbook_history: ToStaffHandbookHistory | None = None
    handbook_version: ToStaffHandbookVersion | None = None
    # Important changes announced while she was logged in, newest last.
    handbook_notices: list[ToStaffHandbookChanged] = field(default_factory=list)
    callbacks: list[CallbackSummary] = field(default_factory=list)
    callback: ToStaffCallback | None = None  # the one opened last
    callback_offer: ToStaffCallbackOffer | None = None
    callback_figures: ToStaffCallbackFigures | None = None
    board: ToStaffBoard | None = None  # supervisors only
    report: ToStaffReport | None = None  # the last report she asked for
    advice: ToStaffAdvice | None = None
    roster_imported: ToStaffRosterImported | None = None
    roster_week: ToStaffRosterWeek | None = None
    accounts: ToStaffAccounts | None = None  # supervisors only
    digi: ToStaffDigiState | None = None  # set for digi-agents only
    call_in: ToStaffCallIn | None = None  # the open ask, while she is asked
    my_figures: ToStaffMyFigures | None = None
    timezone: str = "Europe/Helsinki"  # the service's (its days are days there)
    clinics: list[Clinic] = field(default_factory=list)
    queue_skills: dict[str, str] = field(default_factory=dict)
    queue_channels: dict[str, str] = field(default_factory=dict)
    colleagues: list[Colleague] = field(default_factory=list)
    staff_chat: StaffChatState = field(default_factory=StaffChatState)
    pictures: dict[int, ToStaffPicture] = field(default_factory=dict)
    queue_links: dict[str, list[HandoffLink]] = field(default_factory=dict)
    record: RecordSettings = field(default_factory=RecordSettings)
    # Callbacks she asked for, by request id, until the backend says they were made.
    callbacks_asked: dict[int, CallbackCreate] = field(default_factory=dict)

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

    def _on_chat_history(self, frame: ToStaffChatHistory) -> list[Event]:
        self.staff_chat.messages = {}
        for message in frame.messages:
            self.staff_chat.add(message)
        self.staff_chat.read = dict(frame.read)
        return [Event(EventKind.STAFF_CHAT)]

    def _on_chat(self, frame: ToStaffChat) -> list[Event]:
        self.staff_chat.add(frame.message)
        if frame.client_msg_id is not None:
            self.staff_chat.pending = [
                p for p in self.staff_chat.pending if p.client_msg_id != frame.client_msg_id
            ]
            self.staff_chat.read[frame.message.channel] = max(
                frame.message.id, self.staff_chat.read.get(frame.message.channel, 0)
            )
        return [Event(EventKind.STAFF_CHAT, detail=frame.message.channel)]

    def _on_colleagues(self, frame: ToStaffColleagues) -> list[Event]:
        self.colleagues = frame.items
        return [Event(EventKind.COLLEAGUES)]

    def _on_callback_offer(self, frame: ToStaffCallbackOffer) -> list[Event]:
        self.callback_offer = frame
        return [Event(EventKind.CALLBACK_OFFER, detail=str(frame.summary.id))]

    def _on_callback_offer_withdrawn(self, frame: ToStaffCallbackOfferWithdrawn) -> list[Event]:
        if self.callback_offer and self.callback_offer.summary.id == frame.callback_id:
            self.callback_offer = None
        return [Event(EventKind.CALLBACK_OFFER, detail=str(frame.callback_id))]

    def _on_callback_figures(self, frame: ToStaffCallbackFigures) -> list[Event]:
        self.callback_figures = frame
        return [Event(EventKind.CALLBACK_FIGURES)]

    def _on_board(self, frame: ToStaffBoard) -> list[Event]:
        self.board = frame
        return [Event(EventKind.BOARD)]

    def _on_report(self, frame: ToStaffReport) -> list[Event]:
        self.report = frame
        return [Event(EventKind.REPORT)]

    def _on_my_figures(self, frame: ToStaffMyFigures) -> list[Event]:
        self.my_figures = frame
        return [Event(EventKind.MY_FIGURES)]

    def _on_advice(self, frame: ToStaffAdvice) -> list[Event]:
        self.advice = frame
        return [Event(EventKind.ADVICE)]

    def _on_roster_imported(self, frame: ToStaffRosterImported) -> list[Event]:
        self.roster_imported = frame
        return [Event(EventKind.ROSTER)]

    def _on_roster_week(self, frame: ToStaffRosterWeek) -> list[Event]:
        self.roster_week = frame
        return [Event(EventKind.ROSTER_WEEK)]

    def _on_sign_in_url(self, _frame: ToStaffSignInUrl) -> list[Event]:
        return []  # the connection's sign-in takes it (before the log-in); nothing to show

    def _on_accounts(self, frame: ToStaffAccounts) -> list[Event]:
        self.accounts = frame
        return [Event(EventKind.ACCOUNTS)]

    def _on_call_in(self, frame: ToStaffCallIn) -> list[Event]:
        self.call_in = frame
        return [Event(EventKind.CALL_IN)]

    def _on_digi_state(self, frame: ToStaffDigiState) -> list[Event]:
        self.digi = frame
        if frame.state != "asked":
            self.call_in = None
        return [Event(EventKind.DIGI)]

    def _on_callbacks(self, frame: ToStaffCallbacks) -> list[Event]:
        self.callbacks = frame.items
        return [Event(EventKind.CALLBACKS)]

    def _on_call_outcome_saved(self, frame: ToStaffCallOutcomeSaved) -> list[Event]:
        return [Event(EventKind.CALL_OUTCOME_SAVED, detail=frame.call_id)]

    def _on_callback(self, frame: ToStaffCallback) -> list[Event]:
        self.callback = frame
        return [Event(EventKind.CALLBACK, detail=str(frame.summary.id))]

    def callback_asked(self, frame: CallbackCreate) -> None:
        self.callbacks_asked[frame.request_id] = frame

    def _on_callback_created(self, frame: ToStaffCallbackCreated) -> list[Event]:
        # Made: it belongs to the conversation's record entry from now on.
        asked = self.callbacks_asked.pop(frame.request_id, None)
        chat = self.chats.get(asked.conversation_id or "") if asked else None
        events = [Event(EventKind.CALLBACK_CREATED, detail=str(frame.callback_id))]
        if chat is not None and asked is not None:
            chat.callbacks.append(asked)
            events.append(Event(EventKind.CONVERSATION, chat.conversation_id))
        return events

    def _on_handbook_index(self, frame: ToStaffHandbookIndex) -> list[Event]:
        self.handbook_pages = frame.pages
        return [Event(EventKind.HANDBOOK_INDEX)]

    def _on_handbook_page(self, frame: ToStaffHandbookPage) -> list[Event]:
        self.handbook_page = frame
        self.handbook_pages = [
            p.model_copy(update={"unread": False}) if p.id == frame.page.id else p
            for p in self.handbook_pages
        ]
        return [
            Event(EventKind.HANDBOOK_PAGE, detail=frame.page.id),
            Event(EventKind.HANDBOOK_INDEX),
        ]

    def _on_handbook_results(self, frame: ToStaffHandbookResults) -> list[Event]:
        self.handbook_results = frame
        return [Event(EventKind.HANDBOOK_RESULTS)]

    def _on_handbook_history(self, frame: ToStaffHandbookHistory) -> list[Event]:
        self.handbook_history = frame
        return [Event(EventKind.HANDBOOK_HISTORY, detail=frame.page_id)]

    def _on_handbook_version(self, frame: ToStaffHandbookVersion) -> list[Event]:
        self.handbook_version = frame
        return [Event(EventKind.HANDBOOK_VERSION, detail=frame.page_id)]

    def _on_handbook_saved(self, frame: ToStaffHandbookSaved) -> list[Event]:
        return [Event(EventKind.HANDBOOK_SAVED, detail=frame.page_id)]

    def _on_handbook_changed(self, frame: ToStaffHandbookChanged) -> list[Event]:
        if frame.important:
            self.handbook_notices.append(frame)
        others = [p for p in self.handbook_pages if p.id != frame.page_id]
        self.handbook_pages = [*others, frame.page]
        return [
            Event(EventKind.HANDBOOK_INDEX),
            Event(EventKind.HANDBOOK_CHANGED, detail=frame.page_id),
        ]

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


# Frame type -> the Workstation method that applies it (a test checks all are here).
FRAME_HANDLERS: dict[type[Frame], Callable[[Workstation, Any], list[Event]]] = {
    ToStaffNote: Workstation._on_note,
    ToStaffParticipants: Workstation._on_participants,
    ToStaffLeft: Workstation._on_left,
    ToStaffPicture: Workstation._on_picture,
    ToStaffChatHistory: Workstation._on_chat_history,
    ToStaffChat: Workstation._on_chat,
    ToStaffColleagues: Workstation._on_colleagues,
    ToStaffCallbackOffer: Workstation._on_callback_offer,
    ToStaffCallbackOfferWithdrawn: Workstation._on_callback_offer_withdrawn,
    ToStaffCallbackFigures: Workstation._on_callback_figures,
    ToStaffBoard: Workstation._on_board,
    ToStaffReport: Workstation._on_report,
    ToStaffMyFigures: Workstation._on_my_figures,
    ToStaffAdvice: Workstation._on_advice,
    ToStaffRosterImported: Workstation._on_roster_imported,
    ToStaffRosterWeek: Workstation._on_roster_week,
    ToStaffAccounts: Workstation._on_accounts,
    ToStaffSignInUrl: Workstation._on_sign_in_url,
    ToStaffCallIn: Workstation._on_call_in,
    ToStaffDigiState: Workstation._on_digi_state,
    ToStaffCallbacks: Workstation._on_callbacks,
    ToStaffCallOutcomeSaved: Workstation._on_call_outcome_saved,
    ToStaffCallback: Workstation._on_callback,
    ToStaffCallbackCreated: Workstation._on_callback_created,
    ToStaffHandbookIndex: Workstation._on_handbook_index,
    ToStaffHandbookPage: Workstation._on_handbook_page,
    ToStaffHandbookResults: Workstation._on_handbook_results,
    ToStaffHandbookHistory: Workstation._on_handbook_history,
    ToStaffHandbookVersion: Workstation._on_handbook_version,
    ToStaffHandbookSaved: Workstation._on_handbook_saved,
    ToStaffHandbookChanged: Workstation._on_handbook_changed,
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
}
