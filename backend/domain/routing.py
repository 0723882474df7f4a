"""Who gets which contact.

Rules (the service's promises, see the foundation issue):

* A contact is offered only to a staff member who has the queue's skill, is Ready, and has
  a free slot for that channel (``load < capacity``; an outstanding offer takes a slot).
* A staff member on a phone call gets no chat offers unless her profile allows it: the
  chat responder is not also the phone nurse at the same moment.
* Longest-waiting contact first, across queues. Among eligible staff the least loaded
  first, then the longest idle (``free_since``: when she last became free or Ready).
* An offer not accepted within ``offer_timeout_s`` goes back to the queue keeping its
  original arrival time (so it is at the head again), and, if configured, the staff member
  is set Not ready with the reason ``missed_offer``.

State changes only through the methods below, all of which take ``now``; nothing here
does I/O, so the backend's hub decides what to store and whom to tell.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from protocol.messages import StaffStatus

Channel = Literal["chat", "phone"]
MISSED_OFFER = "missed_offer"


@dataclass
class Agent:
    username: str
    skills: frozenset[str]
    chat_capacity: int
    chat_while_on_call: bool = False
    status: StaffStatus = StaffStatus.OFFLINE
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
        # A phone call needs her whole attention: no call while she is on one.
        return not self.on_call and not self.offers


@dataclass
class Contact:
    id: str
    queue: str
    channel: Channel
    arrived_at: datetime
    offered_to: str | None = None
    offered_at: datetime | None = None
    # Who let an offer of this contact lapse: not offered to them again. A transfer puts
    # the sender here too: it is not handed back to her.
    missed_by: set[str] = field(default_factory=set)
    # A transfer to a named colleague: offered to her only, until her offer lapses; then
    # it is the queue's like any other contact (never stuck waiting for one person).
    only_for: str | None = None


@dataclass(frozen=True)
class Offer:
    contact_id: str
    username: str
    queue: str


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
    ) -> None:
        self.queue_skills = dict(queue_skills)
        self.offer_timeout = timedelta(seconds=offer_timeout_s)
        self.missed_offer_sets_not_ready = missed_offer_sets_not_ready
        self.agents: dict[str, Agent] = {}
        self.contacts: dict[str, Contact] = {}

    # --- staff ---------------------------------------------------------------------------

    def add_agent(self, agent: Agent) -> Agent:
        existing = self.agents.get(agent.username)
        if existing is not None:
            return existing
        self.agents[agent.username] = agent
        return agent

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
        self.contacts[contact.id] = contact

    def remove(self, contact_id: str) -> Contact | None:
        """The contact left the queue (abandoned, or no longer routable). Returned as it was
        before leaving: ``offered_to`` names whose offer (banner, ringing phone) must go."""
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        before = replace(contact, missed_by=set(contact.missed_by))
        if contact.offered_to is not None:
            self._unoffer(contact_id)
        del self.contacts[contact_id]
        return before

    def waiting(self, queue: str | None = None) -> list[Contact]:
        """Queued contacts (offered or not), longest waiting first."""
        items = [c for c in self.contacts.values() if queue is None or c.queue == queue]
        return sorted(items, key=lambda c: (c.arrived_at, c.id))

    def position(self, contact_id: str) -> int | None:
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        return 1 + sum(
            1
            for c in self.contacts.values()
            if c.queue == contact.queue and (c.arrived_at, c.id) < (contact.arrived_at, contact.id)
        )

    def accept(self, contact_id: str, username: str, now: datetime) -> Contact:
        contact = self.contacts.get(contact_id)
        if contact is None or contact.offered_to != username:
            raise RoutingError("no such offer")
        agent = self.agents[username]
        agent.offers.discard(contact_id)
        agent.chats.add(contact_id)
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
        contact.missed_by.add(username)
        contact.only_for = None
        set_nr = self.missed_offer_sets_not_ready
        withdrawn: list[str] = []
        if set_nr:
            withdrawn = self.set_status(username, StaffStatus.NOT_READY, now, MISSED_OFFER)
        return Lapse(contact.id, username, set_nr, tuple(withdrawn))

    def route(self, now: datetime) -> list[Offer]:
        offers: list[Offer] = []
        for contact in self.waiting():
            if contact.offered_to is not None:
                continue
            skill = self.queue_skills[contact.queue]
            eligible = [
                a
                for a in self.agents.values()
                if a.username not in contact.missed_by
                and (contact.only_for is None or a.username == contact.only_for)
                and a.can_take(skill, contact.channel)
            ]
            if not eligible:
                continue
            epoch = datetime.min.replace(tzinfo=now.tzinfo)
            best = min(eligible, key=lambda a: (a.load, a.free_since or epoch, a.username))
            contact.offered_to = best.username
            contact.offered_at = now
            best.offers.add(contact.id)
            offers.append(Offer(contact.id, best.username, contact.queue))
        return offers

    def _unoffer(self, contact_id: str) -> None:
        contact = self.contacts[contact_id]
        if contact.offered_to is not None:
            agent = self.agents.get(contact.offered_to)
            if agent is not None:
                agent.offers.discard(contact_id)
        contact.offered_to = None
        contact.offered_at = None
