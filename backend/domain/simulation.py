"""A working day simulated through the real router (``backend/domain/routing.py``).

Chats are not calls: a professional holds up to ``chat_capacity`` chats at once, goes to
Wrap-up after each, gets no call while she holds chats (the channel rule) and is set Not
ready when she lets an offer lapse. No formula captures all that, so staffing for chats
comes from running the router itself: SimPy drives the clock, the router decides every
offer exactly as the backend's hub does (a routing step each second, as the hub's tick).

What is drawn (seeded, so a run can be repeated):

* arrivals: Poisson per interval, the rate from the forecast (or a given profile);
* handling time: exponential around the queue's mean (the history's);
* patience: exponential around the queue's mean (estimated from the history's abandons);
* her reaction to an offer: accepted after 2–8 s, or missed (``miss_share``): then the
  router's missed-offer rule applies and she is Ready again after a minute;
* wrap-up: 20 s up to the router's ``wrap_up_max_s``;
* callbacks: a share of callers who give up leave a callback, done by whoever is Ready,
  free and has nobody waiting; the ones not done by closing are what is left.

Figures are computed by ``backend/domain/figures.py``, as for real days.
"""

from __future__ import annotations

import math
import random
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import simpy

from backend.domain.draws import poisson
from backend.domain.figures import ContactRecord, Figures, Targets, figures
from backend.domain.routing import Agent, Channel, Contact, Router, RoutingError
from protocol.messages import StaffStatus


@dataclass(frozen=True)
class QueueDemand:
    queue: str
    channel: Channel
    skill: str
    arrivals: Sequence[float]  # expected arrivals in each interval from the day's start
    aht_s: float
    patience_s: float


@dataclass(frozen=True)
class Shift:
    username: str
    skills: frozenset[str]
    start_s: float  # seconds from the day's start
    end_s: float
    chat_capacity: int = 2


@dataclass(frozen=True)
class Rules:
    """The router's settings (the service file's [routing]) and her behaviour."""

    offer_timeout_s: float = 30
    missed_offer_sets_not_ready: bool = True
    missed_cooldown_s: float = 60
    wrap_up_max_s: float = 120
    miss_share: float = 0.02
    back_after_miss_s: float = 60
    accept_delay_s: tuple[float, float] = (2, 8)
    wrap_up_min_s: float = 20
    callback_share: float = 0.35  # of callers who give up


@dataclass
class QueueResult:
    queue: str
    channel: str
    figures: Figures
    by_interval: list[Figures]


@dataclass
class DayResult:
    queues: list[QueueResult]
    channels: dict[str, Figures]
    by_interval: dict[str, list[Figures]]  # per channel
    occupancy: float  # busy / staffed time of everyone
    callbacks_created: int
    callbacks_left: int
    contacts: list[ContactRecord] = field(repr=False, default_factory=list)


