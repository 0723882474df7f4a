"""Staff sessions: log-in with a password or the organisation's sign-in (OIDC), resume
with a session token, expiry, log-out and sessions ended elsewhere; the only writer of
who is online (``Online``).

Attaching her socket tells her who she is (profile, queues, texts, her status) and then
publishes ``StaffAttached`` for the parts that send her their share (her conversations,
colleagues' chat, digi-agent standby…).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from backend.accounts import Accounts
from backend.auth import new_token, token_hash, verify_password_async
from backend.centre.events import AccountEnded, Events, StaffAttached, StaffLeft
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Link, Online, StaffConn
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.domain.accounts import AccountError, check_username, grant
from backend.domain.ratelimit import LoginThrottle
from backend.domain.routing import Agent
from backend.domain.sign_in import Pending, SignInRefused, claim_list, claim_text
from backend.oidc import OidcClient
from backend.store.repository import Store
from backend.store.tables import StaffSession
from protocol.messages import (
    Clinic,
    ErrorCode,
    HandoffLink,
    ProtocolError,
    RecordSettings,
    StaffProfile,
    ToStaffLoggedIn,
)

log = logging.getLogger("luukku.sessions")

# Sessions ended by another process (the users command) are looked for this often.
SESSIONS_EVERY_S = 2.0


class Sessions:
    def __init__(
        self,
        service: Service,
        store: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        events: Events,
        meter_due: MeterDue,
        held_by: Callable[[str], list[str]],
        clinics: Callable[[], Awaitable[list[Clinic]]],
    ) -> None:
        self.service = service
        self.store = store
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.events = events
        self.meter_due = meter_due
        self.held_by = held_by
        self.clinics = clinics
        self.throttle = LoginThrottle()
        self._login_locks: dict[str, asyncio.Lock] = {}
        self._checked = 0.0
        self._oidc_client: OidcClient | None = None
        self.accounts = Accounts(store, lambda: service.config, service.clock, self.end_account)

    async def stop(self) -> None:
        if self._oidc_client is not None:
            await self._oidc_client.close()

    # --- log-in --------------------------------------------------------------------------

    async def login(self, link: Link, username: str, password: str, address: str = "-") -> str:
        """``address`` is where the attempt comes from (the socket's, or the trusted
        proxy's forwarded one): failures slow that place down, never the account."""
        now_s = asyncio.get_running_loop().time()
        wait = self.throttle.wait_s(username, address, now_s)
        if wait > 0:
            raise ProtocolError(
                ErrorCode.RATE_LIMITED, f"too many attempts; try again in {wait:.0f} s"
            )
        if not self.service.config.identity.local_passwords:
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
        await self._open(link, username)
        return username

    async def _open(self, link: Link, username: str) -> None:
        token = new_token()
        now = self.service.clock()
        expires = now + timedelta(hours=self.service.settings.session_ttl_h)
        await self.store.add_session(
            StaffSession(
                token_hash=token_hash(token), username=username, created_at=now, expires_at=expires
            )
        )
        await self._attach(link, username, token, expires)

    def _oidc(self) -> OidcClient:
        oidc = self.service.config.identity.oidc
        if oidc is None:
            raise ProtocolError(
                ErrorCode.AUTH_FAILED, "sign-in with the organisation is not set up"
            )
        if self._oidc_client is None or self._oidc_client.config != oidc:
            self._oidc_client = OidcClient(oidc, self.service.settings.oidc_client_secret)
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
        await self._open(link, username)
        return username

    async def resume(self, link: Link, token: str) -> str:
        session = await self.store.session(token_hash(token), self.service.clock())
        if session is None:
            raise ProtocolError(ErrorCode.AUTH_FAILED, "session expired; log in again")
        username, expires = session
        user = await self.store.user(username)
        if user is None or not user.active:
            raise ProtocolError(ErrorCode.AUTH_FAILED, "account disabled")
        await self._attach(link, username, token, expires)
        return username

    async def _attach(
        self, link: Link, username: str, token: str, expires: datetime | None = None
    ) -> None:
        user = await self.store.user(username)
        assert user is not None
        config = self.service.config
        profile = StaffProfile(
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            skills=[s for s in user.skills.split(",") if s],
            chat_capacity=user.chat_capacity,
            handbook_editor=user.handbook_editor,
            languages=[lang for lang in user.languages.split(",") if lang],
        )
        self.online.profiles[username] = profile
        old = self.online.staff.get(username)
        if old is not None and old.link is not link:
            await old.link.close(4001, "logged in elsewhere")
        self.online.staff[username] = StaffConn(profile, link, token_hash(token), expires)
        agent = await self.routing.attach(
            Agent(
                username=username,
                skills=frozenset(profile.skills),
                chat_capacity=profile.chat_capacity,
                chat_while_on_call=user.chat_while_on_call,
                phone_while_chat=user.phone_while_chat,
                languages=frozenset(profile.languages),
            ),
            self.held_by(username),
        )
        log.info("staff %s connected", username)
        await self.outbox.send_to(
            link,
            ToStaffLoggedIn(
                session_token=token,
                profile=profile,
                status=agent.status,
                queue_names={q.id: q.names for q in config.queues},
                placeholders=config.placeholders,
                clinics=await self.clinics(),
                queue_skills={q.id: q.skill for q in config.queues},
                queue_channels={q.id: q.channel for q in config.queues},
                timezone=config.timezone,
                queue_links={
                    q.id: [HandoffLink(id=k.id, names=k.names, url=k.url) for k in q.links]
                    for q in config.queues
                    if q.links
                },
                record=RecordSettings(
                    transcript=config.record.transcript,
                    templates=config.record.templates,
                ),
            ),
        )
        await self.routing.send_status(username)
        await self.events.publish(StaffAttached(username, link))
        self.meter_due.mark()

    async def gone(self, username: str, link: Link) -> None:
        """Her socket closed (she may come back and resume)."""
        conn = self.online.staff.get(username)
        if conn is None or conn.link is not link:
            return
        del self.online.staff[username]
        await self.routing.detach(username)
        log.info("staff %s disconnected", username)
        await self.events.publish(StaffLeft(username))
        await self.routing.route()

    # --- ending sessions -----------------------------------------------------------------

    async def tick(self, now: datetime) -> None:
        for conn in [c for c in self.online.staff.values() if c.expires_at and c.expires_at <= now]:
            # Her session ended: this socket ends too (the desktop logs in again).
            await conn.link.close(4001, "session expired")
            conn.expires_at = None
        await self.watch()

    async def watch(self) -> None:
        """Sessions ended elsewhere (``users disable`` or a new password from the command
        line, another backend process): her socket closes, and if her account ended her
        chats go back to the queue. Checked every SESSIONS_EVERY_S, one query for all."""
        loop_now = asyncio.get_running_loop().time()
        staff = self.online.staff
        if loop_now - self._checked < SESSIONS_EVERY_S or not staff:
            return
        self._checked = loop_now
        attached = {c.token_hash: u for u, c in staff.items()}
        alive = await self.accounts.rows.live_sessions(list(attached))
        for gone_hash in set(attached) - alive:
            username = attached[gone_hash]
            conn = staff.get(username)
            if conn is None or conn.token_hash != gone_hash:
                continue
            user = await self.store.user(username)
            if user is None or not user.active:
                await self.end_account(username)
            else:
                await conn.link.close(4003, "signed out")

    async def end_account(self, username: str) -> None:
        """Her account was disabled or removed: her open chats go back to the head of
        their queues at once (not after her reconnect grace), her socket closes."""
        await self.events.publish(AccountEnded(username))
        link = self.online.link_of(username)
        if link is not None:
            await link.close(4003, "account disabled")

    async def sign_out(self, username: str) -> None:
        """End all her sessions and close her socket (a supervisor signs out a forgotten
        session): the desktop finds its session gone and asks for a log-in."""
        await self.store.end_sessions_of(username)
        link = self.online.link_of(username)
        if link is not None:
            await link.close(4003, "signed out by a supervisor")

    async def logout(self, username: str, link: Link) -> None:
        """She logs out: the session ends for good (its token resumes nothing), and the
        socket closes."""
        conn = self.online.staff.get(username)
        if conn is not None and conn.link is link:
            await self.store.end_session(conn.token_hash)
        await link.close(4003, "logged out")
