"""When a round sends the meter: a change at the next round, but under load at most once
every ``METER_GAP_S``; nothing changed, still every ``METER_EVERY_S``."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from backend.centre.meter_due import METER_EVERY_S, METER_GAP_S, MeterDue

ROUND_S = 0.25


def rounds(due: MeterDue, marks: list[bool]) -> list[float]:
    """Rounds every ROUND_S (a mark before each when ``marks`` says so): when it sent."""
    sent: list[float] = []
    last = -100.0
    for i, marked in enumerate(marks):
        now = i * ROUND_S
        if marked:
            due.mark()
        if due.send_now(now - last):
            sent.append(now)
            last = now
    return sent


def test_a_change_after_a_quiet_while_goes_at_the_next_round() -> None:
    due = MeterDue()
    assert due.send_now(100.0)  # the first round
    assert not due.send_now(ROUND_S)
    due.mark()
    assert due.send_now(METER_GAP_S)
    assert not due.due


def test_a_change_right_after_a_send_waits_for_the_gap_and_is_not_lost() -> None:
    due = MeterDue()
    due.mark()
    assert not due.send_now(ROUND_S)
    assert due.due  # kept for a later round
    assert due.send_now(METER_GAP_S)


def test_nothing_changed_still_every_meter_every_s() -> None:
    sent = rounds(MeterDue(), [False] * 40)  # ten seconds
    assert [b - a for a, b in itertools.pairwise(sent)] == [METER_EVERY_S] * 4


def test_under_load_once_a_second() -> None:
    sent = rounds(MeterDue(), [True] * 40)  # a change before every round for ten seconds
    assert len(sent) == 10
    assert all(b - a == METER_GAP_S for a, b in itertools.pairwise(sent))


@given(st.lists(st.booleans(), min_size=1, max_size=200))
def test_never_closer_than_the_gap_nor_further_than_every_s(marks: list[bool]) -> None:
    due = MeterDue()
    sent = rounds(due, marks)
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert all(METER_GAP_S <= gap <= METER_EVERY_S for gap in gaps)
    # A change is never left unsent longer than the gap and a round.
    for i, marked in enumerate(marks):
        if marked:
            at = i * ROUND_S
            later = [s for s in sent if s >= at]
            end = (len(marks) - 1) * ROUND_S
            assert later or end - at < METER_GAP_S + ROUND_S
            if later:
                assert later[0] - at <= METER_GAP_S + ROUND_S
