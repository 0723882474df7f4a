"""Staffing in the supervisor's room: advice for the coming days from the history and the
roster (with the simulated day), and the roster's CSV import.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from desktop.chat.state import Workstation
from desktop.ui.room import (
    PendingLine,
    RoomPage,
    SupervisorCommands,
    date_edit,
    decimal,
    file_dialog,
    percent,
    plain_item,
    service_today,
)


class StaffingView(RoomPage):
    """Forecast, staff needed, rostered and the gap per interval; the roster's import."""

    COLUMNS = 7

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(state, commands, lang, run)
        self.first = date_edit(service_today().addDays(1), "adviceFirst")
        self.days = QComboBox()
        self.days.addItem(self.tr("1 day"), 1)
        for n in (5, 7, 14):
            self.days.addItem(self.tr("%1 days").replace("%1", str(n)), n)
        self.days.setCurrentIndex(2)
        self.interval = QComboBox()
        self.interval.addItem(self.tr("30 min"), "30")
        self.interval.addItem(self.tr("Hour"), "60")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("showAdvice")
        self.import_button = QPushButton(self.tr("Import roster (CSV)…"))
        self.import_button.setObjectName("importRoster")
        self.import_button.setToolTip(
            self.tr("Columns: name, date, start, end, skills or role. Replaces those days.")
        )
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("From")))
        form.addWidget(self.first)
        form.addWidget(self.days)
        form.addWidget(self.interval)
        form.addWidget(self.show_button)
        form.addStretch(1)
        form.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setObjectName("adviceSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px;")
        self.accuracy = QLabel()
        self.accuracy.setTextFormat(Qt.TextFormat.PlainText)
        self.accuracy.setWordWrap(True)
        self.accuracy.setStyleSheet("color: #555;")
        self.message = PendingLine()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("adviceTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Interval"),
                self.tr("Channel"),
                self.tr("Forecast"),
                self.tr("Needed"),
                self.tr("Rostered"),
                self.tr("Gap"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        needed = self.table.horizontalHeaderItem(4)
        if needed is not None:
            needed.setToolTip(
                self.tr(
                    "Calls: Erlang A with the patience seen in the history. Chats: the fewest "
                    "who meet the target when the interval is run through the router itself."
                )
            )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.accuracy)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.request)
        self.import_button.clicked.connect(self.choose_roster)

    def request(self) -> None:
        first = self.first.date().toPython()
        assert isinstance(first, date)
        self.message.wait(self.tr("Computing…"))
        self._run(
            self.commands.request_advice(
                first, int(self.days.currentData()), self.interval.currentData()
            )
        )

    def choose_roster(self) -> None:
        dialog = file_dialog(self, self.tr("Import roster"), "", self.tr("CSV files (*.csv)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()

    def import_file(self, path: Path) -> None:
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.message.done(
                self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return
        if len(text) > 400_000:
            self.message.done(
                self.tr("The file is too large to send; ask IT to run roster-import with it.")
            )
            return
        self.message.wait(self.tr("Importing…"))
        self._run(self.commands.import_roster(text))

    def show_import(self) -> None:
        done = self.state.room.roster_imported
        if done is None or not self.message.waiting:
            return
        text = self.tr("%1 shifts stored.").replace("%1", str(done.added))
        if done.errors:
            text += " " + self.tr("Skipped:") + " " + "; ".join(done.errors[:5])
        self.message.done(text)
        if done.added:
            self.request()  # the gap changes with the roster

    def show_advice(self) -> None:
        advice = self.state.room.advice
        if advice is None:
            return
        self.message.done()
        zone = ZoneInfo(advice.timezone)
        names = {"phone": self.tr("Phone"), "chat": self.tr("Chat")}
        rows = [r for r in advice.rows if r.forecast >= 0.05 or r.rostered]
        short = sum(max(0, r.need - r.rostered) for r in rows)
        self.summary.setText(
            self.tr("Digi-agent hours needed to close the gaps: %1 (intervals short of staff: %2)")
            .replace("%1", decimal(advice.digi_agent_hours, self.lang))
            .replace("%2", str(sum(1 for r in rows if r.need > r.rostered)))
            if short
            else self.tr("The roster covers the forecast need in every interval.")
        )
        errors = ", ".join(
            f"{self.state.queue_name(q, self.lang)} {percent(e)}"
            for q, e in advice.wape.items()
            if e is not None
        )
        self.accuracy.setText(
            self.tr(
                "Forecast: the mean of the same weekday over the last six open weeks. Its "
                "error on the last two weeks (WAPE): %1"
            ).replace("%1", errors or "–")
            + "\n"
            + self.tr(
                "WAPE is how far the forecast missed, as a share of the contacts that came "
                "(0 % is exact). With one or two contacts in a half hour, missing by one is "
                "already 50–100 %: small queues show high figures though the forecast is "
                "useful for the day as a whole."
            )
        )
        self.accuracy.setWordWrap(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            start = r.start.astimezone(zone)
            end = r.end.astimezone(zone)
            gap = r.rostered - r.need
            cells = [
                plain_item(f"{start.day}.{start.month}."),
                plain_item(f"{start:%H:%M}–{end:%H:%M}"),
                plain_item(names[r.channel]),
                plain_item(decimal(r.forecast, self.lang), align_right=True),
                plain_item(str(r.need), align_right=True),
                plain_item(str(r.rostered), align_right=True),
                plain_item(f"{gap:+d}" if gap else "0", align_right=True),
            ]
            colour = "#f8d7da" if gap < 0 else "#d4edda" if r.need else "#ffffff"
            cells[-1].setBackground(QColor(colour))
            for column, cell in enumerate(cells):
                self.table.setItem(i, column, cell)
        self.table.resizeColumnsToContents()
