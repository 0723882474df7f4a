"""The roster's week: what cannot be worked is refused, and the version two editors
compare follows the content."""

from __future__ import annotations

from datetime import date, time

from backend.domain.roster import RosterRow, check_week, monday_of, week_version

MONDAY = date(2026, 12, 7)


def row(name: str, day: date, start: int, end: int, skills: str = "neuvola") -> RosterRow:
    return RosterRow(name, day, time(start), time(end), frozenset(skills.split()))


def test_the_week_refuses_what_cannot_be_worked() -> None:
    kept, errors = check_week(
        MONDAY,
        [
            row("Aino", MONDAY, 8, 12),
            row("Aino", MONDAY, 11, 15),  # overlaps her morning
            row("Aino", date(2026, 12, 14), 8, 15),  # next week
            row("Bo", MONDAY, 8, 15, "astrologia"),
        ],
        {"neuvola", "mipa"},
    )
    assert kept == [row("Aino", MONDAY, 8, 12)]
    assert ["overlaps" in e for e in errors] == [True, False, False]
    assert "not in the week" in errors[1] and "astrologia" in errors[2]


def test_the_version_follows_the_content_not_the_order() -> None:
    a, b = row("Aino", MONDAY, 8, 15), row("Bo", MONDAY, 8, 15, "mipa")
    assert week_version([a, b]) == week_version([b, a]) != week_version([a])
    assert week_version([]) != week_version([a])
    assert monday_of(date(2026, 12, 13)) == MONDAY == monday_of(MONDAY)
