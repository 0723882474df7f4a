from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.routing import MISSED_OFFER, Agent, Contact, Router, RoutingError
from protocol.messages import StaffStatus

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def make_router(timeout: float = 30, not_ready: bool = True) -> Router:
    return Router({"neuvola": "neuvola", "mipa": "mipa"}, timeout, not_ready)


def agent(
    router: Router,
    name: str,
    skills: str = "neuvola",
    capacity: int = 2,
    ready_at: float = 0,
    **kw: object,
) -> Agent:
    a = router.add_agent(Agent(name, frozenset(skills.split(",")), capacity, **kw))  # type: ignore[arg-type]
    router.set_status(name, StaffStatus.READY, at(ready_at))
    return a


def contact(
    router: Router, cid: str, queue: str = "neuvola", arrived: float = 0, channel: str = "chat"
) -> None:
    router.enqueue(Contact(cid, queue, channel, at(arrived)))  # type: ignore[arg-type]


def test_offered_only_to_staff_with_the_skill() -> None:
    r = make_router()
    agent(r, "nurse", "neuvola")
    contact(r, "c1", "mipa")
    assert r.route(at(1)) == []
    agent(r, "psy", "mipa")
    assert [(o.contact_id, o.username) for o in r.route(at(2))] == [("c1", "psy")]


def test_only_ready_staff_get_offers() -> None:
    r = make_router()
    agent(r, "nurse")
    r.set_status("nurse", StaffStatus.NOT_READY, at(0), "break")
    contact(r, "c1")
    assert r.route(at(1)) == []
    for status in (StaffStatus.WRAP_UP, StaffStatus.OFFLINE):
        r.set_status("nurse", status, at(1))
        assert r.route(at(1)) == []
    r.set_status("nurse", StaffStatus.READY, at(2))
    assert len(r.route(at(2))) == 1


def test_capacity_counts_chats_and_outstanding_offers() -> None:
    r = make_router()
    agent(r, "nurse", capacity=2)
    for i in range(3):
        contact(r, f"c{i}", arrived=i)
    offers = r.route(at(5))
    assert [o.contact_id for o in offers] == ["c0", "c1"]
    r.accept("c0", "nurse", at(6))
    assert r.route(at(6)) == []  # one chat + one offer = full
    r.release("c0", "nurse", at(7))
    assert [o.contact_id for o in r.route(at(7))] == ["c2"]


def test_longest_waiting_contact_first_across_queues() -> None:
    r = make_router()
    contact(r, "late", "neuvola", arrived=10)
    contact(r, "early", "mipa", arrived=1)
    contact(r, "middle", "neuvola", arrived=5)
    agent(r, "all", "neuvola,mipa", capacity=1)
    assert [o.contact_id for o in r.route(at(20))] == ["early"]


def test_least_loaded_then_longest_idle_staff_first() -> None:
    r = make_router()
    agent(r, "fresh", ready_at=50)
    agent(r, "idle_long", ready_at=10)
    contact(r, "c1", arrived=60)
    assert r.route(at(61))[0].username == "idle_long"
    contact(r, "c2", arrived=62)
    # idle_long now has an offer (load 1); fresh has none.
    assert r.route(at(63))[0].username == "fresh"


def test_missed_offer_requeues_at_head_and_sets_not_ready() -> None:
    r = make_router(timeout=30)
    agent(r, "slow", ready_at=0)
    contact(r, "c1", arrived=1)
    contact(r, "c2", arrived=2)
    r.route(at(3))
    assert r.expire_offers(at(32)) == []
    lapses = r.expire_offers(at(34))
    # c1 lapses; that sets her Not ready, which withdraws her offer of c2 as well.
    assert [(lp.contact_id, lp.username, lp.set_not_ready, lp.also_withdrawn) for lp in lapses] == [
        ("c1", "slow", True, ("c2",))
    ]
    assert r.contacts["c2"].offered_to is None
    assert r.agents["slow"].status is StaffStatus.NOT_READY
    assert r.agents["slow"].reason == MISSED_OFFER
    assert r.agents["slow"].load == 0
    agent(r, "other", ready_at=40)
    r.agents["other"].chat_capacity = 1
    # Back at the head: c1 (arrived first) goes before a newer contact.
    contact(r, "c3", arrived=35)
    assert [o.contact_id for o in r.route(at(41))] == ["c1"]


