"""Transfer, consult, internal notes, staff chat, pictures and video links over the real
sockets of a real backend process; and who may not see what."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, PngImagePlugin

from tests.helpers import BackendProcess, Peer, running_backend, staff


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("collab")) as b:
        yield b


async def chat_with(
    backend: BackendProcess, nurse: Peer, queue: str = "neuvola", name: str = "Maija"
) -> tuple[Peer, str, str]:
    """A client whose chat ``nurse`` has accepted: (client socket, conversation id, token)."""
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue=queue, name=name, phone="040 123 4567")
    started = await client.expect("started")
    offer = await nurse.expect("offer", conversation_id=started["conversation_id"])
    await nurse.send(type="accept", conversation_id=offer["conversation_id"])
    await nurse.expect("conversation")
    await client.expect("joined")
    return client, started["conversation_id"], started["token"]


def all_text(peer: Peer) -> str:
    return json.dumps(peer.seen, ensure_ascii=False)


async def close(owner: Peer, cid: str) -> None:
    await owner.send(type="close", conversation_id=cid, outcome="one_contact")
    await owner.expect("closed", conversation_id=cid)


async def line_of_kind(peer: Peer, kind: str) -> dict[str, Any]:
    while True:
        line = (await peer.expect("message", timeout=5))["line"]
        if line["kind"] == kind:
            return dict(line)


async def drain(peer: Peer, seconds: float = 0.3) -> None:
    """Read whatever arrives for a moment (into ``seen``)."""
    with contextlib.suppress(TimeoutError):
        await peer.expect("never-sent", timeout=seconds)


async def test_transfer_to_a_named_colleague_with_a_note(backend: BackendProcess) -> None:
    sender = await staff(backend.ws, "hoitaja")
    receiver = await staff(backend.ws, "hoitaja2", ready=False)
    client, cid, _token = await chat_with(backend, sender)
    await client.send(type="message", client_msg_id="m1", text="Vauvalla on kuumetta")
    await client.expect("ack")
    await sender.expect("message")

    # Not ready: refused, and she is told why; the chat stays hers.
    await sender.send(type="transfer", conversation_id=cid, to_user="hoitaja2", note="Kuume")
    refused = await sender.expect("error")
    assert (refused["code"], refused["detail"]) == ("conflict", "transfer_busy")
    await receiver.send(type="set_status", status="ready")
    await receiver.expect("status", status="ready")

    note = "Kuumeinen vauva, soitti jo aamulla; katso ohje 3."
    await sender.send(type="transfer", conversation_id=cid, to_user="hoitaja2", note=note)
    left = await sender.expect("left", conversation_id=cid)
    assert left["reason"] == "transferred"
    offer = await receiver.expect("offer", conversation_id=cid)
    assert offer["transfer_note"] == note
    assert offer["transferred_by"] == "Hanna Hoitaja"
    line = await client.expect("message")
    assert line["line"]["text"] == "transferred"
    await receiver.send(type="accept", conversation_id=cid)
    view = (await receiver.expect("conversation"))["conversation"]
    assert view["role"] == "owner"
    assert view["notes"][0]["kind"] == "transfer" and view["notes"][0]["text"] == note
    assert [ln["text"] for ln in view["lines"]][:1] == ["Vauvalla on kuumetta"]
    joined = await client.expect("joined")
    assert joined["staff_name"] == "Liisa"
    # The whole conversation went along; the note never reached the client.
    await receiver.send(type="send", conversation_id=cid, client_msg_id="s1", text="Hei, Liisa")
    assert (await client.expect("message"))["line"]["author_name"] == "Liisa"
    assert note not in all_text(client)
    # The sender can no longer write in it.
    await sender.send(type="send", conversation_id=cid, client_msg_id="s2", text="vielä")
    assert (await sender.expect("error"))["code"] == "forbidden"
    rows = backend.query("SELECT state, answered_by, queue FROM conversations WHERE id = ?", cid)
    assert rows == [("active", "hoitaja2", "neuvola")]
    await close(receiver, cid)
    for peer in (sender, receiver, client):
        await peer.close()


async def test_transfer_to_a_queue_needs_someone_ready(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    client, cid, _token = await chat_with(backend, nurse)
    await nurse.send(type="transfer", conversation_id=cid, queue="mipa", note="Mielialaa")
    refused = await nurse.expect("error")
    assert refused["detail"] == "transfer_nobody_ready"
    psyk = await staff(backend.ws, "psyk")
    await nurse.send(type="transfer", conversation_id=cid, queue="mipa", note="Mielialaa")
    await nurse.expect("left", conversation_id=cid)
    offer = await psyk.expect("offer", conversation_id=cid)
    assert offer["queue"] == "mipa" and offer["transfer_note"] == "Mielialaa"
    await psyk.send(type="accept", conversation_id=cid)
    await psyk.expect("conversation")
    assert (await client.expect("joined"))["staff_name"] == "Pekka"
    # Counted once as answered, in the queue where it was answered first.
    state = backend.query("SELECT state, queue, answered_by FROM conversations WHERE id = ?", cid)
    assert state == [("active", "mipa", "psyk")]
    await psyk.send(type="close", conversation_id=cid, outcome="one_contact")
    await psyk.expect("closed")
    for peer in (nurse, psyk, client):
        await peer.close()


async def test_consultant_joins_writes_and_leaves(backend: BackendProcess) -> None:
    owner = await staff(backend.ws, "hoitaja")
    consultant = await staff(backend.ws, "psyk", ready=False)
    secretary = await staff(backend.ws, "sihteeri", ready=False)
    client, cid, _token = await chat_with(backend, owner)

    await owner.send(type="invite", conversation_id=cid, username="sihteeri")
    assert (await owner.expect("error"))["detail"] == "consult_role"
    await owner.send(type="invite", conversation_id=cid, username="psyk")
    view = (await consultant.expect("conversation", timeout=5))["conversation"]
    assert view["role"] == "consultant" and view["owner"] == "hoitaja"
    assert (await client.expect("message"))["line"]["text"] == "consult_joined:Pekka"
    parts = await owner.expect("participants", conversation_id=cid)
    assert parts["consultants"] == ["psyk"]

    await consultant.send(type="send", conversation_id=cid, client_msg_id="c1", text="Hei!")
    await consultant.expect("ack")
    assert (await client.expect("message"))["line"]["author_name"] == "Pekka"
    assert (await owner.expect("message"))["line"]["text"] == "Hei!"
    await client.send(type="message", client_msg_id="m1", text="Kiitos")
    assert (await consultant.expect("message"))["line"]["text"] == "Kiitos"
    # Only the owner closes or transfers.
    await consultant.send(type="close", conversation_id=cid, outcome="one_contact")
    assert (await consultant.expect("error"))["code"] == "forbidden"

    await consultant.send(type="consult_end", conversation_id=cid)
    assert (await consultant.expect("left", conversation_id=cid))["reason"] == "consult_ended"
    assert (await client.expect("message"))["line"]["text"] == "consult_left:Pekka"
    await consultant.send(type="send", conversation_id=cid, client_msg_id="c2", text="vielä")
    assert (await consultant.expect("error"))["code"] == "forbidden"
    log = backend.query(
        "SELECT username, action FROM access_log WHERE conversation_id = ? ORDER BY id", cid
    )
    assert ("psyk", "consult") in log
    await close(owner, cid)
    for peer in (owner, consultant, secretary, client):
        await peer.close()


async def test_notes_stay_on_the_staff_side(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    client, cid, token = await chat_with(backend, nurse)
    secret = "SISAINEN-MUISTIINPANO lastensuojeluilmoitus harkinnassa"
    await nurse.send(type="note", conversation_id=cid, text=secret)
    note = await nurse.expect("note", conversation_id=cid)
    assert note["note"]["text"] == secret
    # The client socket cannot even express a staff frame.
    for frame in (
        {"type": "note", "conversation_id": cid, "text": "x"},
        {"type": "staff_chat", "channel": "help", "client_msg_id": "a", "text": "x"},
        {"type": "transfer", "conversation_id": cid, "queue": "mipa", "note": "x"},
        {"type": "open", "conversation_id": cid},
    ):
        await client.send(**frame)
        assert (await client.expect("error"))["code"] == "bad_frame"
    # Every client-visible path: the live socket, a resume from the start, the public API.
    await drain(client)
    again = await Peer.connect(backend.ws + "/ws/client")
    await again.send(type="resume", conversation_id=cid, token=token, last_seq=0)
    await again.expect("resumed")
    await drain(again)
    async with httpx.AsyncClient() as http:
        public = (await http.get(backend.http + "/api/queues")).text
    for text in (all_text(client), all_text(again), public):
        assert "SISAINEN" not in text
    assert backend.query("SELECT COUNT(*) FROM staff_notes WHERE conversation_id = ?", cid) == [
        (1,)
    ]
    assert backend.query("SELECT COUNT(*) FROM messages WHERE text LIKE '%SISAINEN%'") == [(0,)]
    await close(nurse, cid)
    for peer in (nurse, client, again):
        await peer.close()


async def test_secretary_cannot_open_a_mental_health_chat(backend: BackendProcess) -> None:
    psyk = await staff(backend.ws, "psyk")
    secretary = await staff(backend.ws, "sihteeri", ready=False)
    client, cid, _token = await chat_with(backend, psyk, queue="mipa")
    await secretary.send(type="open", conversation_id=cid)
    assert (await secretary.expect("error"))["code"] == "forbidden"
    await secretary.send(type="note", conversation_id=cid, text="x")
    assert (await secretary.expect("error"))["code"] == "forbidden"
    await secretary.send(type="send", conversation_id=cid, client_msg_id="x", text="x")
    assert (await secretary.expect("error"))["code"] == "forbidden"
    opened = backend.query(
        "SELECT COUNT(*) FROM access_log WHERE conversation_id = ? AND username = 'sihteeri'", cid
    )
    assert opened == [(0,)]
    await psyk.send(type="close", conversation_id=cid, outcome="one_contact")
    await psyk.expect("closed")
    for peer in (psyk, secretary, client):
        await peer.close()


async def test_help_channel_and_direct_messages_with_unread(backend: BackendProcess) -> None:
    anna = await staff(backend.ws, "hoitaja", ready=False)
    liisa = await staff(backend.ws, "hoitaja2", ready=False)
    pekka = await staff(backend.ws, "psyk", ready=False)
    await anna.send(type="staff_chat", channel="help", client_msg_id="h1", text="Voiko joku?")
    mine = await anna.expect("staff_chat")
    assert mine["client_msg_id"] == "h1"
    for peer in (liisa, pekka):
        got = await peer.expect("staff_chat")
        assert got["message"]["text"] == "Voiko joku?" and got["client_msg_id"] is None
    await liisa.send(type="staff_chat", channel="dm:hoitaja", client_msg_id="d1", text="Minä")
    dm = await anna.expect("staff_chat")
    assert dm["message"]["channel"] == "dm:hoitaja|hoitaja2"
    await liisa.expect("staff_chat")
    await drain(pekka)
    assert "Minä" not in all_text(pekka)
    # A resend (lost ack) is stored once.
    await liisa.send(type="staff_chat", channel="dm:hoitaja", client_msg_id="d1", text="Minä")
    await liisa.expect("staff_chat")
    assert backend.query("SELECT COUNT(*) FROM staff_chat WHERE client_msg_id = 'd1'") == [(1,)]
    # Unread survives a new login: the history says how far she had read.
    await anna.close()
    anna = await Peer.connect(backend.ws + "/ws/staff")
    await anna.send(type="login", username="hoitaja", password="demo")
    history = await anna.expect("staff_chat_history")
    channels = {m["channel"] for m in history["messages"]}
    assert {"help", "dm:hoitaja|hoitaja2"} <= channels
    last_dm = max(m["id"] for m in history["messages"] if m["channel"] != "help")
    assert history["read"].get("dm:hoitaja|hoitaja2", 0) < last_dm
    await anna.send(type="staff_chat_read", channel="dm:hoitaja|hoitaja2", up_to=last_dm)
    await anna.send(type="callback_list")  # frames are handled in order: a round trip
    await anna.expect("callbacks")
    await anna.close()
    anna = await Peer.connect(backend.ws + "/ws/staff")
    await anna.send(type="login", username="hoitaja", password="demo")
    history = await anna.expect("staff_chat_history")
    assert history["read"]["dm:hoitaja|hoitaja2"] == last_dm
    # Someone else's direct channel is not readable or writable.
    await pekka.send(type="staff_chat", channel="dm:hoitaja|hoitaja2", client_msg_id="p1", text="x")
    assert (await pekka.expect("error"))["code"] == "forbidden"
    for peer in (anna, liisa, pekka):
        await peer.close()


def png_with_metadata(size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 60.17N 24.94E Maija Meikäläinen")
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    image.save(out, "PNG", pnginfo=info, exif=exif)
    return out.getvalue()


async def upload(
    backend: BackendProcess, cid: str, token: str, body: bytes
) -> tuple[int, dict[str, Any]]:
    async with httpx.AsyncClient() as http:
        res = await http.post(
            backend.http + "/api/chat/picture",
            content=body,
            headers={
                "X-Luukku-Conversation": cid,
                "X-Luukku-Token": token,
                "Content-Type": "application/octet-stream",
            },
        )
    return res.status_code, res.json()


async def test_pictures_checked_by_content_cleaned_and_logged(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    client, cid, token = await chat_with(backend, nurse)
    await nurse.send(type="picture_request", conversation_id=cid)
    assert (await client.expect("message"))["line"]["text"] == "picture_requested"

    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    garbage = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    huge = io.BytesIO()
    Image.new("L", (6001, 10)).save(huge, "PNG")
    refused = [
        (await upload(backend, cid, token, gif.getvalue()), (415, "not_a_picture")),
        (await upload(backend, cid, token, garbage), (415, "not_a_picture")),
        (await upload(backend, cid, token, huge.getvalue()), (413, "too_large")),
        (await upload(backend, cid, token, b"\xff" * (8 * 1024 * 1024 + 1)), (413, "too_large")),
        (await upload(backend, cid, "x" * 32, png_with_metadata()), (404, "not_found")),
    ]
    for (status, body), (want_status, want_code) in refused:
        assert (status, body["error"]) == (want_status, want_code)
    assert backend.query("SELECT COUNT(*) FROM pictures WHERE conversation_id = ?", cid) == [(0,)]

    status, body = await upload(backend, cid, token, png_with_metadata())
    assert status == 200
    line = await line_of_kind(nurse, "picture")
    assert line["seq"] == body["seq"]
    assert line["picture"]["thumb"].startswith("data:image/jpeg;base64,")
    assert (line["picture"]["width"], line["picture"]["height"]) == (64, 48)
    mine = await line_of_kind(client, "picture")
    assert mine["picture"]["thumb"] is None
    [(stored,)] = backend.query("SELECT data FROM pictures WHERE conversation_id = ?", cid)
    assert b"GPS" not in stored and b"PhoneMaker" not in stored and b"eXIf" not in stored

    await nurse.send(type="picture_open", picture_id=line["picture"]["id"])
    full = await nurse.expect("picture")
    assert full["mime"] == "image/png" and len(full["data"]) > 100
    log = backend.query("SELECT action FROM access_log WHERE conversation_id = ?", cid)
    assert (f"picture:{line['picture']['id']}",) in log
    secretary = await staff(backend.ws, "sihteeri", ready=False)
    await secretary.send(type="picture_open", picture_id=line["picture"]["id"])
    assert (await secretary.expect("error"))["code"] == "not_found"

    await nurse.send(type="video_link", conversation_id=cid)
    video = await line_of_kind(client, "video")
    assert video["text"].startswith("https://video.example.fi/meet/luukku-")
    await close(nurse, cid)
    for peer in (nurse, client, secretary):
        await peer.close()


async def test_callback_offered_when_idle_taken_and_done(backend: BackendProcess) -> None:
    creator = await staff(backend.ws, "hoitaja2", ready=False)
    await creator.send(
        type="callback_create",
        request_id=1,
        queue="neuvola",
        number="040 765 4321",
        reason="Neuvolakäynnin siirto",
        clinic="kalliola",
    )
    cb = (await creator.expect("callback_created"))["callback_id"]
    nurse = await staff(backend.ws, "hoitaja")
    offer = await nurse.expect("callback_offer", timeout=5)
    assert offer["summary"]["id"] == cb and "reason" not in offer["summary"]
    await nurse.send(type="callback_take", callback_id=cb)
    status = await nurse.expect("status", status="not_ready")
    assert status["reason"] == "callback"  # no chat offers while she calls
    opened = await nurse.expect("callback")
    assert opened["reason"] == "Neuvolakäynnin siirto"
    await nurse.send(type="callback_attempt", callback_id=cb, outcome="no_answer")
    await nurse.expect("status", status="wrap_up")
    await nurse.send(type="callback_attempt", callback_id=cb, outcome="done", note="Sovittu")
    done = await nurse.expect("callbacks")
    while any(i["id"] == cb for i in done["items"]):
        done = await nurse.expect("callbacks")

    # The clinic's own staff see callbacks left for the clinic; others who do not serve
    # the queue do not.
    social = await Peer.connect(backend.ws + "/ws/staff")
    await social.send(type="login", username="sosiaali", password="demo")
    logged = await social.expect("logged_in")
    assert [c["id"] for c in logged["clinics"]] == ["kalliola"]
    assert logged["clinics"][0]["nurses"][0]["display_name"] == "Sonja Sosionomi"

    # Figures are for supervisors.
    await nurse.send(type="callback_figures")
    assert (await nurse.expect("error"))["code"] == "forbidden"
    boss = await staff(backend.ws, "esihenkilo", ready=False)
    await boss.send(type="callback_figures")
    figures = {r["queue"]: r for r in (await boss.expect("callback_figures"))["rows"]}
    assert figures["neuvola"]["created"] >= 1 and figures["neuvola"]["done_same_day"] >= 1
    for peer in (creator, nurse, social, boss):
        await peer.close()


async def test_clinic_callback_visible_to_the_clinic_only(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    await nurse.send(
        type="callback_create",
        request_id=7,
        queue="neuvola",
        number="040 111 2222",
        reason="Oma neuvola soittaa",
        clinic="kalliola",
    )
    cb = (await nurse.expect("callback_created"))["callback_id"]
    for username, sees in (("sosiaali", True), ("psyk", False)):
        peer = await staff(backend.ws, username, ready=False)
        await peer.send(type="callback_list")
        items = (await peer.expect("callbacks"))["items"]
        assert any(i["id"] == cb and i["clinic"] == "kalliola" for i in items) is sees
        await peer.close()
    await nurse.close()


async def test_colleague_list_says_who_is_free(backend: BackendProcess) -> None:
    anna = await staff(backend.ws, "hoitaja", ready=False)
    liisa = await staff(backend.ws, "hoitaja2")
    await asyncio.sleep(0.2)
    frame = await anna.expect("colleagues")
    while not any(c["username"] == "hoitaja2" and c["free"] for c in frame["items"]):
        frame = await anna.expect("colleagues")
    mine = next(c for c in frame["items"] if c["username"] == "hoitaja")
    assert mine["online"] and not mine["free"]
    await anna.close()
    await liisa.close()
