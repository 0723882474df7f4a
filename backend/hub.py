"""The composition root of the live contact centre: builds its parts and features, hands
each only the parts it uses, starts and stops them, and runs the round (the periodic jobs
in a fixed order). It handles no frame: ``backend/api/dispatch.py`` sends each frame to
the part or feature that owns it.

The parts are in ``backend/centre/`` (records, events, outbox, sessions, routing, the
meter), the channels in ``backend/channels/`` (chat, phone), and the features beside this
file (callbacks, collaboration, the handbook, colleagues' chat, digi-agents, the
supervisor's room, record access). They learn of each other's changes through
``backend/centre/events.py``; none imports this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from backend.callbacks import Callbacks
from backend.centre.collector import Collector
from backend.centre.estimates import Estimates
from backend.centre.events import ConfigReloaded, Events
from backend.centre.meter import Meter
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Online
from backend.centre.routing import Routing
from backend.centre.service import ReloadRefused, Service
from backend.centre.sessions import Sessions
from backend.centre.state_log import StateLog
from backend.channels.chat import ChatChannel
from backend.channels.phone import PhoneChannel
from backend.collab import Collaboration, note_views
from backend.colleague_messages import ColleagueMessages
from backend.config import ServiceConfig
from backend.digi import DigiAgents
from backend.handbook import Handbook
from backend.metrics import Metrics, Snapshot
from backend.record_access import RecordAccess
from backend.retention import Retention
from backend.settings import Settings
from backend.store.handbook import HandbookStore
from backend.store.reports import ReportStore
from backend.store.repository import Store
from backend.supervision import Supervision

if TYPE_CHECKING:  # pysaml2 is loaded only where identification is set up
    from backend.suomifi import SuomiFi

__all__ = ["Hub", "ReloadRefused"]

log = logging.getLogger("luukku.hub")

TICK_S = 0.25


class Hub:
    def __init__(
        self,
        settings: Settings,
        config: ServiceConfig,
        store: Store,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        suomifi: SuomiFi | None = None,
    ) -> None:
        self.store = store
        self.suomifi = suomifi
        self.service = service = Service(settings, config, clock)
        self.events = events = Events()
        self.online = online = Online()
        self.outbox = outbox = Outbox(online)
        self.meter_due = due = MeterDue()
        self.metrics = metrics = Metrics()
        self.routing = routing = Routing(service, store, outbox, events, due, metrics)
        self.estimates = estimates = Estimates(service, online, routing)
        self.state_log = StateLog(ReportStore(store), events)
        # Subscribed in this order, each hears her log-in after her status: her
        # conversations, colleagues' chat, digi-agent standby, the colleagues list.
        self.chat = chat = ChatChannel(
            service,
            store,
            online,
            outbox,
            routing,
            estimates,
            events,
            due,
            metrics,
            notes=note_views,
            suomifi=suomifi,
        )
        self.callbacks = callbacks = Callbacks(service, store, online, outbox, routing, events, due)
        self.phone = phone = PhoneChannel(
            service, store, outbox, routing, estimates, due, callbacks
        )
        routing.add_desk("chat", chat)
        routing.add_desk("phone", phone)
        self.sessions = sessions = Sessions(
            service,
            store,
            online,
            outbox,
            routing,
            events,
            due,
            held_by=chat.held_by,
            clinics=callbacks.directory,
        )
        self.colleague_messages = ColleagueMessages(service, store, online, outbox, events)
        self.digi = digi = DigiAgents(service, store, online, outbox, routing, events, due)
        self.collab = Collaboration(service, store, online, outbox, routing, chat, events, due)
        self.handbook = Handbook(service, online, outbox, HandbookStore(store))
        self.record_access = RecordAccess(store, chat, clock)
        self.meter = Meter(
            service,
            online,
            routing,
            estimates,
            outbox,
            events,
            callbacks.counts,
            lambda: phone.available,
        )
        self.supervision = Supervision(
            service, store, online, outbox, routing, sessions, events, due, digi.board
        )
        self.retention = Retention(store, lambda: service.config, clock)
        metrics.read_live(self.snapshot)
        store.writer.on_commit = metrics.commit_seconds.observe
        self._task: asyncio.Task[None] | None = None
        self.collector = Collector()
        # Event-loop time of the round's last completed run: what the health check reports.
        self.last_tick: float | None = None
        self.tick_longest_s = 0.0

    @property
    def config(self) -> ServiceConfig:
        return self.service.config

    @property
    def settings(self) -> Settings:
        return self.service.settings

    def clock(self) -> datetime:
        return self.service.clock()

    # --- life cycle ----------------------------------------------------------------------

    async def reload(self, config: ServiceConfig) -> None:
        """A new, already validated service file, applied from the next round: hours,
        exceptions, names, routing and meter rules, limits, texts, roles, retention
        (``ReloadRefused`` for a change of the queues themselves)."""
        self.service.replace(config)
        await self.events.publish(ConfigReloaded(config))
        self.meter_due.mark()
        log.info("service file reloaded")

    async def start(self) -> None:
        now = self.clock()
        await self.state_log.start(now)
        await self.callbacks.load()
        await self.chat.restore(now, await self.collab.store.consultants())
        await self.routing.load_counts(now)
        await self.digi.start()
        self._task = asyncio.create_task(self._ticker(), name="hub-ticker")

    async def stop(self) -> None:
        await self.retention.stop()
        await self.sessions.stop()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.state_log.stop()

    # --- the round -----------------------------------------------------------------------

    async def _ticker(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            began, paused, gave = loop.time(), self.outbox.paused_s, 0.0
            try:
                await self.tick()
                gave += await self._turn()
                compute, send = self.meter_due.plan(loop.time())
                if compute:
                    await self.meter.compute()
                if send:
                    await self.meter.send()
                await self.collab.tell_colleagues()
                gave += await self._turn()
                self.collector.round()
            except Exception:
                log.exception("round failed")
            self.last_tick = loop.time()
            # Watched by /api/health and the benchmarks: how long a round held the event
            # loop (not the turns it and its fan-outs gave to others). Longer than TICK_S:
            # offers lapse late, the meter lags, and every frame waits that long.
            held = self.last_tick - began - (self.outbox.paused_s - paused) - gave
            self.tick_longest_s = max(self.tick_longest_s, held)
            await asyncio.sleep(TICK_S)

    @staticmethod
    async def _turn() -> float:
        """A turn of the event loop between the round's jobs: a line that came meanwhile
        waits for one job, not for the routing, the meter and the collector's pass in one
        go. How long the others had it."""
        loop = asyncio.get_running_loop()
        left = loop.time()
        await asyncio.sleep(0)
        return loop.time() - left

    async def tick(self) -> None:
        """One round's jobs, in this order: sessions that ended, retention, routing by the
        clock (wrap-ups, lapsed offers, each channel's own clock), offers, callbacks to
        whom nothing waits for, places in the queues."""
        now = self.clock()
        await self.sessions.tick(now)
        await self.retention.tick()
        await self.routing.tick(now)
        await self.routing.route()
        await self.callbacks.offer_to_idle(now)
        await self.routing.tell_positions()

    def snapshot(self) -> Snapshot:
        """What /metrics reads at scrape time (no client data: queues, states, counts)."""
        staff = self.online.staff
        return Snapshot(
            meter=self.meter.figures(),
            staff_states=[
                a.status.value for u, a in self.routing.router.agents.items() if u in staff
            ],
            sockets={
                "staff": len(staff),
                "client": sum(1 for live in self.chat.live.values() if live.client is not None),
                "gateway": len(self.phone.gateways),
            },
            longest_tick_s=self.tick_longest_s,
        )