def test_a_missed_client_goes_to_a_colleague_then_back_to_her_after_the_cool_down() -> None:
    r = make_router(timeout=10, not_ready=False)  # cool-down 60 s by default
    agent(r, "a")
    agent(r, "b", capacity=1)
    r.agents["b"].chats.add("busy")  # b is full
    contact(r, "c1")
    assert r.route(at(1))[0].username == "a"
    lapses = r.expire_offers(at(12))
    assert lapses[0].set_not_ready is False
    assert r.agents["a"].status is StaffStatus.READY
    # Nobody else can take it: it comes back to her at once, never left waiting.
    assert [(o.contact_id, o.username) for o in r.route(at(12))] == [("c1", "a")]
    r.expire_offers(at(23))
    r.agents["b"].chats.clear()
    # Someone else can: the colleague gets it during her cool-down ...
    assert [(o.contact_id, o.username) for o in r.route(at(24))] == [("c1", "b")]
    r.expire_offers(at(35))
    # Both missed it lately: it is offered again at once all the same, never held back.
    assert len(r.route(at(36))) == 1
    r.expire_offers(at(47))
    # After a's cool-down (missed at 23 and 47 s): a fresh colleague first, then her again.
    r.agents["b"].chats.add("busy")
    assert r.route(at(108))[0].username == "a"


def test_cool_down_prefers_a_colleague_who_has_not_missed_it() -> None:
    r = make_router(timeout=10, not_ready=False)
    agent(r, "a")
    contact(r, "c1")
    r.route(at(1))
    r.expire_offers(at(12))
    agent(r, "b", ready_at=12)
    assert r.route(at(13))[0].username == "b"


def test_phone_while_chatting_only_when_her_profile_allows() -> None:
    r = make_router()
    agent(r, "chatting")
    r.agents["chatting"].chats.add("old-chat")
    contact(r, "call1", channel="phone")
    assert r.route(at(1)) == []
    r.agents["chatting"].phone_while_chat = True
    assert [o.username for o in r.route(at(2))] == ["chatting"]


def test_a_swedish_client_goes_first_to_a_swedish_speaker() -> None:
    r = make_router()
    agent(r, "fi_only", ready_at=0)
    sv = agent(r, "svenska", ready_at=5, languages=frozenset({"fi", "sv"}))
    sv.chats.update({"x", "y"})  # full for now
    r.enqueue(Contact("c1", "neuvola", "chat", at(0), lang="sv"))
    # A Swedish speaker is working: the client waits for her, up to the language wait.
    assert r.route(at(10)) == []
    sv.chats.clear()
    assert [o.username for o in r.route(at(20))] == ["svenska"]


def test_the_language_wait_ends_and_anyone_with_the_skill_serves() -> None:
    r = make_router()
    agent(r, "fi_only")
    sv = agent(r, "svenska", languages=frozenset({"sv"}))
    sv.chats.update({"x", "y"})
    r.enqueue(Contact("c1", "neuvola", "chat", at(0), lang="sv"))
    assert r.route(at(59)) == []
    assert [o.username for o in r.route(at(60))] == ["fi_only"]
    # Nobody who speaks it is working: no wait at all.
    r2 = make_router()
    agent(r2, "fi_only")
    r2.enqueue(Contact("c2", "neuvola", "chat", at(0), lang="sv"))
    assert [o.username for o in r2.route(at(1))] == ["fi_only"]


def test_wrap_up_ends_by_itself_after_its_maximum() -> None:
    r = Router({"neuvola": "neuvola"}, 30, wrap_up_max_s=120)
    agent(r, "a")
    r.set_status("a", StaffStatus.WRAP_UP, at(10))
    assert r.wrap_up_ends("a") == at(130)
    assert r.end_wrap_ups(at(129)) == []
    assert r.end_wrap_ups(at(130)) == ["a"]
    assert r.agents["a"].status is StaffStatus.READY
    stays = Router({"neuvola": "neuvola"}, 30, wrap_up_max_s=120, wrap_up_then_ready=False)
    agent(stays, "b")
    stays.set_status("b", StaffStatus.WRAP_UP, at(0))
    assert stays.end_wrap_ups(at(500)) == []


def test_a_second_close_restarts_the_wrap_up_time() -> None:
    r = Router({"neuvola": "neuvola"}, 30, wrap_up_max_s=120)
    agent(r, "a")
    r.set_status("a", StaffStatus.WRAP_UP, at(10))
    r.set_status("a", StaffStatus.WRAP_UP, at(70))  # the second chat closed a minute later
    assert r.wrap_up_ends("a") == at(190)
    assert r.end_wrap_ups(at(130)) == []
    assert r.end_wrap_ups(at(190)) == ["a"]


def test_on_a_phone_call_no_chat_offers_unless_profile_allows() -> None:
    r = make_router()
    agent(r, "phone_nurse")
    r.set_on_call("phone_nurse", True, at(0))
    contact(r, "c1")
    assert r.route(at(1)) == []
    agent(r, "multitasker", chat_while_on_call=True)
    r.set_on_call("multitasker", True, at(1))
    assert r.route(at(2))[0].username == "multitasker"


def test_phone_contact_needs_a_free_agent_not_on_a_call() -> None:
    r = make_router()
    agent(r, "a")
    r.set_on_call("a", True, at(0))
    contact(r, "call1", channel="phone")
    assert r.route(at(1)) == []
    r.set_on_call("a", False, at(2))
    assert r.route(at(3))[0].contact_id == "call1"


