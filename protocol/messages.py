"""Every frame that crosses a socket, defined once.

Four directions, each a discriminated union on ``type``:

* client (web chat page) -> backend:  ``ClientFrame``
* backend -> client:                  ``ServerToClientFrame``
* staff desktop -> backend:           ``StaffFrame``
* backend -> staff desktop:           ``ServerToStaffFrame``

Every frame carries ``v`` (the protocol version). A peer speaking another major version
gets an ``error`` frame with code ``bad_version`` instead of being guessed at.

The client and staff unions share no message types on purpose: a client socket parses only
``ClientFrame``, so a staff operation cannot even be expressed on it.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1

T = TypeVar("T")
MAX_TEXT_CHARS = 4000
# A frame can carry one message of MAX_TEXT_CHARS in UTF-8 (up to 4 bytes a character)
# plus envelope; anything larger is refused before JSON parsing.
MAX_FRAME_BYTES = 32 * 1024
# Staff frames may carry a handbook page; the staff socket is authenticated.
MAX_STAFF_FRAME_BYTES = 512 * 1024
MAX_PAGE_CHARS = 200_000

Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
# Every integer a peer sends fits a 32-bit database column: a larger one is a typed
# bad_frame naming the field, never an overflow deep in the store.
MAX_INT = 2**31 - 1
# Dates a report may ask for (a year 1 or 9999 would overflow time zone arithmetic).
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)
ReportDay = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
# The language a handbook page or quick reply is written in ("": any, or not said).
PageLang = Literal["", "fi", "sv", "en"]
# Usernames from the organisation's provider are often e-mail addresses: "@" is allowed.
Ident = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:@-]+$")]


class Frame(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    v: Literal[1] = 1  # PROTOCOL_VERSION


# --- shared value types -------------------------------------------------------------------


class StaffStatus(StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"
    WRAP_UP = "wrap_up"
    OFFLINE = "offline"


class Outcome(StrEnum):
    ONE_CONTACT = "one_contact"
    APPOINTMENT = "appointment"
    CALLBACK = "callback"
    SOCIAL_SERVICES = "social_services"
    # Referred to emergency care (112) or the on-call line (116 117).
    EMERGENCY = "emergency"
    OTHER = "other"


class Author(StrEnum):
    CLIENT = "client"
    STAFF = "staff"
    SYSTEM = "system"


class Level(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class ErrorCode(StrEnum):
    BAD_JSON = "bad_json"
    BAD_FRAME = "bad_frame"
    BAD_VERSION = "bad_version"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    CLOSED_NOW = "closed_now"
    UNKNOWN_QUEUE = "unknown_queue"
    NOT_FOUND = "not_found"
    AUTH_FAILED = "auth_failed"
    NOT_AUTHENTICATED = "not_authenticated"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    INTERNAL = "internal"
    IDENTIFICATION_REQUIRED = "identification_required"


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


class QueueFigures(BaseModel):
    """One row of the busyness meter."""

    model_config = ConfigDict(frozen=True)
    queue: str
    channel: Literal["chat", "phone"]
    open_now: bool
    waiting: int
    longest_wait_s: float
    staff_ready: int
    staff_busy: int
    answered_today: int
    answered_in_target_today: int
    abandoned_today: int
    service_level_today: float | None
    target_s: int
    # The colour says what happens now (waits, unattended queues, overdue callbacks);
    # today's level is shown beside it, marked when under ``target_share``.
    level: Level
    estimated_wait_s: float | None
    callbacks_open: int = 0  # not done yet (open or waiting for a decision)
    callbacks_overdue: int = 0  # past their due time: the queue shows red
    # False: the queue cannot be measured now (phone queues while the gateway is down):
    # shown as unavailable, not as empty.
    available: bool = True
    target_share: float = 0.8  # the promise: the share answered within target_s

    @property
    def below_target(self) -> bool:
        """Today's service level is under the promise (its own marker, never the colour)."""
        return self.service_level_today is not None and (
            self.service_level_today < self.target_share
        )


class QueueInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    names: dict[str, str]
    open_now: bool
    next_opening: datetime | None
    estimated_wait_s: float | None


# --- client -> backend --------------------------------------------------------------------


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


ClientFrame = Annotated[
    ClientStart | ClientResume | ClientMessage | ClientTyping | ClientLeave,
    Field(discriminator="type"),
]


# --- backend -> client --------------------------------------------------------------------


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


class ErrorFrame(Frame):
    type: Literal["error"] = "error"
    code: ErrorCode
    detail: str = ""
    # The client_msg_id (or conversation id) the error is about, so a sender can retry.
    ref: str | None = None
    next_opening: datetime | None = None


ServerToClientFrame = Annotated[
    ToClientStarted
    | ToClientResumed
    | ToClientAck
    | ToClientMessage
    | ToClientTyping
    | ToClientQueue
    | ToClientJoined
    | ToClientClosed
    | ErrorFrame,
    Field(discriminator="type"),
]


