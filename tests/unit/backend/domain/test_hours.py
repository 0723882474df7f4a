from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from backend.domain.hours import OpeningHours, Window

HKI = ZoneInfo("Europe/Helsinki")
FI = holidays.country_holidays("FI")


def weekdays(window: str = "08:00-15:00", **kw: object) -> OpeningHours:
    w = Window.parse(window)
    return OpeningHours(HKI, {d: w for d in range(1, 6)}, lambda d: d in FI, **kw)  # type: ignore[arg-type]


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=HKI)  # type: ignore[misc]


def test_weekday_window_edges() -> None:
    h = weekdays()
    assert not h.is_open(local(2026, 11, 23, 7, 59))
    assert h.is_open(local(2026, 11, 23, 8, 0))
    assert h.is_open(local(2026, 11, 23, 14, 59, 59))
    assert not h.is_open(local(2026, 11, 23, 15, 0))


def test_weekend_closed_and_next_opening_is_monday() -> None:
    h = weekdays()
    assert not h.is_open(local(2026, 11, 22, 10))  # Sunday
    assert h.next_opening(local(2026, 11, 21, 10)) == local(2026, 11, 23, 8)


def test_finnish_public_holidays_are_closed() -> None:
    h = weekdays()
    # Independence Day 6.12.2027 is a Monday; Good Friday 2027 is 26.3.
    assert not h.is_open(local(2027, 12, 6, 10))
    assert not h.is_open(local(2027, 3, 26, 10))
    assert h.next_opening(local(2027, 12, 6, 10)) == local(2027, 12, 7, 8)
    # Christmas: Eve (Thu), Day (Fri) closed; open again Monday 28.12.2026.
    assert h.next_opening(local(2026, 12, 24, 9)) == local(2026, 12, 28, 8)


def test_daylight_saving_change_keeps_local_opening_time() -> None:
    h = weekdays()
    # Clocks go forward on Sunday 29.3.2026: Friday opens at 06:00 UTC, Monday at 05:00 UTC.
    friday = h.next_opening(datetime(2026, 3, 27, 3, 0, tzinfo=UTC))
    monday = h.next_opening(datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert friday is not None and monday is not None
    assert friday.astimezone(UTC) == datetime(2026, 3, 27, 6, 0, tzinfo=UTC)
    assert monday.astimezone(UTC) == datetime(2026, 3, 30, 5, 0, tzinfo=UTC)
    # And back on Sunday 25.10.2026.
    assert h.is_open(datetime(2026, 10, 26, 6, 0, tzinfo=UTC))  # 08:00 EET
    assert not h.is_open(datetime(2026, 10, 23, 12, 30, tzinfo=UTC))  # 15:30 EEST


def test_per_queue_hours() -> None:
    family = weekdays("09:00-14:00")
    assert not family.is_open(local(2026, 11, 23, 8, 30))
    assert family.is_open(local(2026, 11, 23, 9, 0))
    assert not family.is_open(local(2026, 11, 23, 14, 0))
    assert family.next_opening(local(2026, 11, 23, 8, 30)) == local(2026, 11, 23, 9)


def test_dated_exceptions_shorter_day_and_closed_day_win() -> None:
    h = weekdays(
        exceptions={date(2026, 12, 23): Window.parse("08:00-12:00"), date(2026, 11, 25): None}
    )
    assert h.is_open(local(2026, 12, 23, 11, 59))
    assert not h.is_open(local(2026, 12, 23, 12, 0))
    assert not h.is_open(local(2026, 11, 25, 10))
    assert h.next_opening(local(2026, 11, 25, 10)) == local(2026, 11, 26, 8)


def test_exception_can_open_a_holiday() -> None:
    h = weekdays(exceptions={date(2027, 12, 6): Window.parse("10:00-12:00")})
    assert h.is_open(local(2027, 12, 6, 11))


def test_closing_time_and_next_working_day() -> None:
    h = weekdays()
    assert h.closing_time(local(2026, 11, 23, 10)) == local(2026, 11, 23, 15)
    assert h.closing_time(local(2026, 11, 23, 16)) is None
    # Friday before a holiday Monday (6.12.2027 is Monday): next working day is Tuesday.
    assert h.next_working_day_opening(local(2027, 12, 3, 14, 30)) == local(2027, 12, 7, 8)


def test_window_parsing() -> None:
    assert str(Window.parse("00:00-24:00")) == "00:00-24:00"
    for bad in ("8-15", "15:00-08:00", "08:00", "ab:cd-ef:gh"):
        with pytest.raises(ValueError):
            Window.parse(bad)
