"""Who gets which contact.

Rules (the service's promises, see the foundation issue):

* A contact is offered only to a staff member who has the queue's skill, is Ready, and has
  a free slot for that channel (``load < capacity``; an outstanding offer takes a slot).
* The chat responder is not also the phone nurse at the same moment: a staff member on a
  phone call gets no chat offers, and one holding chats gets no phone delivery, unless her
  profile allows it (``chat_while_on_call``, ``phone_while_chat``).
* Longest-waiting contact first, across queues. Among eligible staff the least loaded
  first, then the longest idle (``free_since``: when she last became free or Ready).
* A client is offered first to staff who speak the client's language; after
  ``language_wait_s`` of waiting (or at once when no one who speaks it is working) to anyone
  with the skill.
* An offer not accepted within ``offer_timeout_s`` goes back to the queue keeping its
  original arrival time (so it is at the head again), and, if configured, the staff member
  is set Not ready with the reason ``missed_offer``. It is not offered to her again for
  ``missed_cooldown_s``, unless nobody else can take it: then it comes back to her at once.
  No contact waits unseen while someone who can take it is Ready.
* Wrap-up lasts at most ``wrap_up_max_s`` (0: until she says otherwise); then she is Ready
  again, or stays in Wrap-up if ``wrap_up_then_ready`` is off.

State changes only through the methods below, all of which take ``now``; nothing here
does I/O, so the live centre's routing (``backend/centre/routing.py``) and the channels
decide what to store and whom to tell.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from protocol.messages import StaffStatus

Channel = Literal["chat", "phone"]
CHANNELS: tuple[Channel, ...] = ("chat", "phone")
MISSED_OFFER = "missed_offer"


@dataclass
class Agent:
    username: str
    skills: frozenset[str]
    chat_capacity: int
    chat_while_on_call: bool = False
    phone_while_chat: bool = False
    languages: frozenset[str] = frozenset({"fi"})
    status: StaffStatus = StaffStatus.OFFLINE
    status_since: datetime | None = None
    reason: str | None = None
    chats: set[str] = field(default_factory=set)
    offers: set[str] = field(default_factory=set)
    on_call: bool = False
    free_since: datetime | None = None

    @property
    def load(self) -> int:
        return len(self.chats) + len(self.offers)

    def can_take(self, skill: str, channel: Channel) -> bool:
        if self.status is not StaffStatus.READY or skill not in self.skills:
            return False
        if channel == "chat":
            if self.on_call and not self.chat_while_on_call:
                return False
            return self.load < self.chat_capacity
        # A phone call needs her whole attention: no call while she is on one, has an offer
        # in front of her, or (unless her profile allows it) answers chats.
        if self.chats and not self.phone_while_chat:
            return False
        return not self.on_call and not self.offers


@dataclass
class Contact:
    id: str
    queue: str
    channel: Channel
    arrived_at: datetime
    offered_to: str | None = None
    offered_at: datetime | None = None
    lang: str = "fi"
    # Who let an offer of this contact lapse, and when: not offered to them again during
    # the cool-down, unless nobody else can take it.
    missed_at: dict[str, datetime] = field(default_factory=dict)
    # Never offered to: a transfer's sender (it is not handed back to her).
    excluded: set[str] = field(default_factory=set)
    # A transfer to a named colleague: offered to her only, until her offer lapses; then
    # it is the queue's like any other contact (never stuck waiting for one person).
    only_for: str | None = None


@dataclass(frozen=True)
class Offer:
    contact_id: str
    username: str
    queue: str
    channel: Channel = "chat"  # which desk delivers it (backend/centre/desk.py)


@dataclass(frozen=True)
class Lapse:
    contact_id: str
    username: str
    set_not_ready: bool
    # Her other offers, withdrawn because the lapse set her Not ready.
    also_withdrawn: tuple[str, ...] = ()


class RoutingError(Exception):
    pass


class Router:
    def __init__(
        self,
        queue_skills: dict[str, str],
        offer_timeout_s: float,
        missed_offer_sets_not_ready: bool = True,
        missed_cooldown_s: float = 60.0,
        language_wait_s: float = 60.0,
        wrap_up_max_s: float = 120.0,
        wrap_up_then_ready: bool = True,
    ) -> None:
        self.queue_skills = dict(queue_skills)
        self.offer_timeout = timedelta(seconds=offer_timeout_s)
        self.missed_offer_sets_not_ready = missed_offer_sets_not_ready
        self.missed_cooldown = timedelta(seconds=missed_cooldown_s)
        self.language_wait = timedelta(seconds=language_wait_s)
        self.wrap_up_max = timedelta(seconds=wrap_up_max_s) if wrap_up_max_s > 0 else None
        self.wrap_up_then_ready = wrap_up_then_ready
        self.agents: dict[str, Agent] = {}
        self.contacts: dict[str, Contact] = {}
        # Each queue's waiting contacts as (arrived_at, id), kept sorted as they come and
        # go: the hand-out of 2,000 sorted the whole queue on every route and counted it
        # on every start.
        self._order: dict[str, list[tuple[datetime, str]]] = {}
        # The same, only those not offered to anyone: a routing pass walks these (walking
        # 1,000 contacts already offered at every start of a burst was most of a pass).
        self._unoffered: dict[str, list[tuple[datetime, str]]] = {}

    # --- staff ---------------------------------------------------------------------------

    def add_agent(self, agent: Agent) -> Agent:
        """Her profile at log-in. Someone already known keeps her live state (chats,
        offers, status) and takes the profile as it is now (skills, capacity, channel
        rules and languages may have changed since her last log-in)."""
        existing = self.agents.get(agent.username)
        if existing is None:
            self.agents[agent.username] = agent
            return agent
        existing.skills = agent.skills
        existing.chat_capacity = agent.chat_capacity
        existing.chat_while_on_call = agent.chat_while_on_call
        existing.phone_while_chat = agent.phone_while_chat
        existing.languages = agent.languages
        return existing

    def set_status(
        self, username: str, status: StaffStatus, now: datetime, reason: str | None = None
    ) -> list[str]:
        """Change her status; returns contacts whose offers were withdrawn as a result.

        Not ready and Offline withdraw her outstanding offers. Wrap-up does not: it stops
        new offers, but an offer already in front of her stays hers to accept (closing one
        chat must not silently take away the next client she is looking at).
        """
        agent = self.agents[username]
        withdrawn: list[str] = []
        if status in (StaffStatus.NOT_READY, StaffStatus.OFFLINE):
            for contact_id in sorted(agent.offers):
                self._unoffer(contact_id)
                withdrawn.append(contact_id)
        if status is StaffStatus.READY and agent.status is not StaffStatus.READY:
            agent.free_since = now
        # Wrap-up again (a second close while in wrap-up) starts its clock anew: the
        # time to write up follows the latest close.
        if status is not agent.status or status is StaffStatus.WRAP_UP:
            agent.status_since = now
        agent.status = status
        agent.reason = reason if status is StaffStatus.NOT_READY else None
        return withdrawn

    def set_on_call(self, username: str, on_call: bool, now: datetime) -> None:
        agent = self.agents[username]
        if agent.on_call and not on_call and agent.load == 0:
            agent.free_since = now
        agent.on_call = on_call

    # --- contacts ------------------------------------------------------------------------

    def enqueue(self, contact: Contact) -> None:
        if contact.queue not in self.queue_skills:
            raise RoutingError(f"unknown queue {contact.queue!r}")
        if contact.id in self.contacts:
            self._unorder(self.contacts[contact.id])
        self.contacts[contact.id] = contact
        key = (contact.arrived_at, contact.id)
        bisect.insort(self._order.setdefault(contact.queue, []), key)
        if contact.offered_to is None:
            bisect.insort(self._unoffered.setdefault(contact.queue, []), key)

    def _unorder(self, contact: Contact) -> None:
        _drop(self._order.get(contact.queue, []), (contact.arrived_at, contact.id))
        _drop(self._unoffered.get(contact.queue, []), (contact.arrived_at, contact.id))

    def remove(self, contact_id: str) -> Contact | None:
        """The contact left the queue (abandoned, or no longer routable). Returned as it was
        before leaving: ``offered_to`` names whose offer (banner, ringing phone) must go."""
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        before = replace(contact)
        if contact.offered_to is not None:
            self._unoffer(contact_id)
        del self.contacts[contact_id]
        self._unorder(contact)
        return before

    def waiting(self, queue: str | None = None) -> list[Contact]:
        """Queued contacts (offered or not), longest waiting first."""
        if queue is not None:
            return [self.contacts[cid] for _, cid in self._order.get(queue, [])]
        return [self.contacts[cid] for _, cid in heapq.merge(*self._order.values())]

    def position(self, contact_id: str) -> int | None:
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        order = self._order[contact.queue]
        return 1 + bisect.bisect_left(order, (contact.arrived_at, contact.id))

    def accept(self, contact_id: str, username: str, now: datetime) -> Contact:
        contact = self.contacts.get(contact_id)
        if contact is None or contact.offered_to != username:
            raise RoutingError("no such offer")
        agent = self.agents[username]
        agent.offers.discard(contact_id)
        agent.chats.add(contact_id)
        self._unorder(contact)
        return self.contacts.pop(contact_id)

    def assign_direct(self, contact_id: str, username: str) -> None:
        """Record an ongoing conversation (e.g. restored after a restart) on her load."""
        self.agents[username].chats.add(contact_id)

    def release(self, contact_id: str, username: str, now: datetime) -> None:
        """A conversation she owned ended."""
        agent = self.agents.get(username)
        if agent is None or contact_id not in agent.chats:
            return
        agent.chats.discard(contact_id)
        if agent.load == 0:
            agent.free_since = now

    # --- the routing step ----------------------------------------------------------------

    def expire_offers(self, now: datetime) -> list[Lapse]:
        lapses: list[Lapse] = []
        for contact in self.waiting():
            if contact.offered_to is None or contact.offered_at is None:
                continue
            if now - contact.offered_at < self.offer_timeout:
                continue
            lapse = self.lapse(contact.id, contact.offered_to, now)
            if lapse is not None:
                lapses.append(lapse)
        return lapses

    def lapse(self, contact_id: str, username: str, now: datetime) -> Lapse | None:
        """Her offer of this contact ended unaccepted (timed out, or her phone refused the
        call): the contact waits at the head again, not for her; she may be set Not ready."""
        contact = self.contacts.get(contact_id)
        if contact is None or contact.offered_to != username:
            return None
        self._unoffer(contact.id)
        contact.missed_at[username] = now
        contact.only_for = None
        set_nr = self.missed_offer_sets_not_ready
        withdrawn: list[str] = []
        if set_nr:
            withdrawn = self.set_status(username, StaffStatus.NOT_READY, now, MISSED_OFFER)
        return Lapse(contact.id, username, set_nr, tuple(withdrawn))

    def route(self, now: datetime) -> list[Offer]:
        offers: list[Offer] = []
        epoch = datetime.min.replace(tzinfo=now.tzinfo)
        # Who can take each queue's contacts, narrowed as offers fill them: a queue nobody
        # can serve costs one look per contact, not a scan of every agent (2,000 waiting
        # and 30 busy staff would be 60,000 checks a pass).
        free: dict[tuple[str, Channel], tuple[list[Agent], int]] = {}

        def takers(skill: str, channel: Channel) -> list[Agent]:
            # Narrowed again only after an offer (it may have filled her): a pass over 1,000
            # waiting contacts otherwise re-checks every agent for each of them.
            known = free.get((skill, channel))
            if known is not None and known[1] == len(offers):
                return known[0]
            pool = self.agents.values() if known is None else known[0]
            group = [a for a in pool if a.can_take(skill, channel)]
            free[(skill, channel)] = (group, len(offers))
            return group

        # A queue nobody can take from now is not walked at all (groups only narrow in a
        # pass): 4,000 waiting while a shift logged in, nobody Ready yet, was 4,000 looks
        # at every start, most of the event loop.
        servable = [
            order
            for queue, order in self._unoffered.items()
            if order and any(takers(self.queue_skills[queue], channel) for channel in CHANNELS)
        ]
        for _, contact_id in heapq.merge(*servable):
            contact = self.contacts[contact_id]
            group = takers(self.queue_skills[contact.queue], contact.channel)
            if not group:
                continue
            able = (
                [
                    a
                    for a in group
                    if a.username not in contact.excluded
                    and (contact.only_for is None or a.username == contact.only_for)
                ]
                if contact.excluded or contact.only_for is not None
                else group
            )
            if not able:
                continue
            # A client she missed comes back to her after the cool-down, or at once when
            # nobody else can take it: never left waiting while she is Ready and free.
            fresh = (
                [a for a in able if not self._cooling(contact, a.username, now)]
                if contact.missed_at
                else able
            )
            candidates = fresh or able
            speakers = [a for a in candidates if contact.lang in a.languages]
            if speakers:
                candidates = speakers
            elif self.holds_for_language(contact, now):
                continue
            best = min(candidates, key=lambda a: (a.load, a.free_since or epoch, a.username))
            contact.offered_to = best.username
            contact.offered_at = now
            best.offers.add(contact.id)
            offers.append(Offer(contact.id, best.username, contact.queue, contact.channel))
        # Out of the walk once it is over (the lists are not changed while merged).
        for offer in offers:
            offered = self.contacts[offer.contact_id]
            _drop(self._unoffered[offered.queue], (offered.arrived_at, offered.id))
        return offers

    def able(self, contact: Contact) -> list[Agent]:
        """Who could take this contact now (skill, Ready, a free slot, the channel rule)."""
        skill = self.queue_skills[contact.queue]
        return [
            a
            for a in self.agents.values()
            if a.username not in contact.excluded
            and (contact.only_for is None or a.username == contact.only_for)
            and a.can_take(skill, contact.channel)
        ]

    def holds_for_language(self, contact: Contact, now: datetime) -> bool:
        """Whether the contact still waits for someone who speaks its language: only for
        ``language_wait_s``, and only while such a colleague with the skill is working
        (Ready or in Wrap-up), so nobody waits for a speaker who is not there."""
        if now - contact.arrived_at >= self.language_wait:
            return False
        skill = self.queue_skills[contact.queue]
        return any(
            contact.lang in a.languages
            and skill in a.skills
            and a.status in (StaffStatus.READY, StaffStatus.WRAP_UP)
            and a.username not in contact.excluded
            for a in self.agents.values()
        )

    def end_wrap_ups(self, now: datetime) -> list[str]:
        """Wrap-ups past ``wrap_up_max_s``: set Ready (if so configured); returns who."""
        if self.wrap_up_max is None or not self.wrap_up_then_ready:
            return []
        done = [
            a.username
            for a in self.agents.values()
            if a.status is StaffStatus.WRAP_UP
            and a.status_since is not None
            and now - a.status_since >= self.wrap_up_max
        ]
        for username in done:
            self.set_status(username, StaffStatus.READY, now)
        return done

    def wrap_up_ends(self, username: str) -> datetime | None:
        agent = self.agents.get(username)
        if (
            agent is None
            or agent.status is not StaffStatus.WRAP_UP
            or agent.status_since is None
            or self.wrap_up_max is None
        ):
            return None
        return agent.status_since + self.wrap_up_max

    def _cooling(self, contact: Contact, username: str, now: datetime) -> bool:
        missed = contact.missed_at.get(username)
        return missed is not None and now - missed < self.missed_cooldown

    def _unoffer(self, contact_id: str) -> None:
        contact = self.contacts[contact_id]
        if contact.offered_to is not None:
            agent = self.agents.get(contact.offered_to)
            if agent is not None:
                agent.offers.discard(contact_id)
            bisect.insort(
                self._unoffered.setdefault(contact.queue, []), (contact.arrived_at, contact.id)
            )
        contact.offered_to = None
        contact.offered_at = None


def _drop(order: list[tuple[datetime, str]], key: tuple[datetime, str]) -> None:
    """Take ``key`` out of a sorted list, if it is there."""
    i = bisect.bisect_left(order, key)
    if i < len(order) and order[i] == key:
        del order[i]
