"""Production mode: no demo accounts, add-user, TLS, JSON logs without client data, backup."""

from __future__ import annotations

import json
import os
import sqlite3
import ssl
import urllib.request
from pathlib import Path

import pytest
import trustme
import websockets

from tests.helpers import BackendProcess, Peer, cli, free_port, staff


async def test_production_start_has_no_demo_accounts_and_add_user_works(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port(), demo=False)
    backend.start()
    try:
        peer = await Peer.connect(backend.ws + "/ws/staff")
        await peer.send(type="login", username="hoitaja", password="demo")
        assert (await peer.expect("error"))["code"] == "auth_failed"
        await peer.close()
        short = cli(backend, "add-user", "anna", "--password-stdin", stdin="short\n")
        assert short.returncode == 2 and "12 characters" in short.stderr
        added = cli(
            backend,
            "add-user",
            "anna",
            "--name",
            "Anna Aaltonen",
            "--skills",
            "neuvola",
            "--languages",
            "fi,sv",
            "--phone-while-chat",
            "--password-stdin",
            stdin="pitkä salasana 2026\n",
        )
        assert added.returncode == 0, added.stderr
        nurse = await staff(backend.ws, "anna", "pitkä salasana 2026")
        logged_in = next(f for f in nurse.seen if f["type"] == "logged_in")
        assert logged_in["profile"]["languages"] == ["fi", "sv"]
        await nurse.close()
        # A new password ends her sessions: the old token resumes nothing.
        changed = cli(backend, "add-user", "anna", "--password-stdin", stdin="uusi salasana 2027\n")
        assert changed.returncode == 0 and "sessions were ended" in changed.stdout
        stale = await Peer.connect(backend.ws + "/ws/staff")
        await stale.send(type="resume_session", session_token=logged_in["session_token"])
        assert (await stale.expect("error"))["code"] == "auth_failed"
        await stale.close()
        wrong = cli(
            backend, "add-user", "bea", "--languages", "fi,de", "--password-stdin", stdin="x\n"
        )
        assert wrong.returncode == 2 and "valid languages: fi, sv, en" in wrong.stderr
    finally:
        backend.stop()
    assert backend.query("select count(*) from staff_users") == [(1,)]
    assert backend.query("select phone_while_chat, languages from staff_users") == [(1, "fi,sv")]
    (stored,) = backend.query("select password_hash from staff_users")
    assert stored[0].startswith("$argon2id$") and "pitkä" not in stored[0]


async def test_tls_serves_https_and_wss(tmp_path: Path) -> None:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert.private_key_and_cert_chain_pem.write_to_path(str(tmp_path / "server.pem"))
    backend = BackendProcess(
        tmp_path,
        free_port(),
        scheme="https",
        extra_env={
            "LUUKKU_TLS_CERT": str(tmp_path / "server.pem"),
            "LUUKKU_TLS_KEY": str(tmp_path / "server.pem"),
        },
    )
    backend.start()
    try:
        context = ssl.create_default_context()
        ca.configure_trust(context)
        with urllib.request.urlopen(backend.http + "/api/health", context=context) as response:
            assert json.load(response)["status"] == "ok"
        async with websockets.connect(backend.ws + "/ws/staff", ssl=context) as ws:
            await ws.send(
                json.dumps({"v": 1, "type": "login", "username": "hoitaja", "password": "demo"})
            )
            assert json.loads(await ws.recv())["type"] == "logged_in"
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{backend.port}/api/health", timeout=3)
    finally:
        backend.stop()


async def test_json_logs_carry_no_client_data_and_backup_is_consistent(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port(), extra_env={"LUUKKU_JSON_LOGS": "1"})
    if backend.database_url.startswith("postgresql"):
        pytest.skip("the SQLite backup command; PostgreSQL backups are pg_dump")
    backend.start()
    try:
        nurse = await staff(backend.ws, "hoitaja")
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(
            type="start", queue="neuvola", name="Tuntematon Henkilö", phone="0509998887"
        )
        cid = (await client.expect("started"))["conversation_id"]
        await client.send(type="message", client_msg_id="c1", text="YKSITYINEN-ASIA-4711")
        await client.expect("ack")
        await nurse.expect("offer")
        await nurse.send(type="accept", conversation_id=cid)
        await nurse.expect("conversation")

        destination = tmp_path / "backup.db"
        done = cli(backend, "backup", str(destination))
        assert done.returncode == 0, done.stderr
        again = cli(backend, "backup", str(destination))
        assert again.returncode == 2 and "not overwriting" in again.stderr
        copy = sqlite3.connect(destination)
        assert copy.execute(
            "select text from messages where conversation_id=?", (cid,)
        ).fetchall() == [("YKSITYINEN-ASIA-4711",)]
        await client.close()
        await nurse.close()
    finally:
        backend.stop()
    log = backend.log_path.read_text("utf-8")
    records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert any(cid in r["message"] for r in records)  # events are logged, by id
    for secret in ("YKSITYINEN-ASIA-4711", "Tuntematon", "0509998887"):
        assert secret not in log
    assert os.path.getsize(destination) > 0