def test_going_not_ready_withdraws_her_offers() -> None:
    r = make_router()
    agent(r, "a")
    contact(r, "c1")
    r.route(at(1))
    assert r.set_status("a", StaffStatus.NOT_READY, at(2), "break") == ["c1"]
    assert r.contacts["c1"].offered_to is None


def test_accept_requires_the_offer() -> None:
    r = make_router()
    agent(r, "a")
    agent(r, "b")
    contact(r, "c1")
    offer = r.route(at(1))[0]
    other = "b" if offer.username == "a" else "a"
    with pytest.raises(RoutingError):
        r.accept("c1", other, at(2))
    r.accept("c1", offer.username, at(2))
    assert "c1" not in r.contacts
    with pytest.raises(RoutingError):
        r.accept("c1", offer.username, at(3))


def test_abandoned_contact_frees_the_offer_slot() -> None:
    r = make_router()
    a = agent(r, "a", capacity=1)
    contact(r, "c1")
    r.route(at(1))
    assert a.load == 1
    r.remove("c1")
    assert a.load == 0 and r.waiting() == []


def test_position_in_queue() -> None:
    r = make_router()
    contact(r, "a", arrived=1)
    contact(r, "b", arrived=2)
    contact(r, "m", "mipa", arrived=0)
    assert (r.position("a"), r.position("b"), r.position("m")) == (1, 2, 1)
    assert r.position("nope") is None


# (action, contact number, queue, arrival second): enqueue, leave, or be offered and taken.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["come", "come", "leave", "taken"]),
        st.integers(0, 12),
        st.sampled_from(["neuvola", "mipa"]),
        st.integers(0, 5),
    ),
    max_size=60,
)


@given(STEPS)
def test_waiting_order_and_positions_follow_arrival_whatever_comes_and_goes(
    steps: list[tuple[str, int, str, int]],
) -> None:
    """The queue's order is kept as contacts come and go (not sorted on every look): it
    must equal sorting what is there by arrival, then id, and a position is the count of
    those ahead in her own queue plus one."""
    r = make_router()
    agent(r, "hanna", "neuvola,mipa", capacity=1000)
    for action, n, queue, second in steps:
        cid = f"c{n}"
        if action == "come":
            contact(r, cid, queue, arrived=second)  # again with the same id: moved
        elif action == "leave":
            r.remove(cid)
        else:
            r.route(at(10))  # she has room for all: each waiting one is offered to her
            if cid in r.contacts and r.contacts[cid].offered_to == "hanna":
                r.accept(cid, "hanna", at(10))
    present = sorted(r.contacts.values(), key=lambda c: (c.arrived_at, c.id))
    assert [c.id for c in r.waiting()] == [c.id for c in present]
    for queue in ("neuvola", "mipa"):
        mine = [c.id for c in present if c.queue == queue]
        assert [c.id for c in r.waiting(queue)] == mine
        for i, cid in enumerate(mine, start=1):
            assert r.position(cid) == i


def test_unknown_queue_is_refused() -> None:
    with pytest.raises(RoutingError):
        contact(make_router(), "x", "nowhere")


def test_a_transfer_to_a_named_colleague_waits_for_her_then_for_anyone() -> None:
    router = make_router(timeout=30)
    agent(router, "anna")
    agent(router, "liisa", ready_at=5)
    agent(router, "sender")
    router.enqueue(Contact("c1", "neuvola", "chat", at(0), excluded={"sender"}, only_for="liisa"))
    # Anna is idle longer, but the transfer names Liisa.
    assert [(o.contact_id, o.username) for o in router.route(at(10))] == [("c1", "liisa")]
    lapses = router.expire_offers(at(41))
    assert [lapse.username for lapse in lapses] == ["liisa"]
    # Never stuck waiting for one person, and never back to the sender.
    assert [(o.contact_id, o.username) for o in router.route(at(42))] == [("c1", "anna")]


def test_a_new_log_in_takes_her_profile_as_it_is_now() -> None:
    r = make_router()
    a = agent(r, "a")
    a.chats.add("open")
    again = r.add_agent(
        Agent(
            "a",
            frozenset({"neuvola", "mipa"}),
            3,
            phone_while_chat=True,
            languages=frozenset({"sv"}),
        )
    )
    assert again is a and a.chats == {"open"} and a.status is StaffStatus.READY
    assert (a.skills, a.chat_capacity, a.phone_while_chat, a.languages) == (
        frozenset({"neuvola", "mipa"}),
        3,
        True,
        frozenset({"sv"}),
    )


def test_an_offer_names_its_channel_so_the_right_desk_delivers_it() -> None:
    r = make_router()
    agent(r, "a")
    agent(r, "b")
    contact(r, "chat1")
    contact(r, "call1", arrived=1, channel="phone")
    offers = {o.contact_id: o.channel for o in r.route(at(2))}
    assert offers == {"chat1": "chat", "call1": "phone"}
