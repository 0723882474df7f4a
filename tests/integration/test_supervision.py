"""The supervisor's room over real sockets and HTTP against a real backend: the board
follows a nurse within a second, a supervisor can set her Not ready or sign her out (the
reason recorded), reports and exports are refused to every other role, per-person looks
are access-logged."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from openpyxl import load_workbook

from tests.helpers import BackendProcess, Peer, running_backend, service_today, staff


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("supervision")) as b:
        yield b


async def board_until(
    peer: Peer, test: Callable[[dict[str, Any]], bool], timeout: float = 5.0
) -> tuple[dict[str, Any], float]:
    """The first board frame (with its arrival time) for which ``test`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        frame = await peer.expect("board", timeout=max(0.1, deadline - time.monotonic()))
        if test(frame):
            return frame, time.monotonic()


def row(frame: dict[str, Any], username: str) -> dict[str, Any] | None:
    return next((r for r in frame["staff"] if r["username"] == username), None)


def field(frame: dict[str, Any], username: str, name: str) -> Any:
    """Her row's ``name`` on that board, or None while she is not on it."""
    found = row(frame, username)
    return None if found is None else found[name]


async def login(backend: BackendProcess, username: str) -> tuple[Peer, str]:
    peer = await Peer.connect(backend.ws + "/ws/staff")
    await peer.send(type="login", username=username, password="demo")
    return peer, (await peer.expect("logged_in"))["session_token"]


async def test_the_board_follows_a_nurse_and_only_supervisors_get_it(
    backend: BackendProcess,
) -> None:
    boss, _ = await login(backend, "esihenkilo")
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    await board_until(
        boss, lambda f: (r := row(f, "hoitaja")) is not None and r["status"] == "not_ready"
    )
    client = await Peer.connect(backend.ws + "/ws/client")
    try:
        sent = time.monotonic()
        await nurse.send(type="set_status", status="ready")
        _, seen = await board_until(boss, lambda f: field(f, "hoitaja", "status") == "ready")
        assert seen - sent < 1.0, "the board lagged"
        await client.send(type="start", queue="neuvola", name="Maija")
        cid = (await client.expect("started"))["conversation_id"]
        await nurse.expect("offer", conversation_id=cid)
        await nurse.send(type="accept", conversation_id=cid)
        frame, _ = await board_until(boss, lambda f: cid in (field(f, "hoitaja", "chats") or []))
        hanna = row(frame, "hoitaja")
        assert hanna is not None and "neuvola" in hanna["queues"] and hanna["since"]
        sent = time.monotonic()
        await nurse.send(type="close", conversation_id=cid, outcome="one_contact", wrap_up="")
        _, seen = await board_until(boss, lambda f: field(f, "hoitaja", "status") == "wrap_up")
        assert seen - sent < 1.0
        # She reads the chat read-only; the look is access-logged.
        await boss.send(type="open", conversation_id=cid)
        view = (await boss.expect("conversation"))["conversation"]
        assert view["role"] == "reader"
        assert backend.query(
            "select count(*) from access_log where username='esihenkilo' and conversation_id=?",
            cid,
        ) == [(1,)]
        # The nurse never got a board frame.
        await nurse.send(type="set_status", status="not_ready", reason="lunch")
        await nurse.expect("status", status="not_ready")
        await asyncio.sleep(2.5)
        await nurse.send(type="set_status", status="not_ready", reason="meeting")
        await nurse.expect("status", reason="meeting")
        assert not [f for f in nurse.seen if f["type"] == "board"]
    finally:
        await client.close()
        await nurse.close()
        await boss.close()


async def test_a_supervisor_sets_a_nurse_not_ready_and_signs_out_a_forgotten_session(
    backend: BackendProcess,
) -> None:
    boss, _ = await login(backend, "esihenkilo")
    nurse, token = await login(backend, "hoitaja2")
    try:
        await nurse.send(type="set_status", status="ready")
        await nurse.expect("status", status="ready")
        # A nurse may not act on a colleague.
        await nurse.send(type="supervise", username="esihenkilo", action="sign_out", reason="x")
        assert (await nurse.expect("error"))["code"] == "forbidden"
        await boss.send(
            type="supervise", username="hoitaja2", action="not_ready", reason="Palaveri alkaa"
        )
        status = await nurse.expect("status", status="not_ready")
        assert status["reason"] == "supervisor"
        await board_until(boss, lambda f: field(f, "hoitaja2", "reason") == "supervisor")
        assert backend.query(
            "select by, target, action, reason from supervisor_actions where target='hoitaja2'"
        ) == [("esihenkilo", "hoitaja2", "not_ready", "Palaveri alkaa")]

        await boss.send(
            type="supervise",
            username="hoitaja2",
            action="sign_out",
            reason="Unohtunut kirjautuminen",
        )
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await nurse.expect("never", timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4003
        await board_until(boss, lambda f: row(f, "hoitaja2") is None)
        # Her desktop cannot resume the session: it asks her to log in again.
        again = await Peer.connect(backend.ws + "/ws/staff")
        await again.send(type="resume_session", session_token=token)
        assert (await again.expect("error"))["code"] == "auth_failed"
        await again.close()
        await boss.send(type="supervise", username="nobody", action="not_ready", reason="x")
        assert (await boss.expect("error"))["code"] == "not_found"
    finally:
        await boss.close()


async def test_reports_and_exports_are_for_supervisors_only(backend: BackendProcess) -> None:
    today = service_today()
    boss, boss_token = await login(backend, "esihenkilo")
    nurse, nurse_token = await login(backend, "psyk")
    try:
        await nurse.send(type="report", first=today, last=today, interval="60")
        assert (await nurse.expect("error"))["code"] == "forbidden"
        await boss.send(type="report", first=today, last=today, interval="60")
        report = await boss.expect("report", timeout=15)
        assert report["staff"] is None and set(report["totals"]) == {"chat", "phone"}
        assert len(report["arrivals"]) == 7 and len(report["arrivals"][0]) == 24
        await boss.send(type="report", first=today, last=today, interval="day", staff=True)
        with_staff = await boss.expect("report", timeout=15)
        assert any(r["username"] == "esihenkilo" for r in with_staff["staff"])
        assert backend.query(
            "select count(*) from access_log where action='staff_figures' and username='esihenkilo'"
        ) == [(1,)]
        await boss.send(type="report", first=today, last="2000-01-01", interval="day")
        error = await boss.expect("error")
        assert error["code"] == "bad_frame" and "before it starts" in error["detail"]

        params = {"from": today, "to": today, "interval": "60", "format": "xlsx"}
        async with httpx.AsyncClient(base_url=backend.http, timeout=30) as http:
            assert (await http.get("/api/report", params=params)).status_code == 401
            forbidden = await http.get(
                "/api/report", params=params, headers={"Authorization": f"Bearer {nurse_token}"}
            )
            assert forbidden.status_code == 403
            got = await http.get(
                "/api/report", params=params, headers={"Authorization": f"Bearer {boss_token}"}
            )
            assert got.status_code == 200, got.text
            book = load_workbook(io.BytesIO(got.content), read_only=True)
            # In the service's language (Finnish) unless the desktop names hers.
            summary = [list(r) for r in book["Yhteenveto"].iter_rows(values_only=True)]
            chat = next(r for r in summary if r[0] == "chat")
            assert chat[1] == report["totals"]["chat"]["offered"]  # same figures as the screen
            csv_body = await http.get(
                "/api/report",
                params={**params, "format": "csv"},
                headers={"Authorization": f"Bearer {boss_token}"},
            )
            assert csv_body.text.startswith("\ufeffAlkaa;Päättyy;Kanava;Tulleet")
            bad = await http.get(
                "/api/report",
                params={**params, "interval": "7"},
                headers={"Authorization": f"Bearer {boss_token}"},
            )
            assert bad.status_code == 400
    finally:
        await nurse.close()
        await boss.close()


async def test_a_crash_does_not_count_as_hours_ready(tmp_path: Path) -> None:
    with running_backend(tmp_path) as backend:
        nurse = await staff(backend.ws, "hoitaja")  # Ready
        for _ in range(100):  # the log is written by its own task, just after the change
            if backend.query("select 1 from staff_state_log where state='ready'"):
                break
            await asyncio.sleep(0.05)
        backend.kill()
        await nurse.close()
        backend.start()
        rows = backend.query(
            "select state, reason from staff_state_log where username='hoitaja' order by id"
        )
        assert rows[-2:] == [("ready", ""), ("offline", "restart")]


async def test_she_sees_her_own_figures_and_nobody_elses(backend: BackendProcess) -> None:
    today = service_today()
    nurse = await staff(backend.ws, "sosiaali")  # Ready: time in the state log
    try:
        await asyncio.sleep(1.5)
        await nurse.send(type="set_status", status="not_ready", reason="break")
        await nurse.expect("status", status="not_ready")
        await nurse.send(type="my_figures", first=today, last=today)
        mine = await nurse.expect("my_figures", timeout=15)
        assert mine["seconds"].get("ready", 0) >= 1
        assert set(mine) >= {"contacts_handled", "chat_s", "call_s", "seconds"}
        # The frame has no field for anyone else, and the report with everyone's is refused.
        await nurse.send(type="report", first=today, last=today, staff=True)
        assert (await nurse.expect("error"))["code"] == "forbidden"
        await nurse.send(type="my_figures", first="2026-01-01", last=today)
        assert (await nurse.expect("error"))["code"] == "bad_frame"
    finally:
        await nurse.close()
