"""The roster grid: a week, a row per person, a column per day; she types the shifts
("8-15", "8:00–11:30, 12–15") and saves the week whole.

Cells she changed are marked until saved. When a colleague saved the same week first, the
backend refuses the save and sends the week again: her cells stay as she typed them, the
ones that differ from the stored week are marked, and saving again keeps hers. Nothing
she typed is lost by a reload; moving to another week waits until she saves or undoes.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.chat.state import Workstation
from desktop.supervisor.roster import (
    CellError,
    Week,
    bad_cells,
    first_week,
    monday_of,
    same_cell,
    shifts_of,
    week_cells,
)
from desktop.ui.room import PendingLine, RoomPage, SupervisorCommands, date_edit, qdate
from desktop.ui.texts import ServiceClock
from protocol.messages import ErrorCode, ErrorFrame

CHANGED = QColor("#fff3bf")


BAD = QColor("#f6b8b0")


class RosterView(RoomPage):
    """A week's roster as an editable grid."""

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(state, commands, lang, run)
        self._stored: Week | None = None
        self._version = ""
        self._filling = False
        self._said_bad = False  # the message line names a cell that does not read
        # Labelled by its Monday; opens on this working week, or the next at the weekend.
        self.week = date_edit(qdate(first_week(ServiceClock.now().date())), "rosterWeek")
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.save_button = QPushButton(self.tr("Save week"))
        self.save_button.setObjectName("saveRoster")
        self.undo_button = QPushButton(self.tr("Undo changes"))
        self.undo_button.setObjectName("undoRoster")
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Week of")))
        form.addWidget(self.week)
        form.addWidget(self.previous_button)
        form.addWidget(self.next_button)
        form.addStretch(1)
        form.addWidget(self.undo_button)
        form.addWidget(self.save_button)
        hint = QLabel(
            self.tr(
                "Type a shift as 8-15 or 8:00-11:30; two shifts with a comma; leave the cell "
                "empty for a day off. Changed cells are yellow until saved."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.message = PendingLine()
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("rosterGrid")
        self.table.verticalHeader().setDefaultSectionSize(28)
        # The seven days share the width: no sideways scrolling beside the phone at 1280 px.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(64)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.week.dateChanged.connect(lambda _d: self.request())
        self.previous_button.clicked.connect(lambda: self._move(-7))
        self.next_button.clicked.connect(lambda: self._move(7))
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        self.table.itemChanged.connect(self._on_edit)
        self.table.installEventFilter(self)
        self._sync_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace) empties the chosen cells: a day off."""
        if (
            watched is self.table
            and event.type() is QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.table.state() is not QAbstractItemView.State.EditingState
        ):
            for item in self.table.selectedItems():
                item.setText("")
            return True
        return super().eventFilter(watched, event)

    # --- to the backend ----------------------------------------------------------------

    def request(self) -> None:
        day = self.week.date().toPython()
        assert isinstance(day, date)
        monday = monday_of(day)
        if monday != day:
            self.week.setDate(qdate(monday))  # the week is named by its Monday; asks again
            return
        self.message.wait(self.tr("Loading…"))
        self._run(self.commands.request_roster_week(day))

    def save(self) -> None:
        if self._stored is None:
            return
        try:
            shifts = shifts_of(self._stored.monday, self._stored.people, self.cells())
        except CellError as exc:
            self.message.done(
                self.tr("This cell does not read as a shift: %1").replace("%1", str(exc))
            )
            return
        self.message.wait(self.tr("Saving…"))
        self._run(self.commands.save_roster(self._stored.monday, self._version, shifts))

    def undo(self) -> None:
        if self._stored is not None:
            self._fill(self._stored)
        self.message.done()

    def _move(self, days: int) -> None:
        self.week.setDate(self.week.date().addDays(days))

    # --- from the backend --------------------------------------------------------------

    def show_week(self) -> None:
        frame = self.state.room.roster_week
        if frame is None:
            return
        week = week_cells(frame.monday, frame.people, frame.shifts)
        same_week = self._stored is not None and self._stored.monday == week.monday
        self._stored, self._version = week, frame.version
        if same_week and self.dirty() and self.message.waiting:
            # A colleague saved first: keep what she typed, mark where it differs.
            self._mark()
            return
        self._fill(week)
        if self.message.waiting:
            self.message.done()

    def show_saved(self) -> None:
        done = self.state.room.roster_imported
        if done is None or not self.message.waiting:
            return
        if done.errors:
            self.message.done(self.tr("Not saved:") + " " + "; ".join(done.errors[:5]))
        else:
            self.message.done(self.tr("%1 shifts saved.").replace("%1", str(done.added)))

    def refused(self, error: ErrorFrame) -> bool:
        """Shows a refusal of her save or load; whether it was hers to show."""
        if not self.message.waiting:
            return False
        if error.code is ErrorCode.CONFLICT:
            self.message.done(
                self.tr(
                    "A colleague saved this week while you edited it. Your cells are kept; "
                    "those that differ from the saved week are yellow. Save again to keep yours."
                )
            )
        else:
            self.message.refused(error.detail)
        return True

    # --- the grid ----------------------------------------------------------------------

    def cells(self) -> dict[tuple[str, int], str]:
        out: dict[tuple[str, int], str] = {}
        if self._stored is None:
            return out
        for row, person in enumerate(self._stored.people):
            for day in range(7):
                cell = self.table.item(row, day)
                if cell is not None and cell.text().strip():
                    out[(person.name, day)] = cell.text().strip()
        return out

    def dirty(self) -> bool:
        if self._stored is None:
            return False
        cells = self.cells()
        keys = set(cells) | set(self._stored.cells)
        return any(not same_cell(cells.get(k, ""), self._stored.cells.get(k, "")) for k in keys)

    def _fill(self, week: Week) -> None:
        self._filling = True
        locale = QLocale(self.lang)
        self.table.clearContents()
        self.table.setRowCount(len(week.people))
        self.table.setHorizontalHeaderLabels(
            [
                f"{locale.dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)} "
                f"{d.day}.{d.month}."
                for d in week.days
            ]
        )
        self.table.setVerticalHeaderLabels([p.name for p in week.people])
        for row, person in enumerate(week.people):
            for day in range(7):
                # Plain text items: names and cells are a colleague's text.
                cell = QTableWidgetItem(week.cells.get((person.name, day), ""))
                self.table.setItem(row, day, cell)
        self._filling = False
        self._mark()

    def _on_edit(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._mark()

    def _mark(self) -> None:
        if self._stored is None:
            return
        self._filling = True
        cells = self.cells()
        bad = set(bad_cells(cells))
        for row, person in enumerate(self._stored.people):
            for day in range(7):
                cell = self.table.item(row, day)
                if cell is None:
                    continue
                key = (person.name, day)
                saved = self._stored.cells.get(key, "")
                changed = not same_cell(cells.get(key, ""), saved)
                colour = BAD if key in bad else CHANGED if changed else None
                cell.setBackground(colour or QColor(Qt.GlobalColor.white))
                tip = ", ".join(person.skills)
                if key in bad:
                    tip += "\n" + self.tr("Not a shift: write it as 8-15 or 8:00-11:30.")
                if changed:
                    tip += "\n" + self.tr("Saved: %1").replace("%1", saved or self.tr("day off"))
                cell.setToolTip(tip)
        self._filling = False
        if bad:
            # Said at once, with whose cell and which day: not only when she saves.
            name, day = sorted(bad)[0]
            self.message.done(self.cell_problem(name, day, cells[(name, day)], len(bad)))
            self._said_bad = True
        elif self._said_bad:
            self._said_bad = False
            self.message.done()
        self._sync_buttons()

    def cell_problem(self, name: str, day: int, text: str, count: int) -> str:
        assert self._stored is not None
        when = self._stored.days[day]
        locale = QLocale(self.lang)
        said = (
            self.tr("%1, %2: “%3” is not a shift (write 8-15 or 8:00-11:30).")
            .replace("%1", name)
            .replace("%2", f"{locale.dayName(when.isoweekday())} {when.day}.{when.month}.")
            .replace("%3", text)
        )
        if count > 1:
            said += " " + self.tr("%1 cells in all are marked red.").replace("%1", str(count))
        return said

    def _sync_buttons(self) -> None:
        dirty = self.dirty()
        self.save_button.setEnabled(dirty and not bad_cells(self.cells()))
        self.undo_button.setEnabled(dirty)
        for widget in (self.week, self.previous_button, self.next_button):
            widget.setEnabled(not dirty)

    def loaded_week(self) -> date | None:
        """The Monday of the week in the grid (``None`` before the first load)."""
        return None if self._stored is None else self._stored.monday