# --- staff desktop -> backend -------------------------------------------------------------


class StaffLogin(Frame):
    type: Literal["login"] = "login"
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class StaffSignInStart(Frame):
    """Sign in with the organisation's provider: the desktop listens on ``redirect_uri``
    (its loopback address) and gets the provider's address to open in the browser."""

    type: Literal["sign_in_start"] = "sign_in_start"
    redirect_uri: Annotated[str, Field(min_length=1, max_length=200)]
    login_hint: Annotated[str, Field(max_length=100)] = ""


class StaffSignInFinish(Frame):
    """The code the browser brought back to the loopback address, on the same socket."""

    type: Literal["sign_in_finish"] = "sign_in_finish"
    code: Annotated[str, Field(min_length=1, max_length=4096)]
    state: Annotated[str, Field(min_length=1, max_length=200)]


class StaffResumeSession(Frame):
    type: Literal["resume_session"] = "resume_session"
    session_token: Annotated[str, Field(min_length=16, max_length=128)]


class StaffSetStatus(Frame):
    type: Literal["set_status"] = "set_status"
    status: StaffStatus
    reason: Annotated[str, Field(max_length=100)] | None = None


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


class StaffPhoneState(Frame):
    """The softphone reports that she is (or is no longer) on a call."""

    type: Literal["phone_state"] = "phone_state"
    on_call: bool


PageId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
PageKind = Literal["page", "quick_reply"]


class HandbookIndexRequest(Frame):
    type: Literal["handbook_index"] = "handbook_index"


class HandbookOpen(Frame):
    type: Literal["handbook_open"] = "handbook_open"
    page_id: PageId


class HandbookSearch(Frame):
    type: Literal["handbook_search"] = "handbook_search"
    query: Annotated[str, Field(max_length=200)]
    request_id: int = Field(default=0, ge=0, le=MAX_INT)


