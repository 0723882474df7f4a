"""Staffing advice per interval: forecast contacts, staff needed, staff rostered, the gap.

Calls: the fewest agents by Erlang A (``backend/domain/erlang.py``) with the queue's mean
handling time and a patience estimated from the history's abandons.

Chats: a professional holds ``capacity`` chats, goes to Wrap-up after each and sometimes
lets an offer lapse, so no formula fits. Erlang A with ``capacity`` slots per person (the
handling time stretched by the Wrap-up) gives a first guess; the answer is then searched
through the real router (``steady_service_level`` in ``backend/domain/simulation.py``): the
fewest professionals whose simulated service level meets the target at that arrival rate.
Erlang overstates what chat slots give (``bench/staffing.py`` prints how far), so the
simulated need is usually one or two above the first guess at busy hours. The search is
cached per arrival rate rounded to half a chat: a week repeats the same rates.

Patience (exponential, censored by answering): its maximum-likelihood estimate is::

    mean patience = Σ time waited by everyone (answered or not) / number who gave up

Per channel the queues' needs add up; rostered are those on shift for the whole interval
with a skill of the channel's queues. Digi-agent hours = Σ max(0, need - rostered) ×
interval length.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from backend.domain.erlang import StaffingError, staffing
from backend.domain.figures import ContactRecord, Targets
from backend.domain.hours import OpeningHours
from backend.domain.roster import RosterRow
from backend.domain.simulation import Rules, steady_service_level

DEFAULT_RULES = Rules()
MOST_EXTRA = 20  # above the Erlang guess, the simulated search gives up (shown as 1000)


@dataclass(frozen=True)
class QueueModel:
    queue: str
    channel: str
    skill: str
    aht_s: float
    patience_s: float
    target_s: float
    target_share: float
    capacity: int = 1  # chat slots per professional; 1 for calls
    wrap_up_s: float = 0.0  # after each contact (chats: she takes no new one meanwhile)
    rules: Rules = DEFAULT_RULES  # the router's settings, for the simulated chat search


@dataclass(frozen=True)
class AdviceRow:
    start: datetime  # UTC
    end: datetime
    channel: str
    forecast: float
    need: int
    rostered: int

    @property
    def gap(self) -> int:
        return self.rostered - self.need


def estimate(
    contacts: Sequence[ContactRecord], default_aht_s: float, default_patience_s: float = 600
) -> tuple[float, float]:
    """Mean handling time and mean patience from a queue's history (see the docstring)."""
    handles = [c.handle_s for c in contacts if c.handle_s is not None]
    aht = sum(handles) / len(handles) if handles else default_aht_s
    waited = sum(c.wait_s or 0.0 for c in contacts)
    gave_up = sum(1 for c in contacts if c.abandoned)
    patience = waited / gave_up if gave_up and waited > 0 else default_patience_s
    return aht, patience


def need(model: QueueModel, expected: float, interval_s: float) -> int:
    """Professionals one queue needs for ``expected`` arrivals in an interval."""
    if expected < 0.05:
        return 0
    # Forecasts are averages of a few weeks: a tenth of a call (half a chat) changes
    # nothing, and the same figure recurs across a week, so the answers are cached.
    if model.channel == "chat" and model.capacity > 1:
        return _simulated_need(model, max(0.5, round(expected * 2) / 2), interval_s)
    return _need(model, round(expected, 1), interval_s)


@functools.lru_cache(maxsize=4096)
def _simulated_need(model: QueueModel, expected: float, interval_s: float) -> int:
    guess = _need(model, expected, interval_s)
    if guess >= 1000:
        return guess

    def meets(agents: int) -> bool:
        level = steady_service_level(
            channel="chat",
            expected=expected,
            interval_s=interval_s,
            aht_s=model.aht_s,
            patience_s=model.patience_s,
            target=Targets(model.target_s, target_share=model.target_share),
            agents=agents,
            capacity=model.capacity,
            rules=model.rules,
        )
        return level >= model.target_share

    agents = max(1, guess)
    if meets(agents):
        while agents > 1 and meets(agents - 1):
            agents -= 1
        return agents
    for more in range(agents + 1, agents + MOST_EXTRA + 1):
        if meets(more):
            return more
    return 1000


@functools.lru_cache(maxsize=4096)
def _need(model: QueueModel, expected: float, interval_s: float) -> int:
    aht = model.aht_s + (model.wrap_up_s / model.capacity if model.capacity > 1 else 0)
    try:
        slots = staffing(
            calls=expected,
            interval_s=interval_s,
            aht_s=aht,
            target_s=model.target_s,
            target_share=model.target_share,
            patience_s=model.patience_s,
        ).agents
    except StaffingError:
        return 1000
    return math.ceil(slots / model.capacity)


def advise(
    *,
    days: Sequence[date],
    interval_min: int,
    tz: ZoneInfo,
    models: Sequence[QueueModel],
    forecasts: Mapping[str, Mapping[date, Sequence[float]]],  # queue -> day -> per slot
    hours: Mapping[str, OpeningHours],
    roster: Sequence[RosterRow],
) -> list[AdviceRow]:
    rows: list[AdviceRow] = []
    interval_s = interval_min * 60
    channels = sorted({m.channel for m in models}, reverse=True)  # phone, chat
    for day in days:
        for slot in range(24 * 60 // interval_min):
            start_local = datetime.combine(day, time()) + timedelta(minutes=slot * interval_min)
            start_t = start_local.time()
            end_local = start_local + timedelta(minutes=interval_min)
            end_t = end_local.time() if end_local.date() == day else time.max
            for channel in channels:
                mine = [m for m in models if m.channel == channel]
                open_queues = [m for m in mine if _open(hours[m.queue], day, start_t)]
                if not open_queues:
                    continue
                expected = {
                    m.queue: _at(forecasts.get(m.queue, {}).get(day), slot) for m in open_queues
                }
                skills = {m.skill for m in mine}
                rows.append(
                    AdviceRow(
                        start=start_local.replace(tzinfo=tz).astimezone(UTC),
                        end=end_local.replace(tzinfo=tz).astimezone(UTC),
                        channel=channel,
                        forecast=sum(expected.values()),
                        need=sum(need(m, expected[m.queue], interval_s) for m in open_queues),
                        rostered=sum(
                            1 for r in roster if r.skills & skills and r.covers(day, start_t, end_t)
                        ),
                    )
                )
    return rows


def digi_agent_hours(rows: Sequence[AdviceRow]) -> float:
    return sum(max(0, -r.gap) * (r.end - r.start).total_seconds() / 3600 for r in rows)


def _open(hours: OpeningHours, day: date, at: time) -> bool:
    window = hours.window_on(day)
    return window is not None and window.start <= at < window.end


def _at(values: Sequence[float] | None, slot: int) -> float:
    return float(values[slot]) if values is not None and slot < len(values) else 0.0
