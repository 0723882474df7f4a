"""The phone channel, whole: calls from the service number's gateway socket go through the
same routing, opening hours, meter and callbacks as chats (the desk protocol of
``backend/centre/desk.py``, as the chat channel).

A phone call is a router ``Contact`` with channel "phone": offered to a Ready
professional with the line's skill who is not on a call. Instead of an offer banner, the
gateway is told to ring her softphone (``deliver``); her answer comes back from the
gateway (``answered``). If she does not answer within the offer time the router's lapse
puts the call back at the head of its queue (it keeps its arrival time), she is set Not
ready as after a missed chat offer, and the gateway stops ringing her.

While no gateway is connected the phone queues show as unavailable on the meter, not as
empty. Calls a gateway still holds come back with its ``hello`` after either side
restarted; calls it no longer holds are recorded as lost. Several gateways may be
connected at once (Kamailio dispatching callers over a pool, see the README): each call
belongs to the gateway it arrived at, and only that one is told about it.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.callbacks import Callbacks
from backend.centre.estimates import Estimates
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Link
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.domain.routing import Contact, Offer, RoutingError
from backend.store.phone import PhoneStore
from backend.store.repository import Store
from protocol.gateway import (
    CallAnswered,
    CallArrived,
    CallbackStored,
    CallCallback,
    CallChoice,
    CallDeliveryFailed,
    CallEnded,
    CallQueued,
    CancelDelivery,
    Deliver,
    GatewayHello,
    GatewayWelcome,
    QueuePosition,
)
from protocol.messages import (
    CallbackCreate,
    ErrorCode,
    Frame,
    ProtocolError,
    StaffCallOutcome,
    ToStaffCallOutcomeSaved,
)

log = logging.getLogger("luukku.phone")
LOST_AFTER = timedelta(seconds=60)


@dataclass
class Call:
    id: str
    gateway: str
    caller: str | None
    arrived_at: datetime
    queue: str | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
    suspended_at: datetime | None = None  # its gateway is gone; lost unless it comes back


class PhoneChannel:
    def __init__(
        self,
        service: Service,
        store: Store,
        outbox: Outbox,
        routing: Routing,
        estimates: Estimates,
        meter_due: MeterDue,
        callbacks: Callbacks,
    ) -> None:
        self.service = service
        self.outbox = outbox
        self.routing = routing
        self.estimates = estimates
        self.meter_due = meter_due
        self.callbacks = callbacks
        self.store = PhoneStore(store)
        self.calls: dict[str, Call] = {}
        self.gateways: dict[str, Link] = {}
        self._positions: dict[str, int] = {}

    @property
    def available(self) -> bool:
        return bool(self.gateways)

    def holds(self, contact_id: str) -> bool:
        return contact_id in self.calls

    # --- the gateway's socket ------------------------------------------------------------

    async def hello(self, link: Link, frame: GatewayHello) -> str:
        token = self.service.settings.gateway_token
        if not token or not secrets.compare_digest(token, frame.token):
            log.warning("gateway refused: wrong token")
            raise ProtocolError(ErrorCode.AUTH_FAILED, "wrong gateway token")
        old = self.gateways.get(frame.gateway_id)
        if old is not None and old is not link:
            await old.close(4001, "the same gateway connected again")
        self.gateways[frame.gateway_id] = link
        now = self.service.clock()
        held = {c.call_id: c for c in frame.calls}
        # Calls of this gateway that it no longer holds ended while nobody watched.
        for row in await self.store.open_of(frame.gateway_id):
            if row.id not in held:
                await self._end(row.id, now, "lost")
        for stale in [c for c in self.calls.values() if c.gateway == frame.gateway_id]:
            if stale.id not in held:
                await self._end(stale.id, now, "lost")
        for item in frame.calls:
            call = self.calls.get(item.call_id) or Call(
                item.call_id, frame.gateway_id, item.caller, item.arrived_at
            )
            call.suspended_at = None
            call.queue = item.queue
            self.calls[call.id] = call
            if item.answered_by is not None:
                call.answered_by = item.answered_by
                if item.answered_by in self.routing.router.agents:
                    self.routing.assign(call.id, item.answered_by)
            elif item.queue is not None and call.id not in self.routing.router.contacts:
                self.routing.enqueue(Contact(call.id, item.queue, "phone", item.arrived_at))
        log.info("gateway %s connected holding %d calls", frame.gateway_id, len(frame.calls))
        await self.outbox.send_to(
            link,
            GatewayWelcome(
                phone_queues=[q.id for q in self.service.config.queues if q.channel == "phone"]
            ),
        )
        for call_id in held:
            self._positions.pop(call_id, None)
        await self.routing.route()
        self.meter_due.mark()
        return frame.gateway_id

    async def gone(self, gateway_id: str, link: Link) -> None:
        if self.gateways.get(gateway_id) is not link:
            return
        del self.gateways[gateway_id]
        now = self.service.clock()
        for call in self.calls.values():
            if call.gateway != gateway_id:
                continue
            call.suspended_at = now
            contact = self.routing.router.contacts.get(call.id)
            if contact is not None and contact.offered_to is not None:
                await self.routing.send_status(contact.offered_to)
            self.routing.remove(call.id)
        log.warning(
            "gateway %s disconnected%s",
            gateway_id,
            "" if self.gateways else "; phone queues unavailable",
        )
        self.meter_due.mark()

    # --- from the gateway (backend/api/dispatch.py: GATEWAY_HANDLERS) -------------------

    async def arrived(self, gateway_id: str, frame: CallArrived, now: datetime) -> None:
        self.calls[frame.call_id] = Call(frame.call_id, gateway_id, frame.caller, now)
        await self.store.arrived(frame.call_id, gateway_id, frame.caller, now)
        if not frame.open_now:
            await self.store.change(frame.call_id, now, "closed")

    async def choice(self, frame: CallChoice, now: datetime) -> None:
        await self.store.change(frame.call_id, now, "menu", f"{frame.menu}:{frame.choice}")

    async def ended(self, frame: CallEnded, now: datetime) -> None:
        await self._end(frame.call_id, now, frame.reason)

    async def record_outcome(self, username: str, frame: StaffCallOutcome) -> None:
        """Her wrap-up of a call she answered: measured like a chat's, not defaulted."""
        stored = await self.store.record_outcome(
            frame.call_id,
            username,
            frame.outcome.value,
            frame.wrap_up.strip(),
            self.service.clock(),
        )
        if not stored:
            raise ProtocolError(ErrorCode.FORBIDDEN, "not a call you answered", ref=frame.call_id)
        await self.outbox.send_staff(username, ToStaffCallOutcomeSaved(call_id=frame.call_id))

    async def _to_gateway(self, call_id: str, frame: Frame) -> None:
        """To the gateway that holds the call."""
        call = self.calls.get(call_id)
        if call is not None:
            await self.outbox.send_to(self.gateways.get(call.gateway), frame)

    # --- the call's life -----------------------------------------------------------------

    def _call(self, call_id: str) -> Call:
        call = self.calls.get(call_id)
        if call is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such call", ref=call_id)
        return call

    async def queued(self, frame: CallQueued, now: datetime) -> None:
        call = self._call(frame.call_id)
        queue = self.service.config.queue(frame.queue)
        if queue is None or queue.channel != "phone":
            raise ProtocolError(ErrorCode.UNKNOWN_QUEUE, "not a phone queue", ref=frame.queue)
        call.queue = frame.queue
        await self.store.change(
            call.id, now, "queued", frame.queue, queue=frame.queue, queued_at=now
        )
        # The wait counts from arrival: the menu is part of what the caller waited through.
        self.routing.enqueue(Contact(call.id, frame.queue, "phone", call.arrived_at))
        await self.routing.route()
        self.meter_due.mark()

    async def deliver(self, offer: Offer, now: datetime) -> None:
        call = self.calls[offer.contact_id]
        await self.store.change(call.id, now, "offered", offer.username)
        await self._to_gateway(
            call.id,
            Deliver(
                call_id=call.id,
                username=offer.username,
                queue=offer.queue,
                waited_s=(now - call.arrived_at).total_seconds(),
                ring_timeout_s=self.routing.router.offer_timeout.total_seconds(),
            ),
        )

    async def withdraw(self, username: str, contact_id: str, reason: str) -> None:
        """Her offer of this call lapsed or was withdrawn: the gateway stops ringing her."""
        await self._to_gateway(contact_id, CancelDelivery(call_id=contact_id, username=username))
        await self.store.change(contact_id, self.service.clock(), "not_answered", username)

    async def answered(self, frame: CallAnswered, now: datetime) -> None:
        call = self._call(frame.call_id)
        try:
            self.routing.accept(call.id, frame.username, now)
        except RoutingError:
            # The offer lapsed while her phone was already answering: she has the caller,
            # so the call is hers (and leaves the queue).
            self.routing.remove(call.id)
            if frame.username in self.routing.router.agents:
                self.routing.assign(call.id, frame.username)
        call.answered_by, call.answered_at = frame.username, now
        # On a call now, whatever her softphone reports: no second caller is rung to her.
        if frame.username in self.routing.router.agents:
            self.routing.set_on_call_now(frame.username, True, now)
        self._positions.pop(call.id, None)
        if call.queue is not None:
            self.routing.count_answered(call.queue, now - call.arrived_at)
        await self.store.change(
            call.id, now, "answered", frame.username, answered_at=now, answered_by=frame.username
        )
        log.info("call %s answered by %s", call.id, frame.username)
        await self.routing.route()
        self.meter_due.mark()

    async def delivery_failed(self, frame: CallDeliveryFailed, now: datetime) -> None:
        call = self._call(frame.call_id)
        await self.store.change(
            call.id, now, "delivery_failed", f"{frame.username}:{frame.sip_status}"
        )
        # A lapsed offer, sooner: back to the head of the queue, she is set Not ready.
        lapse = self.routing.lapse(call.id, frame.username, now)
        if lapse is None:
            return
        await self.routing.missed(lapse, "taken")
        await self.routing.route()

    async def callback(self, frame: CallCallback, now: datetime) -> None:
        call = self._call(frame.call_id)
        row = await self.callbacks.add(
            CallbackCreate(
                request_id=0,
                queue=frame.queue,
                number=frame.number,
                reason="service_number",  # a code: "left while waiting in the phone queue"
            ),
            source="phone",
            created_by="service-number",
        )
        contact = self.routing.remove(call.id)
        if contact is not None and contact.offered_to is not None:
            await self._to_gateway(
                call.id, CancelDelivery(call_id=call.id, username=contact.offered_to)
            )
        await self.store.change(call.id, now, "callback", str(row.id))
        local = now.astimezone(self.service.config.tz).date()
        due_today = (
            row.due_at is not None and row.due_at.astimezone(self.service.config.tz).date() == local
        )
        await self._to_gateway(
            call.id,
            CallbackStored(
                call_id=call.id, callback_id=row.id, due_at=row.due_at, due_today=due_today
            ),
        )
        self.meter_due.mark()

    async def _end(self, call_id: str, now: datetime, reason: str) -> None:
        call = self.calls.pop(call_id, None)
        self._positions.pop(call_id, None)
        outcome = reason
        if call is not None:
            contact = self.routing.remove(call_id)
            if contact is not None and contact.offered_to is not None:
                await self.outbox.send_to(
                    self.gateways.get(call.gateway),
                    CancelDelivery(call_id=call_id, username=contact.offered_to),
                )
            if call.answered_by is not None:
                outcome = "answered"
                self.routing.release(call_id, call.answered_by, now)
                agent = self.routing.router.agents.get(call.answered_by)
                if agent is not None and not any(
                    c.answered_by == agent.username for c in self.calls.values()
                ):
                    self.routing.set_on_call_now(agent.username, False, now)
                    if agent.load == 0:
                        # After a call, as after a chat: Wrap-up until she is Ready again.
                        await self.routing.wrap_up(agent.username, now)
                if call.answered_at is not None and call.queue is not None:
                    self.routing.count_handled(call.queue, now - call.answered_at)
            elif reason == "abandoned" and call.queue is not None:
                self.routing.count_abandoned(call.queue, now - call.arrived_at)
        await self.store.change(call_id, now, "ended", outcome, ended_at=now, outcome=outcome)
        await self.routing.route()
        self.meter_due.mark()

    async def tick(self, now: datetime) -> None:
        for call in list(self.calls.values()):
            if call.suspended_at is not None and now - call.suspended_at > LOST_AFTER:
                await self._end(call.id, now, "lost")

    async def positions(self) -> None:
        """Tell the gateway each waiting caller's place when it changed (for announcements)."""
        if not self.gateways:
            return
        for queue in [q.id for q in self.service.config.queues if q.channel == "phone"]:
            for position, contact in enumerate(self.routing.router.waiting(queue), start=1):
                if self._positions.get(contact.id) == position:
                    continue
                self._positions[contact.id] = position
                await self._to_gateway(
                    contact.id,
                    QueuePosition(
                        call_id=contact.id,
                        position=position,
                        estimated_wait_s=self.estimates.estimate(queue, position),
                    ),
                )
