from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backend.domain.meter import (
    DayCounts,
    StaffCapacity,
    Thresholds,
    estimated_wait_s,
    level,
    queue_figures,
    service_level,
)
from protocol.messages import Level

T = Thresholds(
    target_s=120,
    target_share=0.8,
    yellow_wait_s=60,
    red_wait_s=120,
    short_abandon_s=10,
    default_handle_s=600,
)
NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def test_service_level_formula_excludes_short_abandons() -> None:
    counts = DayCounts(answered_waits_s=[30, 100, 119, 121, 300], abandoned_waits_s=[5, 9, 50])
    # 3 answered within 120 s / (5 answered + 1 abandoned after 10 s)
    assert service_level(counts, T) == 3 / 6


def test_service_level_unknown_before_any_contact() -> None:
    assert service_level(DayCounts(), T) is None
    assert service_level(DayCounts(abandoned_waits_s=[3]), T) is None


def _level(
    longest: float,
    *,
    waiting: int = 1,
    ready: int = 1,
    logged_in: bool = True,
    overdue: int = 0,
) -> Level:
    return level(
        waiting=waiting,
        longest_wait_s=longest,
        t=T,
        ready=ready,
        logged_in=logged_in,
        overdue_callbacks=overdue,
    )


def test_levels_follow_the_present() -> None:
    assert _level(10) is Level.GREEN
    assert _level(61) is Level.YELLOW
    assert _level(121) is Level.RED
    # Someone waits and no one is Ready: never "calm", however short the wait so far.
    assert _level(5, ready=0) is Level.YELLOW
    assert _level(130, ready=0) is Level.RED
    # Someone waits and nobody who could take her is even logged in: red at once.
    assert _level(1, ready=0, logged_in=False) is Level.RED


def test_an_empty_queue_is_calm_whoever_is_logged_in() -> None:
    assert _level(0, waiting=0, ready=0, logged_in=False) is Level.GREEN
    assert _level(0, waiting=0, ready=0) is Level.GREEN


def test_an_overdue_callback_is_red_even_when_calm() -> None:
    assert _level(0, waiting=0) is Level.GREEN
    assert _level(0, waiting=0, overdue=1) is Level.RED


@given(
    answered=st.lists(st.floats(0, 20_000), max_size=30),
    abandoned=st.lists(st.floats(0, 20_000), max_size=30),
    ready=st.integers(0, 5),
    logged_in=st.integers(0, 10),
    open_callbacks=st.integers(0, 5),
)
def test_an_empty_queue_is_never_red_whatever_today_was(
    answered: list[float],
    abandoned: list[float],
    ready: int,
    logged_in: int,
    open_callbacks: int,
) -> None:
    """After a bad hour (any service level at all), an empty queue with no overdue
    callback is green: red means somebody waits now."""
    fig = queue_figures(
        queue="neuvola",
        channel="chat",
        now=NOW,
        open_now=True,
        waiting_since=[],
        staff=StaffCapacity(
            ready=min(ready, logged_in),
            busy=0,
            free_slots=min(ready, logged_in),
            logged_in_slots=2 * logged_in,
            logged_in=logged_in,
        ),
        counts=DayCounts(answered_waits_s=answered, abandoned_waits_s=abandoned),
        thresholds=T,
        callbacks=(open_callbacks, 0),
    )
    assert fig.level is Level.GREEN
    # Today's level still goes out beside the colour, with its own marker.
    if fig.service_level_today is not None and fig.service_level_today < T.target_share:
        assert fig.below_target


def test_estimated_wait() -> None:
    counts = DayCounts(handle_times_s=[300, 500])
    staff = StaffCapacity(ready=2, busy=2, free_slots=1, logged_in_slots=4)
    assert estimated_wait_s(1, staff, counts, T) == 0
    # Third in line, one free slot: two ahead of the free capacity, 400 s each over 4 slots.
    assert estimated_wait_s(3, staff, counts, T) == 2 * 400 / 4
    assert estimated_wait_s(2, StaffCapacity(0, 0, 0, 0), counts, T) is None
    assert estimated_wait_s(2, StaffCapacity(1, 1, 0, 2), DayCounts(), T) == 2 * 600 / 2
    # Logged in but nobody Ready (in wrap-up, on a break): unknown, not a guess.
    assert estimated_wait_s(2, StaffCapacity(0, 1, 0, 2), DayCounts(), T) is None


def test_queue_figures() -> None:
    fig = queue_figures(
        queue="neuvola",
        channel="chat",
        now=NOW,
        open_now=True,
        waiting_since=[NOW - timedelta(seconds=90), NOW - timedelta(seconds=20)],
        staff=StaffCapacity(ready=1, busy=1, free_slots=0, logged_in_slots=2),
        counts=DayCounts(answered_waits_s=[10, 200]),
        thresholds=T,
    )
    assert (fig.waiting, fig.longest_wait_s, fig.answered_today, fig.answered_in_target_today) == (
        2,
        90,
        2,
        1,
    )
    assert fig.service_level_today == 0.5
    # 90 s waited: past yellow_wait_s, not yet red_wait_s; a low day does not make it red.
    assert fig.level is Level.YELLOW
    assert fig.below_target


def test_waiting_with_nobody_ready_is_yellow() -> None:
    fig = queue_figures(
        queue="neuvola",
        channel="chat",
        now=NOW,
        open_now=True,
        waiting_since=[NOW - timedelta(seconds=5)],
        staff=StaffCapacity(ready=0, busy=0, free_slots=0, logged_in_slots=2),
        counts=DayCounts(),
        thresholds=T,
    )
    assert fig.level is Level.YELLOW
    empty = queue_figures(
        queue="neuvola",
        channel="chat",
        now=NOW,
        open_now=True,
        waiting_since=[],
        staff=StaffCapacity(ready=0, busy=0, free_slots=0, logged_in_slots=0),
        counts=DayCounts(),
        thresholds=T,
    )
    assert empty.level is Level.GREEN
