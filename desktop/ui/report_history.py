"""The supervisor's history: how the service did over a period (the figures table, charts,
the day-by-hour heat map, digi-agents and feedback) and the report's exports.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.supervisor.history import heat_level, heat_scale, series
from desktop.ui.my_figures import state_label
from desktop.ui.room import (
    PendingLine,
    RoomPage,
    SupervisorCommands,
    date_edit,
    decimal,
    file_dialog,
    fit_columns,
    percent,
    plain_item,
    service_today,
)
from desktop.ui.texts import duration
from protocol.messages import (
    FIGURE_NAMES,
    DigiReport,
    FeedbackReport,
    ReportFigures,
    ReportInterval,
)

CHANNEL_COLOURS = {"phone": QColor("#0b5cad"), "chat": QColor("#8250df")}


class HistoryView(RoomPage):
    """How the service did over a range: a table per interval, charts, exports."""

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(state, commands, lang, run)
        today = service_today()
        self.first = date_edit(today.addDays(-6), "first")
        self.last = date_edit(today, "last")
        self.interval = QComboBox()
        self.interval.setObjectName("interval")
        for value, label in (
            ("15", self.tr("15 min")),
            ("30", self.tr("30 min")),
            ("60", self.tr("Hour")),
            ("day", self.tr("Day")),
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
        ):
            self.interval.addItem(label, value)
        self.interval.setCurrentIndex(3)
        self.queue = QComboBox()
        self.queue.setObjectName("queue")
        self.per_person = QCheckBox(self.tr("Per person"))
        self.per_person.setObjectName("perPerson")
        self.per_person.setToolTip(
            self.tr("Time per state and contacts per person. Your look is access-logged.")
        )
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("showReport")
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.setObjectName("exportXlsx")
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCsv")
        form = QHBoxLayout()
        for label, widget in (
            (self.tr("From"), self.first),
            (self.tr("To"), self.last),
            (self.tr("Interval"), self.interval),
            (self.tr("Queue"), self.queue),
        ):
            form.addWidget(QLabel(label))
            form.addWidget(widget)
        form.addWidget(self.per_person)
        form.addWidget(self.show_button)
        form.addStretch(1)
        form.addWidget(self.xlsx_button)
        form.addWidget(self.csv_button)
        self.totals = QLabel()
        self.totals.setObjectName("reportTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-size: 14px;")
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.PlainText)
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("color: #555;")
        self.message = PendingLine()
        self.table = QTableWidget(0, 3 + len(FIGURE_NAMES))
        self.table.setObjectName("reportTable")
        fit_columns(self.table, [self.tr("Interval"), self.tr("Channel"), *self._figure_names()])
        self.table.verticalHeader().setVisible(False)
        self.arrivals = self._chart_view("arrivalsChart")
        self.service_level = self._chart_view("serviceLevelChart")
        self.one_contact = self._chart_view("oneContactChart")
        self.heat = QTableWidget(7, 24)
        self.heat.setObjectName("heatMap")
        self.heat.setHorizontalHeaderLabels([str(h) for h in range(24)])
        self.heat.setVerticalHeaderLabels(self._weekdays())
        self.heat.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        charts = QWidget()
        grid = QGridLayout(charts)
        grid.addWidget(self.arrivals, 0, 0)
        grid.addWidget(self.service_level, 0, 1)
        grid.addWidget(self.one_contact, 1, 0)
        heat_box = QWidget()
        heat_layout = QVBoxLayout(heat_box)
        heat_title = QLabel(self.tr("Arrivals by weekday and hour"))
        heat_title.setStyleSheet("font-weight: bold;")
        heat_layout.addWidget(heat_title)
        heat_layout.addWidget(self.heat)
        grid.addWidget(heat_box, 1, 1)
        self.staff = QTableWidget(0, 4)
        self.staff.setObjectName("staffFigures")
        self.views = QTabWidget()
        self.views.addTab(self.table, self.tr("Table"))
        self.views.addTab(charts, self.tr("Charts"))
        self.views.addTab(self.staff, self.tr("Per person"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.totals)
        layout.addWidget(self.formula)
        self.digi_line = QLabel()
        self.digi_line.setObjectName("digiReport")
        self.digi_line.setTextFormat(Qt.TextFormat.PlainText)
        self.digi_line.setWordWrap(True)
        layout.addWidget(self.digi_line)
        self.feedback_line = QLabel()
        self.feedback_line.setObjectName("feedbackReport")
        self.feedback_line.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback_line.setWordWrap(True)
        layout.addWidget(self.feedback_line)
        # Clients' own words: plain text, read-only, shown only when there are some.
        self.feedback_comments = QPlainTextEdit()
        self.feedback_comments.setObjectName("feedbackComments")
        self.feedback_comments.setReadOnly(True)
        self.feedback_comments.setMaximumHeight(90)
        self.feedback_comments.setVisible(False)
        layout.addWidget(self.feedback_comments)
        layout.addWidget(self.message)
        layout.addWidget(self.views, 1)
        self.show_button.clicked.connect(self.request)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        return view

    def _figure_names(self) -> list[str]:
        return [
            self.tr("Offered"),
            self.tr("Answered"),
            self.tr("Within target"),
            self.tr("Abandoned"),
            self.tr("Short abandons"),
            self.tr("Service level"),
            self.tr("Mean wait"),
            self.tr("Wait, 90th pct"),
            self.tr("Longest wait"),
            self.tr("Mean handling"),
            self.tr("One contact"),
            self.tr("Transfers"),
            self.tr("Wrap-up per contact"),
        ]

    def _weekdays(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def set_queues(self) -> None:
        self.queue.clear()
        self.queue.addItem(self.tr("All queues"), "")
        for queue in self.state.queue_names:
            self.queue.addItem(self.state.queue_name(queue, self.lang), queue)

    def _query(self) -> tuple[date, date, ReportInterval, list[str]]:
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        interval: ReportInterval = self.interval.currentData()
        queue = self.queue.currentData()
        return first, last, interval, [queue] if queue else []

    def request(self) -> None:
        first, last, interval, queues = self._query()
        if last < first:
            self.message.done(self.tr("The range ends before it starts."))
            return
        self.message.wait(self.tr("Computing…"))
        self._run(
            self.commands.request_report(first, last, interval, queues, self.per_person.isChecked())
        )

    def export(self, fmt: str) -> None:
        first, last, interval, queues = self._query()
        suggested = f"luukku-{first}-{last}.{fmt}"
        dialog = file_dialog(self, self.tr("Export report"), suggested, f"*.{fmt}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        query = {
            "from": str(first),
            "to": str(last),
            "interval": interval,
            "format": fmt,
            "lang": self.lang,  # headings and names in her language
        }
        if queues:
            query["queue"] = queues[0]
        if self.per_person.isChecked():
            query["staff"] = "1"
        dialog.fileSelected.connect(lambda path: self._run(self._export(query, Path(path))))
        dialog.open()

    async def _export(self, query: dict[str, str], destination: Path) -> None:
        self.message.wait(self.tr("Exporting…"))
        try:
            await self.commands.export_report(query, destination)
        except Exception as exc:  # the network, a full disk: say so, keep working
            self.message.done(self.tr("The export failed: %1").replace("%1", str(exc)))
            return
        self.message.done(self.tr("Saved %1").replace("%1", str(destination)))

    # --- showing a report ----------------------------------------------------------------

    def _digi_text(self, digi: DigiReport | None) -> str:
        if digi is None or (not digi.call_ins and not digi.minutes):
            return ""
        clinics = {
            c.id: c.names.get(self.lang) or next(iter(c.names.values()), c.id)
            for c in self.state.clinics
        }
        per_week: dict[str, list[str]] = {}
        for week, clinic, minutes in digi.minutes:
            per_week.setdefault(week, []).append(f"{clinics.get(clinic, clinic)} {minutes:.0f}")
        weeks = "; ".join(f"{w}: {', '.join(parts)}" for w, parts in per_week.items()) or "–"
        median = duration(digi.help_after_median_s) if digi.help_after_median_s else "–"
        longest = duration(digi.help_after_max_s) if digi.help_after_max_s else "–"
        return (
            self.tr(
                "Digi-agents: minutes per week and clinic %1; contacts handled %2; call-ins %3 "
                "(%4 by a red queue), %5 got help: median %6, longest %7 to the first helper."
            )
            .replace("%1", weeks)
            .replace("%2", str(digi.contacts))
            .replace("%3", str(digi.call_ins))
            .replace("%4", str(digi.red_call_ins))
            .replace("%5", str(digi.helped))
            .replace("%6", median)
            .replace("%7", longest)
        )

    def _feedback_text(self, feedback: FeedbackReport | None) -> str:
        if feedback is None or not feedback.answers:
            return self.tr("Client feedback: no answers in this range.")
        mean = decimal(feedback.mean, self.lang) if feedback.mean is not None else "–"
        spread = " · ".join(f"{i + 1}: {n}" for i, n in enumerate(feedback.scores))
        return (
            self.tr("Client feedback: %1 answers, mean %2 of 5 (%3), %4 comments.")
            .replace("%1", str(feedback.answers))
            .replace("%2", mean)
            .replace("%3", spread)
            .replace("%4", str(len(feedback.comments)))
        )

    def show_report(self) -> None:
        report = self.state.room.report
        if report is None:
            return
        self.message.done()
        self.digi_line.setText(self._digi_text(report.digi))
        self.feedback_line.setText(self._feedback_text(report.feedback))
        comments = report.feedback.comments if report.feedback else []
        self.feedback_comments.setPlainText("\n".join(f"“{c}”" for c in comments))
        self.feedback_comments.setVisible(bool(comments))
        channel_names = {"phone": self.tr("Phone"), "chat": self.tr("Chat")}
        short = ", ".join(
            f"{channel_names.get(ch, ch)} {seconds} s"
            for ch, seconds in report.short_abandon_s.items()
        )
        self.formula.setText(
            (
                self.tr(
                    "Service level = answered within target / (answered + abandoned). "
                    "Short abandons (%1) count as abandoned."
                )
                if report.count_short_abandons
                else self.tr(
                    "Service level = answered within target / (answered + abandoned). "
                    "Short abandons (%1) are left out."
                )
            ).replace("%1", short)
        )
        parts = []
        for channel, f in report.totals.items():
            parts.append(
                self.tr("%1: offered %2, answered %3, service level %4, one contact %5")
                .replace("%1", channel_names[channel])
                .replace("%2", str(f.offered))
                .replace("%3", str(f.answered))
                .replace("%4", percent(f.service_level))
                .replace("%5", percent(f.one_contact_share))
            )
        cb = report.callbacks
        parts.append(
            self.tr("Callbacks: %1 created, %2 done the same day, %3 overdue")
            .replace("%1", str(cb.created))
            .replace("%2", str(cb.done_same_day))
            .replace("%3", str(cb.overdue))
        )
        self.totals.setText("\n".join(parts))
        self._fill_table(report.rows, channel_names, report.interval)
        self._draw_charts(channel_names)
        self._fill_heat(report.arrivals)
        self._fill_staff()

    def _label(self, start: datetime, interval: str) -> str:
        """In the service's time zone, whatever the workstation's clock is set to."""
        report = self.state.room.report
        zone = ZoneInfo(report.timezone if report is not None else "Europe/Helsinki")
        local = start.astimezone(zone)
        if interval in ("15", "30", "60"):
            return f"{local.day}.{local.month}. {local:%H:%M}"
        if interval == "month":
            return f"{local.month}/{local.year}"
        return f"{local.day}.{local.month}."

    @staticmethod
    def _sparse(labels: list[str], most: int = 12) -> list[str]:
        """At most ``most`` labels shown; the rest blank but distinct (categories must be)."""
        step = max(1, -(-len(labels) // most))
        return [label if i % step == 0 else "\u200b" * (i + 1) for i, label in enumerate(labels)]

    def _fill_table(self, rows: list[Any], channel_names: dict[str, str], interval: str) -> None:
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = [self._label(row.start, interval), channel_names[row.channel]]
            values += self._cells(row.figures)
            values.append(duration(row.wrap_up_per_contact_s))
            for column, text in enumerate(values):
                self.table.setItem(i, column, plain_item(text, align_right=column >= 2))
        self.table.resizeColumnsToContents()

    def _cells(self, f: ReportFigures) -> list[str]:
        out = []
        for name in FIGURE_NAMES:
            value = getattr(f, name)
            if name in ("service_level", "one_contact_share"):
                out.append(percent(value))
            elif name.endswith("_s"):
                out.append(duration(value))
            else:
                out.append(str(value))
        return out

    def _draw_charts(self, channel_names: dict[str, str]) -> None:
        report = self.state.room.report
        assert report is not None
        starts = sorted({row.start for row in report.rows})
        labels = [self._label(s, report.interval) for s in starts]
        # Arrivals per interval, a bar per channel.
        chart = QChart()
        chart.setTitle(self.tr("Arrivals per interval"))
        bars = QBarSeries()
        top = 1
        for channel in report.totals:
            points = {p.start: p.value or 0 for p in series(report, channel, "offered")}
            bar = QBarSet(channel_names[channel])
            bar.setColor(CHANNEL_COLOURS[channel])
            for s in starts:
                bar.append(points.get(s, 0))
                top = max(top, int(points.get(s, 0)))
            bars.append(bar)
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        axis_x.append(self._sparse(labels))
        # A bar is too narrow for a date beneath it past ~10 bars: the range is then in
        # the title instead (the table has every interval).
        axis_x.setLabelsVisible(len(labels) <= 10)
        if len(labels) > 10:
            chart.setTitle(
                self.tr("Arrivals per interval, %1–%2")
                .replace("%1", labels[0])
                .replace("%2", labels[-1])
            )
        axis_y = QValueAxis()
        axis_y.setRange(0, top)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_y)
        # Staffing beside demand: the mean number of staff Ready, on its own axis.
        ready = {row.start: row.staff_ready for row in report.rows if row.staff_ready is not None}
        if ready:
            line = QLineSeries()
            line.setName(self.tr("Mean staff Ready"))
            line.setColor(QColor("#1a7f37"))
            for i, s in enumerate(starts):
                line.append(QPointF(i, ready.get(s, 0.0)))
            chart.addSeries(line)
            axis_ready = QValueAxis()
            axis_ready.setRange(0, max(1.0, max(ready.values()) * 1.2))
            axis_ready.setLabelFormat("%.1f")
            chart.addAxis(axis_ready, Qt.AlignmentFlag.AlignRight)
            line.attachAxis(axis_x)
            line.attachAxis(axis_ready)
        self.arrivals.setChart(chart)
        self.service_level.setChart(
            self._share_chart(
                self.tr("Service level against the target"),
                "service_level",
                channel_names,
                report.target_share,
                starts,
            )
        )
        self.one_contact.setChart(
            self._share_chart(
                self.tr("Handled in one contact (target 70 %)"),
                "one_contact_share",
                channel_names,
                {ch: 0.7 for ch in report.totals},
                starts,
            )
        )

    def _share_chart(
        self,
        title: str,
        figure: str,
        channel_names: dict[str, str],
        targets: dict[str, float],
        starts: list[datetime],
    ) -> QChart:
        report = self.state.room.report
        assert report is not None
        chart = QChart()
        chart.setTitle(title)
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis_x.setRange(0, max(1, len(starts) - 1))
        for i, label in enumerate(self._sparse([self._label(t, report.interval) for t in starts])):
            if not label.startswith("\u200b"):
                axis_x.append(label, i)
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d %%")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        index = {t: i for i, t in enumerate(starts)}
        last = max(1, len(starts) - 1)
        for channel in report.totals:
            line = QLineSeries()
            line.setName(channel_names[channel])
            line.setColor(CHANNEL_COLOURS[channel])
            for point in series(report, channel, figure):
                if point.value is not None:  # no contacts counted: a gap, never 0 %
                    line.append(QPointF(index[point.start], point.value * 100))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
            target = QLineSeries()
            target.setName(self.tr("Target (%1)").replace("%1", channel_names[channel]))
            pen = target.pen()
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(CHANNEL_COLOURS[channel])
            target.setPen(pen)
            share = targets.get(channel, 0.8) * 100
            target.append(QPointF(0, share))
            target.append(QPointF(last, share))
            chart.addSeries(target)
            target.attachAxis(axis_x)
            target.attachAxis(axis_y)
        return chart

    def _fill_heat(self, arrivals: list[list[int]]) -> None:
        scale = heat_scale(arrivals)
        # Only the hours and days with arrivals (a service open 8–15 on weekdays shows a
        # 5 × 7 grid, readable at a glance).
        hours = [h for h in range(24) if any(row[h] for row in arrivals)]
        for hour in range(24):
            self.heat.setColumnHidden(hour, bool(hours) and not (hours[0] <= hour <= hours[-1]))
        for day, row in enumerate(arrivals):
            self.heat.setRowHidden(day, bool(hours) and not any(row))
        for day, row in enumerate(arrivals):
            for hour, count in enumerate(row):
                item = plain_item(str(count) if count else "", align_right=True)
                level = heat_level(count, scale)
                item.setBackground(QColor.fromRgbF(0.04, 0.36, 0.68, 0.08 + 0.85 * level))
                if level > 0.55:
                    item.setForeground(QColor("white"))
                self.heat.setItem(day, hour, item)

    def _fill_staff(self) -> None:
        report = self.state.room.report
        assert report is not None
        if report.staff is None:
            self.staff.setRowCount(0)
            self.staff.setColumnCount(1)
            self.staff.setHorizontalHeaderLabels([self.tr("Not asked for")])
            return
        states = sorted({k for s in report.staff for k in s.seconds})
        headers = [self.tr("Name"), self.tr("Contacts"), self.tr("On chat"), self.tr("On calls")]
        headers += [state_label(k) for k in states]
        self.staff.setColumnCount(len(headers))
        self.staff.setHorizontalHeaderLabels(headers)
        self.staff.setRowCount(len(report.staff))
        for i, s in enumerate(report.staff):
            values = [
                s.display_name or self.state.colleague_name(s.username),
                str(s.contacts_handled),
                duration(s.chat_s),
                duration(s.call_s),
            ] + [duration(s.seconds.get(k, 0)) for k in states]
            for column, text in enumerate(values):
                self.staff.setItem(i, column, plain_item(text, align_right=column > 0))
        self.staff.resizeColumnsToContents()
