"""The supervisor's live board: who is doing what now (status, reason, since when, chats,
calls), each queue's meter, the digi-agents, and her actions on a colleague (set Not ready
with a reason, end a forgotten session).

Signals:
    open_requested(str): she wants to read a conversation (read-only, access-logged).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.supervisor.board import BoardLine, board_lines, counts
from desktop.ui.digi_board import DigiBoard
from desktop.ui.meter import MeterTable
from desktop.ui.room import (
    RoomPage,
    SupervisorCommands,
    plain_item,
)
from desktop.ui.texts import duration, reason_name, status_name
from protocol.messages import (
    StaffStatus,
)

STATUS_COLOURS = {
    StaffStatus.READY: "#1a7f37",
    StaffStatus.WRAP_UP: "#9a6700",
    StaffStatus.NOT_READY: "#b42318",
    StaffStatus.OFFLINE: "#555555",
}


class ReasonDialog(QDialog):
    """The reason, recorded with who acted: required."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setObjectName("reason")
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))


class BoardView(RoomPage):
    """Who is online, in which state since when, with what in hand; the queues' figures."""

    open_requested = Signal(str)

    COLUMNS = 7

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(state, commands, lang, run)
        self.lines: list[BoardLine] = []
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("board")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("State"),
                self.tr("Reason"),
                self.tr("For"),
                self.tr("Chats"),
                self.tr("On a call"),
                self.tr("Queues"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.not_ready_button = QPushButton(self.tr("Set Not ready…"))
        self.not_ready_button.setObjectName("setNotReady")
        self.sign_out_button = QPushButton(self.tr("Sign out…"))
        self.sign_out_button.setObjectName("signOut")
        self.open_button = QPushButton(self.tr("Read her chat"))
        self.open_button.setObjectName("readChat")
        self.open_button.setToolTip(self.tr("Read-only. Your look is recorded in the access log."))
        buttons = QHBoxLayout()
        for button in (self.not_ready_button, self.sign_out_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.meter = MeterTable()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        self.digi = DigiBoard(state, commands, lang, run)
        self.digi.setVisible(False)
        layout.addWidget(self.digi, 2)
        queues = QLabel(self.tr("Queues now"))
        queues.setStyleSheet("font-weight: bold;")
        layout.addWidget(queues)
        layout.addWidget(self.meter, 2)
        self.not_ready_button.clicked.connect(lambda: self._ask("not_ready"))
        self.sign_out_button.clicked.connect(lambda: self._ask("sign_out"))
        self.open_button.clicked.connect(self._open_chat)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self._dialog: ReasonDialog | None = None
        self._sync_buttons()

    def selected(self) -> BoardLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.lines[row] if row < len(self.lines) else None

    def _sync_buttons(self) -> None:
        line = self.selected()
        mine = line is not None and line.username == self.state.me
        self.not_ready_button.setEnabled(
            line is not None and not mine and line.status is not StaffStatus.NOT_READY
        )
        self.sign_out_button.setEnabled(line is not None and not mine)
        self.open_button.setEnabled(line is not None and bool(line.chats))

    def refresh(self) -> None:
        """A new board (with every meter update) or the clock: redraw, keep her selection."""
        board = self.state.room.board
        if board is None:
            return
        keep = self.selected()
        self.lines = board_lines(board, datetime.now(UTC))
        tally = counts(self.lines)
        self.summary.setText(
            " · ".join(
                f"{status_name(s)} {tally[s]}"
                for s in (StaffStatus.READY, StaffStatus.WRAP_UP, StaffStatus.NOT_READY)
            )
        )
        names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            state = plain_item(status_name(line.status))
            state.setForeground(QColor(STATUS_COLOURS[line.status]))
            cells = [
                plain_item(line.name),
                state,
                plain_item(
                    reason_name(line.reason) if line.status is StaffStatus.NOT_READY else ""
                ),
                plain_item(duration(line.since_s), align_right=True),
                plain_item(
                    str(len(line.chats)) + (f" (+{line.offers})" if line.offers else ""),
                    align_right=True,
                ),
                plain_item(self.tr("yes") if line.on_call else ""),
                plain_item(", ".join(names.get(q, q) for q in line.queues)),
            ]
            cells[-1].setToolTip("\n".join(names.get(q, q) for q in line.queues))
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        for column in range(self.COLUMNS - 1):
            self.table.resizeColumnToContents(column)
        if keep is not None:
            for row, line in enumerate(self.lines):
                if line.username == keep.username:
                    self.table.selectRow(row)
        self.show_meter()
        self.digi.refresh()
        self._sync_buttons()

    def show_meter(self) -> None:
        names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
        self.meter.show_figures(self.state.meter, names)

    def _ask(self, action: Literal["not_ready", "sign_out"]) -> None:
        line = self.selected()
        if line is None:
            return
        if action == "not_ready":
            title = self.tr("Set %1 Not ready").replace("%1", line.name)
            prompt = self.tr("Why? The reason is recorded with your name.")
        else:
            title = self.tr("Sign out %1").replace("%1", line.name)
            prompt = self.tr(
                "Her session ends and her workstation asks her to log in again. Her open "
                "chats stay hers. Why? The reason is recorded with your name."
            )
        dialog = ReasonDialog(title, prompt, self)
        self._dialog = dialog
        username = line.username
        dialog.accepted.connect(
            lambda: self._run(
                self.commands.supervise(username, action, dialog.reason.text().strip())
            )
        )
        dialog.open()

    def _open_chat(self) -> None:
        line = self.selected()
        if line is not None and line.chats:
            self.open_requested.emit(line.chats[0])
