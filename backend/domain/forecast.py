"""Forecast contacts per weekday × interval, and how good the forecast has been.

Method: a **seasonal average**: the forecast for a Tuesday's 9:00–9:30 is the mean of the
same interval on the last ``weeks`` open Tuesdays. Why not Holt-Winters / ETS: the demo and
a new service have weeks, not years, of history, and a weekly season of 7 × 14 half hours
has 98 seasonal terms, more than eight weeks of data estimate well; a level/trend model
also needs a library (statsmodels, with NumPy and SciPy) that the backend does not
otherwise use. The seasonal average has no parameters to fit and follows a change of level
within ``weeks`` weeks. Holidays and closed days never enter it (the caller passes open
days only), so a Finnish holiday neither lowers next week's forecast nor gets one.

Accuracy: **WAPE** (weighted absolute percentage error) by backtesting: forecast each open
day of the last ``holdout_weeks`` from the history before them, then::

    WAPE = Σ |actual - forecast| / Σ actual     over every interval of those days

Slots are local wall-clock positions (slot = minutes since local midnight // interval):
the 9:00 slot is 9:00 on both sides of a daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.domain.hours import OpeningHours


def slot_of(at: datetime, tz: ZoneInfo, interval_min: int) -> tuple[date, int]:
    local = at.astimezone(tz)
    return local.date(), (local.hour * 60 + local.minute) // interval_min


def daily_counts(
    arrivals: Iterable[datetime],
    hours: OpeningHours,
    first: date,
    last: date,
    interval_min: int,
) -> dict[date, list[float]]:
    """Arrivals per open day and slot, ``first``..``last``; closed days and holidays are
    left out (not counted as days of zero)."""
    slots = 24 * 60 // interval_min
    out: dict[date, list[float]] = {}
    day = first
    while day <= last:
        if hours.window_on(day) is not None:
            out[day] = [0.0] * slots
        day += timedelta(days=1)
    for at in arrivals:
        day, slot = slot_of(at, hours.tz, interval_min)
        if day in out:
            out[day][slot] += 1
    return out


def seasonal_average(
    history: Mapping[date, Sequence[float]], day: date, weeks: int = 6
) -> list[float] | None:
    """The forecast of ``day`` from open days before it; None without any same weekday."""
    same = sorted((d for d in history if d < day and d.weekday() == day.weekday()), reverse=True)[
        :weeks
    ]
    if not same:
        return None
    slots = max(len(history[d]) for d in same)
    return [
        sum(history[d][i] if i < len(history[d]) else 0.0 for d in same) / len(same)
        for i in range(slots)
    ]


def wape(actual: Sequence[Sequence[float]], forecast: Sequence[Sequence[float]]) -> float | None:
    total = sum(sum(a) for a in actual)
    if total <= 0:
        return None
    error = sum(
        abs(a - f)
        for row_a, row_f in zip(actual, forecast, strict=True)
        for a, f in zip(row_a, row_f, strict=True)
    )
    return error / total


def backtest(
    history: Mapping[date, Sequence[float]], holdout_weeks: int = 2, weeks: int = 6
) -> float | None:
    """WAPE of the seasonal average on the last ``holdout_weeks`` of ``history``, each day
    forecast only from days before the holdout began."""
    if not history:
        return None
    last = max(history)
    cut = last - timedelta(weeks=holdout_weeks) + timedelta(days=1)
    before = {d: v for d, v in history.items() if d < cut}
    actual, predicted = [], []
    for day in sorted(d for d in history if d >= cut):
        guess = seasonal_average(before, day, weeks)
        if guess is None:
            continue
        row = list(history[day])
        width = max(len(row), len(guess))
        actual.append(row + [0.0] * (width - len(row)))
        predicted.append(guess + [0.0] * (width - len(guess)))
    return wape(actual, predicted) if actual else None
