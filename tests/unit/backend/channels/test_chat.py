"""The chat channel alone (routing, outbox and sessions' records, no hub, no sockets):
a client's chat from start to close or abandon, and who may touch it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from backend.centre.estimates import Estimates
from backend.centre.records import StaffConn
from backend.channels.chat import CLIENT_GRACE, ChatChannel
from backend.domain.routing import Agent
from backend.store.collab import NoteRow
from protocol.messages import (
    ClientMessage,
    ClientStart,
    ErrorCode,
    ProtocolError,
    StaffAccept,
    StaffClose,
    StaffNoteView,
    StaffProfile,
    StaffSend,
    StaffStatus,
)
from tests.unit.backend.centre.parts import Desk, Parts, Recorder, build


def no_notes(_rows: list[NoteRow]) -> list[StaffNoteView]:
    return []


@pytest.fixture
async def parts(tmp_path: Path) -> Any:
    built = await build(tmp_path)
    yield built
    await built.store.close()


async def channel_of(parts: Parts) -> ChatChannel:
    chat = ChatChannel(
        parts.service,
        parts.store,
        parts.online,
        parts.outbox,
        parts.routing,
        Estimates(parts.service, parts.online, parts.routing),
        parts.events,
        parts.due,
        parts.metrics,
        notes=no_notes,
    )
    parts.routing.add_desk("chat", chat)
    parts.routing.add_desk("phone", Desk())
    return chat


async def ready_nurse(parts: Parts) -> Recorder:
    link = Recorder()
    parts.online.profiles["hoitaja"] = profile = StaffProfile(
        username="hoitaja",
        display_name="Hanna Hoitaja",
        role="nurse",
        skills=["neuvola"],
        chat_capacity=2,
    )
    parts.online.staff["hoitaja"] = StaffConn(profile, link)
    await parts.routing.attach(Agent("hoitaja", frozenset({"neuvola"}), chat_capacity=2), [])
    await parts.routing.set_status("hoitaja", StaffStatus.READY, None)
    return link


async def test_a_chat_from_start_to_close(parts: Parts) -> None:
    chat = await channel_of(parts)
    client = Recorder()
    cid = await chat.client_start(client, ClientStart(queue="neuvola", name="Maija"))
    assert client.of("started")[0].position == 1 and chat.live[cid].state == "queued"
    await chat.client_message(cid, ClientMessage(client_msg_id="m1", text="Hei"))
    assert client.of("ack")[0].seq == 1

    nurse = await ready_nurse(parts)
    offer = nurse.of("offer")[0]
    assert offer.conversation_id == cid and offer.client_name == "Maija"
    await chat.accept("hoitaja", StaffAccept(conversation_id=cid))
    assert chat.live[cid].owner == "hoitaja"
    assert client.of("joined")[0].staff_name == "Hanna"  # her first name only
    assert [line.text for line in nurse.of("conversation")[0].conversation.lines] == ["Hei"]
    assert parts.routing.counts["neuvola"].answered_waits_s == [0.0]

    await chat.staff_send("hoitaja", StaffSend(conversation_id=cid, client_msg_id="s1", text="Moi"))
    assert client.of("message")[-1].line.text == "Moi"
    await chat.close("hoitaja", StaffClose(conversation_id=cid, outcome="one_contact"))
    assert cid not in chat.live and client.of("closed")
    assert parts.routing.router.agents["hoitaja"].status is StaffStatus.WRAP_UP


async def test_only_her_own_conversation_is_hers_to_write(parts: Parts) -> None:
    chat = await channel_of(parts)
    cid = await chat.client_start(Recorder(), ClientStart(queue="neuvola"))
    await ready_nurse(parts)
    with pytest.raises(ProtocolError) as refused:
        await chat.staff_send(
            "hoitaja", StaffSend(conversation_id=cid, client_msg_id="x", text="x")
        )
    assert refused.value.frame.code is ErrorCode.FORBIDDEN
    with pytest.raises(ProtocolError):
        await chat.accept("someone", StaffAccept(conversation_id=cid))  # not offered to her


async def test_a_gone_client_keeps_her_place_for_her_grace_then_is_abandoned(
    parts: Parts,
) -> None:
    chat = await channel_of(parts)
    client = Recorder()
    cid = await chat.client_start(client, ClientStart(queue="neuvola"))
    await chat.client_gone(cid, client)
    parts.now[0] += CLIENT_GRACE
    await chat.tick(parts.now[0])
    assert cid in chat.live and parts.routing.router.position(cid) == 1
    parts.now[0] += timedelta(seconds=1)
    await chat.tick(parts.now[0])
    assert cid not in chat.live and parts.routing.router.position(cid) is None
    assert len(parts.routing.counts["neuvola"].abandoned_waits_s) == 1


async def test_a_requeued_chat_waits_again_not_for_who_gave_it(parts: Parts) -> None:
    chat = await channel_of(parts)
    cid = await chat.client_start(Recorder(), ClientStart(queue="neuvola"))
    await ready_nurse(parts)
    await chat.accept("hoitaja", StaffAccept(conversation_id=cid))
    live = chat.live[cid]
    chat.add_consultant(live, "psykiatrinen")
    members = chat.requeue(live, "hoitaja", "neuvola", ("Hanna", "note"), None)
    assert members == ["hoitaja", "psykiatrinen"]
    assert (live.state, live.owner, live.consultants) == ("queued", None, set())
    contact = parts.routing.router.contacts[cid]
    assert contact.excluded == {"hoitaja"} and contact.arrived_at == live.arrived_at
