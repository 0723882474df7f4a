"""A report as JSON, CSV or XLSX: the same figures the screen shows.

Rows are one per interval and channel, and one per contact (ids, times, queue, channel,
outcome, who: never message text, names or numbers). The JSON is for machines: stable
English keys, local ISO 8601 times with offset, fractions and seconds. The spreadsheet and
the CSV are for the supervisor, in her language (``backend/reports/labels.py``): sheet
names and headings, queue, channel and outcome names, times as spreadsheet date-times in
the service's zone, percentages as percentages, durations as m:ss; the CSV as Excel in
Finland reads it (semicolons, decimal commas, UTF-8 with a byte-order mark).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from backend.domain.figures import Figures, arrivals_by_weekday_hour
from backend.domain.report import Report
from backend.reports.labels import WEEKDAYS, state_word, word
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


def _raw_figures(f: Figures) -> list[Any]:
    return [
        *(getattr(f, name) for name in FIGURE_NAMES),
        *(f.outcomes.get(o, 0) for o in OUTCOMES),
    ]


def raw_intervals(report: Report) -> list[list[Any]]:
    """One row per interval and channel: aware times, fractions, seconds (unformatted)."""
    return [
        [
            r.interval.start,
            r.interval.end,
            r.channel,
            *_raw_figures(r.figures),
            r.staff_ready,
            r.wrap_up_per_contact_s,
        ]
        for r in report.rows
    ]


def raw_contacts(report: Report) -> list[list[Any]]:
    return [
        [
            c.id,
            c.channel,
            c.queue,
            c.arrived,
            c.answered,
            c.ended,
            c.wait_s,
            c.handle_s,
            c.abandoned,
            c.outcome,
            c.handled_by,
            c.transfers,
        ]
        for c in report.contacts
    ]


def raw_callbacks(report: Report) -> list[list[Any]]:
    return [
        [
            r.interval.start,
            r.interval.end,
            r.figures.created,
            r.figures.done_same_day,
            r.figures.done_in_time,
            r.figures.open,
            r.figures.overdue,
        ]
        for r in report.callbacks
    ]


def _json_value(value: Any, report: Report) -> Any:
    if isinstance(value, datetime):
        return _time(value, report)
    return _round(value) if isinstance(value, float) else value


def _for_json(rows: list[list[Any]], report: Report) -> list[list[Any]]:
    return [[_json_value(v, report) for v in row] for row in rows]


def interval_rows(report: Report) -> list[list[Any]]:
    return _for_json(raw_intervals(report), report)


def contact_rows(report: Report) -> list[list[Any]]:
    return _for_json(raw_contacts(report), report)


def callback_rows(report: Report) -> list[list[Any]]:
    return _for_json(raw_callbacks(report), report)


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
    """Machine CSV (RFC 4180): English keys, the JSON's values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()


# --- for people: her language, spreadsheet types --------------------------------------

TIMES = frozenset({"start", "end", "arrived", "answered", "ended"})
PERCENTS = frozenset({"service_level", "one_contact_share"})


def _is_duration(key: str) -> bool:
    return key.endswith("_s")


def title(key: str, lang: str) -> str:
    if key.startswith("outcome_"):
        return word(key, lang)
    if key.endswith("_s") and key not in _KNOWN_SECONDS:
        return state_word(key[:-2], lang)  # a staff state's seconds: "not_ready:break_s"
    return word(key, lang)


_KNOWN_SECONDS = frozenset(
    {
        "wait_mean_s",
        "wait_p90_s",
        "longest_wait_s",
        "handle_mean_s",
        "wrap_up_per_contact_s",
        "wait_s",
        "handle_s",
        "chat_s",
        "call_s",
    }
)


