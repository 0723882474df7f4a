"""The service's figures: one definition of each, used by the meter, reports and exports.

Pure: contacts and staff-state changes in, figures out; no I/O, no clock of its own.

A *contact* is one chat conversation or one call to the service number, from its arrival
in a queue. Its **wait** is ``answered - arrived`` when answered, ``ended - arrived`` when
the client gave up. Per set of contacts (an interval, a day, a queue):

* **offered**: contacts that arrived.
* **answered**: of those, answered by a professional.
* **answered within target**: answered with ``wait <= target_s`` of the contact's channel
  (5 min for calls and 2 min for chats in the reference service).
* **abandoned**: gave up after more than ``short_abandon_s``; **short abandons** (a wait of
  ``short_abandon_s`` or less: a mis-dial, a changed mind) are counted apart.
* **service level**::

      SL = answered within target / (answered + abandoned)

  with short abandons left out of both sides unless ``count_short_abandons`` is set (then
  they join the denominator). No contact counted: ``None`` (shown "–", never 0 %), so
  closed hours are never intervals of zero service.
* **mean wait**, **90th percentile wait** (nearest rank: the ``ceil(0.9 n)``-th smallest)
  and **longest wait**, over answered contacts; the longest wait also over abandoned ones.
* **mean handling time**: ``ended - answered`` (talk or chat) over answered contacts that
  ended; wrap-up after it is the staff-state log's Wrap-up time.
* **one-contact share**: contacts closed as handled in one contact (``one_contact``) or
  with an appointment booked in it (``appointment``: the handling starts, the client need
  not contact again) / answered contacts with any outcome recorded (the 70 % target).
* **transfers**: how many times the contacts were passed on (to a queue or a colleague).
* **Wrap-up per contact** (per interval, all channels together: Wrap-up is hers, not a
  queue's): Wrap-up seconds of everyone in the interval / contacts answered in it; the
  handling time with Wrap-up is the mean handling time plus it.

Intervals are local (Europe/Helsinki for the reference service): a 15/30/60 min interval
starts on a local quarter/half/full hour, a day at local midnight, a week on Monday, a
month on the 1st; a day with a daylight-saving change has 23 or 25 hourly intervals.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from backend.domain.hours import OpeningHours

ONE_CONTACT = "one_contact"
# The outcomes that count as the matter handled in this one contact.
HANDLED_IN_ONE = (ONE_CONTACT, "appointment")
T = TypeVar("T")


@dataclass(frozen=True)
class Targets:
    """What a channel promises: answered within ``target_s``; abandons counted after
    ``short_abandon_s``."""

    target_s: float
    short_abandon_s: float = 10
    target_share: float = 0.8


@dataclass(frozen=True)
class ContactRecord:
    """One contact as stored: never any text, name or number."""

    id: str
    channel: str  # "chat" | "phone"
    queue: str
    arrived: datetime
    answered: datetime | None = None
    ended: datetime | None = None
    abandoned: bool = False
    outcome: str | None = None
    handled_by: str | None = None
    transfers: int = 0  # passed to another queue or colleague (chats)

    @property
    def wait_s(self) -> float | None:
        if self.answered is not None:
            return (self.answered - self.arrived).total_seconds()
        if self.abandoned and self.ended is not None:
            return (self.ended - self.arrived).total_seconds()
        return None

    @property
    def handle_s(self) -> float | None:
        if self.answered is None or self.ended is None:
            return None
        return (self.ended - self.answered).total_seconds()


def service_level(answered_in_target: int, answered: int, abandoned: int) -> float | None:
    """The one formula (see the module docstring); the meter calls it too."""
    denominator = answered + abandoned
    if denominator == 0:
        return None
    return answered_in_target / denominator


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest rank: the ``ceil(share * n)``-th smallest value."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Figures:
    offered: int = 0
    answered: int = 0
    answered_in_target: int = 0
    abandoned: int = 0
    short_abandoned: int = 0
    service_level: float | None = None
    wait_mean_s: float | None = None
    wait_p90_s: float | None = None
    longest_wait_s: float | None = None
    handle_mean_s: float | None = None
    one_contact: int = 0
    with_outcome: int = 0
    one_contact_share: float | None = None
    outcomes: Mapping[str, int] = field(default_factory=dict)
    transfers: int = 0


def figures(
    contacts: Iterable[ContactRecord],
    targets: Mapping[str, Targets],
    count_short_abandons: bool = False,
) -> Figures:
    """The figures of a set of contacts; ``targets`` by channel."""
    offered = answered = in_target = abandoned = short = 0
    waits: list[float] = []
    handles: list[float] = []
    longest: float | None = None
    outcomes: Counter[str] = Counter()
    transfers = 0
    for c in contacts:
        offered += 1
        transfers += c.transfers
        t = targets[c.channel]
        wait = c.wait_s
        if c.answered is not None and wait is not None:
            answered += 1
            waits.append(wait)
            if wait <= t.target_s:
                in_target += 1
            handle = c.handle_s
            if handle is not None:
                handles.append(handle)
            if c.outcome:
                outcomes[c.outcome] += 1
        elif c.abandoned and wait is not None:
            if wait <= t.short_abandon_s:
                short += 1
            else:
                abandoned += 1
        if wait is not None and (longest is None or wait > longest):
            longest = wait
    with_outcome = sum(outcomes.values())
    counted_abandons = abandoned + (short if count_short_abandons else 0)
    return Figures(
        offered=offered,
        answered=answered,
        answered_in_target=in_target,
        abandoned=abandoned,
        short_abandoned=short,
        service_level=service_level(in_target, answered, counted_abandons),
        wait_mean_s=math.fsum(waits) / len(waits) if waits else None,
        wait_p90_s=percentile(waits, 0.9),
        longest_wait_s=longest,
        handle_mean_s=math.fsum(handles) / len(handles) if handles else None,
        one_contact=sum(outcomes[o] for o in HANDLED_IN_ONE),
        with_outcome=with_outcome,
        one_contact_share=(
            sum(outcomes[o] for o in HANDLED_IN_ONE) / with_outcome if with_outcome else None
        ),
        outcomes=dict(sorted(outcomes.items())),
        transfers=transfers,
    )


# --- intervals ---------------------------------------------------------------------------


class Grain(StrEnum):
    MIN15 = "15"
    MIN30 = "30"
    MIN60 = "60"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def minutes(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None


@dataclass(frozen=True)
class Interval:
    """In UTC: Python subtracts and compares two datetimes of one zone by wall clock, which
    is an hour off across a daylight-saving change. Shown in local time only on output."""

    start: datetime
    end: datetime

    def __contains__(self, at: datetime) -> bool:
        return self.start <= at < self.end


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tz)


def period_start(day: date, grain: Grain) -> date:
    if grain is Grain.WEEK:
        return day - timedelta(days=day.weekday())
    if grain is Grain.MONTH:
        return day.replace(day=1)
    return day


def next_period(day: date, grain: Grain) -> date:
    if grain is Grain.WEEK:
        return day + timedelta(days=7)
    if grain is Grain.MONTH:
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def intervals(first: date, last: date, grain: Grain, tz: ZoneInfo) -> list[Interval]:
    """Every interval from local day ``first`` through ``last`` (inclusive). Minute
    intervals step in real time from local midnight, so a 23-hour day has 23 hours."""
    out: list[Interval] = []
    minutes = grain.minutes
    if minutes is None:
        day = period_start(first, grain)
        while day <= last:
            following = next_period(day, grain)
            out.append(
                Interval(
                    _midnight(day, tz).astimezone(UTC), _midnight(following, tz).astimezone(UTC)
                )
            )
            day = following
        return out
    step = timedelta(minutes=minutes)
    day = first
    while day <= last:
        at = _midnight(day, tz).astimezone(UTC)
        end_of_day = _midnight(day + timedelta(days=1), tz).astimezone(UTC)
        while at < end_of_day:
            following = min(at + step, end_of_day)
            out.append(Interval(at, following))
            at = following
        day += timedelta(days=1)
    return out


def is_open_during(span: Interval, hours: OpeningHours) -> bool:
    """Whether the service was open at any moment of the interval (closed intervals are
    left out of reports rather than shown as zero service)."""
    tz = hours.tz
    day = span.start.astimezone(tz).date()
    while _midnight(day, tz).astimezone(UTC) < span.end:
        window = hours.window_on(day)
        if window is not None:
            opens = datetime.combine(day, window.start, tz).astimezone(UTC)
            closes = datetime.combine(day, window.end, tz).astimezone(UTC)
            if opens < span.end and span.start < closes:
                return True
        day += timedelta(days=1)
    return False


def bucket(
    items: Iterable[T], spans: Sequence[Interval], at: Callable[[T], datetime]
) -> list[list[T]]:
    """Items by the interval their time ``at`` falls in (items outside all dropped)."""
    out: list[list[T]] = [[] for _ in spans]
    if not spans:
        return out
    starts = [s.start for s in spans]
    ends = [s.end for s in spans]
    for item in items:
        when = at(item).astimezone(UTC)
        i = bisect.bisect_right(starts, when) - 1
        if i >= 0 and when < ends[i]:
            out[i].append(item)
    return out


def arrivals_by_weekday_hour(contacts: Iterable[ContactRecord], tz: ZoneInfo) -> list[list[int]]:
    """Arrivals per local weekday (row 0 = Monday) and hour (column 0 = 00–01): the heat
    map of when in the week the peaks come."""
    grid = [[0] * 24 for _ in range(7)]
    for c in contacts:
        local = c.arrived.astimezone(tz)
        grid[local.weekday()][local.hour] += 1
    return grid


# --- staff time --------------------------------------------------------------------------


@dataclass(frozen=True)
class StateChange:
    """From ``at`` on, ``username`` was in ``state`` (``offline`` when signed out)."""

    username: str
    at: datetime
    state: str
    reason: str = ""


def ready_per_interval(
    changes: Sequence[StateChange], spans: Sequence[Interval], now: datetime | None = None
) -> list[float]:
    """The mean number of staff Ready during each interval: Ready seconds of everyone /
    the interval's seconds (the staffing beside the arrivals). Changes in time order."""
    seconds = seconds_in_state(changes, spans, "ready", now)
    return [
        s / (span.end - span.start).total_seconds() for s, span in zip(seconds, spans, strict=True)
    ]


