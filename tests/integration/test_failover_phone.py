"""The service number through a takeover: a caller queued when the active node is killed
keeps her place (the gateway holds the SIP leg, reconnects through the front and tells
the new active node of its calls) and is delivered; a call being answered goes on through
a planned switch."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from backend.telephony.prompts import STATIC, write_tone
from tests.failover import (
    PASSWORD,
    Pair,
    haproxy_binary,
    postgres_server,
    running_pair,
    sql,
    until,
)
from tests.helpers import OPEN_ALWAYS, staff
from tests.sip.gateway import TOKEN, GatewayProcess
from tests.sip.peers import Kamailio, sipp, sipp_result
from tests.sip.peers import Peer as SipPeer
from tests.sip.service_calls import scenario

pytestmark = [
    pytest.mark.sip,
    pytest.mark.skipif(haproxy_binary() is None, reason="haproxy: scripts/setup.sh test"),
]


@dataclass
class Front:
    """What the gateway is pointed at: the front, not a node."""

    ws: str
    data_dir: Path
    service_file: Path = OPEN_ALWAYS


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with (
        postgres_server() as server,
        running_pair(server, tmp_path, 2, 2, {"LUUKKU_GATEWAY_TOKEN": TOKEN}) as pair,
    ):
        yield pair


async def test_a_queued_call_survives_a_takeover_and_an_answered_one_a_switch(
    pair: Pair, tmp_path: Path
) -> None:
    prompts = tmp_path / "prompts"
    for key in STATIC:
        write_tone(prompts / "fi" / f"{key}.wav", [(440.0 + 20 * len(key), 0.4)])
    kamailio = Kamailio()
    kamailio.start()
    gateway = GatewayProcess(Front(pair.front, tmp_path), prompts, registrar=kamailio.address)  # type: ignore[arg-type]
    phone = SipPeer()
    try:
        gateway.start()
        await phone.register(kamailio.address, "nurse0", srtp="disabled")
        phone.send("auto_answer", on=True)
        steps: list[tuple[str, ...]] = [
            ("pause", 1500),
            ("dtmf", "2"),
            ("pause", 800),
            ("info", "1"),
            ("pause", 25000),
        ]
        caller = sipp(scenario(tmp_path, steps), gateway.target, service="service")
        # Nobody is Ready: she waits in the maternity line's queue.
        await until(
            lambda: sql(pair.url, "SELECT queue FROM phone_calls") == [("puh_aitiys",)],
            20,
            "the caller queued",
        )
        before = pair.wait_active(None, 5)
        after = pair.other(before)
        gateway_log = gateway.log_path.read_text()
        pair.nodes[before].kill()
        pair.wait_active(after, 10)
        # The gateway found the new active node through the front, and the caller her
        # place in its queue: the nurse who comes Ready gets her call.
        await until(
            lambda: (
                gateway.log_path.read_text().count("backend link up")
                > gateway_log.count("backend link up")
            ),
            20,
            "the gateway linked again",
        )
        nurse = await staff(pair.front, "nurse0", password=PASSWORD)
        await phone.until(lambda s: any(c["state"] == "active" for c in s["calls"]), 20)
        (call_id,) = sql(pair.url, "SELECT id FROM phone_calls")[0]
        assert ("answered", "nurse0") in sql(
            pair.url, "SELECT kind, detail FROM call_events WHERE call_id = %s", call_id
        )
        # A planned switch while she talks: the old node back as standby, then SIGTERM
        # on the active one; her call goes on.
        pair.nodes[before].start()
        await until(lambda: pair.role(before) == "standby", 20, "standby again")
        node = pair.nodes[after]
        assert node.proc is not None
        node.proc.terminate()
        pair.wait_active(before, 10)
        await asyncio.sleep(2)
        assert any(c["state"] == "active" for c in phone.send("state")["calls"])
        code, out = await asyncio.to_thread(sipp_result, caller, 90)
        assert code == 0, out
        await until(
            lambda: sql(pair.url, "SELECT outcome FROM phone_calls") == [("answered",)],
            20,
            "the call recorded answered",
        )
        await nurse.close()
    finally:
        phone.close()
        gateway.stop()
        kamailio.close()
