"""Past contacts for the demo (and the report benchmark): weeks of chats, calls,
callbacks and staff states with the reference service's weekday × hour profile.

Volumes a month like the reference service: the customer-service line ≈ 757 calls, the
clinic nurse line ≈ 380, family planning ≈ 226, mental health ≈ 350, and about as many
chats as calls. Open weekdays 8–15 (Finnish public holidays closed). Rows carry no client
data: no names, numbers or message text. Every id starts with ``hist-`` so that a rerun
replaces the history it wrote before and nothing else.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from backend.config import ServiceConfig
from backend.demo.seed import DEMO_STAFF
from backend.domain.draws import poisson
from backend.domain.roster import RosterRow
from backend.store.repository import Store
from backend.store.tables import (
    Callback,
    Conversation,
    PhoneCall,
    StaffStateRow,
)
from protocol.messages import Outcome

PREFIX = "hist-"
# Contacts a month per queue (phone lines from the reference service; chats alike).
MONTHLY: Mapping[str, int] = {
    "puh_asiakas": 757,
    "puh_aitiys": 380,
    "puh_lapset": 226,
    "puh_mipa": 350,
    "neuvola": 620,
    "ehkaisy": 230,
    "mipa": 340,
    "perheneuvonta": 300,
}
HOUR_WEIGHT = {8: 1.6, 9: 1.45, 10: 1.2, 11: 1.0, 12: 0.85, 13: 0.9, 14: 0.8}
WEEKDAY_WEIGHT = {0: 1.35, 1: 1.05, 2: 0.95, 3: 0.9, 4: 0.75}
OUTCOME_WEIGHT = {
    Outcome.ONE_CONTACT: 0.68,
    Outcome.APPOINTMENT: 0.12,
    Outcome.CALLBACK: 0.05,
    Outcome.SOCIAL_SERVICES: 0.05,
    Outcome.EMERGENCY: 0.02,
    Outcome.OTHER: 0.08,
}
WORKING_DAYS_A_MONTH = 21.0


@dataclass
class History:
    conversations: list[dict[str, Any]] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    states: list[dict[str, Any]] = field(default_factory=list)

    @property
    def contacts(self) -> int:
        return len(self.conversations) + len(self.calls)


def working_days(first: date, last: date) -> Iterator[date]:
    fi = holidays.country_holidays("FI")
    day = first
    while day <= last:
        if day.weekday() < 5 and day not in fi:
            yield day
        day += timedelta(days=1)


def generate(
    *,
    first: date,
    last: date,
    queues: Mapping[str, str],
    staff: Mapping[str, frozenset[str]],
    skills: Mapping[str, str],
    tz: ZoneInfo,
    scale: float = 1.0,
    seed: int = 7,
) -> History:
    """``queues``: id → channel; ``staff``: username → skills; ``skills``: queue → skill.
    ``scale`` multiplies the volumes (the benchmark's national service)."""
    rng = random.Random(seed)
    out = History()
    hour_total = sum(HOUR_WEIGHT.values())
    weekday_mean = sum(WEEKDAY_WEIGHT.values()) / len(WEEKDAY_WEIGHT)
    n = 0
    for day in working_days(first, last):
        for username in staff:
            _staff_day(out, rng, username, day, tz)
        for queue, channel in queues.items():
            per_day = MONTHLY.get(queue, 200) * scale / WORKING_DAYS_A_MONTH
            handlers = [u for u, s in staff.items() if skills[queue] in s] or list(staff)
            for hour, weight in HOUR_WEIGHT.items():
                mean = per_day * weight / hour_total * WEEKDAY_WEIGHT[day.weekday()]
                mean /= weekday_mean
                for _ in range(poisson(rng, mean)):
                    n += 1
                    arrived = datetime.combine(day, time(hour), tz) + timedelta(
                        seconds=rng.uniform(0, 3600)
                    )
                    _contact(out, rng, n, queue, channel, arrived, handlers, hour, tz)
    return out


def demo_history(config: ServiceConfig, *, first: date, last: date, scale: float = 1.0) -> History:
    """The demo staff's history over ``config``'s queues (the demo database, the reports'
    tests and benchmarks all want the same)."""
    return generate(
        first=first,
        last=last,
        queues={q.id: q.channel for q in config.queues},
        staff={u: frozenset(skills.split(",")) for u, _n, _r, skills in DEMO_STAFF},
        skills={q.id: q.skill for q in config.queues},
        tz=config.tz,
        scale=scale,
    )


def _contact(
    out: History,
    rng: random.Random,
    n: int,
    queue: str,
    channel: str,
    arrived: datetime,
    handlers: list[str],
    hour: int,
    tz: ZoneInfo,
) -> None:
    peak = HOUR_WEIGHT[hour]  # morning peaks wait longer
    mean_wait = (150.0 if channel == "phone" else 55.0) * peak
    patience = rng.expovariate(1 / (900.0 if channel == "phone" else 600.0))
    wait = rng.expovariate(1 / mean_wait)
    cid = f"{PREFIX}{n:08d}"
    arrived_utc = arrived.astimezone(UTC)
    if patience < wait:
        # Gave up; about one in five within seconds (a mis-dial, a changed mind).
        gave_up = rng.uniform(1, 10) if rng.random() < 0.2 else patience
        answered_at = None
        ended = arrived_utc + timedelta(seconds=gave_up)
        who = outcome = None
        abandoned = True
    else:
        answered_at = arrived_utc + timedelta(seconds=wait)
        handle = rng.lognormvariate(math.log(330 if channel == "phone" else 560), 0.5)
        ended = answered_at + timedelta(seconds=handle)
        who = rng.choice(handlers)
        outcome = rng.choices(list(OUTCOME_WEIGHT), list(OUTCOME_WEIGHT.values()))[0].value
        abandoned = False
    if channel == "chat":
        out.conversations.append(
            {
                "id": cid,
                "queue": queue,
                "channel": "chat",
                "state": "closed",
                "client_token_hash": hashlib.sha256(cid.encode()).hexdigest(),
                "client_name": None,
                "client_phone": None,
                "lang": "fi",
                "arrived_at": arrived_utc,
                "answered_at": answered_at,
                "answered_by": who,
                "closed_at": ended,
                "abandoned": abandoned,
                "outcome": outcome,
                "wrap_up": None,
                "last_seq": 0,
            }
        )
        return
    left_callback = abandoned and rng.random() < 0.35
    out.calls.append(
        {
            "id": cid,
            "gateway": "demo-history",
            "caller": None,
            "queue": queue,
            "arrived_at": arrived_utc,
            "queued_at": arrived_utc,
            "answered_at": answered_at,
            "answered_by": who,
            "ended_at": ended,
            "outcome": "callback" if left_callback else "abandoned" if abandoned else "answered",
            "handling_outcome": outcome,
            "wrap_up": None,
        }
    )
    if left_callback:
        local = ended.astimezone(tz)
        due = datetime.combine(local.date(), time(15), tz)
        # All done (an open one from weeks ago would turn today's meter red): nine in ten
        # the same day, the rest the next morning.
        done = (
            ended + timedelta(minutes=rng.uniform(20, 150))
            if rng.random() < 0.9
            else due + timedelta(hours=18)
        )
        out.callbacks.append(
            {
                "queue": queue,
                "number": "",
                "reason": "",
                "priority": "normal",
                "nurse": None,
                "clinic": None,
                "source": "phone",
                "conversation_id": None,
                "created_at": ended,
                "created_by": f"{PREFIX}ivr",
                "due_at": due,
                "state": "done",
                "failed_attempts": 0,
                "done_at": done,
            }
        )


def _staff_day(out: History, rng: random.Random, username: str, day: date, tz: ZoneInfo) -> None:
    def at(hh: int, mm: int, jitter_min: float = 4) -> datetime:
        base = datetime.combine(day, time(hh, mm), tz) + timedelta(
            minutes=rng.uniform(-jitter_min, jitter_min)
        )
        return base.astimezone(UTC)

    lunch = rng.choice([(10, 30), (11, 0), (11, 30)])
    rows = [
        (at(7, 55), "not_ready", "login"),
        (at(8, 0, 2), "ready", ""),
        (at(*lunch, 2), "not_ready", "break"),
        (at(lunch[0], lunch[1] + 29, 2), "ready", ""),
        (at(15, 5, 3), "offline", ""),
    ]
    if rng.random() < 0.3:  # a team meeting some afternoons
        rows += [(at(13, 15), "not_ready", "meeting"), (at(13, 40), "ready", "")]
    rows.sort(key=lambda s: s[0])
    for when, state, reason in rows:
        out.states.append({"username": f"{username}", "at": when, "state": state, "reason": reason})


async def write(store: Store, history: History, chunk: int = 5000) -> None:
    """Replace earlier demo history (ids and log rows it wrote) with this one."""

    def replace(s: Session) -> None:
        s.execute(delete(Conversation).where(Conversation.id.like(f"{PREFIX}%")))
        s.execute(delete(PhoneCall).where(PhoneCall.id.like(f"{PREFIX}%")))
        s.execute(delete(Callback).where(Callback.created_by == f"{PREFIX}ivr"))
        if history.states:
            first = min(r["at"] for r in history.states)
            last = max(r["at"] for r in history.states)
            s.execute(
                delete(StaffStateRow).where(StaffStateRow.at >= first, StaffStateRow.at <= last)
            )
        for table, rows in (
            (Conversation, history.conversations),
            (PhoneCall, history.calls),
            (Callback, history.callbacks),
            (StaffStateRow, history.states),
        ):
            for i in range(0, len(rows), chunk):
                s.execute(insert(table), rows[i : i + chunk])

    await store.transaction(replace)


def demo_roster(
    first: date, days: int, staff: Sequence[tuple[str, str, str, str]]
) -> list[RosterRow]:
    """The six demo professionals on weekdays 8–15, except that the social worker works
    mornings only and the customer-service secretary is away on Fridays: gaps to see."""
    fi = holidays.country_holidays("FI")
    rows = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() > 4 or day in fi:
            continue
        for _username, name, role, skills in staff:
            if role == "secretary" and day.weekday() == 4:
                continue
            end = time(12) if role == "social_worker" else time(15)
            rows.append(RosterRow(name, day, time(8), end, frozenset(skills.split(","))))
    return rows
