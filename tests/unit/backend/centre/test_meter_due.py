"""When a round computes the meter (the board and the call-ins follow it) and when it
sends it to the desktops: computed at the next round after a change; sent then too, but
under load at most once every ``METER_GAP_S``; nothing changed, still every
``METER_EVERY_S``."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from backend.centre.meter_due import METER_EVERY_S, METER_GAP_S, MeterDue

ROUND_S = 0.25


def rounds(due: MeterDue, marks: list[bool]) -> tuple[list[float], list[float]]:
    """Rounds every ROUND_S (a mark before each when ``marks`` says so): when it computed
    and when it sent."""
    computed: list[float] = []
    sent: list[float] = []
    for i, marked in enumerate(marks):
        now = i * ROUND_S
        if marked:
            due.mark()
        compute, send = due.plan(now)
        if compute:
            computed.append(now)
        if send:
            sent.append(now)
    return computed, sent


def test_a_change_after_a_quiet_while_goes_at_the_next_round() -> None:
    due = MeterDue()
    assert due.plan(100.0) == (True, True)  # the first round
    assert due.plan(100.0 + ROUND_S) == (False, False)
    due.mark()
    assert due.plan(100.0 + METER_GAP_S) == (True, True)
    assert due.plan(100.0 + METER_GAP_S + ROUND_S) == (False, False)


def test_a_change_right_after_a_send_is_computed_at_once_and_sent_after_the_gap() -> None:
    due = MeterDue()
    due.plan(0.0)  # the desktops got it
    due.mark()
    assert due.plan(ROUND_S) == (True, False)  # the board follows now
    assert due.plan(2 * ROUND_S) == (False, False)  # nothing new: not computed again
    assert due.plan(METER_GAP_S) == (True, True)  # not lost; computed fresh to send


def test_nothing_changed_still_every_meter_every_s() -> None:
    computed, sent = rounds(MeterDue(), [False] * 40)  # ten seconds
    assert [b - a for a, b in itertools.pairwise(sent)] == [METER_EVERY_S] * 4
    assert computed == sent


def test_under_load_computed_every_round_sent_once_a_second() -> None:
    computed, sent = rounds(MeterDue(), [True] * 40)  # a change before every round
    assert len(computed) == 40
    assert len(sent) == 10
    assert all(b - a == METER_GAP_S for a, b in itertools.pairwise(sent))


@given(st.lists(st.booleans(), min_size=1, max_size=200))
def test_never_closer_than_the_gap_nor_further_than_every_s(marks: list[bool]) -> None:
    computed, sent = rounds(MeterDue(), marks)
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert all(METER_GAP_S <= gap <= METER_EVERY_S for gap in gaps)
    assert set(sent) <= set(computed)  # what is sent is computed that round
    end = (len(marks) - 1) * ROUND_S
    for i, marked in enumerate(marks):
        if marked:
            at = i * ROUND_S
            assert at in computed  # the board follows at the same round
            later = [s for s in sent if s >= at]
            # Sent within the gap and a round (unless the run ended first).
            assert (later and later[0] - at <= METER_GAP_S + ROUND_S) or (
                not later and end - at < METER_GAP_S + ROUND_S
            )
