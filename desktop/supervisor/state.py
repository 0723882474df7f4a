"""The supervisor's room's slice of the workstation state: the live board, the last
report, staffing advice, roster answers and weeks, the staff accounts. Pure: frames in,
events out (``ROOM_FRAMES``, assembled in ``desktop/chat/state.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.events import Event, EventKind
from protocol.messages import (
    Frame,
    ToStaffAccounts,
    ToStaffAdvice,
    ToStaffBoard,
    ToStaffReport,
    ToStaffRosterImported,
    ToStaffRosterWeek,
)


@dataclass
class RoomState:
    board: ToStaffBoard | None = None
    report: ToStaffReport | None = None  # the last report she asked for
    advice: ToStaffAdvice | None = None
    roster_imported: ToStaffRosterImported | None = None
    roster_week: ToStaffRosterWeek | None = None
    accounts: ToStaffAccounts | None = None

    def on_board(self, frame: ToStaffBoard) -> list[Event]:
        self.board = frame
        return [Event(EventKind.BOARD)]

    def on_report(self, frame: ToStaffReport) -> list[Event]:
        self.report = frame
        return [Event(EventKind.REPORT)]

    def on_advice(self, frame: ToStaffAdvice) -> list[Event]:
        self.advice = frame
        return [Event(EventKind.ADVICE)]

    def on_roster_imported(self, frame: ToStaffRosterImported) -> list[Event]:
        self.roster_imported = frame
        return [Event(EventKind.ROSTER)]

    def on_roster_week(self, frame: ToStaffRosterWeek) -> list[Event]:
        self.roster_week = frame
        return [Event(EventKind.ROSTER_WEEK)]

    def on_accounts(self, frame: ToStaffAccounts) -> list[Event]:
        self.accounts = frame
        return [Event(EventKind.ACCOUNTS)]


ROOM_FRAMES: dict[type[Frame], Callable[[RoomState, Any], list[Event]]] = {
    ToStaffBoard: RoomState.on_board,
    ToStaffReport: RoomState.on_report,
    ToStaffAdvice: RoomState.on_advice,
    ToStaffRosterImported: RoomState.on_roster_imported,
    ToStaffRosterWeek: RoomState.on_roster_week,
    ToStaffAccounts: RoomState.on_accounts,
}
