"""The whole chat path over real sockets against a real backend process and SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import BackendProcess, Peer, running_backend, staff


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("backend")) as b:
        yield b


async def test_client_to_staff_and_back(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola", name="Maija", phone="040 123 4567")
    started = await client.expect("started")
    cid = started["conversation_id"]
    await client.send(type="message", client_msg_id="c1", text="Vauva ei nuku, mitä teen?")
    ack = await client.expect("ack", client_msg_id="c1")
    assert ack["seq"] == 1

    offer = await nurse.expect("offer", conversation_id=cid)
    assert offer["queue"] == "neuvola" and offer["client_name"] == "Maija"
    await nurse.send(type="accept", conversation_id=cid)
    view = (await nurse.expect("conversation"))["conversation"]
    assert [line["text"] for line in view["lines"]] == ["Vauva ei nuku, mitä teen?"]
    assert (await client.expect("joined"))["staff_name"] == "Hanna"

    await client.send(type="typing", typing=True)
    assert (await nurse.expect("typing", conversation_id=cid))["typing"] is True
    await nurse.send(type="typing", conversation_id=cid, typing=True)
    assert (await client.expect("typing"))["typing"] is True

    await nurse.send(type="send", conversation_id=cid, client_msg_id="s1", text="Hei! Kerro lisää.")
    await nurse.expect("ack", client_msg_id="s1")
    line = (await client.expect("message"))["line"]
    assert line["author"] == "staff" and line["text"] == "Hei! Kerro lisää." and line["seq"] == 2

    await client.send(type="message", client_msg_id="c2", text="Hän on 4 kk.")
    assert (await nurse.expect("message", conversation_id=cid))["line"]["text"] == "Hän on 4 kk."

    await nurse.send(
        type="close", conversation_id=cid, outcome="one_contact", wrap_up="Unineuvonta"
    )
    await client.expect("closed")
    await nurse.expect("closed", conversation_id=cid)
    assert (await nurse.expect("status"))["status"] == "wrap_up"
    await nurse.close()
    await client.close()

    ((state, outcome, wrap_up, answered_by),) = backend.query(
        "select state, outcome, wrap_up, answered_by from conversations where id=?", cid
    )
    assert (state, outcome, wrap_up, answered_by) == (
        "closed",
        "one_contact",
        "Unineuvonta",
        "hoitaja",
    )
    texts = [
        r[0]
        for r in backend.query(
            "select text from messages where conversation_id=? order by seq", cid
        )
    ]
    assert texts == ["Vauva ei nuku, mitä teen?", "Hei! Kerro lisää.", "Hän on 4 kk."]
    actions = [
        r[0] for r in backend.query("select action from access_log where conversation_id=?", cid)
    ]
    assert actions == ["accept"]


async def test_resent_message_is_stored_once(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="mipa")
    await client.expect("started")
    await client.send(type="message", client_msg_id="dup", text="sama viesti")
    first = await client.expect("ack", client_msg_id="dup")
    await client.send(type="message", client_msg_id="dup", text="sama viesti")
    second = await client.expect("ack", client_msg_id="dup")
    assert first["seq"] == second["seq"] == 1
    await client.send(type="leave")
    await client.expect("closed")
    await client.close()


async def test_wrong_password_is_refused_and_socket_stays_usable(backend: BackendProcess) -> None:
    peer = await Peer.connect(backend.ws + "/ws/staff")
    await peer.send(type="login", username="hoitaja", password="wrong")
    assert (await peer.expect("error"))["code"] == "auth_failed"
    await peer.send(type="set_status", status="ready")
    assert (await peer.expect("error"))["code"] == "not_authenticated"
    await peer.send(type="login", username="hoitaja", password="demo")
    await peer.expect("logged_in")
    await peer.close()


async def test_client_socket_cannot_speak_staff_frames(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    for frame in (
        {"type": "login", "username": "hoitaja", "password": "demo"},
        {"type": "accept", "conversation_id": "x"},
        {"type": "open", "conversation_id": "x"},
    ):
        await client.send(**frame)
        assert (await client.expect("error"))["code"] == "bad_frame"
    await client.close()


async def test_bad_frames_get_typed_errors(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    cases = [
        ("not json", "bad_json"),
        ('{"v": 2, "type": "start", "queue": "neuvola"}', "bad_version"),
        ('{"v": 1, "type": "nonsense"}', "bad_frame"),
        ('{"v": 1, "type": "message", "client_msg_id": "a", "text": "x"}', "bad_frame"),
        ('{"v": 1, "type": "start", "queue": "nope"}', "unknown_queue"),
        ("x" * 40_000, "too_large"),
    ]
    for raw, code in cases:
        await client.send_raw(raw)
        assert (await client.expect("error"))["code"] == code, raw[:40]
    # Still healthy: a real conversation starts on the same socket.
    await client.send(type="start", queue="neuvola")
    await client.expect("started")
    await client.send(type="leave")
    await client.close()


async def test_flood_is_rate_limited(backend: BackendProcess) -> None:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="mipa")
    await client.expect("started")
    for i in range(40):
        await client.send(type="typing", typing=bool(i % 2))
    assert (await client.expect("error"))["code"] == "rate_limited"
    await client.close()
