"""The chat channel, whole: a client's chat from start to its end (start, resume, lines,
typing, leaving, abandoning), its offers to staff and the waiting clients' places, and
the staff side (accept, open, send, typing, close, the view of a conversation).

It owns the open conversations (``Live``): nothing else assigns them. Colleagues working
together (``backend/collab.py``) change who takes part through the methods at the end.
Order of a client's line: validate -> store (commit) -> ack the sender -> fan out.
Nothing here logs message text, names or phone numbers: only ids and event kinds.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from backend.auth import new_token, token_hash
from backend.centre.estimates import Estimates
from backend.centre.events import Events, StaffAttached
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Link, Live, Online, chat_line, client_lang, first_name, serves
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.channels.chat_identity import identity_of
from backend.channels.chat_limits import ChatLimits
from backend.channels.chat_view import Notes, Read, staff_view, view_read
from backend.domain.routing import Contact, Offer, RoutingError
from backend.metrics import Metrics
from backend.store.identities import IdentityStore
from backend.store.lines import StoredLine
from backend.store.pictures import PictureMeta, PictureStore
from backend.store.repository import Store
from backend.store.tables import Conversation
from protocol.messages import (
    Author,
    ClientMessage,
    ClientResume,
    ClientStart,
    ConversationView,
    ErrorCode,
    Frame,
    ProtocolError,
    StaffAccept,
    StaffClose,
    StaffOpen,
    StaffSend,
    ToClientAck,
    ToClientClosed,
    ToClientJoined,
    ToClientMessage,
    ToClientQueue,
    ToClientResumed,
    ToClientStarted,
    ToClientTyping,
    ToStaffAck,
    ToStaffClientLeft,
    ToStaffClosed,
    ToStaffConversation,
    ToStaffLeft,
    ToStaffMessage,
    ToStaffOffer,
    ToStaffOfferWithdrawn,
    ToStaffTyping,
)

if TYPE_CHECKING:  # pysaml2 is loaded only where identification is set up
    from backend.suomifi import SuomiFi

log = logging.getLogger("luukku.chat")

# A queued client whose socket is gone keeps her place this long (a phone's network blip).
CLIENT_GRACE = timedelta(seconds=90)


def shown_wait(position: int, wait: float | None) -> tuple[int, int | None]:
    """What the page shows of a place in the queue: a change of this is worth a frame."""
    return position, None if wait is None else round(wait / 60)


class ChatChannel:
    def __init__(
        self,
        service: Service,
        store: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        estimates: Estimates,
        events: Events,
        meter_due: MeterDue,
        metrics: Metrics,
        notes: Notes,
        suomifi: SuomiFi | None = None,
    ) -> None:
        self.service = service
        self.store = store
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.estimates = estimates
        self.meter_due = meter_due
        self.metrics = metrics
        self.notes = notes
        self.suomifi = suomifi
        self.live: dict[str, Live] = {}
        # The place and estimate (whole minutes, None: unknown) each waiting client was
        # last told: only a change is sent.
        self.told: dict[str, tuple[int, int | None]] = {}
        self.limits = ChatLimits(service.config, events)
        self.pictures = PictureStore(store)
        self.identities = IdentityStore(store)
        events.subscribe(StaffAttached, self._attached)

    async def restore(self, now: datetime, consultants: dict[str, set[str]]) -> None:
        """Rebuild the queues and ongoing conversations after a (re)start."""
        for row in await self.store.open_conversations():
            if self.service.config.queue(row.queue) is None:
                log.warning("conversation %s is in unknown queue; left as is", row.id)
                continue
            held = consultants.get(row.id, set()) if row.state == "active" else set()
            self.live[row.id] = Live.restored(row, now, held)
            if row.state == "queued":
                self.routing.enqueue(
                    Contact(row.id, row.queue, "chat", row.arrived_at, lang=row.lang)
                )
        log.info("restored %d open conversations", len(self.live))

    def held_by(self, username: str) -> list[str]:
        """The open chats she owns (her router load at log-in)."""
        return [live.id for live in self.live.values() if live.owner == username]

    async def _attached(self, event: StaffAttached) -> None:
        """Her conversations (owned or consulting) on her new socket."""
        mine = [live for live in self.live.values() if event.username in live.staff_members()]
        for live in mine:
            await self.outbox.send_to(
                event.link,
                ToStaffConversation(conversation=await self.view(live.id, event.username)),
            )

    # --- the desk: offers and places in the queue ----------------------------------------

    def holds(self, contact_id: str) -> bool:
        return contact_id in self.live

    async def deliver(self, offer: Offer, now: datetime) -> None:
        live = self.live[offer.contact_id]
        profile = self.online.profiles.get(offer.username)
        preview = (
            profile is not None and profile.role in self.service.config.routing.first_line_roles
        )
        await self.outbox.send_staff(
            offer.username,
            ToStaffOffer(
                conversation_id=offer.contact_id,
                queue=offer.queue,
                client_name=live.client_name,
                waited_s=(now - live.arrived_at).total_seconds(),
                expires_in_s=self.routing.router.offer_timeout.total_seconds(),
                transferred_by=live.transfer[0] if live.transfer else None,
                transfer_note=live.transfer[1] if live.transfer else None,
                lang=client_lang(live.lang),
                first_line=live.first_line if preview else None,
                identified=live.identified,
            ),
        )

    async def withdraw(self, username: str, contact_id: str, reason: str) -> None:
        await self.outbox.send_staff(
            username,
            ToStaffOfferWithdrawn(
                conversation_id=contact_id,
                reason="timeout" if reason == "timeout" else "taken",
            ),
        )

    async def tick(self, now: datetime) -> None:
        """A queued client gone longer than her grace leaves the queue."""
        self.limits.prune()
        for live in list(self.live.values()):
            if (
                live.state == "queued"
                and live.client is None
                and live.client_gone_at is not None
                and now - live.client_gone_at > CLIENT_GRACE
            ):
                await self._abandon(live, now)

    async def positions(self) -> None:
        """Tell each waiting client whose place in the queue or estimate (as the page
        shows it: whole minutes, or unknown) changed (one pass a queue)."""
        router = self.routing.router
        for queue in router.queue_skills:
            waiting = router.waiting(queue)
            if not waiting:
                continue
            estimate = self.estimates.estimator(queue)
            for position, contact in enumerate(waiting, start=1):
                if contact.channel != "chat":
                    continue
                wait = estimate(position)
                shown = shown_wait(position, wait)
                if self.told.get(contact.id) == shown:
                    continue
                live = self.live.get(contact.id)
                if live is None or live.client is None:
                    continue
                self.told[contact.id] = shown
                await self.outbox.send_to(
                    live.client, ToClientQueue(position=position, estimated_wait_s=wait)
                )

    # --- the client's side ---------------------------------------------------------------

    async def client_start(self, link: Link, frame: ClientStart) -> str:
        config = self.service.config
        queue = config.queue(frame.queue)
        if queue is None or queue.channel != "chat":
            raise ProtocolError(ErrorCode.UNKNOWN_QUEUE, f"no chat queue {frame.queue!r}")
        now = self.service.clock()
        hours = self.service.hours[queue.id]
        if not hours.is_open(now):
            raise ProtocolError(
                ErrorCode.CLOSED_NOW,
                "the service is closed now",
                next_opening=hours.next_opening(now),
            )
        identity = identity_of(self.suomifi, queue.identification, frame.identity)
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
        self.routing.enqueue(Contact(conversation_id, queue.id, "chat", now, lang=frame.lang))
        position = self.routing.router.position(conversation_id) or 1
        wait = self.estimates.estimate(queue.id, position)
        self.told[conversation_id] = shown_wait(position, wait)
        log.info("conversation %s queued in %s", conversation_id, queue.id)
        await self.outbox.send_to(
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
        await self.routing.route()
        return conversation_id

    async def end_identified(self, name_id: str) -> int:
        """She logged out of Suomi.fi elsewhere (single logout from the IdP): her
        identified chats end as if she had left them. How many."""
        mine = [live for live in list(self.live.values()) if live.name_id == name_id]
        for live in mine:
            await self.client_leave(live.id)
            if live.client is not None:
                await self.outbox.send_to(live.client, ToClientClosed(by="client"))
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
            owner = self.online.profiles.get(live.owner or "")
            staff_name = first_name(owner.display_name) if owner else None
        state = "closed" if live is None else ("active" if live.state == "active" else "queued")
        position = self.routing.router.position(row.id) if state == "queued" else None
        # The resumed frame has no estimate: the next pass tells it.
        self.told.pop(row.id, None)
        await self.outbox.send_to(
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
                at=self.service.clock(),
                client_msg_id=frame.client_msg_id,
                author_name=live.client_name,
            )
        self.metrics.lines_acked.inc()
        await self.outbox.send_to(
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
            await self.outbox.send_staff(
                live.owner, ToStaffTyping(conversation_id=conversation_id, typing=typing)
            )

    async def client_leave(self, conversation_id: str) -> None:
        live = self.live.get(conversation_id)
        if live is None:
            return
        if live.state == "queued":
            await self._abandon(live, self.service.clock())
            return
        live.client_left = True
        await self.system_line(live, "client_left")
        await self.to_members(live, ToStaffClientLeft(conversation_id=conversation_id))

    async def client_gone(self, conversation_id: str, link: Link) -> None:
        live = self.live.get(conversation_id)
        if live is not None and live.client is link:
            live.client = None
            live.client_gone_at = self.service.clock()

    async def _abandon(self, live: Live, now: datetime) -> None:
        contact = self.routing.remove(live.id)
        offered_to = contact.offered_to if contact else None
        # One already answered (then transferred) was not abandoned unanswered.
        answered = live.answered_at is not None
        await self.store.mark_closed(live.id, now, abandoned=not answered)
        if not answered:
            self.routing.count_abandoned(live.queue, now - live.arrived_at)
        self.live.pop(live.id, None)
        self.told.pop(live.id, None)
        self.limits.forget(live.id)
        log.info("conversation %s abandoned in queue", live.id)
        if offered_to is not None:
            await self.outbox.send_staff(
                offered_to, ToStaffOfferWithdrawn(conversation_id=live.id, reason="client_left")
            )
        await self.outbox.send_to(live.client, ToClientClosed(by="client"))

    # --- lines to everyone in a conversation ---------------------------------------------

    async def system_line(self, live: Live, text: str) -> None:
        # System lines hold a code, not prose: each side shows it in its own language.
        async with live.lock:
            line, _ = await self.store.append_message(
                live.id, author=Author.SYSTEM, text=text, at=self.service.clock()
            )
        await self.fan_line(live, line)

    async def fan_line(
        self, live: Live, line: StoredLine, pictures: dict[int, PictureMeta] | None = None
    ) -> None:
        """A new stored line to everyone in the conversation (thumbnails to staff only)."""
        await self.to_members(
            live, ToStaffMessage(conversation_id=live.id, line=chat_line(line, pictures or {}))
        )
        await self.outbox.send_to(live.client, ToClientMessage(line=chat_line(line)))

    async def to_members(self, live: Live, frame: Frame, but: str | None = None) -> None:
        for username in live.staff_members():
            if username != but:
                await self.outbox.send_staff(username, frame)

    # --- the staff side ------------------------------------------------------------------

    async def accept(self, username: str, frame: StaffAccept) -> None:
        live = self.live.get(frame.conversation_id)
        now = self.service.clock()
        try:
            self.routing.accept(frame.conversation_id, username, now)
        except RoutingError as exc:
            raise ProtocolError(
                ErrorCode.NOT_FOUND, "the offer is no longer valid", ref=frame.conversation_id
            ) from exc
        assert live is not None
        read = await self.store.mark_answered(live.id, username, now, then=view_read(live.id, live))
        live.state = "active"
        live.owner = username
        live.transfer = None
        self.told.pop(live.id, None)
        if live.answered_at is None:
            # Counted once: a transferred conversation was answered when first taken.
            live.answered_at = now
            self.routing.count_answered(live.queue, now - live.arrived_at)
        log.info("conversation %s accepted by %s", live.id, username)
        self.metrics.accepts.inc()
        await self.outbox.send_staff(
            username, ToStaffConversation(conversation=await self.view(live.id, username, read))
        )
        await self.outbox.send_to(
            live.client,
            ToClientJoined(staff_name=first_name(self.online.profiles[username].display_name)),
        )
        # Her next offer now, not at the next tick: a queue empties as fast as staff accept.
        await self.routing.route()
        self.meter_due.mark()

    async def open(self, username: str, frame: StaffOpen) -> None:
        row = await self.store.conversation(frame.conversation_id)
        if row is None:
            raise ProtocolError(
                ErrorCode.NOT_FOUND, "no such conversation", ref=frame.conversation_id
            )
        if not self.may_open(username, row.id, row.queue, row.answered_by):
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                "this conversation is outside your queues",
                ref=frame.conversation_id,
            )
        await self.store.log_access(username, row.id, "open", self.service.clock())
        await self.outbox.send_staff(
            username, ToStaffConversation(conversation=await self.view(row.id, username))
        )

    def may_open(
        self, username: str, conversation_id: str, queue: str, answered_by: str | None
    ) -> bool:
        live = self.live.get(conversation_id)
        return (
            queue in serves(self.service.config, self.online.profiles[username])
            or answered_by == username
            or (live is not None and username in live.consultants)
        )

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
        name = first_name(self.online.profiles[username].display_name)
        async with live.lock:
            line, _ = await self.store.append_message(
                live.id,
                author=Author.STAFF,
                text=frame.text,
                at=self.service.clock(),
                client_msg_id=frame.client_msg_id,
                author_name=name,
                staff_username=username,
            )
        await self.outbox.send_staff(
            username,
            ToStaffAck(conversation_id=live.id, client_msg_id=frame.client_msg_id, seq=line.seq),
        )
        await self.to_members(
            live, ToStaffMessage(conversation_id=live.id, line=chat_line(line)), but=username
        )
        await self.outbox.send_to(live.client, ToClientMessage(line=chat_line(line)))

    async def staff_typing(self, username: str, conversation_id: str, typing: bool) -> None:
        live = self.owned(username, conversation_id)
        await self.outbox.send_to(live.client, ToClientTyping(typing=typing))

    async def close(self, username: str, frame: StaffClose) -> None:
        live = self.owned(username, frame.conversation_id)
        now = self.service.clock()
        await self.store.mark_closed(live.id, now, outcome=frame.outcome, wrap_up=frame.wrap_up)
        self.live.pop(live.id, None)
        self.limits.forget(live.id)
        self.routing.release(live.id, username, now)
        if live.answered_at is not None:
            self.routing.count_handled(live.queue, now - live.answered_at)
        log.info("conversation %s closed by %s", live.id, username)
        for consultant in sorted(live.consultants):
            await self.outbox.send_staff(
                consultant, ToStaffLeft(conversation_id=live.id, reason="consult_ended")
            )
        await self.outbox.send_to(live.client, ToClientClosed())
        await self.outbox.send_staff(
            username, ToStaffClosed(conversation_id=live.id, outcome=frame.outcome)
        )
        await self.routing.wrap_up(username, now)
        await self.routing.route()
        self.meter_due.mark()

    async def view(
        self, conversation_id: str, username: str, read: Read | None = None
    ) -> ConversationView:
        """The conversation as staff see it (``backend/channels/chat_view.py``)."""
        return await staff_view(
            self.store,
            self.pictures,
            self.identities,
            self.live.get(conversation_id),
            conversation_id,
            username,
            self.notes,
            self.service.clock,
            read,
        )

    # --- who takes part (for colleagues working together) --------------------------------

    def requeue(
        self, live: Live, by: str, queue: str, transfer: tuple[str, str], to_user: str | None
    ) -> list[str]:
        """A transfer or a give-back: the conversation waits again (keeping its arrival
        time), not offered back to who gave it. Who took part until now."""
        members = live.staff_members()
        now = self.service.clock()
        live.state, live.owner, live.queue = "queued", None, queue
        live.consultants = set()
        live.transfer = transfer
        self.routing.release(live.id, by, now)
        self.routing.enqueue(
            Contact(live.id, queue, "chat", live.arrived_at, excluded={by}, only_for=to_user)
        )
        return members

    def add_consultant(self, live: Live, username: str) -> None:
        live.consultants.add(username)

    def drop_consultant(self, live: Live, username: str) -> None:
        live.consultants.discard(username)

    def owned_by(self, username: str) -> list[Live]:
        return [
            live
            for live in list(self.live.values())
            if live.owner == username and live.state == "active"
        ]
