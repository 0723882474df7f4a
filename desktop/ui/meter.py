"""The busyness meter (ruuhkamittari): one row a queue, coloured by what happens now.

Today's service level has its own marker (▼, bold, a tooltip naming the target) when it is
under the promise: it never colours the row, so red always means somebody waits now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.ui.texts import duration
from protocol.messages import Level, QueueFigures

LEVEL_COLOURS = {
    Level.GREEN: QColor("#c8efd4"),
    Level.YELLOW: QColor("#fbe7a1"),
    Level.RED: QColor("#f6b8b0"),
}
UNAVAILABLE = QColor("#d9d9d9")
LEVEL_WIDTH = 96
READY_COLUMN, SL_COLUMN, CALLBACKS_COLUMN = 3, 4, 5
# Shown when the meter has room; when it is narrow (1280 px at 150 %, with two chats and
# the phone) these go, and their figures stay in the queue's tooltip.
OPTIONAL_COLUMNS = (CALLBACKS_COLUMN, READY_COLUMN)
ROOM_FOR_ALL = 620  # logical px of viewport: every column, names still on two lines
BELOW_TARGET = "▼ "


class MeterTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("meter")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Queue"),
                self.tr("Waiting"),
                self.tr("Longest\nwait"),
                self.tr("Ready /\nbusy"),
                self.tr("Service level\ntoday"),
                self.tr("Callbacks\nleft"),
                self.tr("Level"),
            ]
        )
        header = self.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The queue name is what she reads first: it wraps onto further lines rather than
        # being squeezed to an ellipsis; the meter takes the width it is given and never
        # scrolls sideways (optional columns step aside instead, see resizeEvent).
        self.setMinimumWidth(440)  # the name column keeps ~130 px: a long word fits whole
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The level wraps in a column of its own width ("phone service down" is long in
        # Finnish): the name, which she reads first, keeps the room.
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(6, LEVEL_WIDTH)
        self.verticalHeader().hide()
        # Rows follow the name column's width: a name wraps to a second line, whole.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.viewport().width() < ROOM_FOR_ALL
        for column in OPTIONAL_COLUMNS:
            if self.isColumnHidden(column) != narrow:
                self.setColumnHidden(column, narrow)

    def level_text(self, level: Level) -> str:
        return {
            Level.GREEN: self.tr("Calm"),
            Level.YELLOW: self.tr("Busy"),
            Level.RED: self.tr("Congested"),
        }[level]

    def callbacks_text(self, fig: QueueFigures) -> str:
        if not fig.callbacks_overdue:
            return str(fig.callbacks_open)
        late = self.tr("%1 overdue").replace("%1", str(fig.callbacks_overdue))
        return f"{fig.callbacks_open} ({late})"

    def show_figures(self, figures: list[QueueFigures], names: dict[str, str]) -> None:
        self.setRowCount(len(figures))
        for row, fig in enumerate(figures):
            if fig.service_level_today is None:
                sl = "–"
            else:
                sl = (
                    f"{fig.service_level_today * 100:.0f} % ({fig.answered_in_target_today}/"
                    f"{fig.answered_today + fig.abandoned_today})"
                )
            if fig.below_target:
                sl = BELOW_TARGET + sl
            name = names.get(fig.queue, fig.queue)
            if not fig.open_now:
                name += " " + self.tr("(closed)")
            if not fig.available:
                # The phone service is down: not "nobody waiting", but "cannot know".
                unknown = self.tr("phone service down")
                cells = [name, "?", "?", "–", sl, self.callbacks_text(fig), unknown]
                self._fill(row, cells, UNAVAILABLE, fig)
                continue
            cells = [
                name,
                str(fig.waiting),
                duration(fig.longest_wait_s),
                f"{fig.staff_ready} / {fig.staff_busy}",
                sl,
                self.callbacks_text(fig),
                self.level_text(fig.level),
            ]
            self._fill(row, cells, LEVEL_COLOURS[fig.level], fig)

    def _fill(self, row: int, cells: list[str], colour: QColor, fig: QueueFigures) -> None:
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QBrush(colour))
            item.setForeground(QBrush(QColor("#1b1b1b")))
            target = self.tr("Target: answered within %1 min").replace(
                "%1", str(fig.target_s // 60)
            )
            if col == SL_COLUMN and fig.below_target:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                under = self.tr("Today's service level is under the target of %1 %.").replace(
                    "%1", f"{fig.target_share * 100:.0f}"
                )
                target = f"{under}\n{target}"
            if col == 0:
                # The whole name, and the figures a narrow meter leaves out.
                target = "\n".join((cells[0], self.details(fig), target))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, cells[0])
            self.setItem(row, col, item)
            item.setToolTip(target)

    def details(self, fig: QueueFigures) -> str:
        parts = [
            self.tr("Ready / busy: %1 / %2")
            .replace("%1", str(fig.staff_ready))
            .replace("%2", str(fig.staff_busy)),
            self.tr("Callbacks left: %1").replace("%1", self.callbacks_text(fig)),
        ]
        if fig.abandoned_today:
            parts.append(self.tr("%1 abandoned").replace("%1", str(fig.abandoned_today)))
        return " · ".join(parts)
