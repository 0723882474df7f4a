"""What the workstation knows, updated from server frames. Pure: no Qt, no I/O.

``Workstation.apply(frame)`` folds one frame into the state and returns the events a view
cares about, so the bridge can turn each into one Qt signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from protocol.messages import (
    CallbackSummary,
    ChatLine,
    ErrorFrame,
    GuideSummary,
    QueueFigures,
    ServerToStaffFrame,
    StaffProfile,
    StaffStatus,
    ToStaffAck,
    ToStaffCallback,
    ToStaffCallbackCreated,
    ToStaffCallbacks,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffConversation,
    ToStaffGuideChanged,
    ToStaffGuideHistory,
    ToStaffGuideIndex,
    ToStaffGuidePage,
    ToStaffGuideResults,
    ToStaffGuideSaved,
    ToStaffGuideVersion,
    ToStaffLoggedIn,
    ToStaffMessage,
    ToStaffMeter,
    ToStaffOffer,
    ToStaffOfferWithdrawn,
    ToStaffStatus,
    ToStaffTyping,
)


class Link(StrEnum):
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
    GUIDE_INDEX = "guide_index"
    GUIDE_PAGE = "guide_page"
    GUIDE_RESULTS = "guide_results"
    GUIDE_HISTORY = "guide_history"
    GUIDE_VERSION = "guide_version"
    GUIDE_SAVED = "guide_saved"
    GUIDE_CHANGED = "guide_changed"
    CALLBACKS = "callbacks"  # her callback list changed
    CALLBACK = "callback"  # one callback opened (detail: its id)
    CALLBACK_CREATED = "callback_created"  # detail: the new id


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

    def add(self, line: ChatLine) -> None:
        if any(existing.seq == line.seq for existing in self.lines):
            return
        self.lines.append(line)
        self.lines.sort(key=lambda item: item.seq)


@dataclass
class Workstation:
    link: Link = Link.CONNECTING
    profile: StaffProfile | None = None
    status: StaffStatus = StaffStatus.OFFLINE
    reason: str | None = None
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
    guide_pages: list[GuideSummary] = field(default_factory=list)
    guide_page: ToStaffGuidePage | None = None
    guide_results: ToStaffGuideResults | None = None
    guide_history: ToStaffGuideHistory | None = None
    guide_version: ToStaffGuideVersion | None = None
    # Important changes announced while she was logged in, newest last.
    guide_notices: list[ToStaffGuideChanged] = field(default_factory=list)
    callbacks: list[CallbackSummary] = field(default_factory=list)
    callback: ToStaffCallback | None = None  # the one opened last

    def queue_name(self, queue: str, lang: str) -> str:
        names = self.queue_names.get(queue, {})
        return names.get(lang) or names.get("fi") or queue

    def set_link(self, link: Link) -> list[Event]:
        self.link = link
        return [Event(EventKind.LINK, detail=link.value)]

    def apply(self, frame: ServerToStaffFrame) -> list[Event]:
        if isinstance(frame, ToStaffCallbacks):
            self.callbacks = frame.items
            return [Event(EventKind.CALLBACKS)]
        if isinstance(frame, ToStaffCallback):
            self.callback = frame
            return [Event(EventKind.CALLBACK, detail=str(frame.summary.id))]
        if isinstance(frame, ToStaffCallbackCreated):
            return [Event(EventKind.CALLBACK_CREATED, detail=str(frame.callback_id))]
        if isinstance(frame, ToStaffGuideIndex):
            self.guide_pages = frame.pages
            return [Event(EventKind.GUIDE_INDEX)]
        if isinstance(frame, ToStaffGuidePage):
            self.guide_page = frame
            self.guide_pages = [
                p.model_copy(update={"unread": False}) if p.id == frame.page.id else p
                for p in self.guide_pages
            ]
            return [Event(EventKind.GUIDE_PAGE, detail=frame.page.id), Event(EventKind.GUIDE_INDEX)]
        if isinstance(frame, ToStaffGuideResults):
            self.guide_results = frame
            return [Event(EventKind.GUIDE_RESULTS)]
        if isinstance(frame, ToStaffGuideHistory):
            self.guide_history = frame
            return [Event(EventKind.GUIDE_HISTORY, detail=frame.page_id)]
        if isinstance(frame, ToStaffGuideVersion):
            self.guide_version = frame
            return [Event(EventKind.GUIDE_VERSION, detail=frame.page_id)]
        if isinstance(frame, ToStaffGuideSaved):
            return [Event(EventKind.GUIDE_SAVED, detail=frame.page_id)]
        if isinstance(frame, ToStaffGuideChanged):
            if frame.important:
                self.guide_notices.append(frame)
            others = [p for p in self.guide_pages if p.id != frame.page_id]
            self.guide_pages = [*others, frame.page]
            return [
                Event(EventKind.GUIDE_INDEX),
                Event(EventKind.GUIDE_CHANGED, detail=frame.page_id),
            ]
        if isinstance(frame, ToStaffLoggedIn):
            self.profile = frame.profile
            self.status = frame.status
            self.queue_names = frame.queue_names
            self.placeholders = frame.placeholders
            self.link = Link.ONLINE
            return [Event(EventKind.LOGGED_IN), Event(EventKind.LINK, detail=Link.ONLINE.value)]
        if isinstance(frame, ToStaffStatus):
            self.status = frame.status
            self.reason = frame.reason
            if frame.reason == "missed_offer":
                # The server set her Not ready: a reconnect must not quietly undo that.
                self.wanted_status, self.wanted_reason = frame.status, frame.reason
            return [Event(EventKind.STATUS)]
        if isinstance(frame, ToStaffMeter):
            self.meter = frame.queues
            self.meter_at = frame.at
            return [Event(EventKind.METER)]
        if isinstance(frame, ToStaffOffer):
            self.offers[frame.conversation_id] = frame
            return [Event(EventKind.OFFER, frame.conversation_id)]
        if isinstance(frame, ToStaffOfferWithdrawn):
            self.offers.pop(frame.conversation_id, None)
            return [Event(EventKind.OFFER_GONE, frame.conversation_id, frame.reason)]
        if isinstance(frame, ToStaffConversation):
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
            return [Event(EventKind.CONVERSATION, view.conversation_id)]
        if isinstance(frame, ToStaffMessage):
            chat = self.chats.get(frame.conversation_id)
            if chat is None:
                return []
            chat.add(frame.line)
            if frame.line.author == "client":
                chat.client_typing = False
            if frame.line.author == "system" and frame.line.text == "client_left":
                chat.client_left = True
            return [Event(EventKind.CONVERSATION, frame.conversation_id)]
        if isinstance(frame, ToStaffAck):
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
                        at=datetime.now().astimezone(),
                    )
                )
            return [Event(EventKind.CONVERSATION, frame.conversation_id)]
        if isinstance(frame, ToStaffTyping):
            chat = self.chats.get(frame.conversation_id)
            if chat is None:
                return []
            chat.client_typing = frame.typing
            return [Event(EventKind.TYPING, frame.conversation_id)]
        if isinstance(frame, ToStaffClientLeft):
            chat = self.chats.get(frame.conversation_id)
            if chat is not None:
                chat.client_left = True
            return [Event(EventKind.CONVERSATION, frame.conversation_id)]
        if isinstance(frame, ToStaffClosed):
            chat = self.chats.pop(frame.conversation_id, None)
            return [Event(EventKind.CLOSED, frame.conversation_id)] if chat else []
        if isinstance(frame, ErrorFrame):
            self.last_error = frame
            if frame.code == "auth_failed":
                self.link = Link.AUTH_FAILED
                return [
                    Event(EventKind.ERROR, frame.ref, frame.code),
                    Event(EventKind.LINK, detail=Link.AUTH_FAILED.value),
                ]
            return [Event(EventKind.ERROR, frame.ref, frame.code)]
        return []
