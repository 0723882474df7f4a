"""Callback requests: when one is due, what an attempt does to it, and the day's figures.

Pure: no I/O, the clock comes in as an argument. A callback is due by the end of the
working day it arrives on (the queue's closing time); one arriving after the cut-off, or on
a closed day, is due by the end of the next working day. Failed attempts are counted; after
``max_failed_attempts`` the callback is flagged for a decision, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from enum import StrEnum

from backend.domain.hours import OpeningHours


class CallbackState(StrEnum):
    OPEN = "open"
    DECISION = "decision"  # failed too often: a person decides what now
    DONE = "done"


class AttemptOutcome(StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    DONE = "done"


@dataclass(frozen=True)
class CallbackRules:
    cutoff: time = time(14, 0)
    max_failed_attempts: int = 3


def due_at(created: datetime, hours: OpeningHours, cutoff: time) -> datetime | None:
    """The end of the working day the callback is due on; None if the queue never opens."""
    local = created.astimezone(hours.tz)
    today = hours.window_on(local.date())
    if today is not None and local.time() < min(cutoff, today.end):
        return datetime.combine(local.date(), today.end, hours.tz)
    opening = hours.next_working_day_opening(created)
    if opening is None:
        return None
    day = opening.astimezone(hours.tz).date()
    window = hours.window_on(day)
    assert window is not None  # it opens that day
    return datetime.combine(day, window.end, hours.tz)


def after_attempt(
    state: CallbackState, failed: int, outcome: AttemptOutcome, rules: CallbackRules
) -> tuple[CallbackState, int]:
    """The state and failed-attempt count after one more attempt."""
    if state is CallbackState.DONE:
        raise ValueError("the callback is already done")
    if outcome is AttemptOutcome.DONE:
        return CallbackState.DONE, failed
    failed += 1
    if failed >= rules.max_failed_attempts:
        return CallbackState.DECISION, failed
    return state, failed


def is_overdue(due: datetime | None, state: CallbackState, now: datetime) -> bool:
    return state is not CallbackState.DONE and due is not None and now >= due


@dataclass(frozen=True)
class CallbackFacts:
    """What the figures need of one callback (no client data)."""

    queue: str
    created: datetime
    due: datetime | None
    state: CallbackState
    done_at: datetime | None


@dataclass
class DayFigures:
    created: int = 0
    done_same_day: int = 0  # done on the local day it was created
    done_in_time: int = 0  # done by its due time
    overdue: int = 0  # open past its due time now
    open: int = 0


def figures(
    callbacks: Iterable[CallbackFacts], day: date, now: datetime, hours: OpeningHours
) -> dict[str, DayFigures]:
    """Per queue: the callbacks created on ``day`` (local), and how they fared."""
    by_queue: dict[str, list[CallbackFacts]] = {}
    for cb in callbacks:
        if cb.created.astimezone(hours.tz).date() == day:
            by_queue.setdefault(cb.queue, []).append(cb)
    return {queue: tally(cbs, now, hours.tz) for queue, cbs in by_queue.items()}


def tally(callbacks: Iterable[CallbackFacts], now: datetime, tz: tzinfo) -> DayFigures:
    """How a set of callbacks fared: the one definition the meter and the reports use.
    *Done the same day*: done on the local day it was created."""
    fig = DayFigures()
    for cb in callbacks:
        fig.created += 1
        if cb.state is CallbackState.DONE and cb.done_at is not None:
            if cb.done_at.astimezone(tz).date() == cb.created.astimezone(tz).date():
                fig.done_same_day += 1
            if cb.due is None or cb.done_at <= cb.due:
                fig.done_in_time += 1
        else:
            fig.open += 1
            if is_overdue(cb.due, cb.state, now):
                fig.overdue += 1
    return fig
