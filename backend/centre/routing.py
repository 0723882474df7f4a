"""Routing in the live centre: the only writer of the Router (who waits, who is offered
what, her status and wrap-up) and of the day's counts the meter and estimates read.

Decisions are the Router's (``backend/domain/routing.py``, pure); this part applies them:
each offer goes to its channel's desk, each withdrawn offer is withdrawn on her screen,
each status change is told to her and published. The channels and features call the
methods below instead of touching the Router.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from backend.centre.desk import Desk
from backend.centre.events import ConfigReloaded, Events, StatusChanged
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.service import Service
from backend.domain.meter import DayCounts
from backend.domain.routing import Agent, Channel, Contact, Lapse, Router
from backend.metrics import Metrics
from backend.store.phone import PhoneStore
from backend.store.repository import Store
from protocol.messages import StaffStatus, ToStaffStatus

log = logging.getLogger("luukku.routing")


class Routing:
    def __init__(
        self,
        service: Service,
        store: Store,
        outbox: Outbox,
        events: Events,
        meter_due: MeterDue,
        metrics: Metrics,
    ) -> None:
        self.service = service
        self.store = store
        self.outbox = outbox
        self.events = events
        self.meter_due = meter_due
        self.metrics = metrics
        config = service.config
        rules = config.routing
        self.router = Router(
            {q.id: q.skill for q in config.queues},
            rules.offer_timeout_s,
            rules.missed_offer_sets_not_ready,
            missed_cooldown_s=rules.missed_cooldown_s,
            language_wait_s=rules.language_wait_s,
            wrap_up_max_s=rules.wrap_up_max_s,
            wrap_up_then_ready=rules.wrap_up_then_ready,
        )
        self.counts: dict[str, DayCounts] = {q.id: DayCounts() for q in config.queues}
        self.counts_day = service.local_day(service.clock())
        self.desks: dict[Channel, Desk] = {}
        self._positions_due = False
        events.subscribe(ConfigReloaded, self._reconfigure)

    def _reconfigure(self, event: ConfigReloaded) -> None:
        rules = event.config.routing
        router = self.router
        router.offer_timeout = timedelta(seconds=rules.offer_timeout_s)
        router.missed_offer_sets_not_ready = rules.missed_offer_sets_not_ready
        router.missed_cooldown = timedelta(seconds=rules.missed_cooldown_s)
        router.language_wait = timedelta(seconds=rules.language_wait_s)
        router.wrap_up_max = (
            timedelta(seconds=rules.wrap_up_max_s) if rules.wrap_up_max_s > 0 else None
        )
        router.wrap_up_then_ready = rules.wrap_up_then_ready

    def add_desk(self, channel: Channel, desk: Desk) -> None:
        self.desks[channel] = desk

    # --- the day's counts ----------------------------------------------------------------

    async def load_counts(self, now: datetime) -> None:
        """Today's figures from the database (at start, and when the day changes)."""
        tz = self.service.config.tz
        midnight = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz)
        self.counts = {q.id: DayCounts() for q in self.service.config.queues}
        self.counts_day = self.service.local_day(now)
        for row in await self.store.conversations_since(midnight):
            if row.queue in self.counts:
                self.counts[row.queue].record(
                    row.arrived_at, row.answered_at, row.closed_at, row.abandoned
                )
        for call in await PhoneStore(self.store).since(midnight):
            if call.queue in self.counts:
                self.counts[call.queue].record(
                    call.arrived_at, call.answered_at, call.ended_at, call.outcome == "abandoned"
                )

    def count_answered(self, queue: str, waited: timedelta) -> None:
        self.counts[queue].answered_waits_s.append(waited.total_seconds())

    def count_abandoned(self, queue: str, waited: timedelta) -> None:
        self.counts[queue].abandoned_waits_s.append(waited.total_seconds())

    def count_handled(self, queue: str, took: timedelta) -> None:
        self.counts[queue].handle_times_s.append(took.total_seconds())

    # --- contacts ------------------------------------------------------------------------

    def channel_of(self, contact_id: str) -> Channel:
        contact = self.router.contacts.get(contact_id)
        if contact is not None:
            return contact.channel
        return "phone" if self.desks["phone"].holds(contact_id) else "chat"

    def enqueue(self, contact: Contact) -> None:
        self.router.enqueue(contact)

    def remove(self, contact_id: str) -> Contact | None:
        return self.router.remove(contact_id)

    def accept(self, contact_id: str, username: str, now: datetime) -> Contact:
        """Her answer to an offer (``RoutingError`` if it is no longer hers)."""
        return self.router.accept(contact_id, username, now)

    def assign(self, contact_id: str, username: str) -> None:
        """A contact she already has (a call her phone answered, a chat she held before
        a restart)."""
        self.router.assign_direct(contact_id, username)

    def release(self, contact_id: str, username: str, now: datetime) -> None:
        self.router.release(contact_id, username, now)

    def lapse(self, contact_id: str, username: str, now: datetime) -> Lapse | None:
        return self.router.lapse(contact_id, username, now)

    async def missed(self, lapse: Lapse, reason: str) -> None:
        """After a lapsed offer: her other offers go, and the Not ready it set her is told
        to her and published (the staff-state log then counts that time as Not ready, not
        as Ready)."""
        for contact_id in lapse.also_withdrawn:
            await self.withdraw_offer(lapse.username, contact_id, reason)
        if lapse.set_not_ready:
            await self._publish_status(lapse.username)
            await self.send_status(lapse.username)

    # --- staff ---------------------------------------------------------------------------

    async def attach(self, agent: Agent, holds: Iterable[str]) -> Agent:
        """Her profile at log-in and the chats she still owns; Offline becomes Not ready."""
        known = self.router.add_agent(agent)
        for contact_id in holds:
            known.chats.add(contact_id)
        if known.status is StaffStatus.OFFLINE:
            self.router.set_status(
                agent.username, StaffStatus.NOT_READY, self.service.clock(), "login"
            )
            await self._publish_status(agent.username)
        return known

    async def detach(self, username: str) -> None:
        """Her socket is gone: Offline; her chats stay hers, a call ringing her is rung
        elsewhere (a chat's banner left with her desktop)."""
        for contact_id in self.router.set_status(
            username, StaffStatus.OFFLINE, self.service.clock()
        ):
            if self.channel_of(contact_id) == "phone":
                await self.withdraw_offer(username, contact_id, "taken")
        await self._publish_status(username)

    def set_skills(self, username: str, skills: frozenset[str]) -> None:
        """Which queues she is in now (a digi-agent on standby is in none)."""
        agent = self.router.agents.get(username)
        if agent is not None:
            agent.skills = skills

    def set_on_call_now(self, username: str, on_call: bool, now: datetime) -> None:
        if username in self.router.agents:
            self.router.set_on_call(username, on_call, now)

    async def on_call(self, username: str, on_call: bool) -> None:
        """What her softphone reports: a call ended with nothing else held is wrap-up."""
        now = self.service.clock()
        agent = self.router.agents.get(username)
        if agent is None:
            return
        ended = agent.on_call and not on_call
        self.router.set_on_call(username, on_call, now)
        if ended and agent.load == 0:
            await self.wrap_up(username, now)
        await self.route()
        self.meter_due.mark()

    async def set_status(self, username: str, status: StaffStatus, reason: str | None) -> None:
        """She chose a status."""
        await self.change_status(username, status, reason)
        await self.route()
        self.meter_due.mark()

    async def change_status(
        self, username: str, status: StaffStatus, reason: str | None = None
    ) -> None:
        """Every status change goes through here, so that each offer it withdraws is also
        withdrawn on her screen (an offer the router forgot but her banner still shows is
        a client she accepts in vain)."""
        for contact_id in self.router.set_status(username, status, self.service.clock(), reason):
            await self.withdraw_offer(username, contact_id, "taken")
        await self._publish_status(username)
        await self.send_status(username)

    async def wrap_up(self, username: str, now: datetime) -> None:
        """After a chat or a call: no new offers until she says she is Ready again. A
        close while already in wrap-up restarts its time (it follows the latest close)."""
        if self.router.agents[username].status in (StaffStatus.READY, StaffStatus.WRAP_UP):
            await self.change_status(username, StaffStatus.WRAP_UP)

    async def _publish_status(self, username: str) -> None:
        agent = self.router.agents.get(username)
        if agent is not None:
            await self.events.publish(
                StatusChanged(
                    username,
                    agent.status,
                    agent.reason,
                    agent.status_since or self.service.clock(),
                )
            )

    async def send_status(self, username: str) -> None:
        agent = self.router.agents.get(username)
        if agent is not None:
            await self.outbox.send_staff(
                username,
                ToStaffStatus(
                    status=agent.status,
                    reason=agent.reason,
                    wrap_up_until=self.router.wrap_up_ends(username),
                ),
            )

    # --- offers --------------------------------------------------------------------------

    async def route(self) -> None:
        now = self.service.clock()
        for offer in self.router.route(now):
            self.metrics.offers.labels(offer.channel).inc()
            await self.desks[offer.channel].deliver(offer, now)
        # Places in the queue are told once a round, not after every change: a hand-out
        # of a thousand would otherwise re-tell every waiting client a thousand times.
        self._positions_due = True

    async def withdraw_offer(self, username: str, contact_id: str, reason: str) -> None:
        """An offer she no longer has: a chat's banner goes, a call stops ringing her."""
        await self.desks[self.channel_of(contact_id)].withdraw(username, contact_id, reason)

    async def tick(self, now: datetime) -> None:
        """By the clock: a new day's counts, wrap-ups that ended, offers that lapsed."""
        if self.service.local_day(now) != self.counts_day:
            await self.load_counts(now)
        for username in self.router.end_wrap_ups(now):
            await self.send_status(username)
        for lapse in self.router.expire_offers(now):
            log.info("offer of %s to %s lapsed", lapse.contact_id, lapse.username)
            self.metrics.lapses.inc()
            await self.withdraw_offer(lapse.username, lapse.contact_id, "timeout")
            await self.missed(lapse, "timeout")
        for desk in self.desks.values():
            await desk.tick(now)

    async def tell_positions(self) -> None:
        if self._positions_due:
            self._positions_due = False
            for desk in self.desks.values():
                await desk.positions()
