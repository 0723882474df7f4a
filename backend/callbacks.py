"""Callback requests on the staff socket: create, list, open, record attempts, offer.

Who sees a callback: the staff who serve its queue (by skill), the colleague it is named
for, the nurses of the clinic it is left for, and supervisors. The list carries no reason
text (it may hold health details); opening one shows the reason and is written to the
access log, like opening a conversation.

Offers: an open callback (overdue first, then urgent, then by due time) is offered to a
Ready professional whom no live queue needs now (nothing waiting in her queues, no chat,
no call); live contacts always come first, so a chat offer withdraws her callback offer.
Taking one sets her Not ready ("callback") while she calls; recording the attempt puts
her in Wrap-up like after a chat.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from backend.centre.events import ConfigReloaded, Events, StaffLeft
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Online, is_supervisor, serves
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.config import CallbacksConfig
from backend.domain.callbacks import (
    AttemptOutcome,
    CallbackFacts,
    CallbackRules,
    CallbackState,
    due_at,
    figures,
    is_overdue,
)
from backend.store.callbacks import CallbackStore
from backend.store.repository import Store
from backend.store.tables import Callback
from protocol.messages import (
    CallbackAttempt,
    CallbackAttemptInfo,
    CallbackCreate,
    CallbackDayFigures,
    CallbackDecline,
    CallbackFiguresRequest,
    CallbackOpen,
    CallbackSummary,
    CallbackTake,
    Clinic,
    DirectoryNurse,
    ErrorCode,
    ProtocolError,
    StaffStatus,
    ToStaffCallback,
    ToStaffCallbackCreated,
    ToStaffCallbackFigures,
    ToStaffCallbackOffer,
    ToStaffCallbackOfferWithdrawn,
    ToStaffCallbacks,
)

log = logging.getLogger("luukku.callbacks")


def access_key(callback_id: int) -> str:
    """How an opened callback appears in the access log."""
    return f"callback:{callback_id}"


class Callbacks:
    def __init__(
        self,
        service: Service,
        db: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        events: Events,
        meter_due: MeterDue,
    ) -> None:
        self.service = service
        self.db = db
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.meter_due = meter_due
        self.store = CallbackStore(db)
        self.reconfigure(service.config.callbacks)
        events.subscribe(ConfigReloaded, lambda event: self.reconfigure(event.config.callbacks))
        events.subscribe(StaffLeft, lambda event: self.withdraw_offers_of(event.username))
        # The not-done callbacks (detached rows, reason included but never sent from here),
        # for the meter and the offers, which run at every tick: loaded at start, kept up
        # to date on every change.
        self._pending: dict[int, Callback] = {}
        self._offers: dict[int, tuple[str, datetime]] = {}  # callback -> (to whom, when)
        self._taken: dict[int, str] = {}  # callback -> who took it from an offer

    def reconfigure(self, cfg: CallbacksConfig) -> None:
        self.rules = CallbackRules(time.fromisoformat(cfg.cutoff), cfg.max_failed_attempts)
        self.offer_when_idle = cfg.offer_when_idle
        self._declined: dict[tuple[int, str], datetime] = {}
        self._directory: list[Clinic] | None = None

    async def load(self) -> None:
        self._pending = {r.id: r for r in await self.store.not_done()}

    def counts(self, queue: str, now: datetime) -> tuple[int, int]:
        """(not done, overdue) for the meter."""
        dues = [r.due_at for r in self._pending.values() if r.queue == queue]
        return len(dues), sum(1 for due in dues if due is not None and now >= due)

    def clinics_of(self, username: str) -> set[str]:
        return {c.id for c in self.service.config.clinics if username in c.nurses}

    async def directory(self) -> list[Clinic]:
        """The clinic directory of the configuration, with the nurses' names."""
        if self._directory is None:
            clinics = []
            for clinic in self.service.config.clinics:
                nurses = []
                for username in clinic.nurses:
                    user = await self.db.user(username)
                    if user is not None and user.active:
                        nurses.append(
                            DirectoryNurse(username=username, display_name=user.display_name)
                        )
                clinics.append(Clinic(id=clinic.id, names=clinic.names, nurses=nurses))
            self._directory = clinics
        return self._directory

    def _may_see(self, username: str, row: Callback) -> bool:
        profile = self.online.profiles.get(username)
        if profile is None:
            return False
        return (
            row.nurse == username
            or row.queue in serves(self.service.config, profile)
            or (row.clinic is not None and row.clinic in self.clinics_of(username))
        )

    def _summary(self, row: Callback) -> CallbackSummary:
        state = CallbackState(row.state)
        return CallbackSummary(
            id=row.id,
            queue=row.queue,
            number=row.number,
            priority="urgent" if row.priority == "urgent" else "normal",
            nurse=row.nurse,
            clinic=row.clinic,
            created_at=row.created_at,
            due_at=row.due_at,
            state=state.value,
            failed_attempts=row.failed_attempts,
            overdue=is_overdue(row.due_at, state, self.service.clock()),
        )

    async def create(self, username: str, frame: CallbackCreate, source: str = "manual") -> int:
        queue = self.service.config.queue(frame.queue)
        profile = self.online.profiles.get(username)
        if (
            queue is None
            or profile is None
            or frame.queue not in serves(self.service.config, profile)
        ):
            raise ProtocolError(ErrorCode.FORBIDDEN, "not a queue you serve", ref=frame.queue)
        if frame.nurse is not None and await self.db.user(frame.nurse) is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such colleague", ref=frame.nurse)
        if frame.clinic is not None and frame.clinic not in {
            c.id for c in self.service.config.clinics
        }:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such clinic", ref=frame.clinic)
        if frame.conversation_id is not None:
            conversation = await self.db.conversation(frame.conversation_id)
            if conversation is None or conversation.answered_by != username:
                raise ProtocolError(
                    ErrorCode.FORBIDDEN, "not your conversation", ref=frame.conversation_id
                )
            source = "chat"
        row = await self.add(frame, source, username)
        await self.outbox.send_staff(
            username, ToStaffCallbackCreated(request_id=frame.request_id, callback_id=row.id)
        )
        return row.id

    async def add(self, frame: CallbackCreate, source: str, created_by: str) -> Callback:
        """The one creation call: from a chat, by hand, or the service number's key.
        Committed before it returns (a caller hears "received" only after this)."""
        now = self.service.clock()
        row = await self.store.add(
            Callback(
                queue=frame.queue,
                number=frame.number,
                reason=frame.reason,
                priority=frame.priority,
                nurse=frame.nurse,
                clinic=frame.clinic,
                source=source,
                conversation_id=frame.conversation_id,
                created_at=now,
                created_by=created_by,
                due_at=due_at(now, self.service.hours[frame.queue], self.rules.cutoff),
                state=CallbackState.OPEN.value,
                failed_attempts=0,
            )
        )
        log.info("callback %s created by %s in %s (%s)", row.id, created_by, row.queue, source)
        self._pending[row.id] = row
        await self.push()
        return row

    async def send_list(self, username: str) -> None:
        rows = await self.store.not_done()
        await self.outbox.send_staff(username, self._list_frame(username, rows))

    def _list_frame(self, username: str, rows: list[Callback]) -> ToStaffCallbacks:
        items = [self._summary(r) for r in rows if self._may_see(username, r)]
        far = self.service.clock().replace(year=9999)
        items.sort(key=lambda c: (not c.overdue, c.priority != "urgent", c.due_at or far, c.id))
        return ToStaffCallbacks(items=items)

    async def push(self) -> None:
        """Everyone's list after a change (each sees only hers), and the meter."""
        rows = await self.store.not_done()
        for username in list(self.online.staff):
            await self.outbox.send_staff(username, self._list_frame(username, rows))
        self.meter_due.mark()

    async def _visible(self, username: str, callback_id: int) -> Callback:
        row = await self.store.get(callback_id)
        # The same answer for "missing" and "not yours": no probing for callbacks.
        if row is None or not self._may_see(username, row):
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such callback", ref=str(callback_id))
        return row

    async def open(self, username: str, frame: CallbackOpen) -> None:
        row = await self._visible(username, frame.callback_id)
        now = self.service.clock()
        await self.db.log_access(username, access_key(row.id), "open_callback", now)
        attempts = [
            CallbackAttemptInfo(at=a.at, by=a.by, outcome=a.outcome, note=a.note)
            for a in await self.store.attempts(row.id)
        ]
        await self.outbox.send_staff(
            username,
            ToStaffCallback(
                summary=self._summary(row),
                reason=row.reason,
                conversation_id=row.conversation_id,
                attempts=attempts,
            ),
        )

    async def attempt(self, username: str, frame: CallbackAttempt) -> None:
        await self._visible(username, frame.callback_id)
        try:
            row = await self.store.attempt(
                frame.callback_id,
                username,
                AttemptOutcome(frame.outcome),
                frame.note,
                self.service.clock(),
                self.rules,
            )
        except ValueError as exc:
            raise ProtocolError(ErrorCode.CONFLICT, str(exc), ref=str(frame.callback_id)) from exc
        if row.state == CallbackState.DONE.value:
            self._pending.pop(row.id, None)
        else:
            self._pending[row.id] = row
        if self._taken.pop(row.id, None) == username:
            # The call she took it for is made: Wrap-up, then Ready when she says so.
            agent = self.routing.router.agents.get(username)
            if agent is not None and agent.status is StaffStatus.NOT_READY:
                await self.routing.change_status(username, StaffStatus.WRAP_UP)
        await self.push()

    # --- offers --------------------------------------------------------------------------

    def _her_queues(self, username: str) -> set[str]:
        profile = self.online.profiles[username]
        return {q.id for q in self.service.config.queues if q.skill in profile.skills}

    async def _withdraw(self, callback_id: int) -> None:
        offered = self._offers.pop(callback_id, None)
        if offered is not None:
            await self.outbox.send_staff(
                offered[0], ToStaffCallbackOfferWithdrawn(callback_id=callback_id)
            )

    def withdraw_offers_of(self, username: str) -> None:
        for callback_id, (to, _at) in list(self._offers.items()):
            if to == username:
                del self._offers[callback_id]

    async def offer_to_idle(self, now: datetime) -> None:
        if not self.offer_when_idle:
            return
        router = self.routing.router
        timeout = router.offer_timeout
        for callback_id, (to, at) in list(self._offers.items()):
            agent = router.agents.get(to)
            lapsed = now - at >= timeout
            needed = agent is None or agent.status is not StaffStatus.READY or agent.load > 0
            if lapsed or needed or agent is None or agent.on_call:
                if lapsed:
                    self._declined[(callback_id, to)] = now
                await self._withdraw(callback_id)
        if not self._pending:
            return
        offered_to = {to for to, _at in self._offers.values()}
        for agent in list(router.agents.values()):
            name = agent.username
            if (
                name not in self.online.staff
                or name in offered_to
                or agent.status is not StaffStatus.READY
                or agent.load
                or agent.on_call
            ):
                continue
            queues = self._her_queues(name)
            if any(router.waiting(q) for q in queues):
                continue
            clinics = self.clinics_of(name)
            choice = self._pick(name, queues, clinics, now)
            if choice is None:
                continue
            self._offers[choice.id] = (name, now)
            log.info("callback %s offered to %s", choice.id, name)
            await self.outbox.send_staff(
                name,
                ToStaffCallbackOffer(
                    summary=self._summary(choice), expires_in_s=timeout.total_seconds()
                ),
            )

    def _pick(
        self, username: str, queues: set[str], clinics: set[str], now: datetime
    ) -> Callback | None:
        cool_off = timedelta(minutes=10)
        far = now.replace(year=9999)
        candidates = [
            r
            for r in self._pending.values()
            if r.state == CallbackState.OPEN.value
            and r.id not in self._offers
            and r.id not in self._taken
            and (r.nurse is None or r.nurse == username)
            and (r.queue in queues or r.nurse == username or r.clinic in clinics)
            and now - self._declined.get((r.id, username), far.replace(year=1)) > cool_off
        ]
        if not candidates:
            return None
        return min(
            candidates,
            key=lambda r: (
                not is_overdue(r.due_at, CallbackState.OPEN, now),
                r.priority != "urgent",
                r.due_at or far,
                r.id,
            ),
        )

    async def take(self, username: str, frame: CallbackTake) -> None:
        row = await self._visible(username, frame.callback_id)
        taker = self._taken.get(row.id)
        if row.state == CallbackState.DONE.value or (taker is not None and taker != username):
            raise ProtocolError(ErrorCode.CONFLICT, "already taken", ref=str(row.id))
        self._offers.pop(row.id, None)
        self._taken[row.id] = username
        if username in self.routing.router.agents:
            # No chat offers while she calls.
            await self.routing.change_status(username, StaffStatus.NOT_READY, "callback")
        await self.open(username, CallbackOpen(callback_id=row.id))
        self.meter_due.mark()

    async def decline(self, username: str, frame: CallbackDecline) -> None:
        offered = self._offers.get(frame.callback_id)
        if offered is None or offered[0] != username:
            return
        self._declined[(frame.callback_id, username)] = self.service.clock()
        await self._withdraw(frame.callback_id)

    # --- figures -------------------------------------------------------------------------

    async def send_figures(self, username: str, frame: CallbackFiguresRequest) -> None:

        profile = self.online.profiles[username]
        if not is_supervisor(profile):
            raise ProtocolError(ErrorCode.FORBIDDEN, "figures are for supervisors")
        now = self.service.clock()
        tz = self.service.config.tz
        day = frame.day or now.astimezone(tz).date()
        start = datetime.combine(day, time.min, tz)
        rows = await self.store.created_between(start, start + timedelta(days=1))
        facts = [
            CallbackFacts(r.queue, r.created_at, r.due_at, CallbackState(r.state), r.done_at)
            for r in rows
        ]
        result = []
        for queue in self.service.config.queues:
            fig = figures(
                [f for f in facts if f.queue == queue.id], day, now, self.service.hours[queue.id]
            ).get(queue.id)
            if fig is not None:
                result.append(
                    CallbackDayFigures(
                        queue=queue.id,
                        created=fig.created,
                        done_same_day=fig.done_same_day,
                        done_in_time=fig.done_in_time,
                        overdue=fig.overdue,
                        open=fig.open,
                    )
                )
        await self.outbox.send_staff(username, ToStaffCallbackFigures(day=day, rows=result))
