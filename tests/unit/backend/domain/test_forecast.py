"""The seasonal-average forecast and its backtest (backend/domain/forecast.py)."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from backend.domain.draws import poisson
from backend.domain.forecast import backtest, daily_counts, seasonal_average, wape
from backend.domain.hours import OpeningHours, Window

HKI = ZoneInfo("Europe/Helsinki")
FI = holidays.country_holidays("FI")
HOURS = OpeningHours(
    tz=HKI,
    weekly={d: Window(time(8), time(15)) for d in range(1, 6)},
    is_holiday=lambda d: d in FI,
)
# Expected arrivals per hour 8..14, Monday to Friday: Monday mornings peak.
PATTERN = {
    wd: [
        10 * w * (1.4 if wd == 0 else 1.0 - 0.08 * wd) for w in (1.6, 1.4, 1.2, 1.0, 0.9, 0.9, 0.8)
    ]
    for wd in range(5)
}


def synthetic(first: date, weeks: int, seed: int = 5) -> list[datetime]:
    rng = random.Random(seed)
    out = []
    for offset in range(weeks * 7):
        day = first + timedelta(days=offset)
        if day.weekday() > 4:
            continue
        for i, mean in enumerate(PATTERN[day.weekday()]):
            for _ in range(poisson(rng, mean)):
                start = datetime.combine(day, time(8 + i), HKI)
                out.append(start + timedelta(seconds=rng.uniform(0, 3599)))
    return out


def test_a_known_weekly_pattern_is_forecast_within_the_noise() -> None:
    first = date(2026, 3, 2)  # ten Mondays on, across the spring DST change and Easter
    history = daily_counts(
        synthetic(first, 10), HOURS, first, first + timedelta(weeks=10, days=-1), 60
    )
    error = backtest(history, holdout_weeks=2, weeks=6)
    # Poisson noise alone: E|actual - forecast| = sqrt(2/π) · sqrt(λ (1 + 1/6)) per slot
    # (the forecast averages six weeks). Summed over the pattern, divided by Σλ:
    means = [m for row in PATTERN.values() for m in row]
    floor = sum(math.sqrt(2 / math.pi) * math.sqrt(m * (1 + 1 / 6)) for m in means) / sum(means)
    assert error is not None and error < floor * 1.3, (error, floor)
    # The peak is found: Monday 8:00 above Friday 14:00.
    monday = seasonal_average(history, first + timedelta(weeks=10))
    assert monday is not None and monday[8] > 2 * monday[14]


def test_holidays_and_closed_days_are_left_out() -> None:
    first = date(2026, 3, 30)  # Easter 2026: Good Friday 3.4., Easter Monday 6.4.
    history = daily_counts(synthetic(first, 3), HOURS, first, date(2026, 4, 19), 60)
    assert date(2026, 4, 3) not in history and date(2026, 4, 6) not in history
    assert date(2026, 4, 4) not in history  # a Saturday: closed
    assert date(2026, 4, 13) in history
    # Next Monday's forecast is from open Mondays only: Easter Monday's absence does not
    # drag it toward zero.
    forecast = seasonal_average(history, date(2026, 4, 20))
    assert forecast is not None and forecast[8] > 0.7 * PATTERN[0][0]


def test_the_slots_are_local_wall_clock_across_dst() -> None:
    # 29.3.2026 clocks go forward; Monday 30.3. 8:00 local is slot 8 like the Monday before.
    arrivals = [datetime(2026, 3, 23, 8, 30, tzinfo=HKI), datetime(2026, 3, 30, 8, 30, tzinfo=HKI)]
    history = daily_counts(arrivals, HOURS, date(2026, 3, 23), date(2026, 3, 30), 30)
    assert history[date(2026, 3, 23)][17] == 1 and history[date(2026, 3, 30)][17] == 1


def test_wape_by_hand() -> None:
    assert wape([[10, 0], [5, 5]], [[8, 1], [5, 7]]) == (2 + 1 + 0 + 2) / 20
    assert wape([[0, 0]], [[1, 1]]) is None
