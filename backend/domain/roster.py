"""The roster: who works when, read from a CSV the supervisor imports.

Columns (a header row, UTF-8, comma or semicolon separated)::

    name, date, start, end, skills

``date`` is ``YYYY-MM-DD`` or ``D.M.YYYY``; ``start``/``end`` ``HH:MM`` local time; ``skills``
are queue skills separated by spaces or ``|``, or a role (``nurse``) standing for the
skills of the staff who have it. A bad row is reported with its line number and skipped;
the good rows are kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta

MAX_ROWS = 5000


@dataclass(frozen=True)
class RosterRow:
    name: str
    day: date
    start: time
    end: time
    skills: frozenset[str]

    def covers(self, day: date, start: time, end: time) -> bool:
        """On shift for the whole of ``start``–``end`` that day (half an interval counts
        as not there: the gap shows, rather than hides)."""
        return self.day == day and self.start <= start and end <= self.end


def _day(text: str) -> date:
    text = text.strip()
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
        d, m, y = (int(x) for x in text.split("."))
        return date(y, m, d)
    return date.fromisoformat(text)


def parse(
    text: str, known_skills: set[str], role_skills: Mapping[str, set[str]]
) -> tuple[list[RosterRow], list[str]]:
    """Rows and the problems found (``line 3: ...``)."""
    sample = text[:2000]
    dialect = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=dialect)
    rows: list[RosterRow] = []
    errors: list[str] = []
    for line, fields in enumerate(reader, start=1):
        if not fields or all(not f.strip() for f in fields):
            continue
        if line == 1 and fields[0].strip().lower() in ("name", "nimi", "namn"):
            continue
        if len(rows) >= MAX_ROWS:
            errors.append(f"line {line}: more than {MAX_ROWS} rows; the rest is ignored")
            break
        if len(fields) < 5:
            errors.append(f"line {line}: five columns expected (name, date, start, end, skills)")
            continue
        name, day_text, start_text, end_text, skills_text = (f.strip() for f in fields[:5])
        try:
            day = _day(day_text)
            start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
        except ValueError:
            errors.append(
                f"line {line}: date or time not understood ({day_text} {start_text}-{end_text})"
            )
            continue
        if not name or len(name) > 100:
            errors.append(f"line {line}: a name (at most 100 characters) is needed")
            continue
        if end <= start:
            errors.append(f"line {line}: the shift ends before it starts")
            continue
        skills: set[str] = set()
        unknown = []
        for token in re.split(r"[\s|]+", skills_text):
            if not token:
                continue
            if token in known_skills:
                skills.add(token)
            elif token in role_skills:
                skills |= role_skills[token]
            else:
                unknown.append(token)
        if unknown or not skills:
            errors.append(f"line {line}: unknown skills or role {unknown or [skills_text]}")
            continue
        rows.append(RosterRow(name, day, start, end, frozenset(skills)))
    return rows, errors


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_version(rows: Iterable[RosterRow]) -> str:
    """A short digest of a week's shifts: two supervisors editing one week find out, on
    saving, that the other saved first (the grid names the version it was loaded with)."""
    lines = sorted(
        f"{r.name}|{r.day.isoformat()}|{r.start:%H:%M}|{r.end:%H:%M}|{','.join(sorted(r.skills))}"
        for r in rows
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def check_week(
    monday: date, shifts: Iterable[RosterRow], known_skills: set[str]
) -> tuple[list[RosterRow], list[str]]:
    """The grid's shifts for the week from ``monday``: each on a day of that week, ending
    after it starts, with a skill of a queue, not overlapping the same person's other
    shift."""
    kept: list[RosterRow] = []
    errors: list[str] = []
    last = monday + timedelta(days=6)
    for r in shifts:
        where = f"{r.name} {r.day.day}.{r.day.month}."
        if not monday <= r.day <= last:
            errors.append(f"{where}: not in the week of {monday.isoformat()}")
        elif r.end <= r.start:
            errors.append(f"{where}: the shift ends before it starts")
        elif not r.skills & known_skills:
            errors.append(f"{where}: none of {sorted(r.skills)} is a skill of a queue")
        elif any(
            k.name == r.name and k.day == r.day and k.start < r.end and r.start < k.end
            for k in kept
        ):
            errors.append(f"{where}: overlaps another shift of the same person")
        else:
            # A skill the service file no longer has (a queue closed down) is dropped
            # rather than making the whole week unsavable.
            kept.append(RosterRow(r.name, r.day, r.start, r.end, r.skills & known_skills))
    return kept, errors
