"""The supervisor's room: the board and its actions, reports, staffing advice, the
roster, and her own figures."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import Frame, Ident, ReportDay, StaffStatus
from protocol.digi import CallInLine, DigiLine, DigiReport


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


class StaffMyFiguresRequest(Frame):
    """Her own figures (anyone, for herself only): time per state, contacts handled."""

    type: Literal["my_figures"] = "my_figures"
    first: ReportDay
    last: date


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


class ToStaffMyFigures(Frame):
    type: Literal["my_figures"] = "my_figures"
    first: date
    last: date
    contacts_handled: int
    chat_s: float
    call_s: float
    seconds: dict[str, float]  # by state: "ready", "not_ready:lunch", "wrap_up", …
