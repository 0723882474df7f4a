from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
    red_share=0.6,
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


def test_levels() -> None:
    assert level(10, None, T) is Level.GREEN
    assert level(10, 0.9, T) is Level.GREEN
    assert level(61, 0.9, T) is Level.YELLOW
    assert level(10, 0.7, T) is Level.YELLOW
    assert level(121, 0.9, T) is Level.RED
    assert level(10, 0.5, T) is Level.RED
    # Someone waits and no one is Ready: never "calm", however short the wait so far.
    assert level(5, None, T, unattended=True) is Level.YELLOW
    assert level(130, None, T, unattended=True) is Level.RED


def test_an_overdue_callback_is_red_even_when_calm() -> None:
    assert level(0, 1.0, T) is Level.GREEN
    assert level(0, 1.0, T, overdue_callbacks=1) is Level.RED


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
    assert fig.level is Level.RED  # SL 50 % < red share


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
