"""Each figure on small cases computed by hand (backend/domain/figures.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from backend.domain.figures import (
    ContactRecord,
    Grain,
    Interval,
    StateChange,
    Targets,
    bucket,
    figures,
    intervals,
    is_open_during,
    percentile,
    ready_per_interval,
    seconds_in_state,
    service_level,
    state_seconds,
)
from backend.domain.hours import OpeningHours, Window

HKI = ZoneInfo("Europe/Helsinki")
TARGETS = {"phone": Targets(300, 10), "chat": Targets(120, 10)}
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=HKI)


def contact(
    n: int,
    wait: float | None,
    *,
    channel: str = "chat",
    abandoned: bool = False,
    handle: float = 600,
    outcome: str | None = None,
    arrived: datetime = T0,
) -> ContactRecord:
    answered = None if abandoned or wait is None else arrived + timedelta(seconds=wait)
    ended = (
        arrived + timedelta(seconds=wait or 0)
        if abandoned
        else (answered + timedelta(seconds=handle) if answered else None)
    )
    return ContactRecord(
        f"c{n}", channel, "neuvola", arrived, answered, ended, abandoned, outcome, "hoitaja"
    )


def test_service_level_by_hand() -> None:
    # 4 answered (3 within 120 s), 1 abandoned after 200 s, 1 short abandon (5 s), 1 waiting.
    cs = [
        contact(1, 30, outcome="one_contact"),
        contact(2, 120, outcome="one_contact"),  # exactly at the target: within
        contact(3, 119, outcome="appointment"),
        contact(4, 121),
        contact(5, 200, abandoned=True),
        contact(6, 5, abandoned=True),
        contact(7, None),
    ]
    f = figures(cs, TARGETS)
    assert (f.offered, f.answered, f.answered_in_target) == (7, 4, 3)
    assert (f.abandoned, f.short_abandoned) == (1, 1)
    assert f.service_level == 3 / 5
    assert figures(cs, TARGETS, count_short_abandons=True).service_level == 3 / 6
    assert f.wait_mean_s == (30 + 120 + 119 + 121) / 4
    assert f.wait_p90_s == 121  # ceil(0.9 * 4) = 4th smallest
    assert f.longest_wait_s == 200  # abandons count for the longest wait
    assert f.handle_mean_s == 600
    # A booked appointment is the matter handled in this contact too.
    assert (f.one_contact, f.with_outcome) == (3, 3)
    assert f.one_contact_share == 3 / 3
    assert f.outcomes == {"appointment": 1, "one_contact": 2}


def test_an_abandon_exactly_at_the_threshold_is_a_short_abandon() -> None:
    f = figures([contact(1, 10, abandoned=True), contact(2, 10.001, abandoned=True)], TARGETS)
    assert (f.short_abandoned, f.abandoned) == (1, 1)
    assert f.service_level == 0.0


def test_nothing_counted_is_no_service_level_not_zero() -> None:
    f = figures([contact(1, 3, abandoned=True)], TARGETS)
    assert f.service_level is None and f.offered == 1
    assert figures([], TARGETS).service_level is None


def test_each_channel_has_its_own_target() -> None:
    # 200 s is within the phone's 5 min and outside the chat's 2 min.
    f = figures([contact(1, 200, channel="phone"), contact(2, 200, channel="chat")], TARGETS)
    assert f.answered_in_target == 1


def test_the_meter_and_the_report_use_the_same_formula() -> None:
    from backend.domain.meter import DayCounts, Thresholds
    from backend.domain.meter import service_level as meter_level

    cs = [
        contact(1, 30),
        contact(2, 130),
        contact(3, 40, abandoned=True),
        contact(4, 8, abandoned=True),
    ]
    counts = DayCounts()
    for c in cs:
        counts.record(c.arrived, c.answered, c.ended, c.abandoned)
    assert meter_level(counts, Thresholds(target_s=120)) == figures(cs, TARGETS).service_level
    assert service_level(1, 2, 1) == 1 / 3


def test_a_contact_spanning_midnight_counts_on_the_day_it_arrived() -> None:
    late = datetime(2026, 11, 2, 23, 59, 30, tzinfo=HKI)
    c = contact(1, 90, arrived=late)
    spans = intervals(date(2026, 11, 2), date(2026, 11, 3), Grain.DAY, HKI)
    by_day = bucket([c], spans, lambda x: x.arrived)
    assert [len(b) for b in by_day] == [1, 0]
    assert figures(by_day[0], TARGETS).answered_in_target == 1
    assert c.answered is not None and c.answered.astimezone(HKI).date() == date(2026, 11, 3)


def test_daylight_saving_days_have_23_and_25_hours() -> None:
    spring = intervals(date(2026, 3, 29), date(2026, 3, 29), Grain.MIN60, HKI)
    autumn = intervals(date(2026, 10, 25), date(2026, 10, 25), Grain.MIN60, HKI)
    assert (len(spring), len(autumn)) == (23, 25)
    assert sum((s.end - s.start for s in autumn), timedelta()) == timedelta(hours=25)
    # Local labels: the autumn day shows 03:00 twice (before and after the change).
    assert [s.start.astimezone(HKI).hour for s in autumn].count(3) == 2
    assert len(intervals(date(2026, 3, 29), date(2026, 3, 29), Grain.MIN15, HKI)) == 92
    day = intervals(date(2026, 3, 29), date(2026, 3, 29), Grain.DAY, HKI)[0]
    assert day.end - day.start == timedelta(hours=23)


def test_weeks_start_on_monday_and_months_on_the_first() -> None:
    weeks = intervals(date(2026, 11, 4), date(2026, 11, 18), Grain.WEEK, HKI)
    assert [w.start.astimezone(HKI).date() for w in weeks] == [
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 16),
    ]
    months = intervals(date(2026, 11, 30), date(2027, 1, 2), Grain.MONTH, HKI)
    assert [m.start.astimezone(HKI).date() for m in months] == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
    assert months[1].end.astimezone(HKI).date() == date(2027, 1, 1)


def test_closed_hours_are_not_intervals_of_the_service() -> None:
    hours = OpeningHours(tz=HKI, weekly={d: Window(time(8), time(15)) for d in range(1, 6)})
    spans = intervals(date(2026, 11, 2), date(2026, 11, 2), Grain.MIN60, HKI)
    assert [s.start.astimezone(HKI).hour for s in spans if is_open_during(s, hours)] == list(
        range(8, 15)
    )
    sunday = intervals(date(2026, 11, 8), date(2026, 11, 8), Grain.DAY, HKI)[0]
    assert not is_open_during(sunday, hours)
    week = intervals(date(2026, 11, 8), date(2026, 11, 8), Grain.WEEK, HKI)[0]
    assert is_open_during(week, hours)


def test_percentile_is_nearest_rank() -> None:
    assert percentile([], 0.9) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([float(i) for i in range(1, 11)], 0.9) == 9.0
    assert percentile([float(i) for i in range(1, 12)], 0.9) == 10.0


def test_time_per_state_with_a_reason_and_a_change_before_the_range() -> None:
    at = lambda h, m=0: datetime(2026, 11, 2, h, m, tzinfo=HKI)  # noqa: E731
    changes = [
        StateChange("hanna", at(7, 50), "not_ready", "login"),
        StateChange("hanna", at(8, 10), "ready"),
        StateChange("hanna", at(11), "not_ready", "lunch"),
        StateChange("hanna", at(11, 30), "ready"),
        StateChange("hanna", at(15), "offline"),
        StateChange("pekka", at(9), "wrap_up"),
    ]
    got = state_seconds(changes, at(8), at(16))
    assert got["hanna"] == {
        "not_ready:login": 600,
        "ready": (170 + 210) * 60,
        "not_ready:lunch": 1800,
    }
    assert got["pekka"] == {"wrap_up": 7 * 3600}  # still in wrap-up at the range's end


@given(
    st.lists(
        st.tuples(
            st.integers(0, 36 * 3600),  # arrival, seconds from the first day's midnight
            st.one_of(st.none(), st.floats(0, 2000)),  # wait
            st.booleans(),  # abandoned
        ),
        max_size=60,
    ),
    st.sampled_from([Grain.MIN15, Grain.MIN30, Grain.MIN60]),
)
def test_intervals_add_up_to_the_day(
    raw: list[tuple[int, float | None, bool]], grain: Grain
) -> None:
    start = datetime(2026, 10, 24, tzinfo=HKI)  # the day before the autumn change
    cs = [
        contact(i, wait, abandoned=ab and wait is not None, arrived=start + timedelta(seconds=s))
        for i, (s, wait, ab) in enumerate(raw)
    ]
    small = intervals(date(2026, 10, 24), date(2026, 10, 25), grain, HKI)
    days = intervals(date(2026, 10, 24), date(2026, 10, 25), Grain.DAY, HKI)
    for day, in_day in zip(days, bucket(cs, days, lambda c: c.arrived), strict=True):
        parts = [
            figures(b, TARGETS)
            for s, b in zip(small, bucket(cs, small, lambda c: c.arrived), strict=True)
            if s.start >= day.start and s.end <= day.end
        ]
        whole = figures(in_day, TARGETS)
        for name in ("offered", "answered", "answered_in_target", "abandoned", "short_abandoned"):
            assert sum(getattr(p, name) for p in parts) == getattr(whole, name)
    assert all(isinstance(s, Interval) and s.start.tzinfo is not None for s in small)
    assert small[0].start.astimezone(UTC) == start.astimezone(UTC)


def test_mean_staff_ready_per_interval() -> None:
    at = lambda h, m=0: datetime(2026, 11, 2, h, m, tzinfo=HKI)  # noqa: E731
    changes = [
        StateChange("hanna", at(8), "ready"),
        StateChange("pekka", at(9), "ready"),
        StateChange("pekka", at(9, 30), "not_ready", "lunch"),
        StateChange("hanna", at(10), "wrap_up"),
        StateChange("hanna", at(10, 15), "ready"),
    ]
    spans = [s for s in intervals(date(2026, 11, 2), date(2026, 11, 2), Grain.MIN60, HKI)]
    by_hour = dict(
        zip(
            (s.start.astimezone(HKI).hour for s in spans),
            ready_per_interval(changes, spans),
            strict=True,
        )
    )
    assert by_hour[7] == 0 and by_hour[8] == 1.0 and by_hour[9] == 1.5
    assert by_hour[10] == 0.75 and by_hour[23] == 1.0  # still Ready at the day's end


def test_transfers_add_up_and_wrap_up_is_counted_per_state() -> None:
    cs = [
        ContactRecord("a", "chat", "neuvola", T0, T0, T0, transfers=2),
        ContactRecord("b", "chat", "neuvola", T0, T0, T0, transfers=1),
    ]
    assert figures(cs, TARGETS).transfers == 3
    at = lambda m: T0 + timedelta(minutes=m)  # noqa: E731
    changes = [
        StateChange("hanna", at(0), "ready"),
        StateChange("hanna", at(10), "wrap_up"),
        StateChange("hanna", at(12), "ready"),
        StateChange("pekka", at(50), "wrap_up"),
        StateChange("pekka", at(70), "ready"),
    ]
    spans = [Interval(T0.astimezone(UTC), at(60).astimezone(UTC)), Interval(at(60), at(120))]
    assert seconds_in_state(changes, spans, "wrap_up") == [120 + 600, 600]
