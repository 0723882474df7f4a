"""The roster grid's cells: what a supervisor types and the shifts it stands for."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.supervisor.roster import (
    CellError,
    bad_cells,
    first_week,
    format_cell,
    monday_of,
    parse_cell,
    same_cell,
    shifts_of,
    week_cells,
)
from protocol.messages import RosterPerson

MONDAY = date(2026, 12, 7)
PEOPLE = [RosterPerson(name="Aino", skills=["neuvola"]), RosterPerson(name="Bo", skills=["mipa"])]


@pytest.mark.parametrize(
    ("text", "shifts"),
    [
        ("8-15", [(time(8), time(15))]),
        (" 8:00 – 11:30 , 12.00-15 ", [(time(8), time(11, 30)), (time(12), time(15))]),
        ("12-15; 8-11", [(time(8), time(11)), (time(12), time(15))]),
        ("20-24", [(time(20), time(23, 59, 59))]),
        ("", []),
    ],
)
def test_cells_read_as_shifts(text: str, shifts: list[tuple[time, time]]) -> None:
    assert parse_cell(text) == shifts


@pytest.mark.parametrize("text", ["15-8", "8", "aamu", "25-26", "8:60-9", "8-15-16"])
def test_a_cell_that_does_not_read_names_itself(text: str) -> None:
    with pytest.raises(CellError, match=text[:2]):
        parse_cell(text)


clock = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@given(st.lists(st.tuples(clock, clock).filter(lambda p: p[0] < p[1]), max_size=3))
def test_a_written_cell_reads_back_the_same(shifts: list[tuple[time, time]]) -> None:
    written = format_cell(shifts)
    assert parse_cell(written) == sorted(shifts)
    assert same_cell(written, written.replace(":00", ""))


def test_the_grid_round_trip_keeps_each_persons_skills() -> None:
    week = week_cells(MONDAY, PEOPLE, [])
    assert week.cells == {} and week.days[0] == MONDAY and week.days[-1].isoweekday() == 7
    shifts = shifts_of(MONDAY, PEOPLE, {("Aino", 0): "8-15", ("Bo", 6): "9-12, 13-16"})
    assert [(s.name, s.day.isoweekday(), s.skills) for s in shifts] == [
        ("Aino", 1, ["neuvola"]),
        ("Bo", 7, ["mipa"]),
        ("Bo", 7, ["mipa"]),
    ]
    again = week_cells(MONDAY, PEOPLE, shifts)
    assert again.cells == {("Aino", 0): "08:00–15:00", ("Bo", 6): "09:00–12:00, 13:00–16:00"}
    with pytest.raises(CellError):
        shifts_of(MONDAY, PEOPLE, {("Aino", 1): "later"})


@pytest.mark.parametrize(
    ("today", "opens_on"),
    [
        (date(2026, 12, 7), date(2026, 12, 7)),  # Monday: this week
        (date(2026, 12, 11), date(2026, 12, 7)),  # Friday: still this week
        (date(2026, 12, 12), date(2026, 12, 14)),  # Saturday: the next working week
        (date(2026, 12, 13), date(2026, 12, 14)),  # Sunday: never the week that has passed
    ],
)
def test_the_grid_opens_on_the_current_or_next_working_week(today: date, opens_on: date) -> None:
    assert first_week(today) == opens_on
    assert monday_of(today).weekday() == 0 and monday_of(opens_on) == opens_on


@given(st.dates())
def test_a_week_is_named_by_its_monday(day: date) -> None:
    monday = monday_of(day)
    assert monday.weekday() == 0 and 0 <= (day - monday).days < 7


def test_bad_cells_are_named_by_person_and_day() -> None:
    cells = {("Liisa", 1): "25-30", ("Anna", 0): "8-15", ("Anna", 3): "nine to five"}
    assert bad_cells(cells) == [("Anna", 3), ("Liisa", 1)]
