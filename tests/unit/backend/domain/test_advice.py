"""Staff needed per interval: calls by Erlang A, chats searched through the real router."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from backend.domain.advice import QueueModel, advise, digi_agent_hours, need
from backend.domain.erlang import staffing
from backend.domain.figures import Targets
from backend.domain.hours import OpeningHours, Window
from backend.domain.roster import RosterRow
from backend.domain.simulation import steady_service_level

HKI = ZoneInfo("Europe/Helsinki")
HALF_HOUR = 1800.0
CHAT = QueueModel(
    "chat_q", "chat", "c", aht_s=600, patience_s=600, target_s=120, target_share=0.8, capacity=2
)
CALLS = QueueModel(
    "phone_q", "phone", "p", aht_s=300, patience_s=180, target_s=300, target_share=0.8
)


def test_calls_need_what_erlang_a_says() -> None:
    for expected in (3.0, 12.0, 40.0):
        assert (
            need(CALLS, expected, HALF_HOUR)
            == staffing(
                calls=expected,
                interval_s=HALF_HOUR,
                aht_s=300,
                target_s=300,
                target_share=0.8,
                patience_s=180,
            ).agents
        )


def _level(agents: int, expected: float) -> float:
    return steady_service_level(
        channel="chat",
        expected=expected,
        interval_s=HALF_HOUR,
        aht_s=CHAT.aht_s,
        patience_s=CHAT.patience_s,
        target=Targets(CHAT.target_s, target_share=0.8),
        agents=agents,
        capacity=CHAT.capacity,
    )


@pytest.mark.parametrize("expected", [4.0, 12.0, 20.0])
def test_chat_need_is_the_fewest_that_meet_the_target_in_the_router(expected: float) -> None:
    agents = need(CHAT, expected, HALF_HOUR)
    assert _level(agents, expected) >= 0.8
    assert agents == 1 or _level(agents - 1, expected) < 0.8
    assert 1 <= agents <= 10


def test_chat_need_grows_with_the_load_and_none_for_nothing() -> None:
    needs = [need(CHAT, e, HALF_HOUR) for e in (0.0, 2.0, 8.0, 16.0, 24.0)]
    assert needs[0] == 0
    assert needs == sorted(needs) and needs[-1] > needs[1]


def test_advice_rows_compare_need_with_whole_shifts() -> None:
    hours = OpeningHours(tz=HKI, weekly={d: Window(time(8), time(15)) for d in range(1, 6)})
    day = date(2026, 12, 1)  # a Tuesday
    forecasts = {"chat_q": {day: [0.0] * 16 + [12.0] * 14 + [0.0] * 18}}  # 8-15 by half hours
    roster = [
        RosterRow("Aino", day, time(8), time(15), frozenset({"c"})),
        RosterRow("Bea", day, time(8), time(11, 45), frozenset({"c"})),  # leaves mid-interval
        RosterRow("Cai", day, time(8), time(15), frozenset({"p"})),  # another channel's skill
    ]
    rows = advise(
        days=[day],
        interval_min=30,
        tz=HKI,
        models=[CHAT],
        forecasts=forecasts,
        hours={"chat_q": hours},
        roster=roster,
    )
    assert len(rows) == 14 and {r.channel for r in rows} == {"chat"}
    assert rows[0].start == datetime(2026, 12, 1, 6, tzinfo=UTC)  # 8:00 in Helsinki
    assert [r.rostered for r in rows[5:8]] == [2, 2, 1]  # 10:30, 11:00, 11:30 (she leaves)
    assert all(r.need == need(CHAT, 12.0, HALF_HOUR) for r in rows)
    assert digi_agent_hours(rows) == sum(max(0, r.need - r.rostered) * 0.5 for r in rows)
