"""When data has outlived its retention period, and when the daily purge is due.

Plain rules (the service file's ``[retention]`` in, cut-off times out): the store deletes,
``backend/retention.py`` runs it once a day at the configured hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Kind(StrEnum):
    """The kinds of data with a retention period of their own."""

    ANONYMOUS = "anonymous"  # anonymous chats: lines, pictures, notes; colleague chat
    IDENTIFIED = "identified"  # chats of strongly identified clients
    CALLS = "calls"  # callers' numbers, call notes, callbacks' numbers and reasons
    ACCESS_LOG = "access_log"  # who opened which conversation
    STAFF_STATES = "staff_states"  # each staff member's state changes


@dataclass(frozen=True)
class Periods:
    """Days each kind is kept; 0 keeps it for good."""

    days: dict[Kind, int]


def cutoffs(periods: Periods, now: datetime) -> dict[Kind, datetime]:
    """What is older than its cut-off goes; kinds kept for good have none."""
    return {kind: now - timedelta(days=d) for kind, d in periods.days.items() if d > 0}


def purge_due(now: datetime, tz: ZoneInfo, hour: int, last_day: date | None) -> bool:
    """Once a local day, from ``hour`` on (a backend started after the hour purges then:
    a restart never skips a day, and never purges twice in one)."""
    local = now.astimezone(tz)
    return local.hour >= hour and last_day != local.date()
