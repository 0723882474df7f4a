"""The supervisor's room: the live board, the history, staffing, the roster and the staff
accounts, a tab each. Shown to supervisors only; the backend refuses the data to anyone
else anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.accounts import AccountsView
from desktop.ui.board import BoardView
from desktop.ui.report_history import HistoryView
from desktop.ui.room import SupervisorCommands
from desktop.ui.roster import RosterView
from desktop.ui.staffing import StaffingView
from protocol.messages import ErrorFrame


class SupervisorView(QTabWidget):
    """Now (the board) and History, in one section of the main window."""

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__()
        self.setObjectName("supervisorRoom")
        self.board = BoardView(state, commands, lang, run)
        self.history = HistoryView(state, commands, lang, run)
        self.staffing = StaffingView(state, commands, lang, run)
        self.roster = RosterView(state, commands, lang, run)
        self.accounts = AccountsView(state, commands, lang, run)
        # Each page scrolls rather than growing the window: the workstation must still fit
        # a 1280 x 720 screen with the supervisor's charts in it.
        for page, title in (
            (self.board, self.tr("Now")),
            (self.history, self.tr("History")),
            (self.staffing, self.tr("Staffing")),
            (self.roster, self.tr("Roster")),
            (self.accounts, self.tr("Users")),
        ):
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(page)
            self.addTab(holder, title)
        self.currentChanged.connect(self._on_tab)
        # The "for m:ss" column moves on between board frames.
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.board.refresh)
        self._clock.start()

    def _on_tab(self, index: int) -> None:
        holder = self.widget(index)
        # The roster grid loads when she first looks at it (this week).
        roster_tab = isinstance(holder, QScrollArea) and holder.widget() is self.roster
        if roster_tab and self.roster.loaded_week() is None and not self.roster.message.waiting:
            self.roster.request()
        # The accounts too (and again each time: IT may have changed them meanwhile).
        if isinstance(holder, QScrollArea) and holder.widget() is self.accounts:
            self.accounts.request()

    def show_board(self) -> None:
        self.board.refresh()

    def show_meter(self) -> None:
        """The queues' table on the board with every meter, not only with the next board
        (after her log-in the board came first and its table stayed empty until then)."""
        self.board.show_meter()

    def show_report(self) -> None:
        self.history.show_report()

    def show_advice(self) -> None:
        self.staffing.show_advice()

    def show_roster_week(self) -> None:
        self.roster.show_week()

    def show_accounts(self) -> None:
        self.accounts.show_accounts()

    def roster_answered(self) -> None:
        """A roster import or save was answered (the staffing page or the grid asked)."""
        self.staffing.show_import()
        self.roster.show_saved()

    def refused(self, error: ErrorFrame, said: str) -> bool:
        """A refusal: each page waiting for an answer says it; True when the roster grid
        said it on its own line (the window then says nothing more)."""
        self.history.message.refused(said)
        self.staffing.message.refused(said)
        self.accounts.message.refused(said)
        return self.roster.refused(error)

    def show_page(self, page: QWidget) -> None:
        """Bring one of the pages (board, history, staffing) to the front."""
        for index in range(self.count()):
            holder = self.widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is page:
                self.setCurrentIndex(index)


# What the room shows of each kind of event (the window hands them over once the room
# exists: it is built at log-in, for supervisors only).
ROOM_SHOWS: dict[EventKind, Callable[[SupervisorView], None]] = {
    EventKind.BOARD: SupervisorView.show_board,
    EventKind.METER: SupervisorView.show_meter,
    EventKind.REPORT: SupervisorView.show_report,
    EventKind.ADVICE: SupervisorView.show_advice,
    EventKind.ROSTER: SupervisorView.roster_answered,
    EventKind.ROSTER_WEEK: SupervisorView.show_roster_week,
    EventKind.ACCOUNTS: SupervisorView.show_accounts,
}
