"""The roster grid's cells: what a supervisor types into a day ("8-15", "8:00–11:30,
12–15") and the shifts it stands for. No Qt: the grid widget only shows and collects text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from protocol.messages import RosterPerson, RosterShiftLine

_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_RANGE = re.compile(rf"^\s*{_TIME}\s*[-–—]\s*{_TIME}\s*$")


class CellError(ValueError):
    """A cell that does not read as shifts; the message quotes the cell."""


def _clock(hours: str, minutes: str | None) -> time:
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return time.max.replace(microsecond=0)  # "24" means the end of the day
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError
    return time(h, m)


def parse_cell(text: str) -> list[tuple[time, time]]:
    """Shifts in a cell: ranges separated by commas or semicolons; empty is a day off."""
    shifts: list[tuple[time, time]] = []
    for part in re.split(r"[,;]", text):
        if not part.strip():
            continue
        match = _RANGE.match(part)
        try:
            if match is None:
                raise ValueError
            start = _clock(match[1], match[2])
            end = _clock(match[3], match[4])
        except ValueError:
            raise CellError(text.strip()) from None
        if end <= start:
            raise CellError(text.strip())
        shifts.append((start, end))
    return sorted(shifts)


def same_cell(a: str, b: str) -> bool:
    """Whether two cells mean the same shifts ("8-15" is "08:00–15:00")."""
    try:
        return parse_cell(a) == parse_cell(b)
    except CellError:
        return a.strip() == b.strip()


def format_cell(shifts: Iterable[tuple[time, time]]) -> str:
    return ", ".join(f"{s:%H:%M}–{e:%H:%M}" for s, e in sorted(shifts))


@dataclass(frozen=True)
class Week:
    """The grid's content: a row per person, a column per day from Monday."""

    monday: date
    people: list[RosterPerson]
    cells: dict[tuple[str, int], str]  # (name, day 0..6) -> cell text

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]


def week_cells(
    monday: date, people: Sequence[RosterPerson], shifts: Iterable[RosterShiftLine]
) -> Week:
    by_cell: dict[tuple[str, int], list[tuple[time, time]]] = {}
    for s in shifts:
        by_cell.setdefault((s.name, (s.day - monday).days), []).append((s.start, s.end))
    return Week(monday, list(people), {k: format_cell(v) for k, v in by_cell.items()})


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def first_week(today: date) -> date:
    """The week the grid opens on: this working week, or the next one at the weekend
    (on a Sunday the week that has passed is no use to plan)."""
    monday = monday_of(today)
    return monday + timedelta(days=7) if today.weekday() >= 5 else monday


def bad_cells(cells: dict[tuple[str, int], str]) -> list[tuple[str, int]]:
    """The cells that do not read as shifts, in grid order (person, day)."""
    out = []
    for key, text in sorted(cells.items()):
        try:
            parse_cell(text)
        except CellError:
            out.append(key)
    return out


def shifts_of(
    monday: date, people: Sequence[RosterPerson], cells: dict[tuple[str, int], str]
) -> list[RosterShiftLine]:
    """The week's shifts from the grid's cells, each with the person's skills. Raises
    ``CellError`` naming the first cell that does not read."""
    skills = {p.name: p.skills for p in people}
    out: list[RosterShiftLine] = []
    for (name, day), text in sorted(cells.items()):
        for start, end in parse_cell(text):
            out.append(
                RosterShiftLine(
                    name=name,
                    day=monday + timedelta(days=day),
                    start=start,
                    end=end,
                    skills=skills[name],
                )
            )
    return out
