"""Digi-agents: the call-in, her answer, her state, and how the board and reports show them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import Frame, Ident


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
