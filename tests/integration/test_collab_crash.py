"""The backend SIGKILLed in the middle of a transfer and of a picture upload: afterwards
the conversation is consistent (transferred or not, never both; the picture and its line
both or neither) and nothing acknowledged is lost."""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.helpers import BackendProcess, Peer, free_port, staff
from tests.integration.test_collaboration import chat_with

DELAYS_S = (0.0, 0.005, 0.05)


@pytest.mark.parametrize("delay", DELAYS_S)
async def test_kill_during_transfer(tmp_path: Path, delay: float) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    try:
        sender = await staff(backend.ws, "hoitaja")
        await staff(backend.ws, "hoitaja2")  # the receiver, Ready
        client, cid, token = await chat_with(backend, sender)
        await client.send(type="message", client_msg_id="m1", text="Kuume 39")
        await client.expect("ack")
        await sender.send(type="transfer", conversation_id=cid, to_user="hoitaja2", note="Huom")
        await asyncio.sleep(delay)
        backend.kill()
        [(state, owner)] = backend.query(
            "SELECT state, answered_by FROM conversations WHERE id = ?", cid
        )
        [(notes,)] = backend.query(
            "SELECT COUNT(*) FROM staff_notes WHERE conversation_id = ?", cid
        )
        [(lines,)] = backend.query(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND text = 'transferred'", cid
        )
        assert (state, owner, notes, lines) in {
            ("active", "hoitaja", 0, 0),  # not transferred
            ("queued", None, 1, 1),  # transferred, waiting for the receiver
        }
        assert backend.query(
            "SELECT text FROM messages WHERE conversation_id = ? AND author = 'client'", cid
        ) == [("Kuume 39",)]

        backend.start()
        if state == "active":
            again = await staff(backend.ws, "hoitaja", ready=False)
            view = (await again.expect("conversation"))["conversation"]
        else:
            again = await staff(backend.ws, "hoitaja2")
            offer = await again.expect("offer", conversation_id=cid, timeout=10)
            await again.send(type="accept", conversation_id=offer["conversation_id"])
            view = (await again.expect("conversation"))["conversation"]
            assert view["notes"][0]["text"] == "Huom"
        assert view["lines"][0]["text"] == "Kuume 39"
        resumed = await Peer.connect(backend.ws + "/ws/client")
        await resumed.send(type="resume", conversation_id=cid, token=token, last_seq=0)
        assert (await resumed.expect("resumed"))["state"] == "active"
        await again.close()
        await resumed.close()
    finally:
        backend.stop()


def noisy_png(side: int = 1500) -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("delay", DELAYS_S)
async def test_kill_during_picture_upload(tmp_path: Path, delay: float) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    picture = noisy_png()
    try:
        nurse = await staff(backend.ws, "hoitaja")
        _client, cid, token = await chat_with(backend, nurse)
        headers = {"X-Luukku-Conversation": cid, "X-Luukku-Token": token}

        async def upload() -> int:
            async with httpx.AsyncClient(timeout=30) as http:
                res = await http.post(
                    backend.http + "/api/chat/picture", content=picture, headers=headers
                )
                return res.status_code

        task = asyncio.create_task(upload())
        await asyncio.sleep(0.05 + delay * 10)
        backend.kill()
        answered = None
        # Killed before answering: the upload may or may not have been stored.
        with contextlib.suppress(httpx.HTTPError):
            answered = await task
        pictures = backend.query("SELECT id FROM pictures WHERE conversation_id = ?", cid)
        lines = backend.query(
            "SELECT picture_id FROM messages WHERE conversation_id = ? AND kind = 'picture'", cid
        )
        assert sorted(p for (p,) in pictures) == sorted(p for (p,) in lines)
        if answered == 200:
            assert len(pictures) == 1  # acknowledged, so kept

        backend.start()
        resumed = await Peer.connect(backend.ws + "/ws/client")
        await resumed.send(type="resume", conversation_id=cid, token=token, last_seq=0)
        state = await resumed.expect("resumed")
        assert state["state"] == "active"
        assert [ln["kind"] for ln in state["missed"]].count("picture") == len(pictures)
        assert await upload() == 200  # and the conversation carries on
        await resumed.close()
    finally:
        backend.stop()
