"""A day simulated (``python -m backend simulate``): the forecast for that day run through
the real router with the roster, handling times and patience from the history."""

from __future__ import annotations

import asyncio
import functools
from datetime import date, datetime, time, timedelta
from typing import Any

from backend.config import ServiceConfig
from backend.domain.roster import RosterRow, parse
from backend.domain.simulation import DayResult, QueueDemand, Shift, simulate
from backend.reports.staffing import make_advice, router_rules
from backend.store.repository import Store

INTERVAL_MIN = 30
SLOTS = 24 * 60 // INTERVAL_MIN


class SimulateError(ValueError):
    """Nothing to simulate (no history, no roster); the message says what to give."""


async def run_day(
    store: Store, config: ServiceConfig, day: date, roster_text: str | None, seed: int
) -> dict[str, Any]:
    advice = await make_advice(store, config, day, 1, INTERVAL_MIN)
    if roster_text is not None:
        users = await store.active_users()
        roles: dict[str, set[str]] = {}
        for user in users:
            roles.setdefault(user.role, set()).update(s for s in user.skills.split(",") if s)
        rows, errors = parse(roster_text, {q.skill for q in config.queues}, roles)
        if errors:
            raise SimulateError("roster: " + "; ".join(errors[:5]))
        roster = [r for r in rows if r.day == day]
    else:
        roster = [r for r in advice.roster if r.day == day]
    todays = [per_day[day] for per_day in advice.forecasts.values() if day in per_day]
    slots = [i for i in range(SLOTS) if any(f[i] > 0 for f in todays)]
    if not slots:
        raise SimulateError(f"date: no history to forecast {day} from (run demo-history?)")
    first_slot, last_slot = slots[0], slots[-1]
    opens = time(first_slot * INTERVAL_MIN // 60, first_slot * INTERVAL_MIN % 60)
    closes_min = (last_slot + 1) * INTERVAL_MIN
    closes = time.max if closes_min >= 24 * 60 else time(closes_min // 60, closes_min % 60)
    note = ""
    if not roster:
        # Everyone on the staff list for the hours contacts come in: what "all hands"
        # would give. Said in the output, so it is never mistaken for a real roster.
        users = await store.active_users()
        roster = [
            RosterRow(u.display_name, day, opens, closes, frozenset(u.skills.split(",")))
            for u in users
            if u.skills
        ]
        note = f"no roster for {day}: everyone on the staff list, {opens:%H:%M}–{closes:%H:%M}"
    if not roster:
        raise SimulateError("roster: nobody to simulate; import a roster or give --roster FILE")
    tz = config.tz
    day_start = datetime.combine(day, time(), tz) + timedelta(minutes=first_slot * INTERVAL_MIN)
    demand = []
    for model in advice.models:
        per_slot = advice.forecasts.get(model.queue, {}).get(day)
        if per_slot is None:
            continue
        demand.append(
            QueueDemand(
                queue=model.queue,
                channel="phone" if model.channel == "phone" else "chat",
                skill=model.skill,
                arrivals=[per_slot[i] for i in range(first_slot, last_slot + 1)],
                aht_s=model.aht_s,
                patience_s=model.patience_s,
            )
        )

    def seconds(at: time) -> float:
        local = datetime.combine(day, at, tz)
        return max(0.0, (local - day_start).total_seconds())

    shifts = [
        Shift(
            username=f"{r.name}#{i}",
            skills=r.skills,
            start_s=seconds(r.start),
            end_s=seconds(r.end),
            chat_capacity=config.routing.default_chat_capacity,
        )
        for i, r in enumerate(roster)
    ]
    rules = router_rules(config)
    result = await asyncio.to_thread(
        functools.partial(
            simulate,
            day_start=day_start,
            interval_s=INTERVAL_MIN * 60,
            demand=demand,
            shifts=shifts,
            targets=config.targets(),
            rules=rules,
            seed=seed,
        )
    )
    return summarise(result, config, day, day_start, len(roster), note)


def summarise(
    result: DayResult,
    config: ServiceConfig,
    day: date,
    day_start: datetime,
    people: int,
    note: str,
) -> dict[str, Any]:
    targets = config.targets()
    tz = config.tz

    def share(f: Any) -> float | None:
        return None if f.offered == 0 else (f.abandoned + f.short_abandoned) / f.offered

    channels: dict[str, Any] = {}
    breaks: list[dict[str, Any]] = []
    for channel, f in result.channels.items():
        channels[channel] = {
            "offered": f.offered,
            "service_level": f.service_level,
            "asa_s": f.wait_mean_s,
            "abandoned_share": share(f),
            "target_s": targets[channel].target_s,
            "target_share": targets[channel].target_share,
        }
        for i, g in enumerate(result.by_interval[channel]):
            if g.service_level is not None and g.service_level < targets[channel].target_share:
                start = (day_start + timedelta(minutes=i * INTERVAL_MIN)).astimezone(tz)
                breaks.append(
                    {
                        "start": start.strftime("%H:%M"),
                        "end": (start + timedelta(minutes=INTERVAL_MIN)).strftime("%H:%M"),
                        "channel": channel,
                        "service_level": g.service_level,
                    }
                )
    queues = {
        q.queue: {
            "channel": q.channel,
            "offered": q.figures.offered,
            "service_level": q.figures.service_level,
            "asa_s": q.figures.wait_mean_s,
            "abandoned_share": share(q.figures),
        }
        for q in result.queues
    }
    holds = (
        all(
            c["service_level"] is None or c["service_level"] >= c["target_share"]
            for c in channels.values()
        )
        and result.callbacks_left == 0
    )
    body: dict[str, Any] = {
        "date": day.isoformat(),
        "people": people,
        "note": note,
        "channels": channels,
        "queues": queues,
        "occupancy": result.occupancy,
        "callbacks_created": result.callbacks_created,
        "callbacks_left": result.callbacks_left,
        "promise_holds": holds,
        "breaks": breaks,
    }
    body["text"] = _text(body)
    return body


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _text(body: dict[str, Any]) -> str:
    lines = [f"{body['date']}: {body['people']} people on the roster"]
    if body["note"]:
        lines.append(f"  ({body['note']})")
    for channel, c in body["channels"].items():
        asa = "–" if c["asa_s"] is None else f"{c['asa_s']:.0f} s"
        lines.append(
            f"  {channel:6} {c['offered']:4} contacts, service level {_pct(c['service_level'])}"
            f" within {c['target_s']} s (target {_pct(c['target_share'])}), ASA {asa},"
            f" gave up {_pct(c['abandoned_share'])}"
        )
    for queue, q in body["queues"].items():
        lines.append(
            f"    {queue:14} {q['offered']:4} contacts, service level {_pct(q['service_level'])},"
            f" gave up {_pct(q['abandoned_share'])}"
        )
    lines.append(f"  occupancy {_pct(body['occupancy'])}")
    lines.append(
        f"  callbacks: {body['callbacks_created']} left by callers, "
        f"{body['callbacks_left']} still open at closing"
    )
    lines.append("  the promise " + ("HOLDS" if body["promise_holds"] else "BREAKS"))
    for b in body["breaks"]:
        lines.append(f"    {b['start']}–{b['end']} {b['channel']}: {_pct(b['service_level'])}")
    return "\n".join(lines)
