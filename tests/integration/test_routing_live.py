"""Routing rules seen from real sockets: missed offers, skills, closed hours, abandonment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import BackendProcess, Peer, running_backend, staff

CLOSED_ALWAYS = """
timezone = "Europe/Helsinki"
holidays = ""
open_days = []
[meter.chat]
target_s = 120
[[queues]]
id = "neuvola"
channel = "chat"
skill = "neuvola"
names = { fi = "Neuvola" }
"""


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("routing")) as b:
        yield b


async def test_missed_offer_goes_back_and_sets_not_ready(backend: BackendProcess) -> None:
    slow = await staff(backend.ws, "hoitaja2")
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola")
    cid = (await client.expect("started"))["conversation_id"]
    await slow.expect("offer", conversation_id=cid)
    # The test service's offer timeout is 3 s.
    withdrawn = await slow.expect("offer_withdrawn", timeout=8, conversation_id=cid)
    assert withdrawn["reason"] == "timeout"
    status = await slow.expect("status")
    assert (status["status"], status["reason"]) == ("not_ready", "missed_offer")
    # A colleague who is Ready gets it next.
    other = await staff(backend.ws, "hoitaja")
    await other.expect("offer", conversation_id=cid)
    await other.send(type="accept", conversation_id=cid)
    await other.expect("conversation")
    await other.send(type="close", conversation_id=cid, outcome="other")
    await other.expect("closed")
    for peer in (slow, other, client):
        await peer.close()


async def test_nurse_cannot_open_a_mental_health_chat(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="mipa")
    cid = (await client.expect("started"))["conversation_id"]
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    await nurse.send(type="open", conversation_id=cid)
    assert (await nurse.expect("error"))["code"] == "forbidden"
    await nurse.send(type="send", conversation_id=cid, client_msg_id="x", text="hei")
    assert (await nurse.expect("error"))["code"] == "forbidden"
    psy = await staff(backend.ws, "psyk", ready=False)
    await psy.send(type="open", conversation_id=cid)
    assert (await psy.expect("conversation"))["conversation"]["conversation_id"] == cid
    await client.send(type="leave")
    await client.expect("closed")
    for peer in (client, nurse, psy):
        await peer.close()


async def test_leaving_the_queue_counts_as_abandoned(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="mipa")
    cid = (await client.expect("started"))["conversation_id"]
    await client.send(type="leave")
    await client.expect("closed")
    await client.close()
    assert backend.query("select state, abandoned from conversations where id=?", cid) == [
        ("closed", True)
    ]
    supervisor = await staff(backend.ws, "esihenkilo", ready=False)
    meter = await supervisor.expect("meter")
    mipa = next(q for q in meter["queues"] if q["queue"] == "mipa")
    assert mipa["waiting"] == 0
    await supervisor.close()


async def test_closed_service_refuses_with_next_opening(tmp_path: Path) -> None:
    service = tmp_path / "closed.toml"
    service.write_text(CLOSED_ALWAYS, "utf-8")
    with running_backend(tmp_path, service) as backend:
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola")
        error = await client.expect("error")
        assert error["code"] == "closed_now"
        await client.close()


async def test_an_offer_in_front_of_her_survives_closing_another_chat(tmp_path: Path) -> None:
    """The soak's phantom offers: she closes one chat while the next client's offer is in
    front of her. Wrap-up stops new offers but must not silently move that client to a
    colleague (whose accept, or hers, would then fail with "no longer valid")."""
    with running_backend(tmp_path) as backend:
        nurse = await staff(backend.ws, "hoitaja")  # two chat slots
        first = await Peer.connect(backend.ws + "/ws/client")
        await first.send(type="start", queue="neuvola")
        c1 = (await first.expect("started"))["conversation_id"]
        await nurse.expect("offer", conversation_id=c1)
        await nurse.send(type="accept", conversation_id=c1)
        await nurse.expect("conversation")
        second = await Peer.connect(backend.ws + "/ws/client")
        await second.send(type="start", queue="neuvola")
        c2 = (await second.expect("started"))["conversation_id"]
        await nurse.expect("offer", conversation_id=c2)
        await nurse.send(type="close", conversation_id=c1, outcome="other")
        await nurse.expect("status", status="wrap_up")
        colleague = await staff(backend.ws, "hoitaja2")
        await nurse.send(type="accept", conversation_id=c2)
        view = await nurse.expect("conversation")
        assert view["conversation"]["conversation_id"] == c2
        assert not [f for f in nurse.seen if f["type"] == "offer_withdrawn"]
        assert not [f for f in nurse.seen if f["type"] == "error"]
        # The colleague never saw it: no phantom offer to lapse on her.
        await colleague.send(type="set_status", status="ready")
        await colleague.expect("status", status="ready")
        assert c2 not in [f.get("conversation_id") for f in colleague.seen if f["type"] == "offer"]
        for peer in (nurse, colleague, first, second):
            await peer.close()


async def test_a_call_outcome_only_from_who_answered_it(backend: BackendProcess) -> None:
    backend.execute(
        "INSERT INTO phone_calls (id, gateway, queue, arrived_at, answered_by, outcome) "
        "VALUES ('call-1', 'gw', 'puh_aitiys', CURRENT_TIMESTAMP, 'hoitaja', 'answered')"
    )
    other = await staff(backend.ws, "hoitaja2", ready=False)
    await other.send(type="call_outcome", call_id="call-1", outcome="appointment")
    assert (await other.expect("error"))["code"] == "forbidden"
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    await nurse.send(type="call_outcome", call_id="call-1", outcome="emergency", wrap_up="112")
    await nurse.expect("call_outcome_saved", call_id="call-1")
    rows = backend.query("SELECT handling_outcome, wrap_up FROM phone_calls WHERE id = 'call-1'")
    assert rows == [("emergency", "112")]
    await nurse.send(type="call_outcome", call_id="call-1", outcome="guessed")
    error = await nurse.expect("error")
    assert error["code"] == "bad_frame" and "outcome" in error["detail"]
    for peer in (other, nurse):
        await peer.close()
