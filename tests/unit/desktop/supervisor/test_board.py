"""The supervisor's board lines: the order she scans them in, and the headcount."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.supervisor.board import board_lines, counts
from protocol.messages import BoardRow, StaffStatus, ToStaffBoard

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def row(username: str, status: StaffStatus, reason: str | None = None) -> BoardRow:
    return BoardRow(
        username=username,
        display_name=username.title(),
        role="nurse",
        status=status,
        reason=reason,
        since=NOW - timedelta(minutes=3),
    )


def test_ready_first_and_standby_digi_agents_not_counted_as_not_ready() -> None:
    frame = ToStaffBoard(
        at=NOW,
        staff=[
            row("pekka", StaffStatus.NOT_READY, "break"),
            row("kaisa", StaffStatus.NOT_READY, "standby"),
            row("aino", StaffStatus.READY),
            row("bea", StaffStatus.WRAP_UP),
        ],
    )
    lines = board_lines(frame, NOW)
    assert [line.username for line in lines] == ["aino", "bea", "kaisa", "pekka"]
    assert lines[0].since_s == 180
    tally = counts(lines)
    assert tally[StaffStatus.READY] == 1 and tally[StaffStatus.WRAP_UP] == 1
    assert tally[StaffStatus.NOT_READY] == 1  # Pekka on a break; Kaisa is on standby
