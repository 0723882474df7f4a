"""Opening hours: a weekly window, public holidays, per-queue hours and dated exceptions.

All arithmetic happens on local wall-clock dates and times in the service's time zone and
is converted to aware datetimes only at the end, so "08:00" means 08:00 in Helsinki on
both sides of a daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# How far ahead next_opening looks before giving up (a queue closed for good).
_SEARCH_DAYS = 400


@dataclass(frozen=True)
class Window:
    """Open from ``start`` (inclusive) to ``end`` (exclusive), local time, one day."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, text: str) -> Window:
        """Parse ``"08:00-15:00"``."""
        try:
            start_s, end_s = (part.strip() for part in text.split("-"))
            # "24:00" closes at midnight: the last representable moment of the day.
            end = time.max if end_s == "24:00" else time.fromisoformat(end_s)
            return cls(time.fromisoformat(start_s), end)
        except ValueError as exc:
            raise ValueError(f"invalid time window {text!r}, expected HH:MM-HH:MM: {exc}") from exc

    def __str__(self) -> str:
        end = "24:00" if self.end == time.max else f"{self.end:%H:%M}"
        return f"{self.start:%H:%M}-{end}"


@dataclass(frozen=True)
class OpeningHours:
    """When one queue is open.

    ``weekly`` maps ISO weekday (1 = Monday) to a window; a missing day is closed.
    ``exceptions`` map a date to a window (shorter or longer day) or ``None`` (closed);
    an exception wins over both the weekly window and a holiday.
    """

    tz: ZoneInfo
    weekly: Mapping[int, Window]
    is_holiday: Callable[[date], bool] = lambda _d: False
    exceptions: Mapping[date, Window | None] = field(default_factory=dict)

    def window_on(self, day: date) -> Window | None:
        if day in self.exceptions:
            return self.exceptions[day]
        if self.is_holiday(day):
            return None
        return self.weekly.get(day.isoweekday())

    def _bounds(self, day: date) -> tuple[datetime, datetime] | None:
        window = self.window_on(day)
        if window is None:
            return None
        return (
            datetime.combine(day, window.start, self.tz),
            datetime.combine(day, window.end, self.tz),
        )

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(self.tz)
        bounds = self._bounds(local.date())
        return bounds is not None and bounds[0] <= local < bounds[1]

    def next_opening(self, at: datetime) -> datetime | None:
        """The next moment the queue opens, strictly after a closed ``at``; ``at`` if open."""
        if self.is_open(at):
            return at
        local = at.astimezone(self.tz)
        for offset in range(_SEARCH_DAYS):
            bounds = self._bounds(local.date() + timedelta(days=offset))
            if bounds is not None and bounds[0] > at:
                return bounds[0]
        return None

    def closing_time(self, at: datetime) -> datetime | None:
        """When the current opening ends, or ``None`` if closed at ``at``."""
        local = at.astimezone(self.tz)
        bounds = self._bounds(local.date())
        if bounds is None or not bounds[0] <= local < bounds[1]:
            return None
        return bounds[1]

    def next_working_day_opening(self, at: datetime) -> datetime | None:
        """The opening of the first open day after ``at``'s local date."""
        local = at.astimezone(self.tz)
        for offset in range(1, _SEARCH_DAYS):
            bounds = self._bounds(local.date() + timedelta(days=offset))
            if bounds is not None:
                return bounds[0]
        return None
