"""The protocol's common ground: the frame, its version, the shared value types and
error codes, the limits every socket enforces."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

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


class ErrorFrame(Frame):
    type: Literal["error"] = "error"
    code: ErrorCode
    detail: str = ""
    # The client_msg_id (or conversation id) the error is about, so a sender can retry.
    ref: str | None = None
    next_opening: datetime | None = None


PhoneNumber = Annotated[str, Field(max_length=32, pattern=r"^\+?[0-9 ()-]{3,31}$")]


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
