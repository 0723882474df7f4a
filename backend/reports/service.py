"""Build a report from the database for a date range and some queues."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from datetime import date, datetime

from backend.config import ServiceConfig
from backend.domain.figures import Grain, next_period, period_start
from backend.domain.report import Period, Report, build
from backend.store.reports import ReportStore
from backend.store.repository import Store


class ReportError(ValueError):
    """A request the report cannot answer (unknown queue, reversed dates); the message
    says what to change."""


async def make_report(
    store: Store,
    config: ServiceConfig,
    *,
    first: date,
    last: date,
    grain: Grain,
    queues: Sequence[str] = (),
    now: datetime,
    per_person: bool = True,
) -> Report:
    """``queues`` empty: every queue. Per-person figures only when both the caller may see
    them (``per_person``) and the service has not turned them off."""
    if last < first:
        raise ReportError(f"the range ends ({last}) before it starts ({first})")
    if (last - first).days > 3 * 366:
        raise ReportError("a report covers at most three years")
    known = {q.id: q.channel for q in config.queues}
    unknown = [q for q in queues if q not in known]
    if unknown:
        raise ReportError(f"unknown queue(s) {unknown}; the queues are {sorted(known)}")
    chosen = {q: known[q] for q in (queues or known)}
    tz = config.tz
    # Whole weeks and months: the first and last intervals are complete periods.
    period = Period(first, last, grain, tz)
    start = datetime.combine(period_start(first, grain), datetime.min.time(), tz)
    end = datetime.combine(next_period(period_start(last, grain), grain), datetime.min.time(), tz)
    reports = ReportStore(store)
    contacts = await reports.contacts(start, end, list(chosen))
    callbacks = await reports.callbacks(start, end, list(chosen))
    changes = await reports.state_changes(start, end)
    # In a thread: a national month takes seconds to compute and the hub's tick (offers,
    # the meter) must not wait for it.
    return await asyncio.to_thread(
        functools.partial(
            build,
            period=period,
            queue_channels=chosen,
            hours={q: config.opening_hours(q) for q in chosen},
            targets=config.targets(),
            contacts=contacts,
            callbacks=callbacks,
            state_changes=changes,
            now=now,
            count_short_abandons=config.reports.count_short_abandons,
            per_person=per_person and config.reports.per_person,
        )
    )
