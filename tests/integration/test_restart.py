"""SIGKILL the backend with live chats; start it again; nothing acknowledged is lost."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import BackendProcess, Peer, free_port, staff


async def test_kill_and_restart_loses_nothing_acknowledged(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    try:
        nurse = await staff(backend.ws, "hoitaja")
        active = await Peer.connect(backend.ws + "/ws/client")
        await active.send(type="start", queue="neuvola", name="Aino")
        started = await active.expect("started")
        cid, token = started["conversation_id"], started["token"]
        await active.send(type="message", client_msg_id="m1", text="ensimmäinen")
        await active.expect("ack", client_msg_id="m1")
        await nurse.expect("offer", conversation_id=cid)
        await nurse.send(type="accept", conversation_id=cid)
        await nurse.expect("conversation")
        await nurse.send(type="send", conversation_id=cid, client_msg_id="s1", text="vastaus")
        await nurse.expect("ack", client_msg_id="s1")
        await active.expect("message")
        logged_in = next(f for f in nurse.seen if f["type"] == "logged_in")

        # A second client waits in the queue (the nurse goes Not ready so it stays queued).
        await nurse.send(type="set_status", status="not_ready", reason="break")
        await nurse.expect("status", status="not_ready")
        queued = await Peer.connect(backend.ws + "/ws/client")
        await queued.send(type="start", queue="neuvola")
        q_started = await queued.expect("started")
        await queued.send(type="message", client_msg_id="q1", text="jonossa")
        await queued.expect("ack", client_msg_id="q1")

        backend.kill()
        for peer in (nurse, active, queued):
            await peer.close()
        backend.start()

        # The client resumes from the last line it saw and gets nothing twice.
        active = await Peer.connect(backend.ws + "/ws/client")
        await active.send(type="resume", conversation_id=cid, token=token, last_seq=1)
        resumed = await active.expect("resumed")
        assert resumed["state"] == "active"
        assert [line["text"] for line in resumed["missed"]] == ["vastaus"]

        queued = await Peer.connect(backend.ws + "/ws/client")
        await queued.send(
            type="resume",
            conversation_id=q_started["conversation_id"],
            token=q_started["token"],
            last_seq=0,
        )
        q_resumed = await queued.expect("resumed")
        assert q_resumed["state"] == "queued" and q_resumed["position"] == 1
        assert [line["text"] for line in q_resumed["missed"]] == ["jonossa"]

        # The nurse resumes her session and gets her open conversation back, whole.
        nurse = await Peer.connect(backend.ws + "/ws/staff")
        await nurse.send(type="resume_session", session_token=logged_in["session_token"])
        await nurse.expect("logged_in")
        view = (await nurse.expect("conversation"))["conversation"]
        assert view["conversation_id"] == cid
        assert [line["text"] for line in view["lines"]] == ["ensimmäinen", "vastaus"]

        # And the chat goes on.
        await active.send(type="message", client_msg_id="m2", text="jatkuu")
        await active.expect("ack", client_msg_id="m2")
        assert (await nurse.expect("message", conversation_id=cid))["line"]["text"] == "jatkuu"
        for peer in (nurse, active, queued):
            await peer.close()
    finally:
        backend.stop()

    texts = [
        r[0]
        for r in backend.query(
            "select text from messages where conversation_id=? order by seq", cid
        )
    ]
    assert texts == ["ensimmäinen", "vastaus", "jatkuu"]
