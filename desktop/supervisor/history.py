"""What the history view draws from a report: series per channel, the heat map's scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from protocol.messages import ToStaffReport


@dataclass(frozen=True)
class Point:
    start: datetime
    value: float | None


def series(report: ToStaffReport, channel: str, figure: str) -> list[Point]:
    """One figure (``offered``, ``service_level``, ``one_contact_share``…) per interval."""
    out = []
    for row in report.rows:
        if row.channel == channel:
            value = getattr(row.figures, figure)
            out.append(Point(row.start, None if value is None else float(value)))
    return out


def heat_scale(arrivals: list[list[int]]) -> int:
    """The largest cell: the heat map's darkest colour."""
    return max((max(row) for row in arrivals), default=0)


def heat_level(count: int, scale: int) -> float:
    """0..1, the share of the darkest colour a cell gets (none for an empty cell)."""
    return 0.0 if scale <= 0 else count / scale
