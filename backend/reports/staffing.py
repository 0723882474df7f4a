"""Staffing advice from the database: the forecast from the stored history, the need per
interval, the roster, the gap (``backend/domain/advice.py`` decides; this reads)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from backend.config import ServiceConfig
from backend.domain.advice import AdviceRow, QueueModel, advise, digi_agent_hours, estimate
from backend.domain.forecast import backtest, daily_counts, seasonal_average
from backend.domain.roster import RosterRow, parse
from backend.domain.simulation import Rules
from backend.store.reports import ReportStore
from backend.store.repository import Store

HISTORY_WEEKS = 8
FORECAST_WEEKS = 6  # the seasonal average's window (backend/domain/forecast.py)
METHOD = "seasonal average of the last 6 open same weekdays; WAPE by backtest on 2 weeks"


@dataclass(frozen=True)
class StaffingAdvice:
    rows: list[AdviceRow]
    wape: dict[str, float | None]  # by queue
    digi_agent_hours: float
    models: list[QueueModel]
    forecasts: dict[str, dict[date, list[float]]]
    roster: list[RosterRow]


def router_rules(config: ServiceConfig) -> Rules:
    """The service file's routing settings, for a simulated day or interval."""
    return Rules(
        offer_timeout_s=config.routing.offer_timeout_s,
        missed_offer_sets_not_ready=config.routing.missed_offer_sets_not_ready,
        missed_cooldown_s=config.routing.missed_cooldown_s,
        wrap_up_max_s=config.routing.wrap_up_max_s,
    )


async def make_advice(
    store: Store, config: ServiceConfig, first: date, days: int, interval_min: int
) -> StaffingAdvice:
    tz = config.tz
    reports = ReportStore(store)
    history_first = first - timedelta(weeks=HISTORY_WEEKS)
    start = datetime.combine(history_first, time(), tz)
    end = datetime.combine(first, time(), tz)
    queues = [q.id for q in config.queues]
    contacts = await reports.contacts(start, end, queues)
    target_days = [first + timedelta(days=i) for i in range(days)]
    roster = await reports.roster(first, target_days[-1])

    hours = {q.id: config.opening_hours(q.id) for q in config.queues}

    rules = router_rules(config)

    def compute() -> StaffingAdvice:
        models: list[QueueModel] = []
        forecasts: dict[str, dict[date, list[float]]] = {}
        errors: dict[str, float | None] = {}
        for q in config.queues:
            mine = [c for c in contacts if c.queue == q.id]
            meter = config.meter[q.channel]
            aht, patience = estimate(mine, meter.default_handle_s)
            chat = q.channel == "chat"
            models.append(
                QueueModel(
                    queue=q.id,
                    channel=q.channel,
                    skill=q.skill,
                    aht_s=aht,
                    patience_s=patience,
                    target_s=meter.target_s,
                    target_share=meter.target_share,
                    capacity=config.routing.default_chat_capacity if chat else 1,
                    # Half the Wrap-up limit: most press Ready before it ends.
                    wrap_up_s=config.routing.wrap_up_max_s / 2 if chat else 0.0,
                    rules=rules,
                )
            )
            history = daily_counts(
                (c.arrived for c in mine),
                hours[q.id],
                history_first,
                first - timedelta(days=1),
                interval_min,
            )
            errors[q.id] = backtest(history, holdout_weeks=2, weeks=FORECAST_WEEKS)
            forecasts[q.id] = {}
            for day in target_days:
                guess = seasonal_average(history, day, FORECAST_WEEKS)
                if guess is not None and hours[q.id].window_on(day) is not None:
                    forecasts[q.id][day] = guess
        rows = advise(
            days=target_days,
            interval_min=interval_min,
            tz=tz,
            models=models,
            forecasts=forecasts,
            hours=hours,
            roster=roster,
        )
        return StaffingAdvice(rows, errors, digi_agent_hours(rows), models, forecasts, roster)

    return await asyncio.to_thread(compute)


async def import_roster(
    store: Store, config: ServiceConfig, text: str, by: str
) -> tuple[int, list[str]]:
    """Parse and store a roster CSV; returns the shifts kept and the problems found."""
    users = await store.active_users()
    role_skills: dict[str, set[str]] = {}
    for user in users:
        role_skills.setdefault(user.role, set()).update(s for s in user.skills.split(",") if s)
    known = {q.skill for q in config.queues}
    rows, errors = parse(text, known, role_skills)
    if rows:
        await ReportStore(store).replace_roster(rows, by, datetime.now(UTC))
    return len(rows), errors
