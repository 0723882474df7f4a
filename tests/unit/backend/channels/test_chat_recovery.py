"""The recovery path a takeover runs (the chat channel rebuilt from the database, each nurse
attached again with the chats she owns, routing resumed): whatever the database held, no
chat has two nurses and no nurse is given more than her capacity."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.centre.records import StaffConn
from backend.domain.routing import Agent
from backend.store.tables import Conversation
from protocol.messages import StaffAccept, StaffProfile, StaffStatus
from tests.unit.backend.centre.parts import MONDAY_MORNING, Recorder, build
from tests.unit.backend.channels.test_chat import channel_of

NURSES = ("hoitaja", "sairaanhoitaja", "terveydenhoitaja")

# A conversation as the old active left it: queued, or active with an owner.
conversations = st.lists(st.one_of(st.none(), st.sampled_from(NURSES)), min_size=1, max_size=10)
capacities = st.tuples(*(st.integers(1, 3) for _ in NURSES))


async def recover(owners: list[str | None], capacity: tuple[int, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        parts = await build(Path(folder))
        try:
            for i, owner in enumerate(owners):
                await parts.store.add_conversation(
                    Conversation(
                        id=f"c{i}",
                        queue="neuvola",
                        channel="chat",
                        state="queued" if owner is None else "active",
                        client_token_hash="x" * 64,
                        lang="fi",
                        arrived_at=MONDAY_MORNING - timedelta(minutes=10 - i),
                        answered_at=None if owner is None else MONDAY_MORNING,
                        answered_by=owner,
                        last_seq=0,
                    )
                )
            # The node that takes over: the channel rebuilt, then the nurses come back.
            chat = await channel_of(parts)
            await chat.restore(MONDAY_MORNING, {})
            held_at_start = {name: set(chat.held_by(name)) for name in NURSES}
            for name, cap in zip(NURSES, capacity, strict=True):
                profile = StaffProfile(
                    username=name,
                    display_name=name,
                    role="nurse",
                    skills=["neuvola"],
                    chat_capacity=cap,
                )
                parts.online.profiles[name] = profile
                parts.online.staff[name] = StaffConn(profile, Recorder())
                await parts.routing.attach(
                    Agent(name, frozenset({"neuvola"}), chat_capacity=cap), chat.held_by(name)
                )
                await parts.routing.set_status(name, StaffStatus.READY, None)
            # Routing runs; every nurse accepts every offer she gets, round after round.
            for _ in range(len(owners) + 1):
                await parts.routing.route()
                for name in NURSES:
                    for cid in list(parts.routing.router.agents[name].offers):
                        await chat.accept(name, StaffAccept(conversation_id=cid))
            agents = parts.routing.router.agents
            for name, cap in zip(NURSES, capacity, strict=True):
                mine = agents[name].chats
                # What she held stays hers; above her capacity she is given nothing new.
                assert held_at_start[name] <= mine
                assert len(mine) <= max(cap, len(held_at_start[name]))
                assert {live.id for live in chat.live.values() if live.owner == name} == mine
            every = [cid for name in NURSES for cid in agents[name].chats]
            assert len(every) == len(set(every)), "a chat held by two nurses"
            # And the queue was served as far as the capacity went.
            spare = sum(
                max(0, cap - len(held_at_start[name]))
                for name, cap in zip(NURSES, capacity, strict=True)
            )
            queued = owners.count(None)
            assert len(every) == len(owners) - queued + min(spare, queued)
        finally:
            await parts.store.close()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(conversations, capacities)
def test_recovery_never_doubles_a_chat_or_breaks_a_cap(
    owners: list[str | None], capacity: tuple[int, ...]
) -> None:
    asyncio.run(recover(owners, capacity))
