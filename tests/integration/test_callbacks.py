"""Callbacks over the real staff socket: created from a chat and by hand, seen only by those
who serve the queue (or are named), opened with an access-log entry, attempted until done,
flagged after too many failures, and kept across a backend kill."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from tests.helpers import BackendProcess, Peer, running_backend, staff


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("callbacks")) as b:
        yield b


async def create(peer: Peer, request_id: int, **fields: object) -> int:
    await peer.send(type="callback_create", request_id=request_id, **fields)
    created = await peer.expect("callback_created", request_id=request_id)
    return int(created["callback_id"])


async def listed(peer: Peer, cid: int, **want: object) -> dict[str, object] | None:
    """Read pushed lists until callback ``cid`` shows ``want`` (or is absent, if ``want``
    is ``{"absent": True}``); lists are pushed after every change, so older ones may come
    first."""
    absent = want.pop("absent", False)
    await peer.send(type="callback_list")
    while True:
        items = (await peer.expect("callbacks"))["items"]
        row = next((i for i in items if i["id"] == cid), None)
        if absent and row is None:
            return None
        if row is not None and all(row.get(k) == v for k, v in want.items()):
            return dict(row)


async def test_callback_from_a_chat_attempted_twice_then_done(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola", name="Maija", phone="040 123 4567")
    await client.expect("started")
    offer = await nurse.expect("offer")
    await nurse.send(type="accept", conversation_id=offer["conversation_id"])
    await nurse.expect("conversation")
    cid = await create(
        nurse,
        1,
        queue="neuvola",
        number="040 123 4567",
        reason="Rokotusaika, soita iltapäivällä",
        conversation_id=offer["conversation_id"],
    )
    item = await listed(nurse, cid, state="open")
    assert item is not None
    assert "reason" not in item  # no health details in a list
    assert item["state"] == "open" and item["due_at"] is not None
    assert datetime.fromisoformat(str(item["due_at"])) > datetime.fromisoformat(
        str(item["created_at"])
    )
    for attempt in ("no_answer", "busy"):
        await nurse.send(type="callback_attempt", callback_id=cid, outcome=attempt)
    assert await listed(nurse, cid, failed_attempts=2, state="open")
    await nurse.send(type="callback_open", callback_id=cid)
    opened = await nurse.expect("callback")
    assert opened["reason"] == "Rokotusaika, soita iltapäivällä"
    assert opened["conversation_id"] == offer["conversation_id"]
    assert [a["outcome"] for a in opened["attempts"]] == ["no_answer", "busy"]
    await nurse.send(type="callback_attempt", callback_id=cid, outcome="done", note="sovittu")
    assert await listed(nurse, cid, absent=True) is None  # done: off the list
    # Done is done: another attempt is refused, nothing changes.
    await nurse.send(type="callback_attempt", callback_id=cid, outcome="no_answer")
    assert (await nurse.expect("error"))["code"] == "conflict"
    rows = backend.query("SELECT username, action FROM access_log WHERE conversation_id = ?",
                         f"callback:{cid}")  # fmt: skip
    assert rows == [("hoitaja", "open_callback")]
    await client.close()
    await nurse.close()


async def test_only_those_who_serve_the_queue_or_are_named_see_it(
    backend: BackendProcess,
) -> None:
    psyk = await staff(backend.ws, "psyk", ready=False)
    secretary = await staff(backend.ws, "sihteeri", ready=False)
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    mental = await create(psyk, 2, queue="mipa", number="0401111111", reason="Ahdistus")
    named = await create(
        psyk, 3, queue="mipa", number="0402222222", reason="Neuvolan hoitajalle", nurse="hoitaja"
    )
    # The secretary's list never shows it (her lists only ever hold her queues).
    assert await listed(secretary, mental, absent=True) is None
    await secretary.send(type="callback_open", callback_id=mental)
    assert (await secretary.expect("error"))["code"] == "not_found"
    assert await listed(nurse, named, nurse="hoitaja")
    await nurse.send(type="callback_open", callback_id=mental)
    assert (await nurse.expect("error"))["code"] == "not_found"
    # A queue she does not serve cannot be used to create one either.
    await secretary.send(
        type="callback_create", request_id=4, queue="mipa", number="0403333333", reason="x"
    )
    assert (await secretary.expect("error"))["code"] == "forbidden"
    # Nor can a chat that is not hers be named as the source.
    await psyk.send(
        type="callback_create", request_id=5, queue="mipa", number="0403333333", reason="x",
        conversation_id="not-a-conversation",
    )  # fmt: skip
    assert (await psyk.expect("error"))["code"] == "forbidden"
    for peer in (psyk, secretary, nurse):
        await peer.close()


async def test_too_many_failures_flag_a_decision_and_survive_a_kill(
    backend: BackendProcess,
) -> None:
    psyk = await staff(backend.ws, "psyk", ready=False)
    cid = await create(psyk, 6, queue="mipa", number="0404444444", reason="Ei vastaa")
    for _ in range(3):
        await psyk.send(type="callback_attempt", callback_id=cid, outcome="no_answer")
    # Flagged for a decision, not dropped.
    assert await listed(psyk, cid, state="decision", failed_attempts=3)
    await psyk.close()
    backend.kill()
    backend.start()
    psyk = await staff(backend.ws, "psyk", ready=False)
    assert await listed(psyk, cid, state="decision", failed_attempts=3)
    # The meter counts it too after the restart (rebuilt from the database).
    meter = await psyk.expect("meter", timeout=10)
    mipa = next(q for q in meter["queues"] if q["queue"] == "mipa")
    assert mipa["callbacks_open"] >= 1
    await psyk.close()


async def test_bad_callback_frames_are_refused(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    for bad in (
        {"queue": "neuvola", "number": "not a number", "reason": "x"},
        {"queue": "neuvola", "number": "0401234567", "reason": ""},
        {"queue": "neuvola", "number": "0401234567", "reason": "x" * 2001},
        {"queue": "neuvola", "number": "0401234567", "reason": "x", "priority": "asap"},
    ):
        await nurse.send(type="callback_create", request_id=9, **bad)
        assert (await nurse.expect("error"))["code"] == "bad_frame"
    await nurse.send(type="callback_create", request_id=9, queue="neuvola",
                     number="0401234567", reason="x", nurse="nobody")  # fmt: skip
    assert (await nurse.expect("error"))["code"] == "not_found"
    await nurse.close()
