"""Her own figures: time per state and contacts handled, today or this week. Nobody else
sees them here; supervisors see them in reports, each look access-logged."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.ui.texts import duration, reason_name, status_name
from protocol.messages import StaffStatus


class MyFiguresCommands(Protocol):
    async def my_figures(self, first: date, last: date) -> None: ...


def state_label(key: str) -> str:
    status, _, reason = key.partition(":")
    name = status_name(StaffStatus(status))
    return f"{name}: {reason_name(reason)}" if reason else name


class MyFiguresDialog(QDialog):
    def __init__(
        self,
        state: Workstation,
        commands: MyFiguresCommands,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("myFigures")
        self.setWindowTitle(self.tr("My figures"))
        self.state = state
        self.commands = commands
        self._run = run
        self.range = QComboBox()
        self.range.addItem(self.tr("Today"), 0)
        self.range.addItem(self.tr("This week"), 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("State"), self.tr("Time")])
        self.table.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.range)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.range.currentIndexChanged.connect(lambda _i: self.request())
        self.resize(420, 360)

    def request(self) -> None:
        today = self.state.today()
        first = today - timedelta(days=today.weekday()) if self.range.currentData() else today
        self._run(self.commands.my_figures(first, today))

    def refresh(self) -> None:
        mine = self.state.my_figures
        if mine is None:
            return
        self.summary.setText(
            self.tr("Contacts handled: %1 · on chats %2 · on calls %3")
            .replace("%1", str(mine.contacts_handled))
            .replace("%2", duration(mine.chat_s))
            .replace("%3", duration(mine.call_s))
        )
        rows = sorted(mine.seconds.items(), key=lambda kv: -kv[1])
        self.table.setRowCount(len(rows))
        for i, (key, seconds) in enumerate(rows):
            for column, text in enumerate((state_label(key), duration(seconds))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
