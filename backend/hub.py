"""The live contact centre: who is connected, what waits, and who is told what.

The hub owns the in-memory routing state (rebuilt from the database at start); it and the
features it builds (``callbacks.py``, ``collab.py``, ``digi.py``, ``supervision.py``,
``record_access.py``…) turn protocol frames into store writes and outgoing frames. Order of
a client's chat message: validate -> store (commit) -> ack the sender -> fan out.

Nothing here logs message text, names or phone numbers: only ids and event kinds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from backend.accounts import Accounts
from backend.auth import new_token, token_hash, verify_password_async
from backend.callbacks import Callbacks
from backend.centre import (
    Desk,
    Link,
    Live,
    StaffConn,
    chat_line,
    client_lang,
    first_name,
    is_supervisor,
)
from backend.chat_desk import ChatDesk, shown_wait
from backend.collab import Collaboration
from backend.config import ServiceConfig, Settings
from backend.domain.accounts import AccountError, check_username, grant
from backend.domain.meter import DayCounts, StaffCapacity, estimated_wait_s, queue_figures
from backend.domain.ratelimit import ClientLimits, LoginThrottle
from backend.domain.routing import Agent, Channel, Contact, Router, RoutingError
from backend.domain.sign_in import Pending, SignInRefused, claim_list, claim_text
from backend.handbook import Handbook
from backend.metrics import Metrics, Snapshot
from backend.oidc import OidcClient
from backend.phone import PhoneDesk
from backend.record_access import RecordAccess
from backend.retention import Retention
from backend.staff_chat import StaffChat
from backend.store.callbacks import CallbackStore
from backend.store.handbook import HandbookStore
from backend.store.identities import IdentityStore
from backend.store.pictures import PictureMeta, PictureStore
from backend.store.reports import ReportStore
from backend.store.repository import Store, StoredLine
from backend.store.tables import Conversation, StaffSession
from protocol.messages import (
    Author,
    ClientIdentity,
    ClientMessage,
    ClientResume,
    ClientStart,
    ConversationView,
    ErrorCode,
    Frame,
    HandoffLink,
    ProtocolError,
    QueueFigures,
    QueueInfo,
    RecordSettings,
    StaffAccept,
    StaffClose,
    StaffOpen,
    StaffProfile,
    StaffSend,
    StaffSetStatus,
    StaffStatus,
    ToClientAck,
    ToClientClosed,
    ToClientJoined,
    ToClientMessage,
    ToClientResumed,
    ToClientStarted,
    ToClientTyping,
    ToStaffAck,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffConversation,
    ToStaffLeft,
    ToStaffLoggedIn,
    ToStaffMessage,
    ToStaffMeter,
    ToStaffOfferWithdrawn,
    ToStaffStatus,
    ToStaffTyping,
)

if TYPE_CHECKING:  # pysaml2 is loaded only where identification is set up
    from backend.domain.identification import Identity
    from backend.suomifi import SuomiFi

log = logging.getLogger("luukku.hub")

TICK_S = 0.25
METER_EVERY_S = 2.0
# Sessions ended by another process (the users command) are looked for this often.
SESSIONS_EVERY_S = 2.0


class ReloadRefused(ValueError):
    """A valid service file that cannot be applied while running; the message says why."""


class Hub:
    def __init__(
        self,
        settings: Settings,
        config: ServiceConfig,
        store: Store,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.config = config
        self.store = store
        self.clock = clock
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
        self.hours = {q.id: config.opening_hours(q.id) for q in config.queues}
        self.live: dict[str, Live] = {}
        self.staff: dict[str, StaffConn] = {}
        self.profiles: dict[str, StaffProfile] = {}
        self.counts: dict[str, DayCounts] = {q.id: DayCounts() for q in config.queues}
        self.counts_day = self._local_day(self.clock())
        self.throttle = LoginThrottle()
        self._login_locks: dict[str, asyncio.Lock] = {}
        limits = config.limits
        self.client_limits = ClientLimits(
            limits.client_frames_per_s,
            limits.client_burst,
            limits.client_starts_per_minute / 60,
            limits.client_starts_burst,
        )
        self.client_grace = timedelta(seconds=90)
        self._task: asyncio.Task[None] | None = None
        self._last_meter = 0.0
        # Event-loop time of the tick's last completed run: what the health check reports.
        self.last_tick: float | None = None
        self.tick_longest_s = 0.0
        self._meter_dirty = False
        self._positions_due = False
        # Called with every meter update (the supervisor's board goes out with it).
        self.meter_listeners: list[Callable[[], Awaitable[None]]] = []
        self.last_meter: list[QueueFigures] = []  # the figures the last round sent
        # Told when a staff member's socket is attached (True) or gone (False), after the
        # hub has done its part (the digi-agents' standby hangs on this).
        self.staff_listeners: list[Callable[[str, bool], Awaitable[None]]] = []
        # Told of a reloaded service file (parts outside the hub that keep their own copy).
        self.config_listeners: list[Callable[[ServiceConfig], None]] = []
        self.handbook = Handbook(self, HandbookStore(store))
        self.callbacks = Callbacks(self, CallbackStore(store))
        self.reports = ReportStore(store)
        # The last state written to the staff-state log per person (reports' time per state).
        self._logged_states: dict[str, tuple[str, str]] = {}
        self._state_rows: asyncio.Queue[tuple[str, datetime, str, str]] | None = None
        self._state_writer: asyncio.Task[None] | None = None
        self.pictures = PictureStore(store)
        self.collab = Collaboration(self)
        self.record_access = RecordAccess(store, self.may_see, self.clock)
        self.metrics = Metrics()
        self.metrics.read_live(self.snapshot)
        store.on_commit = self.metrics.commit_seconds.observe
        self.staff_chat = StaffChat(self)
        self.phone = PhoneDesk(self, self.callbacks)
        self.chat = ChatDesk(self)
        # Each channel's desk delivers and withdraws its offers (backend/centre.py: Desk).
        self.desks: dict[Channel, Desk] = {"chat": self.chat, "phone": self.phone}
        self.accounts = Accounts(store, lambda: self.config, self.clock, self.end_staff)
        self._sessions_checked = 0.0
        self._oidc_client: OidcClient | None = None
        # Suomi.fi identification (set by the app when [identification] and its keys are).
        self.suomifi: SuomiFi | None = None
        self.identities = IdentityStore(store)
        self.retention = Retention(store, lambda: self.config, self.clock)

    # --- life cycle ----------------------------------------------------------------------

    def reload(self, config: ServiceConfig) -> None:
        """A new, already validated service file, applied from the next tick: hours,
        exceptions, names, routing and meter rules, limits, texts, roles, retention.
        The queues themselves (ids, channels, skills) are what live contacts and counts
        hang on: a file that changes them is refused (``ReloadRefused``), and applied
        by a restart."""
        shape = {(q.id, q.channel, q.skill) for q in self.config.queues}
        if {(q.id, q.channel, q.skill) for q in config.queues} != shape:
            raise ReloadRefused(
                "queues: ids, channels or skills changed; restart the backend to apply them"
            )
        self.config = config
        self.hours = {q.id: config.opening_hours(q.id) for q in config.queues}
        rules = config.routing
        router = self.router
        router.offer_timeout = timedelta(seconds=rules.offer_timeout_s)
        router.missed_offer_sets_not_ready = rules.missed_offer_sets_not_ready
        router.missed_cooldown = timedelta(seconds=rules.missed_cooldown_s)
        router.language_wait = timedelta(seconds=rules.language_wait_s)
        router.wrap_up_max = (
            timedelta(seconds=rules.wrap_up_max_s) if rules.wrap_up_max_s > 0 else None
        )
        router.wrap_up_then_ready = rules.wrap_up_then_ready
        limits = config.limits
        self.client_limits.line_rate_per_s = limits.client_frames_per_s
        self.client_limits.line_burst = limits.client_burst
        self.client_limits.start_rate_per_s = limits.client_starts_per_minute / 60
        self.client_limits.start_burst = limits.client_starts_burst
        self.collab.config = config.collaboration
        self.callbacks.reconfigure(config.callbacks)
        for listener in self.config_listeners:
            listener(config)
        self._meter_dirty = True
        log.info("service file reloaded")

    async def start(self) -> None:
        # Whoever the log shows as still working was cut off by the stop: from now on she
        # is offline until she reconnects (else a crash would count as hours Ready).
        await self.reports.close_open_states(self.clock())
        await self._restore()
        self._state_rows = asyncio.Queue()
        self._state_writer = asyncio.create_task(self._write_states(), name="state-log")
        self._task = asyncio.create_task(self._ticker(), name="hub-ticker")

    async def stop(self) -> None:
        await self.retention.stop()
        if self._oidc_client is not None:
            await self._oidc_client.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._state_rows is not None and self._state_writer is not None:
            # What is queued is written before the store closes.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._state_rows.join(), timeout=5)
            self._state_writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._state_writer

    async def _restore(self) -> None:
        """Rebuild the queues and ongoing conversations after a (re)start."""
        now = self.clock()
        await self.callbacks.load()
        consultants = await self.collab.store.consultants()
        for row in await self.store.open_conversations():
            if self.config.queue(row.queue) is None:
                log.warning("conversation %s is in unknown queue; left as is", row.id)
                continue
            live = Live(
                id=row.id,
                queue=row.queue,
                state=row.state,
                arrived_at=row.arrived_at,
                client_name=row.client_name,
                client_phone=row.client_phone,
                owner=row.answered_by,
                answered_at=row.answered_at,
                client_gone_at=now,
                consultants=consultants.get(row.id, set()) if row.state == "active" else set(),
                lang=row.lang,
                identified=row.identified,
            )
            self.live[row.id] = live
            if row.state == "queued":
                self.router.enqueue(
                    Contact(row.id, row.queue, "chat", row.arrived_at, lang=row.lang)
                )
        await self._load_counts(now)
        log.info("restored %d open conversations", len(self.live))

    async def _load_counts(self, now: datetime) -> None:
        tz = self.config.tz
        midnight = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz)
        self.counts = {q.id: DayCounts() for q in self.config.queues}
        for row in await self.store.conversations_since(midnight):
            if row.queue in self.counts:
                self.counts[row.queue].record(
                    row.arrived_at, row.answered_at, row.closed_at, row.abandoned
                )
        for call in await self.phone.store.since(midnight):
            if call.queue in self.counts:
                self.counts[call.queue].record(
                    call.arrived_at, call.answered_at, call.ended_at, call.outcome == "abandoned"
                )

    def _local_day(self, at: datetime) -> object:
        return at.astimezone(self.config.tz).date()

    async def _ticker(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            began = loop.time()
            try:
                await self.tick()
                if self._meter_dirty or loop.time() - self._last_meter >= METER_EVERY_S:
                    self._last_meter = loop.time()
                    await self._send_meter()
                self.collab.tell_colleagues()
            except Exception:
                log.exception("hub tick failed")
            self.last_tick = loop.time()
            # Watched by /api/health and the benchmarks: a round longer than TICK_S means
            # offers lapse late and the meter lags.
            self.tick_longest_s = max(self.tick_longest_s, self.last_tick - began)
            await asyncio.sleep(TICK_S)

    async def tick(self) -> None:
        now = self.clock()
        day = self._local_day(now)
        if day != self.counts_day:
            self.counts_day = day
            await self._load_counts(now)
        for conn in [c for c in self.staff.values() if c.expires_at and c.expires_at <= now]:
            # Her session ended: this socket ends too (the desktop logs in again).
            await conn.link.close(4001, "session expired")
            conn.expires_at = None
        await self.watch_sessions()
        await self.retention.tick()
        self.client_limits.prune(time.monotonic())
        for username in self.router.end_wrap_ups(now):
            await self.send_status(username)
        for lapse in self.router.expire_offers(now):
            log.info("offer of %s to %s lapsed", lapse.contact_id, lapse.username)
            self.metrics.lapses.inc()
            for conversation_id in (lapse.contact_id, *lapse.also_withdrawn):
                await self.withdraw_offer(lapse.username, conversation_id, "timeout")
            if lapse.set_not_ready:
                await self.send_status(lapse.username)
        for live in list(self.live.values()):
            if (
                live.state == "queued"
                and live.client is None
                and live.client_gone_at is not None
                and now - live.client_gone_at > self.client_grace
            ):
                await self._abandon(live, now)
        for desk in self.desks.values():
            await desk.tick(now)
        await self.route()
        await self.tell_positions()

    async def withdraw_offer(self, username: str, contact_id: str, reason: str) -> None:
        """An offer she no longer has: a chat's banner goes, a call stops ringing her."""
        await self.desks[self.channel_of(contact_id)].withdraw(username, contact_id, reason)

    def channel_of(self, contact_id: str) -> Channel:
        contact = self.router.contacts.get(contact_id)
        if contact is not None:
            return contact.channel
        return "phone" if contact_id in self.phone.calls else "chat"

    async def route(self) -> None:
        now = self.clock()
        for offer in self.router.route(now):
            self.metrics.offers.labels(offer.channel).inc()
            await self.desks[offer.channel].deliver(offer, now)
        await self.callbacks.offer_to_idle(now)
        # Places in the queue are told once a tick, not after every change: a hand-out of
        # a thousand would otherwise re-tell every waiting client a thousand times.
        self._positions_due = True

    async def tell_positions(self) -> None:
        if self._positions_due:
            self._positions_due = False
            for desk in self.desks.values():
                await desk.positions()

    # --- sending -------------------------------------------------------------------------

    async def send_to(self, link: Link | None, frame: Frame) -> None:
        if link is None:
            return
        try:
            await link.send(frame)
        except Exception:
            # A socket that died mid-send is cleaned up by its own receive loop.
            log.debug("send failed", exc_info=True)

    def send_each(self, links: Iterable[Link], frame: Frame) -> None:
        """One frame to many sockets, serialised once (a colleagues list to every desktop
        was a hundred serialisations of the same hundred lines)."""
        text = frame.model_dump_json()
        for link in links:
            try:
                link.send_text(text)
            except Exception:
                log.debug("send failed", exc_info=True)

    async def send_staff(self, username: str | None, frame: Frame) -> None:
        """Send to one staff member if she is online."""
        conn = self.staff.get(username) if username else None
        if conn is not None:
            await self.send_to(conn.link, frame)

    async def send_status(self, username: str) -> None:
        agent = self.router.agents.get(username)
        if agent is not None:
            await self.send_staff(
                username,
                ToStaffStatus(
                    status=agent.status,
                    reason=agent.reason,
                    wrap_up_until=self.router.wrap_up_ends(username),
                ),
            )

    # --- the meter -----------------------------------------------------------------------

    def _capacity(self, queue: str) -> StaffCapacity:
        skill = self.router.queue_skills[queue]
        q = self.config.queue(queue)
        phone = q is not None and q.channel == "phone"
        ready = busy = free = slots = people = 0
        for agent in self.router.agents.values():
            if skill not in agent.skills or agent.username not in self.staff:
                continue
            if agent.status is StaffStatus.OFFLINE:
                continue
            people += 1
            # A phone line: one call at a time each; a chat queue: her chat slots.
            slots += 1 if phone else agent.chat_capacity
            if agent.chats or agent.on_call:
                busy += 1
            if agent.status is StaffStatus.READY:
                ready += 1
                if phone and agent.can_take(skill, "phone") and not agent.chats:
                    free += 1
                elif not phone and agent.can_take(skill, "chat"):
                    free += agent.chat_capacity - agent.load
        return StaffCapacity(
            ready=ready, busy=busy, free_slots=free, logged_in_slots=slots, logged_in=people
        )

    def estimate(self, queue: str, position: int) -> float | None:
        return self.estimator(queue)(position)

    def estimator(self, queue: str) -> Callable[[int], float | None]:
        """Estimates for many places in one queue: the staff are counted once."""
        q = self.config.queue(queue)
        assert q is not None
        capacity = self._capacity(queue)
        counts = self.counts[queue]
        thresholds = self.config.meter[q.channel].thresholds()
        return lambda position: estimated_wait_s(position, capacity, counts, thresholds)

    def meter(self) -> list[QueueFigures]:
        now = self.clock()
        figures = []
        for q in self.config.queues:
            figure = queue_figures(
                queue=q.id,
                channel=q.channel,
                now=now,
                open_now=self.hours[q.id].is_open(now),
                waiting_since=[c.arrived_at for c in self.router.waiting(q.id)],
                staff=self._capacity(q.id),
                counts=self.counts[q.id],
                thresholds=self.config.meter[q.channel].thresholds(),
                callbacks=self.callbacks.counts(q.id, now),
            )
            if q.channel == "phone" and not self.phone.available:
                figure = figure.model_copy(update={"available": False})
            figures.append(figure)
        return figures

    def queue_infos(self) -> list[QueueInfo]:
        now = self.clock()
        infos = []
        for q in self.config.queues:
            hours = self.hours[q.id]
            open_now = hours.is_open(now)
            waiting = len(self.router.waiting(q.id))
            infos.append(
                QueueInfo(
                    id=q.id,
                    names=q.names,
                    open_now=open_now,
                    next_opening=None if open_now else hours.next_opening(now),
                    estimated_wait_s=self.estimate(q.id, waiting + 1) if open_now else None,
                )
            )
        return infos

    async def meter_changed(self) -> None:
        """Mark the meter changed; the ticker sends it (at most every tick, not every event)."""
        self._meter_dirty = True

    async def _send_meter(self) -> None:
        self._meter_dirty = False
        if not self.staff:
            return
        # Computed once a round: the listeners (the digi-agents' watch, the board) read
        # these figures too; what they change marks the meter for the next round.
        figures = self.last_meter = self.meter()
        for listener in self.meter_listeners:
            try:
                await listener()
            except Exception:
                log.exception("meter listener")
        now = self.clock()
        # One serialisation per distinct set of queues (a handful), not one per desktop.
        readers: dict[frozenset[str], list[Link]] = {}
        for conn in list(self.staff.values()):
            readers.setdefault(frozenset(self.serves(conn.profile)), []).append(conn.link)
        for mine, links in readers.items():
            frame = ToStaffMeter(at=now, queues=[f for f in figures if f.queue in mine])
            self.send_each(links, frame)

    def serves(self, profile: StaffProfile) -> set[str]:
        if is_supervisor(profile):
            return {q.id for q in self.config.queues}
        return {q.id for q in self.config.queues if q.skill in profile.skills}

    # --- clients -------------------------------------------------------------------------

    async def client_start(self, link: Link, frame: ClientStart) -> str:
        queue = self.config.queue(frame.queue)
        if queue is None or queue.channel != "chat":
            raise ProtocolError(ErrorCode.UNKNOWN_QUEUE, f"no chat queue {frame.queue!r}")
        now = self.clock()
        hours = self.hours[queue.id]
        if not hours.is_open(now):
            raise ProtocolError(
                ErrorCode.CLOSED_NOW,
                "the service is closed now",
                next_opening=hours.next_opening(now),
            )
        identity = self._identity_of(queue.identification, frame.identity)
        conversation_id = secrets.token_hex(12)
        token = new_token()
        await self.store.add_conversation(
            Conversation(
                id=conversation_id,
                queue=queue.id,
                channel="chat",
                state="queued",
                client_token_hash=token_hash(token),
                client_name=frame.name or None,
                client_phone=frame.phone or None,
                lang=frame.lang,
                arrived_at=now,
                abandoned=False,
                last_seq=0,
                identified=identity is not None,
            )
        )
        logout = None
        if identity is not None and self.suomifi is not None:
            await self.identities.add(
                conversation_id, identity.name, identity.hetu, identity.loa, now
            )
            logout = self.suomifi.logout_ticket(identity)
        live = Live(
            id=conversation_id,
            queue=queue.id,
            state="queued",
            arrived_at=now,
            client_name=frame.name or None,
            client_phone=frame.phone or None,
            client=link,
            lang=frame.lang,
            identified=identity is not None,
            name_id=identity.name_id if identity is not None else None,
        )
        self.live[conversation_id] = live
        self.router.enqueue(Contact(conversation_id, queue.id, "chat", now, lang=frame.lang))
        position = self.router.position(conversation_id) or 1
        wait = self.estimate(queue.id, position)
        self.chat.told[conversation_id] = shown_wait(position, wait)
        log.info("conversation %s queued in %s", conversation_id, queue.id)
        await self.send_to(
            link,
            ToClientStarted(
                conversation_id=conversation_id,
                token=token,
                queue=queue.id,
                position=position,
                estimated_wait_s=wait,
                logout=logout,
                identified=identity is not None,
            ),
        )
        await self.route()
        return conversation_id

    def _identity_of(self, rule: str, ticket: str | None) -> Identity | None:
        """What a start's Suomi.fi ticket proves, as the queue's rule allows. A required
        identification without a valid ticket is refused; anonymous starts never wait on
        anything here (no I/O: the ticket is in memory)."""
        identity = None
        if ticket is not None and rule != "off" and self.suomifi is not None:
            identity = self.suomifi.take(ticket)
            if identity is None:
                raise ProtocolError(
                    ErrorCode.IDENTIFICATION_REQUIRED, "the identification has expired; again"
                )
        if rule == "required" and identity is None:
            raise ProtocolError(
                ErrorCode.IDENTIFICATION_REQUIRED, "this topic needs a Suomi.fi identification"
            )
        return identity

    async def end_identified(self, name_id: str) -> int:
        """She logged out of Suomi.fi elsewhere (single logout from the IdP): her
        identified chats end as if she had left them. How many."""
        mine = [live for live in list(self.live.values()) if live.name_id == name_id]
        for live in mine:
            await self.client_leave(live.id)
            if live.client is not None:
                await self.send_to(live.client, ToClientClosed(by="client"))
        return len(mine)

    async def client_resume(self, link: Link, frame: ClientResume) -> str:
        row = await self.store.conversation(frame.conversation_id)
        if row is None or not secrets.compare_digest(
            row.client_token_hash, token_hash(frame.token)
        ):
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such conversation")
        missed = [chat_line(line) for line in await self.store.lines(row.id, frame.last_seq)]
        live = self.live.get(row.id)
        staff_name = None
        if live is not None:
            if live.client is not None and live.client is not link:
                await live.client.close(4001, "resumed elsewhere")
            live.client = link
            live.client_gone_at = None
            owner = self.profiles.get(live.owner or "")
            staff_name = first_name(owner.display_name) if owner else None
        state = "closed" if live is None else ("active" if live.state == "active" else "queued")
        position = self.router.position(row.id) if state == "queued" else None
        # The resumed frame has no estimate: the next pass tells it.
        self.chat.told.pop(row.id, None)
        await self.send_to(
            link,
            ToClientResumed(
                conversation_id=row.id,
                queue=row.queue,
                state=state,
                position=position,
                staff_name=staff_name,
                missed=missed,
            ),
        )
        return row.id

    async def client_message(self, conversation_id: str, frame: ClientMessage) -> None:
        live = self.live.get(conversation_id)
        if live is None or live.client_left:
            raise ProtocolError(
                ErrorCode.NOT_FOUND, "the conversation has ended", ref=frame.client_msg_id
            )
        async with live.lock:
            line, _new = await self.store.append_message(
                conversation_id,
                author=Author.CLIENT,
                text=frame.text,
                at=self.clock(),
                client_msg_id=frame.client_msg_id,
                author_name=live.client_name,
            )
        self.metrics.lines_acked.inc()
        await self.send_to(
            live.client, ToClientAck(client_msg_id=frame.client_msg_id, seq=line.seq, at=line.at)
        )
        if live.state == "queued" and live.first_line is None:
            live.first_line = frame.text[:300]
        if live.state == "active":
            await self.to_members(
                live, ToStaffMessage(conversation_id=conversation_id, line=chat_line(line))
            )

    async def client_typing(self, conversation_id: str, typing: bool) -> None:
        live = self.live.get(conversation_id)
        if live is not None and live.state == "active":
            await self.send_staff(
                live.owner, ToStaffTyping(conversation_id=conversation_id, typing=typing)
            )

    async def client_leave(self, conversation_id: str) -> None:
        live = self.live.get(conversation_id)
        if live is None:
            return
        now = self.clock()
        if live.state == "queued":
            await self._abandon(live, now)
            return
        live.client_left = True
        await self.system_line(live, "client_left")
        await self.to_members(live, ToStaffClientLeft(conversation_id=conversation_id))

    async def client_gone(self, conversation_id: str, link: Link) -> None:
        live = self.live.get(conversation_id)
        if live is not None and live.client is link:
            live.client = None
            live.client_gone_at = self.clock()

    async def _abandon(self, live: Live, now: datetime) -> None:
        contact = self.router.remove(live.id)
        offered_to = contact.offered_to if contact else None
        # One already answered (then transferred) was not abandoned unanswered.
        answered = live.answered_at is not None
        await self.store.mark_closed(live.id, now, abandoned=not answered)
        if not answered:
            self.counts[live.queue].abandoned_waits_s.append(
                (now - live.arrived_at).total_seconds()
            )
        self.live.pop(live.id, None)
        self.chat.told.pop(live.id, None)
        self.client_limits.forget(live.id)
        log.info("conversation %s abandoned in queue", live.id)
        if offered_to is not None:
            await self.send_staff(
                offered_to, ToStaffOfferWithdrawn(conversation_id=live.id, reason="client_left")
            )
        await self.send_to(live.client, ToClientClosed(by="client"))

    async def system_line(self, live: Live, text: str) -> None:
        # System lines hold a code, not prose: each side shows it in its own language.
        async with live.lock:
            line, _ = await self.store.append_message(
                live.id, author=Author.SYSTEM, text=text, at=self.clock()
            )
        await self.fan_line(live, line)

    async def fan_line(
        self, live: Live, line: StoredLine, pictures: dict[int, PictureMeta] | None = None
    ) -> None:
        """A new stored line to everyone in the conversation (thumbnails to staff only)."""
        await self.to_members(
            live, ToStaffMessage(conversation_id=live.id, line=chat_line(line, pictures or {}))
        )
        await self.send_to(live.client, ToClientMessage(line=chat_line(line)))

    async def to_members(self, live: Live, frame: Frame, but: str | None = None) -> None:
        for username in live.staff_members():
            if username != but:
                await self.send_staff(username, frame)

    # --- staff ---------------------------------------------------------------------------

    async def staff_login(
        self, link: Link, username: str, password: str, address: str = "-"
    ) -> str:
        """``address`` is where the attempt comes from (the socket's, or the trusted
        proxy's forwarded one): failures slow that place down, never the account."""
        now_s = asyncio.get_running_loop().time()
        wait = self.throttle.wait_s(username, address, now_s)
        if wait > 0:
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, f"too many attempts; try again in {wait:.0f} s"
            )
        if not self.config.identity.local_passwords:
            raise ProtocolError(
                ErrorCode.AUTH_FAILED, "passwords are off here: sign in with the organisation"
            )
        if not self.throttle.admit(address):
            raise ProtocolError(ErrorCode.RATE_LIMITED, "too many attempts at once; try again")
        lock = self._login_locks.setdefault(address, asyncio.Lock())
        try:
            async with lock:  # one verification at a time per address; the rest wait
                user = await self.store.user(username)
                ok = await verify_password_async(user.password_hash if user else None, password)
        finally:
            self.throttle.release(address)
            if not lock.locked() and address not in self.throttle.pending_addresses():
                self._login_locks.pop(address, None)
        if user is None or not ok or not user.active:
            self.throttle.failed(username, address, asyncio.get_running_loop().time())
            log.info("failed staff login")
            raise ProtocolError(ErrorCode.AUTH_FAILED, "wrong username or password")
        self.throttle.succeeded(username, address)
        await self._open_session(link, username)
        return username

    async def _open_session(self, link: Link, username: str) -> None:
        token = new_token()
        now = self.clock()
        expires = now + timedelta(hours=self.settings.session_ttl_h)
        await self.store.add_session(
            StaffSession(
                token_hash=token_hash(token), username=username, created_at=now, expires_at=expires
            )
        )
        await self._attach_staff(link, username, token, expires)

    def _oidc(self) -> OidcClient:
        oidc = self.config.identity.oidc
        if oidc is None:
            raise ProtocolError(
                ErrorCode.AUTH_FAILED, "sign-in with the organisation is not set up"
            )
        if self._oidc_client is None or self._oidc_client.config != oidc:
            self._oidc_client = OidcClient(oidc, self.settings.oidc_client_secret)
        return self._oidc_client

    async def sign_in_start(self, redirect_uri: str, login_hint: str) -> tuple[Pending, str]:
        try:
            return await self._oidc().begin(redirect_uri, login_hint)
        except SignInRefused as exc:
            raise ProtocolError(ErrorCode.AUTH_FAILED, str(exc)) from exc

    async def sign_in_finish(self, link: Link, pending: Pending, code: str, state: str) -> str:
        """The provider vouched for her: her groups give her role and skills (the first
        sign-in creates her account, later ones update it), then a Luukku session."""
        try:
            client = self._oidc()
            claims = await client.finish(pending, code, state)
            oidc = client.config
            username = check_username(claim_text(claims, oidc.username_claim))
            name = str(claims.get(oidc.name_claim) or username)
            granted = grant(claim_list(claims, oidc.groups_claim), oidc.roles, oidc.skills)
            if granted is None:
                raise SignInRefused(
                    "your groups give you no role in Luukku; ask IT to add you to a Luukku group"
                )
            await self.accounts.from_provider(username, name, granted)
        except (SignInRefused, AccountError) as exc:
            log.info("staff sign-in refused: %s", exc)
            raise ProtocolError(ErrorCode.AUTH_FAILED, str(exc)) from exc
        await self._open_session(link, username)
        return username

    async def watch_sessions(self) -> None:
        """Sessions ended elsewhere (``users disable`` or a new password from the command
        line, another backend process): her socket closes, and if her account ended her
        chats go back to the queue. Checked every SESSIONS_EVERY_S, one query for all."""
        loop_now = asyncio.get_running_loop().time()
        if loop_now - self._sessions_checked < SESSIONS_EVERY_S or not self.staff:
            return
        self._sessions_checked = loop_now
        attached = {c.token_hash: u for u, c in self.staff.items()}
        alive = await self.accounts.rows.live_sessions(list(attached))
        for gone_hash in set(attached) - alive:
            username = attached[gone_hash]
            conn = self.staff.get(username)
            if conn is None or conn.token_hash != gone_hash:
                continue
            user = await self.store.user(username)
            if user is None or not user.active:
                await self.end_staff(username)
            else:
                await conn.link.close(4003, "signed out")

    async def end_staff(self, username: str) -> None:
        """Her account was disabled or removed: her open chats go back to the head of
        their queues at once (not after her reconnect grace), her socket closes."""
        await self.collab.give_back(username)
        conn = self.staff.get(username)
        if conn is not None:
            await conn.link.close(4003, "account disabled")

    async def sign_out(self, username: str) -> None:
        """End all her sessions and close her socket (a supervisor signs out a forgotten
        session): the desktop finds its session gone and asks for a log-in."""
        await self.store.end_sessions_of(username)
        conn = self.staff.get(username)
        if conn is not None:
            await conn.link.close(4003, "signed out by a supervisor")

    async def staff_logout(self, username: str, link: Link) -> None:
        """She logs out: the session ends for good (its token resumes nothing), and the
        socket closes."""
        conn = self.staff.get(username)
        if conn is not None and conn.link is link:
            await self.store.end_session(conn.token_hash)
        await link.close(4003, "logged out")

    async def staff_resume(self, link: Link, token: str) -> str:
        session = await self.store.session(token_hash(token), self.clock())
        if session is None:
            raise ProtocolError(ErrorCode.AUTH_FAILED, "session expired; log in again")
        username, expires = session
        user = await self.store.user(username)
        if user is None or not user.active:
            raise ProtocolError(ErrorCode.AUTH_FAILED, "account disabled")
        await self._attach_staff(link, username, token, expires)
        return username

    async def _attach_staff(
        self, link: Link, username: str, token: str, expires: datetime | None = None
    ) -> None:
        user = await self.store.user(username)
        assert user is not None
        profile = StaffProfile(
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            skills=[s for s in user.skills.split(",") if s],
            chat_capacity=user.chat_capacity,
            handbook_editor=user.handbook_editor,
            languages=[lang for lang in user.languages.split(",") if lang],
        )
        self.profiles[username] = profile
        old = self.staff.get(username)
        if old is not None and old.link is not link:
            await old.link.close(4001, "logged in elsewhere")
        self.staff[username] = StaffConn(profile, link, token_hash(token), expires)
        agent = self.router.add_agent(
            Agent(
                username=username,
                skills=frozenset(profile.skills),
                chat_capacity=profile.chat_capacity,
                chat_while_on_call=user.chat_while_on_call,
                phone_while_chat=user.phone_while_chat,
                languages=frozenset(profile.languages),
            )
        )
        if agent.status is StaffStatus.OFFLINE:
            self.router.set_status(username, StaffStatus.NOT_READY, self.clock(), "login")
            await self._log_state(username)
        mine = [live for live in self.live.values() if username in live.staff_members()]
        for live in mine:
            if live.owner == username:
                agent.chats.add(live.id)
        log.info("staff %s connected", username)
        await self.send_to(
            link,
            ToStaffLoggedIn(
                session_token=token,
                profile=profile,
                status=agent.status,
                queue_names={q.id: q.names for q in self.config.queues},
                placeholders=self.config.placeholders,
                clinics=await self.callbacks.directory(),
                queue_skills={q.id: q.skill for q in self.config.queues},
                queue_channels={q.id: q.channel for q in self.config.queues},
                timezone=self.config.timezone,
                queue_links={
                    q.id: [HandoffLink(id=k.id, names=k.names, url=k.url) for k in q.links]
                    for q in self.config.queues
                    if q.links
                },
                record=RecordSettings(
                    transcript=self.config.record.transcript,
                    templates=self.config.record.templates,
                ),
            ),
        )
        await self.send_status(username)
        for live in mine:
            await self.send_to(
                link, ToStaffConversation(conversation=await self.view(live.id, username))
            )
        await self.staff_chat.send_history(username)
        await self._tell_staff_listeners(username, True)
        self.collab.tell_colleagues_to(link)
        self.collab.colleagues_changed()
        await self.meter_changed()

    async def staff_gone(self, username: str, link: Link) -> None:
        conn = self.staff.get(username)
        if conn is None or conn.link is not link:
            return
        del self.staff[username]
        # Her chats stay hers (she reconnects and resumes); her pending offers go to others.
        for contact_id in self.router.set_status(username, StaffStatus.OFFLINE, self.clock()):
            if self.channel_of(contact_id) == "phone":
                await self.withdraw_offer(username, contact_id, "taken")
        await self._log_state(username)
        log.info("staff %s disconnected", username)
        self.callbacks.withdraw_offers_of(username)
        await self._tell_staff_listeners(username, False)
        await self.route()
        self.collab.colleagues_changed()

    async def _tell_staff_listeners(self, username: str, attached: bool) -> None:
        for listener in self.staff_listeners:
            try:
                await listener(username, attached)
            except Exception:
                log.exception("staff listener")

    async def set_status(self, username: str, frame: StaffSetStatus) -> None:
        await self.change_status(username, frame.status, frame.reason)
        await self.route()
        await self.meter_changed()
        self.collab.colleagues_changed()

    async def set_on_call(self, username: str, on_call: bool) -> None:
        now = self.clock()
        agent = self.router.agents.get(username)
        if agent is None:
            return
        ended = agent.on_call and not on_call
        self.router.set_on_call(username, on_call, now)
        if ended and agent.load == 0:
            await self.wrap_up(username, now)
        await self.route()
        await self.meter_changed()

    async def accept(self, username: str, frame: StaffAccept) -> None:
        live = self.live.get(frame.conversation_id)
        now = self.clock()
        try:
            self.router.accept(frame.conversation_id, username, now)
        except RoutingError as exc:
            raise ProtocolError(
                ErrorCode.NOT_FOUND, "the offer is no longer valid", ref=frame.conversation_id
            ) from exc
        assert live is not None
        await self.store.mark_answered(live.id, username, now)
        live.state = "active"
        live.owner = username
        live.transfer = None
        self.chat.told.pop(live.id, None)
        if live.answered_at is None:
            # Counted once: a transferred conversation was answered when first taken.
            live.answered_at = now
            self.counts[live.queue].answered_waits_s.append((now - live.arrived_at).total_seconds())
        log.info("conversation %s accepted by %s", live.id, username)
        self.metrics.accepts.inc()
        await self.send_staff(
            username, ToStaffConversation(conversation=await self.view(live.id, username))
        )
        await self.send_to(
            live.client, ToClientJoined(staff_name=first_name(self.profiles[username].display_name))
        )
        # Her next offer now, not at the next tick: a queue empties as fast as staff accept.
        await self.route()
        await self.meter_changed()

    async def open(self, username: str, frame: StaffOpen) -> None:
        row = await self.store.conversation(frame.conversation_id)
        if row is None:
            raise ProtocolError(
                ErrorCode.NOT_FOUND, "no such conversation", ref=frame.conversation_id
            )
        if not self._may_open(username, row.id, row.queue, row.answered_by):
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                "this conversation is outside your queues",
                ref=frame.conversation_id,
            )
        await self.store.log_access(username, row.id, "open", self.clock())
        await self.send_staff(
            username, ToStaffConversation(conversation=await self.view(row.id, username))
        )

    def _may_open(
        self, username: str, conversation_id: str, queue: str, answered_by: str | None
    ) -> bool:
        live = self.live.get(conversation_id)
        return (
            queue in self.serves(self.profiles[username])
            or answered_by == username
            or (live is not None and username in live.consultants)
        )

    def snapshot(self) -> Snapshot:
        """What /metrics reads at scrape time (no client data: queues, states, counts)."""
        return Snapshot(
            meter=self.meter(),
            staff_states=[a.status.value for u, a in self.router.agents.items() if u in self.staff],
            sockets={
                "staff": len(self.staff),
                "client": sum(1 for live in self.live.values() if live.client is not None),
                "gateway": len(self.phone.gateways),
            },
            longest_tick_s=self.tick_longest_s,
        )

    async def may_see(self, username: str, contact_id: str) -> bool:
        """A chat she may open, or a call she answered."""
        row = await self.store.conversation(contact_id)
        if row is not None:
            return self._may_open(username, row.id, row.queue, row.answered_by)
        return await self.phone.store.answered_by(contact_id) == username

    def owned(self, username: str, conversation_id: str) -> Live:
        live = self.live.get(conversation_id)
        if live is None or live.owner != username or live.state != "active":
            raise ProtocolError(
                ErrorCode.FORBIDDEN, "not your open conversation", ref=conversation_id
            )
        return live

    def member_of(self, username: str, conversation_id: str) -> Live:
        """Her active conversation as owner or consultant."""
        live = self.live.get(conversation_id)
        if live is None or live.state != "active" or username not in live.staff_members():
            raise ProtocolError(
                ErrorCode.FORBIDDEN, "not a conversation you take part in", ref=conversation_id
            )
        return live

    async def staff_send(self, username: str, frame: StaffSend) -> None:
        live = self.member_of(username, frame.conversation_id)
        name = first_name(self.profiles[username].display_name)
        async with live.lock:
            line, _ = await self.store.append_message(
                live.id,
                author=Author.STAFF,
                text=frame.text,
                at=self.clock(),
                client_msg_id=frame.client_msg_id,
                author_name=name,
                staff_username=username,
            )
        await self.send_staff(
            username,
            ToStaffAck(conversation_id=live.id, client_msg_id=frame.client_msg_id, seq=line.seq),
        )
        await self.to_members(
            live, ToStaffMessage(conversation_id=live.id, line=chat_line(line)), but=username
        )
        await self.send_to(live.client, ToClientMessage(line=chat_line(line)))

    async def staff_typing(self, username: str, conversation_id: str, typing: bool) -> None:
        live = self.owned(username, conversation_id)
        await self.send_to(live.client, ToClientTyping(typing=typing))

    async def close(self, username: str, frame: StaffClose) -> None:
        live = self.owned(username, frame.conversation_id)
        now = self.clock()
        await self.store.mark_closed(live.id, now, outcome=frame.outcome, wrap_up=frame.wrap_up)
        self.live.pop(live.id, None)
        self.client_limits.forget(live.id)
        self.router.release(live.id, username, now)
        counts = self.counts[live.queue]
        if live.answered_at is not None:
            counts.handle_times_s.append((now - live.answered_at).total_seconds())
        log.info("conversation %s closed by %s", live.id, username)
        for consultant in sorted(live.consultants):
            await self.send_staff(
                consultant, ToStaffLeft(conversation_id=live.id, reason="consult_ended")
            )
        await self.send_to(live.client, ToClientClosed())
        await self.send_staff(
            username, ToStaffClosed(conversation_id=live.id, outcome=frame.outcome)
        )
        await self.wrap_up(username, now)
        await self.route()
        await self.meter_changed()

    async def wrap_up(self, username: str, now: datetime) -> None:
        """After a chat or a call: no new offers until she says she is Ready again. A
        close while already in wrap-up restarts its time (it follows the latest close)."""
        if self.router.agents[username].status in (StaffStatus.READY, StaffStatus.WRAP_UP):
            await self.change_status(username, StaffStatus.WRAP_UP)

    async def change_status(
        self, username: str, status: StaffStatus, reason: str | None = None
    ) -> None:
        """Every status change goes through here, so that each offer it withdraws is also
        withdrawn on her screen (an offer the router forgot but her banner still shows is
        a client she accepts in vain)."""
        for contact_id in self.router.set_status(username, status, self.clock(), reason):
            await self.withdraw_offer(username, contact_id, "taken")
        await self._log_state(username)
        await self.send_status(username)

    async def _log_state(self, username: str) -> None:
        agent = self.router.agents.get(username)
        if agent is None:
            return
        state = (agent.status.value, agent.reason or "")
        if self._logged_states.get(username) == state:
            return
        self._logged_states[username] = state
        row = (username, agent.status_since or self.clock(), state[0], state[1])
        if self._state_rows is not None:
            # Written in order by its own task: a status change never waits for the disk
            # (the board and her offers follow at once).
            self._state_rows.put_nowait(row)
        else:
            await self._write_state(row)

    async def _write_states(self) -> None:
        assert self._state_rows is not None
        while True:
            row = await self._state_rows.get()
            try:
                await self._write_state(row)
            finally:
                self._state_rows.task_done()

    async def _write_state(self, row: tuple[str, datetime, str, str]) -> None:
        try:
            await self.reports.log_state(*row)
        except Exception:
            # A lost log row costs a report a few minutes; it must not cost her the change.
            log.exception("staff state log")

    async def view(self, conversation_id: str, username: str) -> ConversationView:
        """The conversation as staff see it: lines with thumbnails, notes, who takes part,
        and what this reader may do."""
        row = await self.store.conversation(conversation_id)
        assert row is not None
        stored = await self.store.lines(conversation_id)
        pictures = (
            await self.pictures.meta(conversation_id)
            if any(line.picture_id is not None for line in stored)
            else {}
        )
        live = self.live.get(conversation_id)
        owner = live.owner if live is not None else row.answered_by
        consultants = sorted(live.consultants) if live is not None else []
        role: Literal["owner", "consultant", "reader"] = "reader"
        if live is not None and live.state == "active":
            role = (
                "owner"
                if owner == username
                else "consultant"
                if username in consultants
                else "reader"
            )
        identity = None
        if row.identified:
            held = await self.identities.of(row.id)
            if held is not None:
                identity = ClientIdentity(name=held[0], hetu=held[1])
                # Who saw who she is: her name and identity code are health data's key.
                await self.store.log_access(username, row.id, "identity", self.clock())
        return ConversationView(
            conversation_id=row.id,
            queue=row.queue,
            state=row.state,
            client_name=row.client_name,
            client_phone=row.client_phone,
            started_at=row.arrived_at,
            lines=[chat_line(line, pictures) for line in stored],
            lang=client_lang(row.lang),
            notes=await self.collab.note_views(conversation_id),
            owner=owner,
            consultants=consultants,
            role=role,
            identified=row.identified,
            identity=identity,
        )
