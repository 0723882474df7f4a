"""What the supervisor's room pages share: the commands they send, a base holding her
state and language, a date field, and the line that shows what a page waits for."""

from __future__ import annotations

import sys
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.ui.texts import ServiceClock
from protocol.messages import ReportInterval, RosterShiftLine, StaffAccountChange


class SupervisorCommands(Protocol):
    async def supervise(
        self, username: str, action: Literal["not_ready", "sign_out"], reason: str
    ) -> None: ...
    async def request_report(
        self, first: date, last: date, interval: ReportInterval, queues: list[str], staff: bool
    ) -> None: ...
    async def export_report(self, query: dict[str, str], destination: Path) -> None: ...
    async def request_advice(
        self, first: date, days: int, interval: Literal["30", "60"]
    ) -> None: ...
    async def import_roster(self, csv_text: str) -> None: ...
    async def request_roster_week(self, day: date) -> None: ...
    async def call_for_help(self, queues: list[str], count: int, username: str | None) -> None: ...
    async def save_roster(
        self, monday: date, version: str, shifts: list[RosterShiftLine]
    ) -> None: ...
    async def request_accounts(self) -> None: ...
    async def change_account(self, change: StaffAccountChange) -> None: ...


def plain_item(text: str, align_right: bool = False) -> QTableWidgetItem:
    """Table items are plain text: names come from colleagues and are never markup."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def decimal(value: float, lang: str, places: int = 1) -> str:
    """A number as her language writes it: 19,5 in Finnish and Swedish, 19.5 in English."""
    return QLocale(lang).toString(float(value), "f", places)


class RoomPage(QWidget):
    """A page of the supervisor's room: her state, the commands, her language."""

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__()
        self.state = state
        self.commands = commands
        self.lang = lang
        self._run = run


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def service_today() -> QDate:
    """Today in the service's zone (not the workstation's: a UTC machine is a day behind
    in the small hours)."""
    return qdate(ServiceClock.now().date())


def two_lines(label: str) -> str:
    """A column title of two words or more on two lines, broken at the space nearest its
    middle."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if len(label) < 8 or not spaces or "\n" in label:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) // 2))
    return label[:cut] + "\n" + label[cut + 1 :]


def fit_columns(table: QTableWidget, labels: list[str]) -> None:
    """The columns share the width the table is given (titles on two lines): a figures
    table never scrolls sideways on a 1280-pixel (150 %) workstation."""
    table.setColumnCount(len(labels))
    for column, label in enumerate(labels):
        item = QTableWidgetItem(two_lines(label))
        item.setToolTip(label)  # the whole title, where a narrow column shortens it
        table.setHorizontalHeaderItem(column, item)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(36)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    # The titles a little smaller than the figures they head; a single word longer than a
    # narrow column (Swedish, beside the phone) says itself whole in its tooltip.
    font = header.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    header.setFont(font)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def date_edit(day: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d.M.yyyy")
    return edit


class PendingLine(QLabel):
    """What a page is waiting for from the backend, and then its answer; a refusal lands
    on the line that was waiting (plain text: it may quote a roster file)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._waiting = False

    def wait(self, text: str) -> None:
        self._waiting = True
        self.setText(text)

    def done(self, text: str = "") -> None:
        self._waiting = False
        self.setText(text)

    @property
    def waiting(self) -> bool:
        return self._waiting

    def refused(self, detail: str) -> None:
        if self._waiting:
            self.done(detail)


def file_dialog(parent: QWidget, title: str, name: str, kinds: str) -> QFileDialog:
    """Qt's own file dialog, in her language (Qt's translations are installed with ours):
    on Linux the desktop's native one follows the system locale, often English. Windows
    keeps its own, which follows Windows' language. Opened with ``open()``, never exec."""
    # Her documents folder, not wherever the program was started from.
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not folder or not Path(folder).is_dir():
        folder = str(Path.home())
    dialog = QFileDialog(parent, title, str(Path(folder) / name), kinds)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, sys.platform != "win32")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Qt's Finnish catalogue leaves some of the dialog's own labels in English.
    labels = QFileDialog.DialogLabel
    dialog.setLabelText(labels.LookIn, QCoreApplication.translate("FileDialog", "Look in:"))
    dialog.setLabelText(labels.FileName, QCoreApplication.translate("FileDialog", "File name:"))
    dialog.setLabelText(labels.FileType, QCoreApplication.translate("FileDialog", "File type:"))
    dialog.setLabelText(labels.Reject, QCoreApplication.translate("FileDialog", "Cancel"))
    return dialog
