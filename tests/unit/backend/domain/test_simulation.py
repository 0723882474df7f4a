"""The day simulated through the real router (backend/domain/simulation.py): for calls it
agrees with Erlang C where Erlang C's assumptions hold; for chats it shows what the
formula misses."""

from __future__ import annotations

import statistics
from datetime import UTC, datetime

from backend.domain.erlang import erlang_c_staffing
from backend.domain.figures import Targets
from backend.domain.simulation import QueueDemand, Rules, Shift, simulate

START = datetime(2026, 11, 2, 6, tzinfo=UTC)  # 08:00 in Helsinki


def test_calls_agree_with_erlang_c_within_the_confidence_interval() -> None:
    """M/M/5 at 4 erlangs: nobody gives up, accepts at once, no wrap-up, no misses."""
    shifts = [Shift(f"a{i}", frozenset({"s"}), 0, 12 * 1800) for i in range(5)]
    demand = [QueueDemand("q", "phone", "s", [30] * 12, 240, 1e12)]
    rules = Rules(miss_share=0, accept_delay_s=(0, 0), wrap_up_max_s=0, callback_share=0)
    days = [
        simulate(
            day_start=START,
            interval_s=1800,
            demand=demand,
            shifts=shifts,
            targets={"phone": Targets(60, 0)},
            rules=rules,
            seed=seed,
        ).channels["phone"]
        for seed in range(24)
    ]
    levels = [d.service_level for d in days if d.service_level is not None]
    mean = statistics.fmean(levels)
    half_width = 2.81 * statistics.stdev(levels) / len(levels) ** 0.5  # 99 %, 23 df
    expected = erlang_c_staffing(30 / 1800, 240, 60, 5).service_level
    # The router steps once a second (as the hub's tick): at most a second more wait.
    assert abs(mean - expected) <= half_width + 0.01, (mean, expected, half_width)


def test_chats_need_more_than_erlang_c_with_capacity_times_agents() -> None:
    """Four nurses with two chat slots each are not eight agents: Wrap-up after every chat
    and missed offers take capacity the formula does not see."""
    shifts = [Shift(f"n{i}", frozenset({"c"}), 0, 14 * 1800, chat_capacity=2) for i in range(4)]
    demand = [QueueDemand("chat", "chat", "c", [22] * 14, 600, 1e12)]
    simulated = [
        simulate(
            day_start=START,
            interval_s=1800,
            demand=demand,
            shifts=shifts,
            targets={"chat": Targets(120, 10)},
            seed=seed,
        )
        .channels["chat"]
        .service_level
        for seed in range(6)
    ]
    formula = erlang_c_staffing(22 / 1800, 600, 120, 8).service_level
    assert statistics.fmean(s or 0 for s in simulated) < formula - 0.05


def test_missed_offers_and_callbacks_follow_the_rules() -> None:
    shifts = [Shift("a", frozenset({"s"}), 0, 4 * 1800), Shift("b", frozenset({"s"}), 0, 2 * 1800)]
    demand = [QueueDemand("q", "phone", "s", [25] * 4, 240, 120)]
    result = simulate(
        day_start=START,
        interval_s=1800,
        demand=demand,
        shifts=shifts,
        targets={"phone": Targets(300, 10)},
        rules=Rules(miss_share=0.3),
        seed=3,
    )
    f = result.channels["phone"]
    assert f.abandoned > 0 and result.callbacks_created > 0
    assert 0 <= result.callbacks_left <= result.callbacks_created
    assert 0 < result.occupancy <= 1
    assert len(result.by_interval["phone"]) == 4
    # Every contact is answered, gave up, or (after closing) still waited: none lost.
    assert f.offered == f.answered + f.abandoned + f.short_abandoned + sum(
        1 for c in result.contacts if c.answered is None and not c.abandoned
    )


def test_calls_with_impatient_callers_agree_with_erlang_a() -> None:
    """M/M/4+M at 4 erlangs (overloaded without abandons), mean patience 3 min."""
    from backend.domain.erlang import erlang_a_staffing

    shifts = [Shift(f"a{i}", frozenset({"s"}), 0, 12 * 1800) for i in range(4)]
    demand = [QueueDemand("q", "phone", "s", [30] * 12, 240, 180)]
    rules = Rules(miss_share=0, accept_delay_s=(0, 0), wrap_up_max_s=0, callback_share=0)
    shares, levels = [], []
    for seed in range(16):
        f = simulate(
            day_start=START,
            interval_s=1800,
            demand=demand,
            shifts=shifts,
            targets={"phone": Targets(60, 0)},
            rules=rules,
            seed=seed,
        ).channels["phone"]
        shares.append((f.abandoned + f.short_abandoned) / f.offered)
        levels.append(f.answered_in_target / f.offered)  # Erlang A's SL: over all calls
    model = erlang_a_staffing(30 / 1800, 240, 60, 4, 180)
    for observed, expected in ((shares, model.p_abandon), (levels, model.service_level)):
        mean = statistics.fmean(observed)
        half_width = 2.95 * statistics.stdev(observed) / len(observed) ** 0.5  # 99 %, 15 df
        assert abs(mean - expected) <= half_width + 0.01, (mean, expected, half_width)
