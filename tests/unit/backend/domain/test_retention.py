"""Retention cut-offs and when the daily purge is due (Helsinki days, DST included)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.domain.retention import Kind, Periods, cutoffs, purge_due

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_each_kind_has_its_own_cut_off_and_zero_keeps_for_good() -> None:
    now = datetime(2027, 1, 24, 3, tzinfo=UTC)
    cut = cutoffs(Periods({Kind.ANONYMOUS: 90, Kind.ACCESS_LOG: 0, Kind.CALLS: 365}), now)
    assert cut == {Kind.ANONYMOUS: now - timedelta(days=90), Kind.CALLS: now - timedelta(days=365)}


def test_the_purge_runs_once_a_local_day_from_its_hour() -> None:
    # 02:59 and 03:00 in Helsinki (winter: UTC+2).
    before = datetime(2027, 1, 24, 0, 59, tzinfo=UTC)
    at = datetime(2027, 1, 24, 1, 0, tzinfo=UTC)
    assert not purge_due(before, HELSINKI, 3, None)
    assert purge_due(at, HELSINKI, 3, None)
    assert not purge_due(at, HELSINKI, 3, date(2027, 1, 24))
    # Late in the UTC evening it is already the next day in Helsinki.
    assert purge_due(datetime(2027, 1, 24, 23, 30, tzinfo=UTC), HELSINKI, 0, date(2027, 1, 24))


def test_summer_time_moves_the_hour_with_the_clock() -> None:
    # Summer: UTC+3. 03:00 local is 00:00 UTC.
    assert purge_due(datetime(2027, 7, 1, 0, 0, tzinfo=UTC), HELSINKI, 3, None)
    assert not purge_due(datetime(2027, 6, 30, 23, 59, tzinfo=UTC), HELSINKI, 3, None)