def simulate(
    *,
    day_start: datetime,
    interval_s: float,
    demand: Sequence[QueueDemand],
    shifts: Sequence[Shift],
    targets: dict[str, Targets],
    rules: Rules = Rules(),
    seed: int = 1,
) -> DayResult:
    rng = random.Random(seed)
    env = simpy.Environment()
    router = Router(
        {d.queue: d.skill for d in demand},
        offer_timeout_s=rules.offer_timeout_s,
        missed_offer_sets_not_ready=rules.missed_offer_sets_not_ready,
        missed_cooldown_s=rules.missed_cooldown_s,
        language_wait_s=0,
        wrap_up_max_s=rules.wrap_up_max_s,
    )
    by_queue = {d.queue: d for d in demand}

    def now() -> datetime:
        return day_start + timedelta(seconds=env.now)

    arrived: dict[str, tuple[str, datetime]] = {}  # id -> (queue, arrival)
    answered: dict[str, tuple[datetime, str]] = {}
    ended: dict[str, datetime] = {}
    abandoned: set[str] = set()
    busy_s = [0.0]
    staffed_s = sum(s.end_s - s.start_s for s in shifts)
    callbacks: list[str] = []
    callbacks_done = [0]
    deciding: set[str] = set()  # offers she is looking at
    # The hub ticks every second; a tick with no offer open and no callback left decides
    # nothing new, so the ticker sleeps until someone arrives, leaves or becomes able (a
    # day then costs what happens in it, not 25,200 ticks).
    wake = [env.event()]

    def poke() -> None:
        if not wake[0].triggered:
            wake[0].succeed()

    for shift in shifts:
        router.add_agent(
            Agent(
                username=shift.username,
                skills=shift.skills,
                chat_capacity=shift.chat_capacity,
            )
        )

    def shift_process(shift: Shift) -> Generator[simpy.Event, Any, None]:
        yield env.timeout(shift.start_s)
        router.set_status(shift.username, StaffStatus.READY, now())
        poke()
        yield env.timeout(shift.end_s - shift.start_s)
        for cid in router.set_status(shift.username, StaffStatus.OFFLINE, now()):
            deciding.discard(cid)
        poke()

    def arrivals(d: QueueDemand) -> Generator[simpy.Event, Any, None]:
        n = 0
        for i, expected in enumerate(d.arrivals):
            count = poisson(rng, expected)
            times = sorted(rng.uniform(0, interval_s) for _ in range(count))
            base = i * interval_s
            for t in times:
                yield env.timeout(max(0.0, base + t - env.now))
                n += 1
                cid = f"{d.queue}-{n}"
                arrived[cid] = (d.queue, now())
                router.enqueue(Contact(cid, d.queue, d.channel, now()))
                poke()
                env.process(patience(cid, rng.expovariate(1 / d.patience_s)))

    def patience(cid: str, wait_s: float) -> Generator[simpy.Event, Any, None]:
        yield env.timeout(wait_s)
        if cid in answered or cid in ended:
            return
        contact = router.remove(cid)
        if contact is None:
            return
        if contact.offered_to is not None:
            deciding.discard(cid)
            poke()
        abandoned.add(cid)
        ended[cid] = now()
        if by_queue[arrived[cid][0]].channel == "phone" and rng.random() < rules.callback_share:
            callbacks.append(cid)

    def offer(cid: str, username: str) -> Generator[simpy.Event, Any, None]:
        deciding.add(cid)
        if rng.random() < rules.miss_share:
            return  # she does not react: the router's offer timeout takes it back
        yield env.timeout(rng.uniform(*rules.accept_delay_s))
        if cid not in deciding:
            return  # withdrawn, or the client left
        deciding.discard(cid)
        try:
            router.accept(cid, username, now())
        except RoutingError:
            return
        d = by_queue[arrived[cid][0]]
        answered[cid] = (now(), username)
        if d.channel == "phone":
            router.set_on_call(username, True, now())
        env.process(handle(cid, username, d))

    def handle(cid: str, username: str, d: QueueDemand) -> Generator[simpy.Event, Any, None]:
        agent = router.agents[username]
        duration = rng.expovariate(1 / d.aht_s)
        # Occupancy counts a chat as one of her slots, a call as all of her.
        busy_s[0] += duration if d.channel == "phone" else duration / agent.chat_capacity
        yield env.timeout(duration)
        ended[cid] = now()
        router.release(cid, username, now())
        if d.channel == "phone":
            router.set_on_call(username, False, now())
        poke()
        # As the hub: Wrap-up after every chat, after a call when nothing else is in hand.
        wraps = d.channel == "chat" or agent.load == 0
        if wraps and rules.wrap_up_max_s > 0 and agent.status is StaffStatus.READY:
            router.set_status(username, StaffStatus.WRAP_UP, now())
            env.process(wrap_up(username))

    def wrap_up(username: str) -> Generator[simpy.Event, Any, None]:
        low = min(rules.wrap_up_min_s, rules.wrap_up_max_s)
        yield env.timeout(rng.uniform(low, rules.wrap_up_max_s))
        if router.agents[username].status is StaffStatus.WRAP_UP:
            router.set_status(username, StaffStatus.READY, now())
            poke()

    def back_after_miss(username: str) -> Generator[simpy.Event, Any, None]:
        yield env.timeout(rules.back_after_miss_s)
        agent = router.agents[username]
        if agent.status is StaffStatus.NOT_READY:
            router.set_status(username, StaffStatus.READY, now())
            poke()

    def callback(username: str, aht_s: float) -> Generator[simpy.Event, Any, None]:
        router.set_on_call(username, True, now())
        duration = rng.expovariate(1 / aht_s)
        busy_s[0] += duration
        yield env.timeout(duration)
        callbacks_done[0] += 1
        router.set_on_call(username, False, now())
        poke()

    def ticker(until_s: float) -> Generator[simpy.Event, Any, None]:
        phone_aht = next((d.aht_s for d in demand if d.channel == "phone"), 300.0)
        while env.now < until_s:
            at = now()
            for lapse in router.expire_offers(at):
                deciding.discard(lapse.contact_id)
                if lapse.set_not_ready:
                    env.process(back_after_miss(lapse.username))
            router.end_wrap_ups(at)
            for o in router.route(at):
                env.process(offer(o.contact_id, o.username))
            # Callbacks: whoever is Ready, free and sees nobody waiting for her skills.
            if callbacks and not router.waiting():
                for agent in router.agents.values():
                    if not callbacks:
                        break
                    if agent.status is StaffStatus.READY and agent.load == 0 and not agent.on_call:
                        callbacks.pop(0)
                        env.process(callback(agent.username, phone_aht))
            # After a routing step every client still waiting and not offered has nobody
            # able to take her; only a change of who is able (poked) or an open offer's
            # timeout (ticked) can alter that.
            if deciding or callbacks:
                yield env.timeout(1.0)
                continue
            wake[0] = env.event()
            yield wake[0] | env.timeout(max(0.0, until_s - env.now))
            yield env.timeout(math.ceil(env.now) - env.now)  # back on the hub's second

    intervals = max((len(d.arrivals) for d in demand), default=0)
    day_s = interval_s * intervals
    for shift in shifts:
        env.process(shift_process(shift))
    for d in demand:
        env.process(arrivals(d))
    env.process(ticker(day_s))
    env.run(until=day_s + 4 * 3600)  # the last clients are served or give up

    records = [
        ContactRecord(
            id=cid,
            channel=by_queue[queue].channel,
            queue=queue,
            arrived=at,
            answered=answered[cid][0] if cid in answered else None,
            ended=ended.get(cid),
            abandoned=cid in abandoned,
            handled_by=answered[cid][1] if cid in answered else None,
        )
        for cid, (queue, at) in arrived.items()
    ]

    def per_interval(rows: list[ContactRecord]) -> list[Figures]:
        buckets: list[list[ContactRecord]] = [[] for _ in range(intervals)]
        for r in rows:
            i = int((r.arrived - day_start).total_seconds() // interval_s)
            if 0 <= i < intervals:
                buckets[i].append(r)
        return [figures(b, targets) for b in buckets]

    queues = []
    for d in demand:
        mine = [r for r in records if r.queue == d.queue]
        queues.append(QueueResult(d.queue, d.channel, figures(mine, targets), per_interval(mine)))
    channels = sorted({d.channel for d in demand})
    return DayResult(
        queues=queues,
        channels={ch: figures([r for r in records if r.channel == ch], targets) for ch in channels},
        by_interval={ch: per_interval([r for r in records if r.channel == ch]) for ch in channels},
        occupancy=busy_s[0] / staffed_s if staffed_s else 0.0,
        callbacks_created=callbacks_done[0] + len(callbacks),
        callbacks_left=len(callbacks),
        contacts=records,
    )


def steady_service_level(
    *,
    channel: Channel,
    expected: float,
    interval_s: float,
    aht_s: float,
    patience_s: float,
    target: Targets,
    agents: int,
    capacity: int,
    rules: Rules = Rules(),
    seed: int = 1,
    contacts: int = 120,
) -> float:
    """The service level ``agents`` professionals give a steady ``expected`` arrivals per
    interval, through the real router: the interval repeated until about ``contacts``
    have arrived (a share measured on a handful of clients says nothing). All share the
    one skill; the seed is the same for every head count, so the answers for 3 and 4
    nurses differ by the staffing, not by the luck of the draw."""
    repeats = min(96, max(4, math.ceil(contacts / max(expected, 0.01))))
    day = simulate(
        day_start=datetime(2026, 1, 5, 6, tzinfo=UTC),
        interval_s=interval_s,
        demand=[QueueDemand("q", channel, "s", [expected] * repeats, aht_s, patience_s)],
        shifts=[
            Shift(f"n{i}", frozenset({"s"}), 0, interval_s * repeats, chat_capacity=capacity)
            for i in range(agents)
        ],
        targets={channel: target},
        rules=rules,
        seed=seed,
    )
    level = day.channels[channel].service_level
    return 1.0 if level is None else level