def seconds_in_state(
    changes: Sequence[StateChange],
    spans: Sequence[Interval],
    state: str,
    now: datetime | None = None,
) -> list[float]:
    """Everyone's seconds in ``state`` within each interval. Changes in time order; a state
    still going on counts until ``now`` (never into the future), else to the last end."""
    out = [0.0] * len(spans)
    if not spans:
        return out
    starts = [s.start for s in spans]
    since: dict[str, datetime] = {}

    def add(lo: datetime, hi: datetime) -> None:
        i = max(0, bisect.bisect_right(starts, lo) - 1)
        while i < len(spans) and spans[i].start < hi:
            a, b = max(lo, spans[i].start), min(hi, spans[i].end)
            if b > a:
                out[i] += (b - a).total_seconds()
            i += 1

    for change in changes:
        began = since.pop(change.username, None)
        if began is not None:
            add(began, change.at)
        if change.state == state:
            since[change.username] = change.at
    stop = spans[-1].end if now is None else min(spans[-1].end, now)
    for began in since.values():
        if stop > began:
            add(began, stop)
    return out


def state_seconds(
    changes: Sequence[StateChange], start: datetime, end: datetime
) -> dict[str, dict[str, float]]:
    """Seconds per person per state within ``[start, end)``; a state with a reason is
    counted as ``state:reason`` (``not_ready:lunch``). ``offline`` is not counted. The
    changes must be ordered by time; one that came before ``start`` sets the state at it.
    Times in UTC (see ``Interval``)."""
    out: dict[str, dict[str, float]] = {}
    current: dict[str, tuple[datetime, str]] = {}

    def close(user: str, until: datetime) -> None:
        since, key = current[user]
        lo, hi = max(since, start), min(until, end)
        if hi > lo and key != "offline":
            per = out.setdefault(user, {})
            per[key] = per.get(key, 0.0) + (hi - lo).total_seconds()

    for change in changes:
        if change.at >= end:
            break
        if change.username in current:
            close(change.username, change.at)
        key = f"{change.state}:{change.reason}" if change.reason else change.state
        current[change.username] = (change.at, key)
    for user in list(current):
        close(user, end)
    return out
