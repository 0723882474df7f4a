"""The meter: each queue's figures now (computed by ``backend/domain/meter.py``), sent to
the desktops once a round when something changed (or every few seconds, for the clock),
and published for the board and the call-in watch; the web page's view of the queues."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backend.centre.estimates import Estimates
from backend.centre.events import Events, MeterComputed, StaffAttached
from backend.centre.outbox import Outbox
from backend.centre.records import Link, Online, serves
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.domain.meter import queue_figures
from protocol.messages import QueueFigures, QueueInfo, ToStaffMeter

# (not done, overdue) callbacks of a queue now.
CallbackCounts = Callable[[str, datetime], tuple[int, int]]


class Meter:
    def __init__(
        self,
        service: Service,
        online: Online,
        routing: Routing,
        estimates: Estimates,
        outbox: Outbox,
        events: Events,
        callbacks: CallbackCounts,
        phone_available: Callable[[], bool],
    ) -> None:
        self.service = service
        self.online = online
        self.routing = routing
        self.estimates = estimates
        self.outbox = outbox
        self.events = events
        self.callbacks = callbacks
        self.phone_available = phone_available
        self.last: list[QueueFigures] = []  # the figures the last round computed
        # Who just logged in gets her meter at once (her queues, the Ready bar, the
        # softphone's queues), not when the desktops next get theirs (up to a second).
        events.subscribe(StaffAttached, lambda event: self.send_to(event.username))

    def figures(self) -> list[QueueFigures]:
        service = self.service
        now = service.clock()
        result = []
        for q in service.config.queues:
            figure = queue_figures(
                queue=q.id,
                channel=q.channel,
                now=now,
                open_now=service.hours[q.id].is_open(now),
                waiting_since=[c.arrived_at for c in self.routing.router.waiting(q.id)],
                staff=self.estimates.capacity(q.id),
                counts=self.routing.counts[q.id],
                thresholds=service.config.meter[q.channel].thresholds(),
                callbacks=self.callbacks(q.id, now),
            )
            if q.channel == "phone" and not self.phone_available():
                figure = figure.model_copy(update={"available": False})
            result.append(figure)
        return result

    def queue_infos(self) -> list[QueueInfo]:
        """What the client's page shows of each queue: open or when next, the wait."""
        now = self.service.clock()
        infos = []
        for q in self.service.config.queues:
            hours = self.service.hours[q.id]
            open_now = hours.is_open(now)
            waiting = len(self.routing.router.waiting(q.id))
            infos.append(
                QueueInfo(
                    id=q.id,
                    names=q.names,
                    open_now=open_now,
                    next_opening=None if open_now else hours.next_opening(now),
                    estimated_wait_s=(
                        self.estimates.estimate(q.id, waiting + 1) if open_now else None
                    ),
                )
            )
        return infos

    async def compute(self) -> None:
        """Computed once a round when something changed, and published: the board and the
        call-ins follow at once (what they change is marked for the next round)."""
        if not self.online.staff:
            return
        self.last = self.figures()
        await self.events.publish(MeterComputed(self.last))

    def send_to(self, username: str) -> None:
        conn = self.online.staff.get(username)
        if conn is None:
            return
        mine = serves(self.service.config, conn.profile)
        figures = [f for f in self.figures() if f.queue in mine]
        self.outbox.send_each([conn.link], ToStaffMeter(at=self.service.clock(), queues=figures))

    async def send(self) -> None:
        """The figures last computed, to every desktop (at most once a second: the
        hub's ``MeterDue.plan``)."""
        if not self.online.staff:
            return
        figures = self.last
        now = self.service.clock()
        config = self.service.config
        # One serialisation per distinct set of queues (a handful), not one per desktop.
        readers: dict[frozenset[str], list[Link]] = {}
        for conn in list(self.online.staff.values()):
            readers.setdefault(frozenset(serves(config, conn.profile)), []).append(conn.link)
        for mine, links in readers.items():
            frame = ToStaffMeter(at=now, queues=[f for f in figures if f.queue in mine])
            await self.outbox.fan_out(links, frame)