@dataclass(frozen=True)
class ForPeople:
    """How a report reads for her: her language and the queues' names."""

    lang: str = "fi"
    queue_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def queue(self, queue: str) -> str:
        names = self.queue_names.get(queue, {})
        return names.get(self.lang) or names.get("fi") or queue

    def value(self, key: str, value: Any, report: Report) -> Any:
        """A spreadsheet cell's value (its format comes from ``number_format``)."""
        if value is None:
            return None
        if key in TIMES and isinstance(value, datetime):
            return value.astimezone(report.period.tz).replace(tzinfo=None)
        if _is_duration(key):
            return float(value) / 86400
        if key == "channel":
            return word(str(value), self.lang)
        if key == "queue":
            return self.queue(str(value))
        if key == "outcome":
            return word(f"outcome_{value}", self.lang)
        if key == "abandoned" and isinstance(value, bool):  # a contact's; the figure counts
            return word("yes" if value else "no", self.lang)
        return _safe(value)

    def number_format(self, key: str, sample: Any = None) -> str | None:
        """A column's format; ``sample`` is one of its values ("answered" is a count in
        the figures and a time in the contacts: the value tells which)."""
        if key in TIMES and (sample is None or isinstance(sample, datetime)) and key != "answered":
            return "yyyy-mm-dd hh:mm" if self.lang == "en" else "d.m.yyyy h:mm"
        if isinstance(sample, datetime):
            return "yyyy-mm-dd hh:mm" if self.lang == "en" else "d.m.yyyy h:mm"
        if key in PERCENTS:
            return "0%"
        if _is_duration(key):
            return (
                "[h]:mm:ss"
                if key in ("chat_s", "call_s") or key not in _KNOWN_SECONDS
                else "[m]:ss"
            )
        if key == "staff_ready_mean":
            return "0.0"
        return None

    def text(self, key: str, value: Any, report: Report) -> str:
        """A CSV cell as she reads it in a spreadsheet of her language."""
        if value is None:
            return ""
        comma = self.lang != "en"
        if key in TIMES and isinstance(value, datetime):
            at = value.astimezone(report.period.tz)
            return (
                f"{at:%Y-%m-%d %H:%M}" if not comma else f"{at.day}.{at.month}.{at.year} {at:%H:%M}"
            )
        if key in PERCENTS:
            return f"{round(float(value) * 100)} %"
        if _is_duration(key):
            seconds = round(float(value))
            hours, rest = divmod(seconds, 3600)
            return (
                f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
                if hours
                else f"{rest // 60}:{rest % 60:02d}"
            )
        if isinstance(value, float):
            text = f"{value:.2f}"
            return text.replace(".", ",") if comma else text
        shown = self.value(key, value, report)
        return "" if shown is None else str(shown)

    def csv(self, keys: Sequence[str], rows: Iterable[Sequence[Any]], report: Report) -> str:
        out = io.StringIO()
        # Excel in Finland and Sweden splits on semicolons; the mark tells it UTF-8.
        writer = csv.writer(out, delimiter="," if self.lang == "en" else ";", lineterminator="\r\n")
        writer.writerow([title(k, self.lang) for k in keys])
        for row in rows:
            writer.writerow([self.text(k, v, report) for k, v in zip(keys, row, strict=True)])
        return "\ufeff" + out.getvalue()


def write_csv(report: Report, path: Path, people: ForPeople | None = None) -> list[Path]:
    """The intervals to ``path``, the contacts beside it (``NAME-contacts.csv``)."""
    people = people or ForPeople()
    contacts = path.with_name(f"{path.stem}-contacts{path.suffix or '.csv'}")
    path.write_text(people.csv(INTERVAL_HEADER, raw_intervals(report), report), "utf-8")
    contacts.write_text(people.csv(CONTACT_HEADER, raw_contacts(report), report), "utf-8")
    return [path, contacts]


def _sheet(
    book: Workbook,
    name: str,
    keys: Sequence[str],
    rows: Iterable[Sequence[Any]],
    report: Report,
    people: ForPeople,
) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    sheet.append([title(k, people.lang) for k in keys])
    rows = list(rows)
    for row in rows:
        sheet.append([people.value(k, v, report) for k, v in zip(keys, row, strict=True)])
    for column, key in enumerate(keys, start=1):
        sample = next((row[column - 1] for row in rows if row[column - 1] is not None), None)
        fmt = people.number_format(key, sample)
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(10, min(32, len(title(key, people.lang)) + 2))
        if fmt is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = fmt
    sheet.freeze_panes = "A2"


