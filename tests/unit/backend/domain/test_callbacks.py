"""Callback due times, attempts and figures (pure domain logic, fixed clock)."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from backend.domain.callbacks import (
    AttemptOutcome,
    CallbackFacts,
    CallbackRules,
    CallbackState,
    after_attempt,
    due_at,
    figures,
    is_overdue,
)
from backend.domain.hours import OpeningHours
from tests.unit.backend.domain.test_hours import HKI, local, weekdays

CUTOFF = time(14, 0)


def test_due_the_same_working_day_before_the_cutoff() -> None:
    hours = weekdays()
    assert due_at(local(2027, 3, 3, 9, 10), hours, CUTOFF) == local(2027, 3, 3, 15, 0)
    # Before opening counts as that day too.
    assert due_at(local(2027, 3, 3, 6, 30), hours, CUTOFF) == local(2027, 3, 3, 15, 0)


def test_after_the_cutoff_due_the_next_working_day() -> None:
    hours = weekdays()
    # Wednesday 14:30 → Thursday's close.
    assert due_at(local(2027, 3, 3, 14, 30), hours, CUTOFF) == local(2027, 3, 4, 15, 0)


def test_friday_afternoon_before_a_holiday_monday_is_due_tuesday() -> None:
    hours = weekdays()
    # 6.12.2027 (Independence Day) is a Monday.
    assert due_at(local(2027, 12, 3, 14, 30), hours, CUTOFF) == local(2027, 12, 7, 15, 0)


def test_weekend_callbacks_are_due_on_monday() -> None:
    assert due_at(local(2027, 3, 6, 11, 0), weekdays(), CUTOFF) == local(2027, 3, 8, 15, 0)


def test_a_queue_that_never_opens_has_no_due_time() -> None:
    closed = OpeningHours(HKI, {})
    assert due_at(local(2027, 3, 3, 9, 0), closed, CUTOFF) is None


def test_failed_attempts_flag_a_decision_and_never_drop() -> None:
    rules = CallbackRules(max_failed_attempts=2)
    state, failed = after_attempt(CallbackState.OPEN, 0, AttemptOutcome.NO_ANSWER, rules)
    assert (state, failed) == (CallbackState.OPEN, 1)
    state, failed = after_attempt(state, failed, AttemptOutcome.BUSY, rules)
    assert (state, failed) == (CallbackState.DECISION, 2)
    # A decision may still be to try again: success closes it.
    assert after_attempt(state, failed, AttemptOutcome.DONE, rules)[0] is CallbackState.DONE
    with pytest.raises(ValueError):
        after_attempt(CallbackState.DONE, 0, AttemptOutcome.NO_ANSWER, rules)


def test_overdue_and_day_figures() -> None:
    hours = weekdays()
    day = local(2027, 3, 3, 0, 0).date()
    due = local(2027, 3, 3, 15, 0)
    now = local(2027, 3, 3, 16, 0)
    facts = [
        CallbackFacts("neuvola", local(2027, 3, 3, 9, 0), due, CallbackState.DONE,
                      local(2027, 3, 3, 10, 0)),
        CallbackFacts("neuvola", local(2027, 3, 3, 9, 5), due, CallbackState.OPEN, None),
        CallbackFacts("neuvola", local(2027, 3, 3, 14, 30), due + timedelta(days=1),
                      CallbackState.OPEN, None),
        CallbackFacts("mipa", local(2027, 3, 2, 9, 0), due, CallbackState.OPEN, None),
    ]  # fmt: skip
    assert is_overdue(due, CallbackState.OPEN, now)
    assert not is_overdue(due, CallbackState.DONE, now)
    result = figures(facts, day, now, hours)
    assert set(result) == {"neuvola"}  # yesterday's mipa callback is not today's
    fig = result["neuvola"]
    assert (fig.created, fig.done_same_day, fig.done_in_time, fig.open, fig.overdue) == (
        3, 1, 1, 2, 1,
    )  # fmt: skip
