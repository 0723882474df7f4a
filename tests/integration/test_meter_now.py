"""The meter tells now, over the real protocol: two clients wait past ``red_wait_s`` (red,
and a clinic nurse is called in), then leave. Within seconds the queue is no longer red,
today's low service level still goes out beside the colour, the open ask is withdrawn and
no call-in opens for the empty queue.

The quiet case after a bad hour: the old rule kept the queue red all day (today's level
under ``red_share``) and called clinic nurses in for nobody."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import BackendProcess, Peer, digi_service, running_backend, staff

CALL_IN = """red_for_s = 1
answer_within_s = 60
not_again_s = 0
green_for_s = 2
choices_min = [30, 60]
"""


def service_file(folder: Path) -> Path:
    # A short promise: red after 2 s of waiting; every abandon counts against the level.
    meter = "target_s = 1\nyellow_wait_s = 1\nred_wait_s = 2\nshort_abandon_s = 0"
    return digi_service(folder, meter, CALL_IN, "meter_now.toml")


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("meter-now")
    with running_backend(folder, service_file(folder)) as b:
        yield b


def neuvola(frame: dict[str, Any]) -> dict[str, Any]:
    return next(q for q in frame["queues"] if q["queue"] == "neuvola")


async def next_meter(peer: Peer, timeout: float = 5.0) -> dict[str, Any]:
    return neuvola(await peer.expect("meter", timeout=timeout))


async def test_red_ends_when_the_queue_empties_and_the_call_in_is_withdrawn(
    backend: BackendProcess,
) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)  # logged in, not Ready
    digi = await staff(backend.ws, "digi1", ready=False)
    clients: list[Peer] = []
    try:
        assert (await digi.expect("digi_state"))["state"] == "standby"
        for _ in range(2):
            client = await Peer.connect(backend.ws + "/ws/client")
            await client.send(type="start", queue="neuvola")
            await client.expect("started")
            clients.append(client)
        # Past red_wait_s: red, and the queue calls a clinic nurse in.
        async with asyncio.timeout(10):
            while (q := await next_meter(nurse))["level"] != "red":
                pass
        assert q["waiting"] == 2
        ask = await digi.expect("call_in", timeout=10)
        assert ask["waiting"] == 2 and ask["queues"] == ["neuvola"]

        for client in clients:
            await client.send(type="leave")
        # Within seconds: nobody waits, the colour says so, today's low level is still told.
        async with asyncio.timeout(5):
            while (q := await next_meter(nurse))["waiting"] != 0 or q["level"] == "red":
                pass
        assert q["level"] == "green"
        assert q["abandoned_today"] == 2 and q["service_level_today"] == 0.0
        assert q["target_share"] == 0.8  # the frame carries what the level is judged by
        # The open ask is withdrawn: she is back on standby, told nobody is needed.
        ended = await digi.expect("digi_state", timeout=5, state="standby")
        assert ended["why"] == "not_needed"

        # A while later (several red_for_s): still not red, and nobody is called in.
        loop = asyncio.get_running_loop()
        until = loop.time() + 6
        while loop.time() < until:
            try:
                q = await next_meter(nurse, timeout=1)
            except TimeoutError:
                continue  # the meter goes out when it changes, and every few seconds
            assert q["level"] != "red" and q["waiting"] == 0
        await digi.expect_any("meter", timeout=10)  # she is still told, and still here
        seen_after = digi.seen[digi.seen.index(ended) :]
        assert not any(f["type"] == "call_in" for f in seen_after)
    finally:
        for peer in (nurse, digi, *clients):
            await peer.close()

    calls = backend.query("select trigger, closed_why from call_ins order by id")
    assert calls == [("red", "green")]  # one call-in, closed when the queue emptied


async def test_a_desktop_gets_its_meter_when_she_logs_in_not_a_second_later(
    backend: BackendProcess,
) -> None:
    """The desktops get the meter at most once a second under load; who just logged in
    gets hers at once (her queues, the Ready bar and the softphone's queues need it)."""
    first = await staff(backend.ws, "hoitaja", ready=False)
    try:
        await first.expect("meter")  # hers, at once
        await first.expect("meter", timeout=3)  # the desktops': the gap runs from now
        second = await Peer.connect(backend.ws + "/ws/staff")
        try:
            await second.send(type="login", username="digi1", password="demo")
            await second.expect("logged_in")
            await second.expect("meter", timeout=0.5)
        finally:
            await second.close()
    finally:
        await first.close()
