"""A report over a date range: figures per interval and channel, callbacks, staff time.

Pure: the stored records come in, the report goes out; every figure is computed by
``backend/domain/figures.py`` (contacts) or ``backend/domain/callbacks.py`` (callbacks),
so the screen, the export and the meter never disagree.

An interval appears when any chosen queue was open during it or when contacts arrived in
it (a chat left while closed is still counted); a closed interval is never a row of zero
service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from backend.domain.callbacks import CallbackFacts, DayFigures, tally
from backend.domain.figures import (
    ContactRecord,
    Figures,
    Grain,
    Interval,
    StateChange,
    Targets,
    bucket,
    figures,
    intervals,
    is_open_during,
    ready_per_interval,
    seconds_in_state,
    state_seconds,
)
from backend.domain.hours import OpeningHours

CHANNELS = ("phone", "chat")


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    grain: Grain
    tz: ZoneInfo


@dataclass(frozen=True)
class IntervalRow:
    interval: Interval
    channel: str
    figures: Figures
    staff_ready: float | None = None  # mean staff Ready (all queues), None without the log
    wrap_up_per_contact_s: float | None = None  # all channels: see figures.py


@dataclass(frozen=True)
class CallbackRow:
    interval: Interval
    figures: DayFigures


@dataclass(frozen=True)
class StaffRow:
    """One person's time in the range; states keyed ``ready``, ``not_ready:lunch``, …"""

    username: str
    seconds: Mapping[str, float]
    contacts_handled: int
    chat_s: float
    call_s: float


@dataclass(frozen=True)
class Report:
    period: Period
    queues: tuple[str, ...]
    channels: tuple[str, ...]
    rows: tuple[IntervalRow, ...]
    totals: Mapping[str, Figures]  # by channel, over the whole range
    callbacks: tuple[CallbackRow, ...]
    callback_totals: DayFigures
    staff: tuple[StaffRow, ...] | None  # None: per-person figures not asked for, or off
    contacts: tuple[ContactRecord, ...] = field(repr=False)
    count_short_abandons: bool = False
    target_share: Mapping[str, float] = field(default_factory=dict)  # by channel


def build(
    *,
    period: Period,
    queue_channels: Mapping[str, str],
    hours: Mapping[str, OpeningHours],
    targets: Mapping[str, Targets],
    contacts: Sequence[ContactRecord],
    callbacks: Sequence[CallbackFacts],
    state_changes: Sequence[StateChange],
    now: datetime,
    count_short_abandons: bool = False,
    per_person: bool = False,
) -> Report:
    """``queue_channels``: the chosen queues and their channels; ``contacts`` and
    ``callbacks`` of those queues in the range; ``per_person`` adds each person's time."""
    channels = tuple(c for c in CHANNELS if c in set(queue_channels.values()))
    contacts = [c for c in contacts if c.queue in queue_channels]
    spans = intervals(period.first, period.last, period.grain, period.tz)
    # One pass puts every contact in its interval; channels, Wrap-up per contact and the
    # range's totals all read from it.
    by_span = bucket(contacts, spans, lambda c: c.arrived)
    ready = ready_per_interval(state_changes, spans, now)
    wrap_up = seconds_in_state(state_changes, spans, "wrap_up", now)
    answered = [sum(1 for c in b if c.answered is not None) for b in by_span]
    rows: list[IntervalRow] = []
    for channel in channels:
        queue_hours = [hours[q] for q, ch in queue_channels.items() if ch == channel]
        for i, span in enumerate(spans):
            in_span = [c for c in by_span[i] if c.channel == channel]
            if in_span or any(is_open_during(span, h) for h in queue_hours):
                rows.append(
                    IntervalRow(
                        span,
                        channel,
                        figures(in_span, targets, count_short_abandons),
                        ready[i] if state_changes else None,
                        wrap_up[i] / answered[i] if answered[i] else None,
                    )
                )
    rows.sort(key=lambda r: (r.interval.start, CHANNELS.index(r.channel)))
    whole = Interval(spans[0].start, spans[-1].end) if spans else None
    in_range = [c for b in by_span for c in b]
    totals = {
        ch: figures([c for c in in_range if c.channel == ch], targets, count_short_abandons)
        for ch in channels
    }
    chosen_callbacks = [cb for cb in callbacks if cb.queue in queue_channels]
    callback_rows = tuple(
        CallbackRow(span, tally(cbs, now, period.tz))
        for span, cbs in zip(
            spans, bucket(chosen_callbacks, spans, lambda cb: cb.created), strict=True
        )
        if cbs
    )
    in_range_cbs = [cb for cb in chosen_callbacks if whole is not None and cb.created in whole]
    staff = None
    if per_person and whole is not None:
        staff = _staff_rows(state_changes, in_range, whole, now)
    return Report(
        period=period,
        queues=tuple(queue_channels),
        channels=channels,
        rows=tuple(rows),
        totals=totals,
        callbacks=callback_rows,
        callback_totals=tally(in_range_cbs, now, period.tz),
        staff=staff,
        contacts=tuple(sorted(in_range, key=lambda c: c.arrived)),
        count_short_abandons=count_short_abandons,
        target_share={ch: targets[ch].target_share for ch in channels if ch in targets},
    )


def _staff_rows(
    changes: Sequence[StateChange],
    contacts: Sequence[ContactRecord],
    whole: Interval,
    now: datetime,
) -> tuple[StaffRow, ...]:
    # Today's report counts a state still going on until now, not to midnight.
    seconds = state_seconds(changes, whole.start, max(whole.start, min(whole.end, now)))
    handled: dict[str, int] = {}
    busy: dict[tuple[str, str], float] = {}
    for c in contacts:
        if c.handled_by is None:
            continue
        handled[c.handled_by] = handled.get(c.handled_by, 0) + 1
        if c.handle_s is not None:
            key = (c.handled_by, c.channel)
            busy[key] = busy.get(key, 0.0) + c.handle_s
    people = sorted(set(seconds) | set(handled))
    return tuple(
        StaffRow(
            username=p,
            seconds=dict(sorted(seconds.get(p, {}).items())),
            contacts_handled=handled.get(p, 0),
            chat_s=busy.get((p, "chat"), 0.0),
            call_s=busy.get((p, "phone"), 0.0),
        )
        for p in people
    )
