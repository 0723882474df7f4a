"""Working together on a client conversation: transfer with a note, consultants, internal
notes, pictures, the move to video, and the colleague list these need.

Who may do what:
* the owner transfers, invites, lets a consultant go, asks for a picture, sends a video link;
* a consultant writes to the client beside the owner, adds notes, and leaves;
* notes reach staff sockets only (their own table; no client path reads it);
* a picture is fetched by those who may read the conversation, and each fetch is logged.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets

from backend.centre.events import (
    AccountEnded,
    ConfigReloaded,
    Events,
    StaffAttached,
    StaffLeft,
    StatusChanged,
)
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Link, Live, Online, first_name, serves
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.channels.chat import ChatChannel
from backend.domain.pictures import CleanPicture, PictureRefused, clean
from backend.domain.uploads import UploadGate
from backend.store.collab import CollabStore, Conflict, NoteRow
from backend.store.pictures import PictureStore
from backend.store.repository import Store
from protocol.messages import (
    Colleague,
    ErrorCode,
    ProtocolError,
    StaffConsultEnd,
    StaffInvite,
    StaffNote,
    StaffNoteView,
    StaffPictureOpen,
    StaffPictureRequest,
    StaffStatus,
    StaffTransfer,
    StaffVideoLink,
    ToStaffColleagues,
    ToStaffConversation,
    ToStaffLeft,
    ToStaffNote,
    ToStaffParticipants,
    ToStaffPicture,
)

log = logging.getLogger("luukku.collab")
# Who is free changes many times a second in a rush; a second late is still in time for a
# transfer choice (the transfer itself is checked against the live state).
COLLEAGUES_EVERY_S = 1.0


def note_view(row: NoteRow) -> StaffNoteView:
    return StaffNoteView(
        id=row.id,
        kind="transfer" if row.kind == "transfer" else "note",
        author=row.author,
        author_name=row.author_name,
        text=row.text,
        at=row.at,
    )


def note_views(rows: list[NoteRow]) -> list[StaffNoteView]:
    """A conversation's notes as staff see them: the latest transfer note first (the
    receiver reads it before anything else), then the rest, oldest first."""
    notes = [note_view(n) for n in rows]
    transfers = [n for n in notes if n.kind == "transfer"][-1:]
    return transfers + [n for n in notes if n not in transfers]


def picture_key(picture_id: int) -> str:
    """How a picture opening appears in the access log."""
    return f"picture:{picture_id}"


class Collaboration:
    def __init__(
        self,
        service: Service,
        db: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        chat: ChatChannel,
        events: Events,
        meter_due: MeterDue,
    ) -> None:
        self.service = service
        self.db = db
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.chat = chat
        self.meter_due = meter_due
        self._colleagues_due = False
        self._colleagues_told = -COLLEAGUES_EVERY_S
        self.store = CollabStore(db)
        self.pictures = PictureStore(db)
        self.config = service.config.collaboration
        events.subscribe(ConfigReloaded, self._reconfigure)
        events.subscribe(StaffAttached, self._attached)
        events.subscribe(StaffLeft, lambda _event: self.colleagues_changed())
        events.subscribe(StatusChanged, lambda _event: self.colleagues_changed())
        events.subscribe(AccountEnded, self._account_ended)
        # Decoding a 24-megapixel picture takes ~100 MB for a moment: at most two at a
        # time, so a burst of uploads queues instead of exhausting memory.
        self._decoding = asyncio.Semaphore(2)
        # Who may upload now (HTTP: checked before the body is read).
        self.uploads = UploadGate()

    def _reconfigure(self, event: ConfigReloaded) -> None:
        self.config = event.config.collaboration

    def _attached(self, event: StaffAttached) -> None:
        self.tell_colleagues_to(event.link)
        self.colleagues_changed()

    async def _account_ended(self, event: AccountEnded) -> None:
        await self.give_back(event.username)

    def _name(self, username: str) -> str:
        profile = self.online.profiles.get(username)
        return profile.display_name if profile else username

    def _first(self, username: str) -> str:
        return first_name(self._name(username))

    # --- colleagues ----------------------------------------------------------------------

    def colleagues(self) -> list[Colleague]:
        items = []
        for username, profile in sorted(self.online.profiles.items()):
            agent = self.routing.router.agents.get(username)
            online = username in self.online.staff
            status = agent.status if agent and online else StaffStatus.OFFLINE
            free = bool(
                agent
                and online
                and status is StaffStatus.READY
                and not (agent.on_call and not agent.chat_while_on_call)
                and agent.load < agent.chat_capacity
            )
            items.append(
                Colleague(
                    username=username,
                    display_name=profile.display_name,
                    role=profile.role,
                    skills=profile.skills,
                    online=online,
                    status=status,
                    free=free,
                )
            )
        return items

    def colleagues_changed(self) -> None:
        """Someone came, went or changed status: the list is told at the end of the hub's
        round. Telling it at once cost every desktop a list per change; a 100-staff log-in
        rush was 10,000 lists of 100 lines."""
        self._colleagues_due = True

    def tell_colleagues_to(self, link: Link) -> None:
        """Who just logged in gets the list at once (her transfer and invite choices and
        the names in her conversations), not at the end of the round."""
        self.outbox.send_each([link], ToStaffColleagues(items=self.colleagues()))

    async def tell_colleagues(self) -> None:
        """At the end of a round, at most once every ``COLLEAGUES_EVERY_S``: a list is a
        line per colleague to every desktop, and a morning's log-ins and Ready clicks
        changed it nearly every round (200 staff logging in: ~30 MB of lists)."""
        now = asyncio.get_running_loop().time()
        if self._colleagues_due and now - self._colleagues_told >= COLLEAGUES_EVERY_S:
            self._colleagues_due = False
            self._colleagues_told = now
            links = [conn.link for conn in self.online.staff.values()]
            if links:
                await self.outbox.fan_out(links, ToStaffColleagues(items=self.colleagues()))

    # --- transfer ------------------------------------------------------------------------

    def _check_target(self, by: str, queue: str, to_user: str | None) -> None:
        """Only to someone who can take it now; otherwise say why (a code the desktop
        shows in her language)."""
        router = self.routing.router
        skill = router.queue_skills[queue]
        if to_user is not None:
            agent = router.agents.get(to_user)
            if to_user == by:
                raise ProtocolError(ErrorCode.CONFLICT, "transfer_self", ref=to_user)
            if agent is None or to_user not in self.online.staff:
                raise ProtocolError(ErrorCode.CONFLICT, "transfer_offline", ref=to_user)
            if skill not in agent.skills:
                raise ProtocolError(ErrorCode.CONFLICT, "transfer_no_skill", ref=to_user)
            if not agent.can_take(skill, "chat"):
                raise ProtocolError(ErrorCode.CONFLICT, "transfer_busy", ref=to_user)
            return
        if not any(
            a.username != by and a.username in self.online.staff and a.can_take(skill, "chat")
            for a in router.agents.values()
        ):
            raise ProtocolError(ErrorCode.CONFLICT, "transfer_nobody_ready", ref=queue)

    async def transfer(self, username: str, frame: StaffTransfer) -> None:
        live = self.chat.owned(username, frame.conversation_id)
        queue = frame.queue or live.queue
        target = self.service.config.queue(queue)
        if target is None or target.channel != "chat":
            raise ProtocolError(ErrorCode.UNKNOWN_QUEUE, f"no chat queue {queue!r}", ref=queue)
        self._check_target(username, queue, frame.to_user)
        await self._requeue(live, username, queue, frame.note, frame.to_user)
        log.info("conversation %s transferred by %s to %s", live.id, username, queue)
        await self.routing.wrap_up(username, self.service.clock())
        await self.routing.route()
        self.meter_due.mark()
        self.colleagues_changed()

    async def give_back(self, username: str) -> int:
        """Her open chats go back to the head of their queues (her account was disabled
        or removed): they keep their arrival time, as after a missed offer. How many."""
        mine = self.chat.owned_by(username)
        for live in mine:
            await self._requeue(live, username, live.queue, "", None)
            log.info("conversation %s back to %s: its owner's account ended", live.id, live.queue)
        for live in list(self.chat.live.values()):
            self.chat.drop_consultant(live, username)
        if mine:
            await self.routing.route()
            self.meter_due.mark()
        return len(mine)

    async def _requeue(
        self, live: Live, username: str, queue: str, note: str, to_user: str | None
    ) -> None:
        now = self.service.clock()
        async with live.lock:
            try:
                _note, line = await self.store.transfer(
                    live.id,
                    by=username,
                    by_name=self._name(username),
                    queue=queue,
                    note=note,
                    at=now,
                )
            except Conflict as exc:
                raise ProtocolError(
                    ErrorCode.CONFLICT, "the conversation changed meanwhile", ref=live.id
                ) from exc
        members = self.chat.requeue(live, username, queue, (self._name(username), note), to_user)
        for member in members:
            await self.outbox.send_staff(
                member, ToStaffLeft(conversation_id=live.id, reason="transferred")
            )
        await self.chat.fan_line(live, line)

    # --- consultants ---------------------------------------------------------------------

    async def invite(self, username: str, frame: StaffInvite) -> None:
        live = self.chat.owned(username, frame.conversation_id)
        guest = frame.username
        profile = self.online.profiles.get(guest)
        if guest == username or guest in live.consultants:
            raise ProtocolError(ErrorCode.CONFLICT, "consult_already_in", ref=guest)
        if profile is None or guest not in self.online.staff:
            raise ProtocolError(ErrorCode.CONFLICT, "consult_offline", ref=guest)
        if profile.role not in self.config.consultant_roles:
            raise ProtocolError(ErrorCode.FORBIDDEN, "consult_role", ref=guest)
        now = self.service.clock()
        async with live.lock:
            line = await self.store.join(
                live.id,
                username=guest,
                name=self._first(guest),
                invited_by=username,
                at=now,
            )
        self.chat.add_consultant(live, guest)
        log.info("%s invited %s into %s", username, guest, live.id)
        await self.chat.fan_line(live, line)
        await self.outbox.send_staff(
            guest, ToStaffConversation(conversation=await self.chat.view(live.id, guest))
        )
        await self._participants(live)

    async def end_consult(self, username: str, frame: StaffConsultEnd) -> None:
        live = self.chat.member_of(username, frame.conversation_id)
        guest = frame.username or username
        if guest != username and live.owner != username:
            raise ProtocolError(ErrorCode.FORBIDDEN, "only the owner lets a consultant go")
        if guest not in live.consultants:
            raise ProtocolError(ErrorCode.NOT_FOUND, "not a consultant here", ref=guest)
        async with live.lock:
            line = await self.store.leave(
                live.id, username=guest, name=self._first(guest), at=self.service.clock()
            )
        self.chat.drop_consultant(live, guest)
        await self.outbox.send_staff(
            guest, ToStaffLeft(conversation_id=live.id, reason="consult_ended")
        )
        await self.chat.fan_line(live, line)
        await self._participants(live)

    async def _participants(self, live: Live) -> None:
        await self.chat.to_members(
            live,
            ToStaffParticipants(
                conversation_id=live.id, owner=live.owner, consultants=sorted(live.consultants)
            ),
        )

    # --- notes, video, pictures ----------------------------------------------------------

    async def note(self, username: str, frame: StaffNote) -> None:
        live = self.chat.member_of(username, frame.conversation_id)
        row = await self.store.add_note(
            live.id,
            by=username,
            by_name=self._name(username),
            text=frame.text,
            at=self.service.clock(),
        )
        await self.chat.to_members(live, ToStaffNote(conversation_id=live.id, note=note_view(row)))

    async def video_link(self, username: str, frame: StaffVideoLink) -> None:
        live = self.chat.owned(username, frame.conversation_id)
        # An unguessable room per conversation: the link is the only key to the meeting.
        url = self.config.video_base_url.rstrip("/") + "/luukku-" + secrets.token_urlsafe(12)
        async with live.lock:
            line, _ = await self.db.append_message(
                live.id,
                author="staff",
                text=url,
                at=self.service.clock(),
                author_name=self._first(username),
                staff_username=username,
                kind="video",
            )
        await self.chat.fan_line(live, line)

    async def picture_request(self, username: str, frame: StaffPictureRequest) -> None:
        live = self.chat.owned(username, frame.conversation_id)
        await self.chat.system_line(live, "picture_requested")

    async def open_picture(self, username: str, frame: StaffPictureOpen) -> None:
        row = await self.pictures.get(frame.picture_id)
        profile = self.online.profiles[username]
        conversation = await self.db.conversation(row.conversation_id) if row else None
        live = self.chat.live.get(row.conversation_id) if row else None
        allowed = conversation is not None and (
            conversation.queue in serves(self.service.config, profile)
            or conversation.answered_by == username
            or (live is not None and username in live.consultants)
        )
        if row is None or not allowed:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such picture", ref=str(frame.picture_id))
        await self.db.log_access(
            username, row.conversation_id, picture_key(row.id), self.service.clock()
        )
        await self.outbox.send_staff(
            username,
            ToStaffPicture(
                picture_id=row.id,
                conversation_id=row.conversation_id,
                mime="image/png" if row.mime == "image/png" else "image/jpeg",
                data=base64.b64encode(row.data).decode(),
            ),
        )

    async def client_picture(self, conversation_id: str, raw: bytes) -> int:
        """A picture from the client's page (HTTP upload, token checked by the caller).
        Returns the line's sequence number; PictureRefused says why not."""
        live = self.chat.live.get(conversation_id)
        if live is None or live.client_left:
            raise PictureRefused("ended", "the conversation has ended")
        limit = self.config.max_pictures_per_conversation
        if await self.pictures.count(conversation_id) >= limit:
            # Early, to spare the decoding; the insert checks again in its transaction.
            raise PictureRefused("too_many", f"at most {limit} pictures a conversation")
        # Decoding a large picture takes a while: off the event loop.
        async with self._decoding:
            picture: CleanPicture = await asyncio.to_thread(clean, raw)
        async with live.lock:
            meta, line = await self.pictures.add(
                conversation_id, picture, self.service.clock(), live.client_name, limit
            )
        log.info("picture %s stored in %s", meta.id, conversation_id)
        # Queued: no staff member yet, the client's copy only (staff see it on accepting).
        await self.chat.fan_line(live, line, {meta.id: meta})
        return line.seq
