"""The client chat: the web page's frames both ways, and the desk's side of a chat
(offers, accept, open, lines, typing, close) with the conversation as staff see it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import MAX_INT, Author, Frame, Ident, Outcome, Text

LineKind = Literal["text", "picture", "video"]


class PictureInfo(BaseModel):
    """A picture in a conversation. ``thumb`` (a small JPEG as a data URL) goes to staff
    only; the full picture is fetched separately and that fetch is access-logged."""

    model_config = ConfigDict(frozen=True)
    id: int
    width: int
    height: int
    bytes: int
    thumb: str | None = None


class ChatLine(BaseModel):
    """One stored message of a conversation, as both sides see it.

    ``kind`` "picture" carries ``picture``; "video" carries the meeting link as ``text``.
    System lines hold a code (``client_left``, ``transferred``, ``consult_joined:Name``…)
    that each side shows in its own language."""

    model_config = ConfigDict(frozen=True)
    seq: int
    author: Author
    author_name: str | None = None
    text: str
    at: datetime
    kind: LineKind = "text"
    picture: PictureInfo | None = None


class QueueInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    names: dict[str, str]
    open_now: bool
    next_opening: datetime | None
    estimated_wait_s: float | None


class ClientStart(Frame):
    type: Literal["start"] = "start"
    queue: Ident
    name: Annotated[str, Field(max_length=100)] | None = None
    phone: Annotated[str, Field(max_length=32, pattern=r"^\+?[0-9 ()-]{3,31}$")] | None = None
    lang: Literal["fi", "sv", "en"] = "fi"
    # The one-time ticket /saml/acs gave after a Suomi.fi identification.
    identity: Annotated[str, Field(min_length=16, max_length=64)] | None = None


class ClientResume(Frame):
    type: Literal["resume"] = "resume"
    conversation_id: Ident
    token: Annotated[str, Field(min_length=16, max_length=128)]
    last_seq: int = Field(ge=0, le=MAX_INT)


class ClientMessage(Frame):
    type: Literal["message"] = "message"
    client_msg_id: Ident
    text: Text


class ClientTyping(Frame):
    type: Literal["typing"] = "typing"
    typing: bool


class ClientLeave(Frame):
    type: Literal["leave"] = "leave"


class ToClientStarted(Frame):
    type: Literal["started"] = "started"
    conversation_id: str
    token: str
    queue: str
    position: int
    estimated_wait_s: float | None
    # An identified client's: ends her Suomi.fi session after the chat (/saml/logout).
    logout: str | None = None
    identified: bool = False


class ToClientResumed(Frame):
    type: Literal["resumed"] = "resumed"
    conversation_id: str
    queue: str
    state: Literal["queued", "active", "closed"]
    position: int | None
    staff_name: str | None
    missed: list[ChatLine]


class ToClientAck(Frame):
    type: Literal["ack"] = "ack"
    client_msg_id: str
    seq: int
    at: datetime


class ToClientMessage(Frame):
    type: Literal["message"] = "message"
    line: ChatLine


class ToClientTyping(Frame):
    type: Literal["typing"] = "typing"
    typing: bool


class ToClientQueue(Frame):
    type: Literal["queue"] = "queue"
    position: int
    estimated_wait_s: float | None


class ToClientJoined(Frame):
    """A professional took the conversation (after a transfer: the new one)."""

    type: Literal["joined"] = "joined"
    staff_name: str


class ToClientClosed(Frame):
    type: Literal["closed"] = "closed"
    # Who ended it: the page says "you ended" or "the professional ended" accordingly.
    by: Literal["client", "staff"] = "staff"


class StaffAccept(Frame):
    type: Literal["accept"] = "accept"
    conversation_id: Ident


class StaffOpen(Frame):
    """Open (read) a conversation; the backend writes an access-log row."""

    type: Literal["open"] = "open"
    conversation_id: Ident


class StaffSend(Frame):
    type: Literal["send"] = "send"
    conversation_id: Ident
    client_msg_id: Ident
    text: Text


class StaffTyping(Frame):
    type: Literal["typing"] = "typing"
    conversation_id: Ident
    typing: bool


class StaffClose(Frame):
    type: Literal["close"] = "close"
    conversation_id: Ident
    outcome: Outcome
    wrap_up: Annotated[str, Field(max_length=2000)] = ""


class ToStaffOffer(Frame):
    type: Literal["offer"] = "offer"
    conversation_id: str
    queue: str
    client_name: str | None
    waited_s: float
    expires_in_s: float
    # A transfer: who sends it, and her note (read before accepting).
    transferred_by: str | None = None
    transfer_note: str | None = None
    lang: Literal["fi", "sv", "en"] = "fi"  # the client's
    # The client's first line, for roles that may see it before accepting.
    first_line: str | None = None
    # She identified with Suomi.fi (who she is shows only when the conversation is opened).
    identified: bool = False


class ToStaffOfferWithdrawn(Frame):
    type: Literal["offer_withdrawn"] = "offer_withdrawn"
    conversation_id: str
    reason: Literal["timeout", "client_left", "taken"]


class StaffNoteView(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int
    kind: Literal["note", "transfer"]
    author: str
    author_name: str
    text: str
    at: datetime


class ClientIdentity(BaseModel):
    """Who an identified client is: to the professional who opened her conversation only
    (access-logged), never in offers, lists, logs, exports or the wallboard."""

    model_config = ConfigDict(frozen=True)
    name: str
    hetu: str  # henkilötunnus, the personal identity code


class ConversationView(BaseModel):
    model_config = ConfigDict(frozen=True)
    conversation_id: str
    queue: str
    state: Literal["queued", "offered", "active", "closed"]
    client_name: str | None
    client_phone: str | None
    started_at: datetime
    lines: list[ChatLine]
    lang: Literal["fi", "sv", "en"] = "fi"  # the client's
    # Staff only: internal notes (a transfer note first among them) and who takes part.
    notes: list[StaffNoteView] = []
    owner: str | None = None
    consultants: list[str] = []
    # What the receiving desktop may do: "owner" answers and closes; "consultant" writes
    # beside the owner; "reader" only reads (supervision, a closed conversation).
    role: Literal["owner", "consultant", "reader"] = "reader"
    identified: bool = False
    identity: ClientIdentity | None = None


class ToStaffConversation(Frame):
    type: Literal["conversation"] = "conversation"
    conversation: ConversationView


class ToStaffMessage(Frame):
    type: Literal["message"] = "message"
    conversation_id: str
    line: ChatLine


class ToStaffAck(Frame):
    type: Literal["ack"] = "ack"
    conversation_id: str
    client_msg_id: str
    seq: int


class ToStaffTyping(Frame):
    type: Literal["typing"] = "typing"
    conversation_id: str
    typing: bool


class ToStaffClientLeft(Frame):
    type: Literal["client_left"] = "client_left"
    conversation_id: str


class ToStaffClosed(Frame):
    type: Literal["closed"] = "closed"
    conversation_id: str
    outcome: Outcome
