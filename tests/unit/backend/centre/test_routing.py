"""The routing part alone: offers go to their channel's desk, every status change is told
to her, published and withdraws what it must, and the day's counts are kept here."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from backend.centre.events import StatusChanged
from backend.centre.records import StaffConn
from backend.domain.routing import Agent, Contact
from protocol.messages import StaffProfile, StaffStatus
from tests.unit.backend.centre.parts import Desk, Parts, Recorder, build


@pytest.fixture
async def parts(tmp_path: Path) -> Any:
    built = await build(tmp_path)
    yield built
    await built.store.close()


def nurse(parts: Parts, link: Recorder) -> Agent:
    parts.online.staff["hoitaja"] = StaffConn(
        StaffProfile(
            username="hoitaja",
            display_name="Hanna",
            role="nurse",
            skills=["neuvola"],
            chat_capacity=2,
        ),
        link,
    )
    return Agent("hoitaja", frozenset({"neuvola"}), chat_capacity=2)


async def test_an_offer_goes_to_its_channels_desk_and_a_status_change_withdraws_it(
    parts: Parts,
) -> None:
    chat, phone = Desk(), Desk()
    parts.routing.add_desk("chat", chat)
    parts.routing.add_desk("phone", phone)
    told: list[StatusChanged] = []
    parts.events.subscribe(StatusChanged, told.append)
    link = Recorder()
    await parts.routing.attach(nurse(parts, link), [])
    assert told[-1].status is StaffStatus.NOT_READY and told[-1].reason == "login"

    parts.routing.enqueue(Contact("c1", "neuvola", "chat", parts.now[0]))
    await parts.routing.set_status("hoitaja", StaffStatus.READY, None)
    assert [o.contact_id for o in chat.delivered] == ["c1"] and phone.delivered == []
    assert parts.due.take()  # the meter is told once, by the next round

    await parts.routing.change_status("hoitaja", StaffStatus.NOT_READY, "lunch")
    assert chat.withdrawn == [("hoitaja", "c1", "taken")]
    assert told[-1].status is StaffStatus.NOT_READY and told[-1].reason == "lunch"
    assert link.of("status")[-1].status is StaffStatus.NOT_READY


async def test_a_lapsed_offer_is_withdrawn_as_timeout(parts: Parts) -> None:
    chat = Desk()
    parts.routing.add_desk("chat", chat)
    parts.routing.add_desk("phone", Desk())
    await parts.routing.attach(nurse(parts, Recorder()), [])
    parts.routing.enqueue(Contact("c1", "neuvola", "chat", parts.now[0]))
    await parts.routing.set_status("hoitaja", StaffStatus.READY, None)
    told: list[StatusChanged] = []
    parts.events.subscribe(StatusChanged, told.append)
    parts.now[0] += timedelta(minutes=5)
    await parts.routing.tick(parts.now[0])
    assert chat.withdrawn == [("hoitaja", "c1", "timeout")]
    assert parts.metrics.lapses._value.get() == 1
    # The Not ready a missed offer sets is published: the staff-state log counts it.
    assert [(t.status, t.reason) for t in told] == [(StaffStatus.NOT_READY, "missed_offer")]


async def test_a_contact_no_longer_routed_belongs_to_the_desk_that_holds_it(
    parts: Parts,
) -> None:
    chat, phone = Desk(), Desk(mine={"call-1"})
    parts.routing.add_desk("chat", chat)
    parts.routing.add_desk("phone", phone)
    assert parts.routing.channel_of("call-1") == "phone"
    assert parts.routing.channel_of("conversation-1") == "chat"


async def test_her_held_chats_count_at_log_in_and_the_counts_are_routings(parts: Parts) -> None:
    parts.routing.add_desk("chat", Desk())
    parts.routing.add_desk("phone", Desk())
    agent = await parts.routing.attach(nurse(parts, Recorder()), ["c7", "c8"])
    assert agent.load == 2
    parts.routing.count_answered("neuvola", timedelta(seconds=30))
    parts.routing.count_abandoned("neuvola", timedelta(seconds=5))
    parts.routing.count_handled("neuvola", timedelta(minutes=4))
    counts = parts.routing.counts["neuvola"]
    assert (counts.answered_waits_s, counts.abandoned_waits_s, counts.handle_times_s) == (
        [30.0],
        [5.0],
        [240.0],
    )
    # A new day starts from the database's figures (none today): not yesterday's.
    parts.now[0] += timedelta(days=1)
    await parts.routing.tick(parts.now[0])
    assert parts.routing.counts["neuvola"].answered_waits_s == []