def write_xlsx(report: Report, path: Path, people: ForPeople | None = None) -> None:
    people = people or ForPeople()
    lang = people.lang
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = word("sheet_summary", lang)
    summary.append([word("from", lang), report.period.first])
    summary.append([word("to", lang), report.period.last])
    summary.append([word("interval", lang), word(f"grain_{report.period.grain.value}", lang)])
    queues = ", ".join(people.queue(q) for q in report.queues) or word("all_queues", lang)
    summary.append([word("queues", lang), queues])
    short = word("short_count" if report.count_short_abandons else "short_left_out", lang)
    summary.append([word("formula", lang), word("formula_text", lang).format(short=short)])
    for row in (1, 2):
        summary.cell(row=row, column=2).number_format = "yyyy-mm-dd" if lang == "en" else "d.m.yyyy"
    summary.append([])
    keys = ["channel", *FIGURE_COLUMNS]
    summary.append([title(k, lang) for k in keys])
    for ch, f in report.totals.items():
        summary.append(
            [people.value(k, v, report) for k, v in zip(keys, [ch, *_raw_figures(f)], strict=True)]
        )
        for column, key in enumerate(keys, start=1):
            fmt = people.number_format(key)
            if fmt is not None:
                summary.cell(row=summary.max_row, column=column).number_format = fmt
    summary.column_dimensions["A"].width = 18
    sheets: list[tuple[str, Sequence[str], list[list[Any]]]] = [
        (word("sheet_intervals", lang), INTERVAL_HEADER, raw_intervals(report)),
        (word("sheet_callbacks", lang), CALLBACK_HEADER, raw_callbacks(report)),
        (word("sheet_contacts", lang), CONTACT_HEADER, raw_contacts(report)),
    ]
    if report.staff is not None:
        sheets.append((word("sheet_staff", lang), staff_header(report), staff_rows(report)))
    _charts(book, report, people)
    for name, header, rows in sheets:
        _sheet(book, name, header, rows, report, people)
    book.save(path)


def _charts(book: Workbook, report: Report, people: ForPeople) -> None:
    """A sheet of its own: per interval, arrivals and staff Ready, and the service level
    against its target, as spreadsheet charts over a small table beside them."""
    lang = people.lang
    sheet = book.create_sheet(word("sheet_charts", lang))
    channels = list(report.channels)
    sheet.append(
        [
            word("start", lang),
            *(f"{word('offered', lang)}: {word(ch, lang)}" for ch in channels),
            *(f"{word('service_level', lang)} %: {word(ch, lang)}" for ch in channels),
            *(f"{word('one_contact_share', lang)} %: {word(ch, lang)}" for ch in channels),
            word("staff_ready_mean", lang),
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
                people.value("start", start, report),
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
    arrivals.title = word("chart_arrivals", lang)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
        cell.number_format = people.number_format("start") or "General"
    arrivals.add_data(
        Reference(sheet, min_col=2, max_col=1 + len(channels), min_row=1, max_row=n + 1),
        titles_from_data=True,
    )
    arrivals.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=n + 1))
    arrivals.width, arrivals.height = 24, 8
    sheet.add_chart(arrivals, "H2")
    level = LineChart()
    level.title = word("chart_service_level", lang).format(
        target=", ".join(
            f"{word(ch, lang)} {round(report_target * 100)} %"
            for ch, report_target in report.target_share.items()
        )
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
    one.title = word("chart_one_contact", lang)
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
    _heat_map(book, report, lang)


def _heat_map(book: Workbook, report: Report, lang: str) -> None:
    """Arrivals by weekday and local hour, shaded like the desktop's heat map."""
    from openpyxl.formatting.rule import ColorScaleRule

    sheet = book.create_sheet(word("sheet_heat_map", lang))
    grid = arrivals_by_weekday_hour(report.contacts, report.period.tz)
    sheet.append([word("weekday", lang), *(f"{h:02d}" for h in range(24))])
    for name, row in zip(WEEKDAYS.get(lang, WEEKDAYS["fi"]), grid, strict=True):
        sheet.append([name, *row])
    sheet.conditional_formatting.add(
        "B2:Y8",
        # The stubs leave this factory untyped.
        ColorScaleRule(  # type: ignore[no-untyped-call]
            start_type="min", start_color="FFFFFF", end_type="max", end_color="0B5CAD"
        ),
    )
