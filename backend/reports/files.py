"""A report as JSON, CSV (RFC 4180, UTF-8) or XLSX: the same figures the screen shows.

Rows are one per interval and channel, and one per contact (ids, times, queue, channel,
outcome, who: never message text, names or numbers). Times are local ISO 8601 with offset.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from backend.domain.figures import Figures, arrivals_by_weekday_hour
from backend.domain.report import Report
from protocol.messages import FIGURE_NAMES, Outcome

SERVICE_LEVEL_FORMULA = (
    "service level = answered within target / (answered + abandoned); abandons within the "
    "short-abandon threshold {short}"
)
OUTCOMES = [o.value for o in Outcome]
FIGURE_COLUMNS = [*FIGURE_NAMES, *(f"outcome_{o}" for o in OUTCOMES)]
INTERVAL_HEADER = [
    "start",
    "end",
    "channel",
    *FIGURE_COLUMNS,
    "staff_ready_mean",
    "wrap_up_per_contact_s",
]
CONTACT_HEADER = [
    "id",
    "channel",
    "queue",
    "arrived",
    "answered",
    "ended",
    "wait_s",
    "handle_s",
    "abandoned",
    "outcome",
    "handled_by",
    "transfers",
]
CALLBACK_HEADER = ["start", "end", "created", "done_same_day", "done_in_time", "open", "overdue"]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def figure_values(f: Figures) -> list[Any]:
    values = (getattr(f, name) for name in FIGURE_NAMES)
    return [
        *(_round(v) if isinstance(v, float) else v for v in values),
        *(f.outcomes.get(o, 0) for o in OUTCOMES),
    ]


def _time(at: datetime | None, report: Report) -> str | None:
    return None if at is None else at.astimezone(report.period.tz).isoformat()


def interval_rows(report: Report) -> list[list[Any]]:
    return [
        [
            _time(r.interval.start, report),
            _time(r.interval.end, report),
            r.channel,
            *figure_values(r.figures),
            _round(r.staff_ready),
            _round(r.wrap_up_per_contact_s),
        ]
        for r in report.rows
    ]


def contact_rows(report: Report) -> list[list[Any]]:
    return [
        [
            c.id,
            c.channel,
            c.queue,
            _time(c.arrived, report),
            _time(c.answered, report),
            _time(c.ended, report),
            _round(c.wait_s),
            _round(c.handle_s),
            c.abandoned,
            c.outcome,
            c.handled_by,
            c.transfers,
        ]
        for c in report.contacts
    ]


def callback_rows(report: Report) -> list[list[Any]]:
    return [
        [
            _time(r.interval.start, report),
            _time(r.interval.end, report),
            r.figures.created,
            r.figures.done_same_day,
            r.figures.done_in_time,
            r.figures.open,
            r.figures.overdue,
        ]
        for r in report.callbacks
    ]


def staff_header(report: Report) -> list[str]:
    states = sorted({k for s in report.staff or () for k in s.seconds})
    return ["username", "contacts_handled", "chat_s", "call_s", *(f"{k}_s" for k in states)]


def staff_rows(report: Report) -> list[list[Any]]:
    states = [h[:-2] for h in staff_header(report)[4:]]
    return [
        [
            s.username,
            s.contacts_handled,
            round(s.chat_s),
            round(s.call_s),
            *(round(s.seconds.get(k, 0.0)) for k in states),
        ]
        for s in report.staff or ()
    ]


def formula(report: Report) -> str:
    short = "count" if report.count_short_abandons else "are left out"
    return SERVICE_LEVEL_FORMULA.format(short=short)


def to_json(report: Report) -> str:
    def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
        return [dict(zip(header, row, strict=True)) for row in rows]

    body = {
        "version": 1,
        "from": report.period.first.isoformat(),
        "to": report.period.last.isoformat(),
        "interval": report.period.grain.value,
        "timezone": report.period.tz.key,
        "queues": list(report.queues),
        "formula": formula(report),
        "totals": {
            ch: dict(zip(FIGURE_COLUMNS, figure_values(f), strict=True))
            for ch, f in report.totals.items()
        },
        "intervals": table(INTERVAL_HEADER, interval_rows(report)),
        "callbacks": table(CALLBACK_HEADER, callback_rows(report)),
        "staff": None if report.staff is None else table(staff_header(report), staff_rows(report)),
        "contacts": table(CONTACT_HEADER, contact_rows(report)),
    }
    return json.dumps(body, ensure_ascii=False, indent=1)


def _safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()


def write_csv(report: Report, path: Path) -> list[Path]:
    """The intervals to ``path``, the contacts beside it (``NAME-contacts.csv``)."""
    contacts = path.with_name(f"{path.stem}-contacts{path.suffix or '.csv'}")
    path.write_text(to_csv(INTERVAL_HEADER, interval_rows(report)), "utf-8")
    contacts.write_text(to_csv(CONTACT_HEADER, contact_rows(report)), "utf-8")
    return [path, contacts]


def write_xlsx(report: Report, path: Path) -> None:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    summary.append(["from", report.period.first.isoformat()])
    summary.append(["to", report.period.last.isoformat()])
    summary.append(["interval", report.period.grain.value])
    summary.append(["queues", ", ".join(report.queues)])
    summary.append(["formula", formula(report)])
    summary.append([])
    summary.append(["channel", *FIGURE_COLUMNS])
    for ch, f in report.totals.items():
        summary.append([ch, *figure_values(f)])
    sheets: list[tuple[str, Sequence[str], list[list[Any]]]] = [
        ("Intervals", INTERVAL_HEADER, interval_rows(report)),
        ("Callbacks", CALLBACK_HEADER, callback_rows(report)),
        ("Contacts", CONTACT_HEADER, contact_rows(report)),
    ]
    if report.staff is not None:
        sheets.append(("Staff", staff_header(report), staff_rows(report)))
    _charts(book, report)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append([_safe(v) for v in row])
        sheet.freeze_panes = "A2"
    book.save(path)


def _charts(book: Workbook, report: Report) -> None:
    """A sheet of its own: per interval, arrivals and staff Ready, and the service level
    against its target, as spreadsheet charts over a small table beside them."""
    sheet = book.create_sheet("Charts")
    channels = list(report.channels)
    sheet.append(
        [
            "start",
            *(f"offered_{ch}" for ch in channels),
            *(f"service_level_{ch}" for ch in channels),
            *(f"one_contact_{ch}" for ch in channels),
            "staff_ready_mean",
        ]
    )
    by_start: dict[datetime, dict[str, Any]] = {}
    for r in report.rows:
        cell = by_start.setdefault(r.interval.start, {"ready": r.staff_ready})
        cell[r.channel] = r.figures
    for start in sorted(by_start):
        cell = by_start[start]
        offered = [cell[ch].offered if ch in cell else 0 for ch in channels]
        levels = [
            None
            if ch not in cell or cell[ch].service_level is None
            else round(cell[ch].service_level * 100, 1)
            for ch in channels
        ]
        one_contact = [
            None
            if ch not in cell or cell[ch].one_contact_share is None
            else round(cell[ch].one_contact_share * 100, 1)
            for ch in channels
        ]
        ready = cell["ready"]
        sheet.append(
            [
                _time(start, report),
                *offered,
                *levels,
                *one_contact,
                None if ready is None else round(ready, 2),
            ]
        )
    n = len(by_start)
    if n == 0:
        return
    from openpyxl.chart import BarChart, LineChart, Reference

    arrivals = BarChart()
    arrivals.title = "Arrivals per interval"
    arrivals.add_data(
        Reference(sheet, min_col=2, max_col=1 + len(channels), min_row=1, max_row=n + 1),
        titles_from_data=True,
    )
    arrivals.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=n + 1))
    arrivals.width, arrivals.height = 24, 8
    sheet.add_chart(arrivals, "H2")
    level = LineChart()
    level.title = (
        "Service level, % (target "
        + ", ".join(
            f"{ch} {round(report_target * 100)} %"
            for ch, report_target in report.target_share.items()
        )
        + ")"
    )
    first = 2 + len(channels)
    level.add_data(
        Reference(
            sheet, min_col=first, max_col=first + len(channels) - 1, min_row=1, max_row=n + 1
        ),
        titles_from_data=True,
    )
    level.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=n + 1))
    level.y_axis.scaling.min, level.y_axis.scaling.max = 0, 100
    level.width, level.height = 24, 8
    sheet.add_chart(level, "H20")
    contact_col = first + len(channels)
    one = LineChart()
    one.title = "Handled in one contact, % (target 70 %)"
    one.add_data(
        Reference(
            sheet,
            min_col=contact_col,
            max_col=contact_col + len(channels) - 1,
            min_row=1,
            max_row=n + 1,
        ),
        titles_from_data=True,
    )
    one.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=n + 1))
    one.y_axis.scaling.min, one.y_axis.scaling.max = 0, 100
    one.width, one.height = 24, 8
    sheet.add_chart(one, "H38")
    _heat_map(book, report)


def _heat_map(book: Workbook, report: Report) -> None:
    """Arrivals by weekday and local hour, shaded like the desktop's heat map."""
    from openpyxl.formatting.rule import ColorScaleRule

    sheet = book.create_sheet("Heat map")
    grid = arrivals_by_weekday_hour(report.contacts, report.period.tz)
    sheet.append(["weekday", *(f"{h:02d}" for h in range(24))])
    for name, row in zip(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), grid, strict=True):
        sheet.append([name, *row])
    sheet.conditional_formatting.add(
        "B2:Y8",
        # The stubs leave this factory untyped.
        ColorScaleRule(  # type: ignore[no-untyped-call]
            start_type="min", start_color="FFFFFF", end_type="max", end_color="0B5CAD"
        ),
    )
