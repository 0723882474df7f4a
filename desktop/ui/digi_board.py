"""The digi-agents on the supervisor's board: who is on standby, asked, helping (until
when), returning; the open call-ins; "Call for help" and "Call in" by name.

Signals (CallForHelpDialog):
    chosen(list, int, object): queues, how many, a digi-agent's username or ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.ui.digi import STATE_COLOURS
from desktop.ui.room import SupervisorCommands, plain_item
from desktop.ui.texts import ServiceClock, duration
from protocol.messages import DigiLine


def state_name(state: str) -> str:
    return {
        "standby": QCoreApplication.translate("DigiBoard", "Standby"),
        "asked": QCoreApplication.translate("DigiBoard", "Asked"),
        "helping": QCoreApplication.translate("DigiBoard", "Helping"),
        "returning": QCoreApplication.translate("DigiBoard", "Returning to clinic"),
    }.get(state, state)


def answer_name(answer: str) -> str:
    """The last answer as stored ("declined: reason", "no_answer", "joined 30 min")."""
    if answer.startswith("declined"):
        reason = answer.partition(":")[2].strip()
        text = QCoreApplication.translate("DigiBoard", "Not now")
        return f"{text}: {reason}" if reason else text
    if answer.startswith("joined"):
        minutes = answer.split()[1] if len(answer.split()) > 1 else ""
        return QCoreApplication.translate("DigiBoard", "Joined for %1 min").replace("%1", minutes)
    return {
        "no_answer": QCoreApplication.translate("DigiBoard", "No answer"),
        "not_needed": QCoreApplication.translate("DigiBoard", "Not needed after all"),
    }.get(answer, answer)


class CallForHelpDialog(QDialog):
    chosen = Signal(list, int, object)

    def __init__(
        self, queues: dict[str, str], named: DigiLine | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callForHelp")
        self.named = named
        self.setWindowTitle(
            self.tr("Call in %1").replace("%1", named.display_name)
            if named is not None
            else self.tr("Call for help")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which queues need help?")))
        self.boxes: dict[str, QCheckBox] = {}
        for queue, name in queues.items():
            box = QCheckBox(name)
            box.setObjectName(f"helpQueue_{queue}")
            self.boxes[queue] = box
            layout.addWidget(box)
        self.count = QSpinBox()
        self.count.setObjectName("helpCount")
        self.count.setRange(1, 20)
        if named is None:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("How many people")))
            row.addWidget(self.count)
            row.addStretch(1)
            layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Ask"))
        ok.setEnabled(False)
        for box in self.boxes.values():
            box.toggled.connect(lambda _on: ok.setEnabled(bool(self.queues())))
        buttons.accepted.connect(self._ask)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def queues(self) -> list[str]:
        return [q for q, box in self.boxes.items() if box.isChecked()]

    def _ask(self) -> None:
        named = self.named.username if self.named is not None else None
        self.chosen.emit(self.queues(), self.count.value(), named)
        self.accept()


class DigiBoard(QGroupBox):
    COLUMNS = 7

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(self.tr("Digi-agents"))
        self.setObjectName("digiBoard")
        self.state = state
        self.commands = commands
        self.lang = lang
        self._run = run
        self.lines: list[DigiLine] = []
        self.call_ins = QLabel()
        self.call_ins.setObjectName("callIns")
        self.call_ins.setTextFormat(Qt.TextFormat.PlainText)
        self.call_ins.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("digiTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Clinic"),
                self.tr("State"),
                self.tr("For"),
                self.tr("Queues / until"),
                self.tr("Minutes this week"),
                self.tr("Last answer"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMinimumHeight(110)
        self.help_button = QPushButton(self.tr("Call for help…"))
        self.help_button.setObjectName("callForHelp")
        self.call_in_button = QPushButton(self.tr("Call in…"))
        self.call_in_button.setObjectName("callInNamed")
        buttons = QHBoxLayout()
        buttons.addWidget(self.help_button)
        buttons.addWidget(self.call_in_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_ins)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.help_button.clicked.connect(lambda: self._call(None))
        self.call_in_button.clicked.connect(lambda: self._call(self.selected()))
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.dialog: CallForHelpDialog | None = None
        self._sync_buttons()

    def selected(self) -> DigiLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None

    def _sync_buttons(self) -> None:
        line = self.selected()
        self.call_in_button.setEnabled(line is not None and line.state == "standby")

    def refresh(self) -> None:
        board = self.state.room.board
        if board is None:
            return
        keep = self.selected()
        now = datetime.now(UTC)
        names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
        self.lines = list(board.digi)
        self.setVisible(bool(self.lines) or bool(board.call_ins))
        people = {line.username: line.display_name for line in self.lines}
        clinics = {
            c.id: c.names.get(self.lang) or next(iter(c.names.values()), c.id)
            for c in self.state.clinics
        }
        why = {"red": self.tr("red queue"), "supervisor": self.tr("supervisor")}
        self.call_ins.setText(
            "\n".join(
                self.tr("Call-in for %1 (%2): %3 of %4 joined; asked so far: %5")
                .replace("%1", ", ".join(names.get(q, q) for q in c.queues))
                .replace("%2", why[c.trigger])
                .replace("%3", str(len(c.joined)))
                .replace("%4", str(c.wanted))
                .replace("%5", ", ".join(people.get(u, u) for u in c.asked) or "–")
                for c in board.call_ins
            )
            or self.tr("No call-in open.")
        )
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            since = (now - line.since).total_seconds() if line.since else None
            where = ", ".join(names.get(q, q) for q in line.queues)
            if line.until is not None:
                where += " – " + ServiceClock.text(line.until)
            state = plain_item(state_name(line.state))
            state.setBackground(QColor(STATE_COLOURS.get(line.state, "#ffffff")))
            cells = [
                plain_item(line.display_name),
                plain_item(clinics.get(line.clinic, line.clinic)),
                state,
                plain_item(duration(since) if since is not None else "", align_right=True),
                plain_item(where),
                plain_item(f"{line.minutes_this_week:.0f}", align_right=True),
                plain_item(answer_name(line.last_answer)),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        for column in range(self.COLUMNS - 1):
            self.table.resizeColumnToContents(column)
        if keep is not None:
            for row, line in enumerate(self.lines):
                if line.username == keep.username:
                    self.table.selectRow(row)
        self._sync_buttons()

    def _call(self, named: DigiLine | None) -> None:
        # Only queues she (or, unnamed, some digi-agent logged in) can serve: a call for a
        # queue nobody can take is refused by the backend and helps no client.
        servable = (
            set(named.can_serve)
            if named is not None
            else {q for line in self.lines for q in line.can_serve}
        )
        queues = {
            q: self.state.queue_name(q, self.lang)
            for q in self.state.queue_names
            if q in servable or (named is None and not self.lines)
        }
        dialog = CallForHelpDialog(queues, named, self)
        dialog.chosen.connect(lambda qs, n, who: self._run(self.commands.call_for_help(qs, n, who)))
        self.dialog = dialog
        dialog.open()