class HandbookSave(Frame):
    """A new version; ``base_version`` is the version the editor started from (0: new)."""

    type: Literal["handbook_save"] = "handbook_save"
    page_id: PageId
    base_version: int = Field(ge=0, le=MAX_INT)
    kind: PageKind = "page"
    area: Annotated[str, Field(min_length=1, max_length=200)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    body: Annotated[str, Field(max_length=MAX_PAGE_CHARS)]
    queues: list[Ident] = []
    summary: Annotated[str, Field(max_length=300)] = ""
    important: bool = False
    lang: PageLang = ""


class HandbookHistoryRequest(Frame):
    type: Literal["handbook_history"] = "handbook_history"
    page_id: PageId


class HandbookVersionRequest(Frame):
    type: Literal["handbook_version"] = "handbook_version"
    page_id: PageId
    version: int = Field(ge=1, le=MAX_INT)


class HandbookRestore(Frame):
    type: Literal["handbook_restore"] = "handbook_restore"
    page_id: PageId
    version: int = Field(ge=1, le=MAX_INT)
    base_version: int = Field(ge=1, le=MAX_INT)


PhoneNumber = Annotated[str, Field(max_length=32, pattern=r"^\+?[0-9 ()-]{3,31}$")]
CallbackOutcome = Literal["no_answer", "busy", "wrong_number", "done"]


class CallbackCreate(Frame):
    """A callback request: from a chat (``conversation_id``), or by hand. ``nurse`` names
    a colleague it is for (the client's own clinic nurse); otherwise the queue's staff."""

    type: Literal["callback_create"] = "callback_create"
    request_id: int = Field(ge=0, le=MAX_INT)
    queue: Ident
    number: PhoneNumber
    reason: Annotated[str, Field(min_length=1, max_length=2000)]
    priority: Literal["normal", "urgent"] = "normal"
    nurse: Ident | None = None
    clinic: Ident | None = None  # a clinic from the directory: its nurses see it
    conversation_id: Ident | None = None


class CallbackListRequest(Frame):
    type: Literal["callback_list"] = "callback_list"


class CallbackOpen(Frame):
    type: Literal["callback_open"] = "callback_open"
    callback_id: int = Field(ge=1, le=MAX_INT)


class CallbackAttempt(Frame):
    type: Literal["callback_attempt"] = "callback_attempt"
    callback_id: int = Field(ge=1, le=MAX_INT)
    outcome: CallbackOutcome
    note: Annotated[str, Field(max_length=1000)] = ""


class CallbackTake(Frame):
    """She takes an offered callback: it is hers to call now (and opened for her)."""

    type: Literal["callback_take"] = "callback_take"
    callback_id: int = Field(ge=1, le=MAX_INT)


class CallbackDecline(Frame):
    type: Literal["callback_decline"] = "callback_decline"
    callback_id: int = Field(ge=1, le=MAX_INT)


class CallbackFiguresRequest(Frame):
    """Supervisors: callbacks created / done the same day / overdue, per queue, for a day."""

    type: Literal["callback_figures"] = "callback_figures"
    day: date | None = Field(default=None, ge=FIRST_DAY, le=LAST_DAY)  # None: today


Note = Annotated[str, Field(min_length=1, max_length=2000)]


class StaffTransfer(Frame):
    """Hand her conversation on: to a queue, to a named colleague, or to a colleague in
    another queue. The note is shown to the receiver first; the client is not shown it."""

    type: Literal["transfer"] = "transfer"
    conversation_id: Ident
    queue: Ident | None = None
    to_user: Ident | None = None
    note: Note


class StaffInvite(Frame):
    """Invite a colleague into her conversation as a consultant (she stays responsible)."""

    type: Literal["invite"] = "invite"
    conversation_id: Ident
    username: Ident


class StaffConsultEnd(Frame):
    """A consultant leaves (``username`` None: herself), or the owner lets one go."""

    type: Literal["consult_end"] = "consult_end"
    conversation_id: Ident
    username: Ident | None = None


class StaffNote(Frame):
    """An internal note on a conversation: staff only, never on a client path."""

    type: Literal["note"] = "note"
    conversation_id: Ident
    text: Note


class StaffVideoLink(Frame):
    """Move to video: the backend makes a meeting link and posts it in the conversation."""

    type: Literal["video_link"] = "video_link"
    conversation_id: Ident


class StaffPictureRequest(Frame):
    """Ask the client for a picture (the page then offers its picture button)."""

    type: Literal["picture_request"] = "picture_request"
    conversation_id: Ident


class StaffRecordCopied(Frame):
    """She copied a contact's record entry (access-logged like opening it). ``contact``
    is a conversation id, or a call's id for a call."""

    type: Literal["record_copied"] = "record_copied"
    contact: Ident


class StaffHandoffUsed(Frame):
    """She opened a hand-off link of a contact (access-logged, with the link's id)."""

    type: Literal["handoff_used"] = "handoff_used"
    contact: Ident
    link: Ident


class StaffPictureOpen(Frame):
    type: Literal["picture_open"] = "picture_open"
    picture_id: int = Field(ge=1, le=MAX_INT)


# "help", "dm:<colleague>" (sending), or a channel as the server names it ("dm:<a>|<b>").
StaffChannel = Annotated[
    str, Field(pattern=r"^(help|dm:[A-Za-z0-9_.:-]{1,64}(\|[A-Za-z0-9_.:-]{1,64})?)$")
]


HELP_CHANNEL = "help"


def dm_channel(a: str, b: str) -> str:
    """The server's name for two colleagues' direct channel (both ends name it alike)."""
    first, second = sorted((a, b))
    return f"dm:{first}|{second}"


def channel_members(channel: str) -> tuple[str, str] | None:
    """The two ends of a direct channel; None for the help channel (everyone)."""
    if not channel.startswith("dm:"):
        return None
    first, _, second = channel.removeprefix("dm:").partition("|")
    return first, second


class StaffChatSend(Frame):
    """A message in the staff help channel (``help``) or to one colleague (``dm:name``)."""

    type: Literal["staff_chat"] = "staff_chat"
    channel: StaffChannel
    client_msg_id: Ident
    text: Text


class StaffChatRead(Frame):
    type: Literal["staff_chat_read"] = "staff_chat_read"
    channel: StaffChannel
    up_to: int = Field(ge=0, le=MAX_INT)


class StaffLogout(Frame):
    """She logs out: her session ends for good and the socket closes."""

    type: Literal["logout"] = "logout"


class StaffCallOutcome(Frame):
    """The outcome of a service-number call she answered, from her wrap-up form."""

    type: Literal["call_outcome"] = "call_outcome"
    call_id: Ident
    outcome: Outcome
    wrap_up: Annotated[str, Field(max_length=2000)] = ""


class StaffSupervise(Frame):
    """A supervisor acts on a colleague: sets her Not ready, or signs out a forgotten
    session. The reason is recorded with who did it."""

    type: Literal["supervise"] = "supervise"
    username: Ident
    action: Literal["not_ready", "sign_out"]
    reason: Annotated[str, Field(min_length=1, max_length=200)]


ReportInterval = Literal["15", "30", "60", "day", "week", "month"]


class StaffReportRequest(Frame):
    """A report for a date range (supervisors; per-person figures only with ``staff``)."""

    type: Literal["report"] = "report"
    first: ReportDay
    last: ReportDay
    interval: ReportInterval = "60"
    queues: Annotated[list[Ident], Field(max_length=50)] = []
    staff: bool = False


class StaffAdviceRequest(Frame):
    """Forecast, staff needed, rostered and the gap for ``days`` days from ``first``."""

    type: Literal["staffing_advice"] = "staffing_advice"
    first: ReportDay
    days: int = Field(default=7, ge=1, le=14)
    interval: Literal["30", "60"] = "30"


class StaffRosterImport(Frame):
    """A roster as CSV (name, date, start, end, skills or role); up to ~400,000 characters
    (thousands of shifts); larger: ``python -m backend roster-import FILE``."""

    type: Literal["roster_import"] = "roster_import"
    csv: Annotated[str, Field(max_length=400_000)]


class RosterShiftLine(BaseModel):
    """One shift in the roster: local times on one day; skills are queue skills."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Annotated[str, Field(min_length=1, max_length=100)]
    day: ReportDay
    start: time
    end: time
    skills: Annotated[list[Ident], Field(min_length=1, max_length=50)]


class StaffRosterWeekRequest(Frame):
    """The roster of the week that holds ``day`` (Monday to Sunday), for the grid."""

    type: Literal["roster_week"] = "roster_week"
    day: ReportDay


class StaffRosterSave(Frame):
    """The grid's week saved whole: its shifts replace that week's. ``version`` is the one
    the grid was loaded with; a week changed meanwhile by a colleague is refused."""

    type: Literal["roster_save"] = "roster_save"
    monday: ReportDay
    version: Annotated[str, Field(max_length=64)]
    shifts: Annotated[list[RosterShiftLine], Field(max_length=2000)]


class StaffCallInAnswer(Frame):
    """A digi-agent answers a call-in: joins for ``minutes`` (one of the offered choices)
    or, with ``minutes`` null, says not now (the reason is stored, never shown to
    clients)."""

    type: Literal["call_in_answer"] = "call_in_answer"
    call_in: int
    minutes: int | None = None
    reason: Annotated[str, Field(max_length=200)] = ""


class StaffDigiLeave(Frame):
    """A digi-agent goes back to her clinic before her time ends (after her contacts)."""

    type: Literal["digi_leave"] = "digi_leave"


class StaffCallForHelp(Frame):
    """A supervisor calls digi-agents in: these queues, this many; or one by name."""

    type: Literal["call_for_help"] = "call_for_help"
    queues: Annotated[list[Ident], Field(min_length=1, max_length=50)]
    count: int = Field(default=1, ge=1, le=20)
    username: Ident | None = None


class StaffMyFiguresRequest(Frame):
    """Her own figures (anyone, for herself only): time per state, contacts handled."""

    type: Literal["my_figures"] = "my_figures"
    first: ReportDay
    last: date


class StaffAccountsRequest(Frame):
    """A supervisor: every staff account, with the roles and skills an account may have."""

    type: Literal["accounts"] = "accounts"


class StaffAccountChange(Frame):
    """A supervisor changes an account. ``add`` takes name, role, skills, languages and a
    first password (none where the organisation signs staff in); each set-* its one field.
    Values are checked against the service file: a refusal names the valid ones."""

    type: Literal["account_change"] = "account_change"
    action: Literal["add", "disable", "enable", "remove", "set_role", "set_skills", "set_languages"]
    username: Annotated[str, Field(min_length=1, max_length=64)]
    name: Annotated[str, Field(max_length=100)] = ""
    role: Annotated[str, Field(max_length=32)] = ""
    skills: Annotated[list[Annotated[str, Field(max_length=32)]], Field(max_length=50)] = []
    languages: Annotated[list[Annotated[str, Field(max_length=2)]], Field(max_length=3)] = []
    password: Annotated[str, Field(max_length=200)] = ""


StaffFrame = Annotated[
    StaffSignInStart
    | StaffSignInFinish
    | StaffAccountsRequest
    | StaffAccountChange
    | StaffMyFiguresRequest
    | StaffCallInAnswer
    | StaffDigiLeave
    | StaffCallForHelp
    | StaffRosterWeekRequest
    | StaffRosterSave
    | StaffAdviceRequest
    | StaffRosterImport
    | StaffSupervise
    | StaffReportRequest
    | StaffLogout
    | StaffCallOutcome
    | CallbackTake
    | CallbackDecline
    | CallbackFiguresRequest
    | StaffTransfer
    | StaffInvite
    | StaffConsultEnd
    | StaffNote
    | StaffVideoLink
    | StaffPictureRequest
    | StaffPictureOpen
    | StaffRecordCopied
    | StaffHandoffUsed
    | StaffChatSend
    | StaffChatRead
    | CallbackCreate
    | CallbackListRequest
    | CallbackOpen
    | CallbackAttempt
    | HandbookIndexRequest
    | HandbookOpen
    | HandbookSearch
    | HandbookSave
    | HandbookHistoryRequest
    | HandbookVersionRequest
    | HandbookRestore
    | StaffLogin
    | StaffResumeSession
    | StaffSetStatus
    | StaffAccept
    | StaffOpen
    | StaffSend
    | StaffTyping
    | StaffClose
    | StaffPhoneState,
    Field(discriminator="type"),
]


# --- backend -> staff desktop -------------------------------------------------------------


class StaffProfile(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    chat_capacity: int
    handbook_editor: bool = False
    # Languages she serves clients in (routing offers a client in her language first).
    languages: list[str] = ["fi"]


class HandbookSummary(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    kind: PageKind
    area: str
    title: str
    version: int
    queues: list[str]
    important: bool
    # Changed since she last opened it (or never opened).
    unread: bool
    # Quick replies carry their text here, so inserting one needs no round trip.
    body: str | None = None
    lang: PageLang = ""


class HandbookPageView(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    kind: PageKind
    area: str
    title: str
    body: str
    version: int
    queues: list[str]
    important: bool
    updated_at: datetime
    updated_by: str
    lang: PageLang = ""


class HandbookVersionInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    version: int
    author: str
    at: datetime
    summary: str
    important: bool


class DirectoryNurse(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str


class Clinic(BaseModel):
    """A clinic of the directory (configuration): a callback can be left for it."""

    model_config = ConfigDict(frozen=True)
    id: str
    names: dict[str, str]
    nurses: list[DirectoryNurse]


class Colleague(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    online: bool
    status: StaffStatus
    # Could take one more chat now (Ready, skill aside, with a free slot): transfer targets.
    free: bool


class ToStaffSignInUrl(Frame):
    """Where the desktop sends the browser to sign in (the provider's page)."""

    type: Literal["sign_in_url"] = "sign_in_url"
    url: str


# The record entry and the hand-off links (backend/config.py checks the service file's
# templates against these; desktop/chat/record.py fills them).
RECORD_PLACEHOLDERS = frozenset(
    [
        "date",
        "time",
        "channel",
        "queue",
        "handled_by",
        "consultants",
        "client",
        "identity_code",
        "reason",
        "outcome",
        "wrap_up",
        "callbacks",
        "transcript",
    ]
)
LINK_PLACEHOLDERS = frozenset({"identity_code", "queue", "conversation_id", "clinic"})


class HandoffLink(BaseModel):
    """A button from a conversation or a call to another system: the booking system, the
    patient record, the client's own clinic. ``url`` is an https template."""

    model_config = ConfigDict(frozen=True)
    id: Ident
    names: dict[str, str]
    url: str


class RecordSettings(BaseModel):
    """What the record entry holds: the template by language, and whether the transcript
    goes in whole ("full") or only her own summary ("summary")."""

    model_config = ConfigDict(frozen=True)
    transcript: Literal["full", "summary"] = "full"
    templates: dict[str, str] = {}


class ToStaffLoggedIn(Frame):
    type: Literal["logged_in"] = "logged_in"
    session_token: str
    profile: StaffProfile
    status: StaffStatus
    queue_names: dict[str, dict[str, str]]
    # Quick-reply placeholders from the service file ({first_name} is filled on the desktop).
    placeholders: dict[str, str] = {}
    clinics: list[Clinic] = []
    # Each queue's skill and channel: whom a transfer can go to, which queues are chats.
    queue_skills: dict[str, str] = {}
    queue_channels: dict[str, Literal["chat", "phone"]] = {}
    # The service's time zone: its days (reports, her own figures) are days there.
    timezone: str = "Europe/Helsinki"
    queue_links: dict[str, list[HandoffLink]] = {}
    record: RecordSettings = RecordSettings()


class ToStaffStatus(Frame):
    type: Literal["status"] = "status"
    status: StaffStatus
    reason: str | None = None
    # Wrap-up: when it ends by itself (she is then Ready); None: until she changes it.
    wrap_up_until: datetime | None = None


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


class ToStaffCallOutcomeSaved(Frame):
    type: Literal["call_outcome_saved"] = "call_outcome_saved"
    call_id: str


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


class ToStaffNote(Frame):
    type: Literal["note"] = "note"
    conversation_id: str
    note: StaffNoteView


class ToStaffParticipants(Frame):
    """Who takes part changed (a consultant joined or left)."""

    type: Literal["participants"] = "participants"
    conversation_id: str
    owner: str | None
    consultants: list[str]


class ToStaffLeft(Frame):
    """The conversation is no longer hers on this desktop (transferred on, or her consult
    ended): the tab closes without an outcome."""

    type: Literal["left"] = "left"
    conversation_id: str
    reason: Literal["transferred", "consult_ended"]


class ToStaffPicture(Frame):
    type: Literal["picture"] = "picture"
    picture_id: int
    conversation_id: str
    mime: Literal["image/jpeg", "image/png"]
    data: str  # base64


class StaffChatMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int
    channel: str  # "help", or "dm:<a>|<b>" (usernames sorted)
    sender: str
    sender_name: str
    text: str
    at: datetime


class ToStaffChat(Frame):
    type: Literal["staff_chat"] = "staff_chat"
    message: StaffChatMessage
    client_msg_id: str | None = None  # on the sender's copy: her ack


class ToStaffChatHistory(Frame):
    """At login: recent help-channel and direct messages, and how far she has read each."""

    type: Literal["staff_chat_history"] = "staff_chat_history"
    messages: list[StaffChatMessage]
    read: dict[str, int]


class ToStaffColleagues(Frame):
    type: Literal["colleagues"] = "colleagues"
    items: list[Colleague]


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


class ToStaffMeter(Frame):
    type: Literal["meter"] = "meter"
    at: datetime
    queues: list[QueueFigures]


class ToStaffHandbookIndex(Frame):
    type: Literal["handbook_index"] = "handbook_index"
    pages: list[HandbookSummary]


class ToStaffHandbookPage(Frame):
    type: Literal["handbook_page"] = "handbook_page"
    page: HandbookPageView
    # The version she had read before this opening (None: never): "changed since" notice.
    read_before: int | None


class ToStaffHandbookResults(Frame):
    type: Literal["handbook_results"] = "handbook_results"
    request_id: int
    query: str
    hits: list[HandbookSummary]


class ToStaffHandbookHistory(Frame):
    type: Literal["handbook_history"] = "handbook_history"
    page_id: str
    versions: list[HandbookVersionInfo]


class ToStaffHandbookVersion(Frame):
    type: Literal["handbook_version"] = "handbook_version"
    page_id: str
    version: int
    title: str
    body: str


class ToStaffHandbookSaved(Frame):
    type: Literal["handbook_saved"] = "handbook_saved"
    page_id: str
    version: int


class ToStaffHandbookChanged(Frame):
    """Pushed to everyone when a page changes."""

    type: Literal["handbook_changed"] = "handbook_changed"
    page_id: str
    title: str
    version: int
    important: bool
    author: str
    # The page's new index entry (unread for everyone until they open it): desktops update
    # their index from this instead of each fetching the whole index again.
    page: HandbookSummary


class CallbackSummary(BaseModel):
    """A list row: what picking the next callback needs, and no health details."""

    model_config = ConfigDict(frozen=True)
    id: int
    queue: str
    number: str
    priority: Literal["normal", "urgent"]
    nurse: str | None
    clinic: str | None = None
    created_at: datetime
    due_at: datetime | None
    state: Literal["open", "decision", "done"]
    failed_attempts: int
    overdue: bool


class CallbackAttemptInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    at: datetime
    by: str
    outcome: CallbackOutcome
    note: str


class ToStaffCallbacks(Frame):
    """Her callback list (the queues she serves, and those named for her): overdue first."""

    type: Literal["callbacks"] = "callbacks"
    items: list[CallbackSummary]


class ToStaffCallback(Frame):
    """One callback opened: the reason and the attempts (the opening is access-logged)."""

    type: Literal["callback"] = "callback"
    summary: CallbackSummary
    reason: str
    conversation_id: str | None
    attempts: list[CallbackAttemptInfo]


class ToStaffCallbackCreated(Frame):
    type: Literal["callback_created"] = "callback_created"
    request_id: int
    callback_id: int


class ToStaffCallbackOffer(Frame):
    """A due callback offered to her because no live queue of hers needs her now."""

    type: Literal["callback_offer"] = "callback_offer"
    summary: CallbackSummary
    expires_in_s: float


class ToStaffCallbackOfferWithdrawn(Frame):
    type: Literal["callback_offer_withdrawn"] = "callback_offer_withdrawn"
    callback_id: int


class CallbackDayFigures(BaseModel):
    model_config = ConfigDict(frozen=True)
    queue: str
    created: int
    done_same_day: int
    done_in_time: int
    overdue: int
    open: int


class ToStaffCallbackFigures(Frame):
    type: Literal["callback_figures"] = "callback_figures"
    day: date
    rows: list[CallbackDayFigures]


class BoardRow(BaseModel):
    """One staff member online, as the supervisor's board shows her."""

    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    status: StaffStatus
    reason: str | None = None
    since: datetime | None = None
    chats: list[str] = []  # the conversations she holds
    offers: int = 0
    on_call: bool = False
    queues: list[str] = []


class DigiLine(BaseModel):
    """A digi-agent as the supervisor's board shows her."""

    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    clinic: str
    state: Literal["standby", "asked", "helping", "returning"]
    since: datetime | None = None
    until: datetime | None = None  # helping: her chosen time ends
    queues: list[str] = []  # asked for, or helping in
    minutes_this_week: float = 0.0
    last_answer: str = ""  # "declined: …", "no answer", "joined 30 min"
    can_serve: list[str] = []  # the queues her skills cover: what she may be called to


class CallInLine(BaseModel):
    """An open call-in: what it asks for and how it goes."""

    model_config = ConfigDict(frozen=True)
    id: int
    queues: list[str]
    trigger: Literal["red", "supervisor"]
    wanted: int
    joined: list[str]
    asked: list[str]  # in order
    opened_at: datetime


class ToStaffBoard(Frame):
    """Who is doing what now (supervisors only; with every meter update)."""

    type: Literal["board"] = "board"
    at: datetime
    staff: list[BoardRow]
    digi: list[DigiLine] = []
    call_ins: list[CallInLine] = []


class ReportFigures(BaseModel):
    """The figures of one interval, channel or range: ``backend/domain/figures.py``."""

    model_config = ConfigDict(frozen=True)
    offered: int
    answered: int
    answered_in_target: int
    abandoned: int
    short_abandoned: int
    service_level: float | None
    wait_mean_s: float | None
    wait_p90_s: float | None
    longest_wait_s: float | None
    handle_mean_s: float | None
    one_contact_share: float | None
    outcomes: dict[str, int] = {}
    transfers: int = 0


# The figures' names in the order tables and exports show them (the outcomes apart).
FIGURE_NAMES = tuple(name for name in ReportFigures.model_fields if name != "outcomes")


class ReportRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: datetime
    end: datetime
    channel: Literal["chat", "phone"]
    figures: ReportFigures
    staff_ready: float | None = None  # mean number of staff Ready in the interval
    wrap_up_per_contact_s: float | None = None  # all channels (backend/domain/figures.py)


class ReportStaffRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str = ""
    contacts_handled: int
    chat_s: float
    call_s: float
    seconds: dict[str, float]  # by state: "ready", "not_ready:lunch", "wrap_up", …


class ReportCallbacks(BaseModel):
    model_config = ConfigDict(frozen=True)
    created: int
    done_same_day: int
    done_in_time: int
    open: int
    overdue: int


class DigiReport(BaseModel):
    """Digi-agents in a report's range: minutes per ISO week and clinic, contacts they
    handled, call-ins, and how long a call-in waited for its first helper."""

    model_config = ConfigDict(frozen=True)
    minutes: list[tuple[str, str, float]]  # (ISO week "2026-W49", clinic, minutes)
    contacts: int
    call_ins: int
    red_call_ins: int
    helped: int
    help_after_median_s: float | None
    help_after_max_s: float | None


class FeedbackReport(BaseModel):
    """Clients' answers after a chat in a report's range (anonymous): how many, how the
    1–5 scores spread, their mean, and the newest comments."""

    model_config = ConfigDict(frozen=True)
    answers: int
    scores: tuple[int, int, int, int, int]
    mean: float | None
    comments: list[str]


class ToStaffReport(Frame):
    type: Literal["report"] = "report"
    first: date
    last: date
    interval: ReportInterval
    queues: list[str]
    timezone: str = "Europe/Helsinki"  # the service's: intervals are labelled in it
    formula: str  # in English, as in the exports; the desktop shows its own translation
    count_short_abandons: bool = False
    short_abandon_s: dict[str, int] = {}  # by channel
    target_share: dict[str, float]  # by channel: the service level's target line
    totals: dict[str, ReportFigures]
    rows: list[ReportRow]
    callbacks: ReportCallbacks
    # Arrivals by ISO weekday (index 0 = Monday) and local hour: the heat map.
    arrivals: list[list[int]]
    staff: list[ReportStaffRow] | None = None
    digi: DigiReport | None = None
    feedback: FeedbackReport | None = None


class AdviceRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    start: datetime
    end: datetime
    channel: Literal["chat", "phone"]
    forecast: float
    need: int
    rostered: int


class ToStaffAdvice(Frame):
    type: Literal["staffing_advice"] = "staffing_advice"
    first: date
    days: int
    timezone: str
    method: str
    wape: dict[str, float | None]  # by queue: the forecast's backtested error
    digi_agent_hours: float
    rows: list[AdviceRow]


class ToStaffRosterImported(Frame):
    type: Literal["roster_imported"] = "roster_imported"
    added: int
    errors: list[str]


class RosterPerson(BaseModel):
    """A row of the grid: staff with queue skills, and names only the roster knows."""

    model_config = ConfigDict(frozen=True)
    name: str
    skills: list[str]


class ToStaffRosterWeek(Frame):
    type: Literal["roster_week"] = "roster_week"
    monday: date
    version: str  # of the stored week; a save must name it
    people: list[RosterPerson]
    shifts: list[RosterShiftLine]


class ToStaffCallIn(Frame):
    """To a digi-agent: a queue needs her. How bad it is, and the lengths she may pick."""

    type: Literal["call_in"] = "call_in"
    call_in: int
    queues: list[str]
    waiting: int
    longest_wait_s: float
    choices_min: list[int]
    answer_by: datetime
    by_supervisor: bool = False


class ToStaffDigiState(Frame):
    """A digi-agent's own state: on standby, asked, helping until, or returning (her open
    chats stay hers, no new offers come; then standby again)."""

    type: Literal["digi_state"] = "digi_state"
    state: Literal["standby", "asked", "helping", "returning"]
    queues: list[str] = []
    until: datetime | None = None
    why: str = ""  # why an ask or her help ended: "not_needed", "no_answer", "time", "green"…


class ToStaffMyFigures(Frame):
    type: Literal["my_figures"] = "my_figures"
    first: date
    last: date
    contacts_handled: int
    chat_s: float
    call_s: float
    seconds: dict[str, float]  # by state: "ready", "not_ready:lunch", "wrap_up", …


class AccountLine(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    languages: list[str]
    active: bool
    source: Literal["local", "oidc"] = "local"
    online: bool = False


class ToStaffAccounts(Frame):
    """The accounts (to a supervisor), after a request or her change. ``problem`` is why
    her last change was refused (the valid values named), empty when it was made."""

    type: Literal["accounts"] = "accounts"
    users: list[AccountLine]
    roles: list[str]
    skills: list[str]
    local_passwords: bool = True
    problem: str = ""  # in English, for the log; the desktop shows ``problem_code``'s text
    problem_code: str = ""  # which rule refused it (backend/domain/accounts.py: AccountError)
    done: str = ""  # what her change did, e.g. "disable"


ServerToStaffFrame = Annotated[
    ToStaffSignInUrl
    | ToStaffAccounts
    | ToStaffMyFigures
    | ToStaffCallIn
    | ToStaffDigiState
    | ToStaffRosterWeek
    | ToStaffAdvice
    | ToStaffRosterImported
    | ToStaffBoard
    | ToStaffReport
    | ToStaffCallOutcomeSaved
    | ToStaffCallbackOffer
    | ToStaffCallbackOfferWithdrawn
    | ToStaffCallbackFigures
    | ToStaffNote
    | ToStaffParticipants
    | ToStaffLeft
    | ToStaffPicture
    | ToStaffChat
    | ToStaffChatHistory
    | ToStaffColleagues
    | ToStaffCallbacks
    | ToStaffCallback
    | ToStaffCallbackCreated
    | ToStaffHandbookIndex
    | ToStaffHandbookPage
    | ToStaffHandbookResults
    | ToStaffHandbookHistory
    | ToStaffHandbookVersion
    | ToStaffHandbookSaved
    | ToStaffHandbookChanged
    | ToStaffLoggedIn
    | ToStaffStatus
    | ToStaffOffer
    | ToStaffOfferWithdrawn
    | ToStaffConversation
    | ToStaffMessage
    | ToStaffAck
    | ToStaffTyping
    | ToStaffClientLeft
    | ToStaffClosed
    | ToStaffMeter
    | ErrorFrame,
    Field(discriminator="type"),
]


# --- (de)serialisation --------------------------------------------------------------------

_client_adapter: TypeAdapter[ClientFrame] = TypeAdapter(ClientFrame)
_staff_adapter: TypeAdapter[StaffFrame] = TypeAdapter(StaffFrame)
_to_client_adapter: TypeAdapter[ServerToClientFrame] = TypeAdapter(ServerToClientFrame)
_to_staff_adapter: TypeAdapter[ServerToStaffFrame] = TypeAdapter(ServerToStaffFrame)


class ProtocolError(Exception):
    """A frame that cannot be accepted; ``frame`` is the error to send back."""

    def __init__(
        self,
        code: ErrorCode,
        detail: str,
        ref: str | None = None,
        next_opening: datetime | None = None,
    ) -> None:
        super().__init__(f"{code}: {detail}")
        self.frame = ErrorFrame(code=code, detail=detail, ref=ref, next_opening=next_opening)


def _decode(raw: str | bytes, limit: int = MAX_FRAME_BYTES) -> dict[str, object]:
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > limit:
        raise ProtocolError(ErrorCode.TOO_LARGE, f"frame of {size} bytes exceeds {limit}")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(ErrorCode.BAD_JSON, "frame is not valid JSON") from exc
    except RecursionError as exc:
        raise ProtocolError(ErrorCode.BAD_JSON, "frame is nested too deeply") from exc
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.BAD_FRAME, "frame must be a JSON object")
    version = data.get("v")
    if version != PROTOCOL_VERSION:
        raise ProtocolError(
            ErrorCode.BAD_VERSION,
            f"protocol version {version!r} not supported; use {PROTOCOL_VERSION}",
        )
    return data


def validate_frame(adapter: TypeAdapter[T], raw: str | bytes, limit: int = MAX_FRAME_BYTES) -> T:
    data = _decode(raw, limit)
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        # Only field locations and messages go back: never echo the (possibly personal) input.
        first = exc.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ProtocolError(ErrorCode.BAD_FRAME, f"{where}: {first['msg']}") from exc


def parse_client_frame(raw: str | bytes) -> ClientFrame:
    return validate_frame(_client_adapter, raw)


def parse_staff_frame(raw: str | bytes) -> StaffFrame:
    return validate_frame(_staff_adapter, raw, MAX_STAFF_FRAME_BYTES)


def parse_to_client_frame(raw: str | bytes) -> ServerToClientFrame:
    return validate_frame(_to_client_adapter, raw)


def parse_to_staff_frame(raw: str | bytes) -> ServerToStaffFrame:
    # An index of a few thousand pages is large; it comes from our own backend.
    return validate_frame(_to_staff_adapter, raw, 16 * 1024 * 1024)


def dump_frame(frame: Frame) -> str:
    return frame.model_dump_json()
