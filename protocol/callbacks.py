"""Callback requests: leaving, listing, opening, attempts, offers and figures."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import FIRST_DAY, LAST_DAY, MAX_INT, Frame, Ident, PhoneNumber

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
