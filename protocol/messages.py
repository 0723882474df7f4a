"""Every frame that crosses a socket: the four unions, assembled here from the feature
modules that define the frames (``protocol/chat.py``, ``handbook.py``, ``callbacks.py``…),
and their parsing. A new frame is written in its feature's module and added to its union.

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
from typing import Annotated, TypeVar

from pydantic import Field, TypeAdapter, ValidationError

from protocol.accounts import (
    AccountLine,
    StaffAccountChange,
    StaffAccountsRequest,
    ToStaffAccounts,
)
from protocol.base import (
    FIRST_DAY,
    LAST_DAY,
    MAX_FRAME_BYTES,
    MAX_INT,
    MAX_PAGE_CHARS,
    MAX_STAFF_FRAME_BYTES,
    MAX_TEXT_CHARS,
    PROTOCOL_VERSION,
    Author,
    ErrorCode,
    ErrorFrame,
    Frame,
    Ident,
    Level,
    Outcome,
    PageLang,
    PhoneNumber,
    ProtocolError,
    ReportDay,
    StaffStatus,
    Text,
)
from protocol.callbacks import (
    CallbackAttempt,
    CallbackAttemptInfo,
    CallbackCreate,
    CallbackDayFigures,
    CallbackDecline,
    CallbackFiguresRequest,
    CallbackListRequest,
    CallbackOpen,
    CallbackOutcome,
    CallbackSummary,
    CallbackTake,
    ToStaffCallback,
    ToStaffCallbackCreated,
    ToStaffCallbackFigures,
    ToStaffCallbackOffer,
    ToStaffCallbackOfferWithdrawn,
    ToStaffCallbacks,
)
from protocol.chat import (
    ChatLine,
    ClientIdentity,
    ClientLeave,
    ClientMessage,
    ClientResume,
    ClientStart,
    ClientTyping,
    ConversationView,
    LineKind,
    PictureInfo,
    QueueInfo,
    StaffAccept,
    StaffClose,
    StaffNoteView,
    StaffOpen,
    StaffSend,
    StaffTyping,
    ToClientAck,
    ToClientClosed,
    ToClientJoined,
    ToClientMessage,
    ToClientQueue,
    ToClientResumed,
    ToClientStarted,
    ToClientTyping,
    ToStaffAck,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffConversation,
    ToStaffMessage,
    ToStaffOffer,
    ToStaffOfferWithdrawn,
    ToStaffTyping,
)
from protocol.collab import (
    Colleague,
    Note,
    StaffConsultEnd,
    StaffInvite,
    StaffNote,
    StaffPictureOpen,
    StaffPictureRequest,
    StaffTransfer,
    StaffVideoLink,
    ToStaffColleagues,
    ToStaffLeft,
    ToStaffNote,
    ToStaffParticipants,
    ToStaffPicture,
)
from protocol.colleague_messages import (
    HELP_CHANNEL,
    ColleagueMessage,
    ColleagueMessageSend,
    ColleagueMessagesRead,
    StaffChannel,
    ToStaffColleagueHistory,
    ToStaffColleagueMessage,
    channel_members,
    dm_channel,
)
from protocol.digi import (
    CallInLine,
    DigiLine,
    DigiReport,
    StaffCallForHelp,
    StaffCallInAnswer,
    StaffDigiLeave,
    ToStaffCallIn,
    ToStaffDigiState,
)
from protocol.handbook import (
    HandbookHistoryRequest,
    HandbookIndexRequest,
    HandbookOpen,
    HandbookPageView,
    HandbookRestore,
    HandbookSave,
    HandbookSearch,
    HandbookSummary,
    HandbookVersionInfo,
    HandbookVersionRequest,
    PageId,
    PageKind,
    ToStaffHandbookChanged,
    ToStaffHandbookHistory,
    ToStaffHandbookIndex,
    ToStaffHandbookPage,
    ToStaffHandbookResults,
    ToStaffHandbookSaved,
    ToStaffHandbookVersion,
)
from protocol.meter import (
    QueueFigures,
    ToStaffMeter,
)
from protocol.phone import (
    StaffCallOutcome,
    StaffPhoneState,
    ToStaffCallOutcomeSaved,
)
from protocol.record import (
    LINK_PLACEHOLDERS,
    RECORD_PLACEHOLDERS,
    HandoffLink,
    RecordSettings,
    StaffHandoffUsed,
    StaffRecordCopied,
)
from protocol.sessions import (
    Clinic,
    DirectoryNurse,
    StaffLogin,
    StaffLogout,
    StaffProfile,
    StaffResumeSession,
    StaffSetStatus,
    StaffSignInFinish,
    StaffSignInStart,
    ToStaffLoggedIn,
    ToStaffSignInUrl,
    ToStaffStatus,
)
from protocol.supervision import (
    FIGURE_NAMES,
    AdviceRow,
    BoardRow,
    FeedbackReport,
    ReportCallbacks,
    ReportFigures,
    ReportInterval,
    ReportRow,
    ReportStaffRow,
    RosterPerson,
    RosterShiftLine,
    StaffAdviceRequest,
    StaffMyFiguresRequest,
    StaffReportRequest,
    StaffRosterImport,
    StaffRosterSave,
    StaffRosterWeekRequest,
    StaffSupervise,
    ToStaffAdvice,
    ToStaffBoard,
    ToStaffMyFigures,
    ToStaffReport,
    ToStaffRosterImported,
    ToStaffRosterWeek,
)

T = TypeVar("T")

__all__ = [
    "FIGURE_NAMES",
    "FIRST_DAY",
    "HELP_CHANNEL",
    "LAST_DAY",
    "LINK_PLACEHOLDERS",
    "MAX_FRAME_BYTES",
    "MAX_INT",
    "MAX_PAGE_CHARS",
    "MAX_STAFF_FRAME_BYTES",
    "MAX_TEXT_CHARS",
    "PROTOCOL_VERSION",
    "RECORD_PLACEHOLDERS",
    "AccountLine",
    "AdviceRow",
    "Author",
    "BoardRow",
    "CallInLine",
    "CallbackAttempt",
    "CallbackAttemptInfo",
    "CallbackCreate",
    "CallbackDayFigures",
    "CallbackDecline",
    "CallbackFiguresRequest",
    "CallbackListRequest",
    "CallbackOpen",
    "CallbackOutcome",
    "CallbackSummary",
    "CallbackTake",
    "ChatLine",
    "ClientFrame",
    "ClientIdentity",
    "ClientLeave",
    "ClientMessage",
    "ClientResume",
    "ClientStart",
    "ClientTyping",
    "Clinic",
    "Colleague",
    "ColleagueMessage",
    "ColleagueMessageSend",
    "ColleagueMessagesRead",
    "ConversationView",
    "DigiLine",
    "DigiReport",
    "DirectoryNurse",
    "ErrorCode",
    "ErrorFrame",
    "FeedbackReport",
    "Frame",
    "HandbookHistoryRequest",
    "HandbookIndexRequest",
    "HandbookOpen",
    "HandbookPageView",
    "HandbookRestore",
    "HandbookSave",
    "HandbookSearch",
    "HandbookSummary",
    "HandbookVersionInfo",
    "HandbookVersionRequest",
    "HandoffLink",
    "Ident",
    "Level",
    "LineKind",
    "Note",
    "Outcome",
    "PageId",
    "PageKind",
    "PageLang",
    "PhoneNumber",
    "PictureInfo",
    "ProtocolError",
    "QueueFigures",
    "QueueInfo",
    "RecordSettings",
    "ReportCallbacks",
    "ReportDay",
    "ReportFigures",
    "ReportInterval",
    "ReportRow",
    "ReportStaffRow",
    "RosterPerson",
    "RosterShiftLine",
    "ServerToClientFrame",
    "ServerToStaffFrame",
    "StaffAccept",
    "StaffAccountChange",
    "StaffAccountsRequest",
    "StaffAdviceRequest",
    "StaffCallForHelp",
    "StaffCallInAnswer",
    "StaffCallOutcome",
    "StaffChannel",
    "StaffClose",
    "StaffConsultEnd",
    "StaffDigiLeave",
    "StaffFrame",
    "StaffHandoffUsed",
    "StaffInvite",
    "StaffLogin",
    "StaffLogout",
    "StaffMyFiguresRequest",
    "StaffNote",
    "StaffNoteView",
    "StaffOpen",
    "StaffPhoneState",
    "StaffPictureOpen",
    "StaffPictureRequest",
    "StaffProfile",
    "StaffRecordCopied",
    "StaffReportRequest",
    "StaffResumeSession",
    "StaffRosterImport",
    "StaffRosterSave",
    "StaffRosterWeekRequest",
    "StaffSend",
    "StaffSetStatus",
    "StaffSignInFinish",
    "StaffSignInStart",
    "StaffStatus",
    "StaffSupervise",
    "StaffTransfer",
    "StaffTyping",
    "StaffVideoLink",
    "Text",
    "ToClientAck",
    "ToClientClosed",
    "ToClientJoined",
    "ToClientMessage",
    "ToClientQueue",
    "ToClientResumed",
    "ToClientStarted",
    "ToClientTyping",
    "ToStaffAccounts",
    "ToStaffAck",
    "ToStaffAdvice",
    "ToStaffBoard",
    "ToStaffCallIn",
    "ToStaffCallOutcomeSaved",
    "ToStaffCallback",
    "ToStaffCallbackCreated",
    "ToStaffCallbackFigures",
    "ToStaffCallbackOffer",
    "ToStaffCallbackOfferWithdrawn",
    "ToStaffCallbacks",
    "ToStaffClientLeft",
    "ToStaffClosed",
    "ToStaffColleagueHistory",
    "ToStaffColleagueMessage",
    "ToStaffColleagues",
    "ToStaffConversation",
    "ToStaffDigiState",
    "ToStaffHandbookChanged",
    "ToStaffHandbookHistory",
    "ToStaffHandbookIndex",
    "ToStaffHandbookPage",
    "ToStaffHandbookResults",
    "ToStaffHandbookSaved",
    "ToStaffHandbookVersion",
    "ToStaffLeft",
    "ToStaffLoggedIn",
    "ToStaffMessage",
    "ToStaffMeter",
    "ToStaffMyFigures",
    "ToStaffNote",
    "ToStaffOffer",
    "ToStaffOfferWithdrawn",
    "ToStaffParticipants",
    "ToStaffPicture",
    "ToStaffReport",
    "ToStaffRosterImported",
    "ToStaffRosterWeek",
    "ToStaffSignInUrl",
    "ToStaffStatus",
    "ToStaffTyping",
    "channel_members",
    "dm_channel",
    "dump_frame",
    "parse_client_frame",
    "parse_staff_frame",
    "parse_to_client_frame",
    "parse_to_staff_frame",
    "validate_frame",
]


ClientFrame = Annotated[
    ClientStart | ClientResume | ClientMessage | ClientTyping | ClientLeave,
    Field(discriminator="type"),
]


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
    | ColleagueMessageSend
    | ColleagueMessagesRead
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
    | ToStaffColleagueMessage
    | ToStaffColleagueHistory
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


_client_adapter: TypeAdapter[ClientFrame] = TypeAdapter(ClientFrame)


_staff_adapter: TypeAdapter[StaffFrame] = TypeAdapter(StaffFrame)


_to_client_adapter: TypeAdapter[ServerToClientFrame] = TypeAdapter(ServerToClientFrame)


_to_staff_adapter: TypeAdapter[ServerToStaffFrame] = TypeAdapter(ServerToStaffFrame)


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
