"""Router invariants over random days: arrivals, status changes, accepts, lapses, closes.

The driver plays the hub's part the way the hub must: it shows each staff member the
offers ``route`` hands out and takes away exactly those the router reports withdrawn
(by a status change, a lapse, or a client leaving). The invariants then say what a nurse
relies on: the offers on her screen are the router's offers, every one of them can be
accepted, and a contact once accepted is never on offer to anyone again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from backend.domain.routing import Agent, Contact, Router
from protocol.messages import StaffStatus

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
STAFF = ("anna", "bea", "cai")
QUEUES = {"neuvola": "neuvola", "mipa": "mipa"}
STATUSES = (StaffStatus.READY, StaffStatus.NOT_READY, StaffStatus.WRAP_UP, StaffStatus.OFFLINE)


class RouterDay(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.router = Router(QUEUES, offer_timeout_s=30, missed_offer_sets_not_ready=False)
        skills = {
            "anna": {"neuvola"},
            "bea": {"neuvola", "mipa"},
            "cai": {"mipa"},
        }
        languages = {"anna": {"fi"}, "bea": {"fi", "sv"}, "cai": {"fi"}}
        for name in STAFF:
            self.router.add_agent(
                Agent(name, frozenset(skills[name]), 2, languages=frozenset(languages[name]))
            )
        self.now = T0
        self.next_id = 0
        self.screen: dict[str, set[str]] = {name: set() for name in STAFF}
        self.accepted: set[str] = set()
        self.open_chats: dict[str, str] = {}
        # Since when each unoffered contact could have been taken by someone Ready and free.
        self.servable_since: dict[str, datetime] = {}

    # --- the hub's side ------------------------------------------------------------------

    def _route(self) -> None:
        for offer in self.router.route(self.now):
            assert offer.contact_id not in self.accepted, "an accepted contact offered again"
            assert offer.contact_id not in self.screen[offer.username]
            self.screen[offer.username].add(offer.contact_id)
        for gone in set(self.servable_since) - set(self.router.contacts):
            del self.servable_since[gone]
        for contact in self.router.contacts.values():
            if contact.offered_to is None and self.router.able(contact):
                self.servable_since.setdefault(contact.id, self.now)
            else:
                self.servable_since.pop(contact.id, None)

    def _withdraw(self, username: str, contact_ids: list[str] | tuple[str, ...]) -> None:
        for contact_id in contact_ids:
            self.screen[username].discard(contact_id)

    # --- events --------------------------------------------------------------------------

    @rule(
        queue=st.sampled_from(sorted(QUEUES)),
        channel=st.sampled_from(["chat", "phone"]),
        lang=st.sampled_from(["fi", "fi", "sv", "en"]),
    )
    def arrive(self, queue: str, channel: str, lang: str) -> None:
        self.next_id += 1
        kind = "chat" if channel == "chat" else "phone"
        self.router.enqueue(Contact(f"c{self.next_id}", queue, kind, self.now, lang=lang))
        self._route()

    @rule(name=st.sampled_from(STAFF), allow=st.booleans())
    def profile_allows_phone_while_chat(self, name: str, allow: bool) -> None:
        self.router.agents[name].phone_while_chat = allow
        self._route()

    @rule(name=st.sampled_from(STAFF), status=st.sampled_from(STATUSES))
    def set_status(self, name: str, status: StaffStatus) -> None:
        self._withdraw(name, self.router.set_status(name, status, self.now, "test"))
        self._route()

    @rule(name=st.sampled_from(STAFF), on_call=st.booleans())
    def phone_state(self, name: str, on_call: bool) -> None:
        self.router.set_on_call(name, on_call, self.now)
        self._route()

    @rule(name=st.sampled_from(STAFF), pick=st.integers(0, 10))
    def accept_visible(self, name: str, pick: int) -> None:
        visible = sorted(self.screen[name])
        if not visible:
            return
        contact_id = visible[pick % len(visible)]
        # Every offer on her screen must be acceptable: no "the offer is no longer valid".
        self.router.accept(contact_id, name, self.now)
        self.screen[name].discard(contact_id)
        self.accepted.add(contact_id)
        self.open_chats[contact_id] = name
        self._route()

    @rule(pick=st.integers(0, 50))
    @precondition(lambda self: bool(self.open_chats))
    def close(self, pick: int) -> None:
        contact_id = sorted(self.open_chats)[pick % len(self.open_chats)]
        name = self.open_chats.pop(contact_id)
        self.router.release(contact_id, name, self.now)
        if self.router.agents[name].status is StaffStatus.READY:
            self._withdraw(name, self.router.set_status(name, StaffStatus.WRAP_UP, self.now))
        self._route()

    @rule(pick=st.integers(0, 50))
    @precondition(lambda self: bool(self.router.contacts))
    def client_leaves(self, pick: int) -> None:
        contact_id = sorted(self.router.contacts)[pick % len(self.router.contacts)]
        contact = self.router.remove(contact_id)
        assert contact is not None
        if contact.offered_to is not None:
            self._withdraw(contact.offered_to, [contact_id])
        self._route()

    @rule(seconds=st.sampled_from([1, 10, 29, 31, 61]))
    def time_passes(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)
        for lapse in self.router.expire_offers(self.now):
            self._withdraw(lapse.username, [lapse.contact_id, *lapse.also_withdrawn])
        self._route()

    # --- what must always hold -----------------------------------------------------------

    @invariant()
    def her_screen_is_the_routers(self) -> None:
        for name, agent in self.router.agents.items():
            assert self.screen[name] == agent.offers, name

    @invariant()
    def one_offer_per_contact_and_never_after_accept(self) -> None:
        for name, agent in self.router.agents.items():
            for contact_id in agent.offers:
                assert contact_id not in self.accepted
                assert self.router.contacts[contact_id].offered_to == name
            assert not agent.chats & set(self.router.contacts)

    @invariant()
    def no_client_waits_unseen(self) -> None:
        """No contact waits longer than the offer time plus the cool-down while a Ready
        professional with its skill and a free slot exists (the language wait may hold it
        for a speaker, and only that long)."""
        bound = self.router.offer_timeout + self.router.missed_cooldown + self.router.language_wait
        for contact_id, since in self.servable_since.items():
            contact = self.router.contacts[contact_id]
            assert self.now - since <= bound, contact
            if contact.offered_to is None:
                assert self.router.holds_for_language(contact, self.now), contact

    @invariant()
    def capacity_is_kept(self) -> None:
        for agent in self.router.agents.values():
            chat_offers = {c for c in agent.offers if self.router.contacts[c].channel == "chat"}
            assert len(agent.chats) + len(chat_offers) <= max(agent.chat_capacity, agent.load)


TestRouterDay = RouterDay.TestCase
TestRouterDay.settings = settings(max_examples=200, stateful_step_count=50, deadline=None)
