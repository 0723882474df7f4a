"""The outbox: a send never raises, a fan-out is serialised once, offline is nobody."""

from __future__ import annotations

import asyncio
import time

from backend.centre.outbox import FAN_OUT_SLICE, Outbox
from backend.centre.records import Online, StaffConn
from protocol.messages import StaffProfile, StaffStatus, ToStaffStatus
from tests.unit.backend.centre.parts import Recorder


def profile(username: str) -> StaffProfile:
    return StaffProfile(
        username=username, display_name=username.title(), role="nurse", skills=[], chat_capacity=2
    )


def frame() -> ToStaffStatus:
    return ToStaffStatus(status=StaffStatus.READY)


async def test_a_dead_socket_does_not_stop_the_others() -> None:
    online = Online()
    dead, alive = Recorder(fail=True), Recorder()
    outbox = Outbox(online)
    await outbox.send_to(dead, frame())  # no exception reaches the sender
    outbox.send_each([dead, alive], frame())
    assert [f.status for f in alive.frames] == [StaffStatus.READY]


async def test_a_fan_out_sends_the_same_text_to_each() -> None:
    online = Online()
    links = [Recorder() for _ in range(3)]
    for n, link in enumerate(links):
        online.staff[f"u{n}"] = StaffConn(profile(f"u{n}"), link)
    Outbox(online).send_all_staff(frame())
    texts = {link.texts[0] for link in links}
    assert len(texts) == 1 and all(len(link.texts) == 1 for link in links)


async def test_to_a_staff_member_only_while_she_is_online() -> None:
    online = Online()
    link = Recorder()
    outbox = Outbox(online)
    await outbox.send_staff("hoitaja", frame())
    await outbox.send_staff(None, frame())
    assert link.frames == []
    online.staff["hoitaja"] = StaffConn(profile("hoitaja"), link)
    await outbox.send_staff("hoitaja", frame())
    assert len(link.frames) == 1


async def test_a_round_fan_out_lets_the_loop_turn_between_slices() -> None:
    """200 desktops: every one gets the one text, a dead one stops nobody, and what
    arrived meanwhile (a client's line) is handled between slices, not after them all."""
    dead = 7 * FAN_OUT_SLICE + 3  # in the last slice
    links = [Recorder(fail=n == dead) for n in range(8 * FAN_OUT_SLICE)]
    written_before_turn: list[int] = []

    async def a_line_arrives() -> None:
        written_before_turn.append(sum(len(link.texts) for link in links))
        time.sleep(0.02)  # its work, while the fan-out waits

    turn = asyncio.get_running_loop().create_task(a_line_arrives())
    outbox = Outbox(Online())
    await outbox.fan_out(links, frame())
    await turn
    # The other work's time is counted as the fan-out's pause (the hub's round leaves it
    # out of the time it held the event loop).
    assert outbox.paused_s >= 0.02
    alive = [link for n, link in enumerate(links) if n != dead]
    assert all(len(link.texts) == 1 for link in alive)
    assert len({link.texts[0] for link in alive}) == 1
    assert written_before_turn == [FAN_OUT_SLICE]
