"""Two clinic nurses on standby and a core nurse, against a real backend: clients pile up
in one queue, it stays red, the fairest digi-agent's desktop asks her, she joins and gets
the offers, the queue turns green, she is released after closing her chat and her desktop
is small on standby again; the supervisor's board shows each step; the record is stored.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.digi import CallInDialog
from protocol.messages import Outcome
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, free_port, staff

pytestmark = [pytest.mark.e2e, pytest.mark.qt]

FAST = """
[digi_agents]
roles = ["clinic_nurse"]
red_for_s = 2
answer_within_s = 30
green_for_s = 3
choices_min = [30, 60]
"""


def service_file(folder: Path) -> Path:
    text = OPEN_ALWAYS.read_text("utf-8").replace(
        "[meter.chat]\ntarget_s = 120",
        "[meter.chat]\ntarget_s = 120\nyellow_wait_s = 1\nred_wait_s = 2",
    )
    text = text.replace('nurses = ["sosiaali"]', 'nurses = ["sosiaali", "digi1", "digi2"]')
    path = folder / "digi.toml"
    path.write_text(text + FAST, "utf-8")
    return path


def digi_state(room: object, username: str) -> str | None:
    board = room.board.state.room.board  # type: ignore[attr-defined]
    if board is None:
        return None
    return next((line.state for line in board.digi if line.username == username), None)


async def test_digi_agents_are_called_in_and_let_go(
    qtbot: QtBot, tmp_path: Path, artifacts: str
) -> None:
    backend = BackendProcess(tmp_path, free_port(), service_file(tmp_path))
    backend.start()
    connections = []
    peers: list[Peer] = []
    try:
        boss_window, boss = await workstation(qtbot, backend, "esihenkilo")
        connections.append(boss)
        room = boss_window.supervisor
        assert room is not None
        boss_window.sections.setCurrentWidget(room)
        kaisa_window, kaisa = await workstation(qtbot, backend, "digi1")
        veera_window, veera = await workstation(qtbot, backend, "digi2")
        connections += [kaisa, veera]
        for window, conn in ((kaisa_window, kaisa), (veera_window, veera)):
            await until(
                lambda c=conn: c.state.digi.now is not None and c.state.digi.now.state == "standby",
                what="standby",
            )
            # Small on standby: the bar and the meter of her queues, not the workstation.
            assert window.digi_bar.isVisible() and not window.sections.isVisible()
            await until(lambda w=window: w.width() <= 700, what="a small window")
            assert not window.status_box.isEnabled()
        await until(lambda: digi_state(room, "digi2") == "standby", what="standby on board")
        # "Call in…" a named clinic nurse: only the queues her skills cover are offered
        # (Kaisa: the maternity and child clinic, not mental health).
        board = room.board.digi
        await until(lambda: len(board.lines) == 2, what="both on the board")
        board.table.selectRow(next(i for i, x in enumerate(board.lines) if x.username == "digi1"))
        board.call_in_button.click()
        named = board.dialog
        assert named is not None and named.isVisible()
        offered = set(named.boxes)
        assert "neuvola" in offered and "mipa" not in offered, offered
        named.reject()
        await settle()
        veera_window.grab().save(os.path.join(artifacts, "digi-standby.png"))

        nurse = await staff(backend.ws, "hoitaja", ready=False)  # the core team is busy
        peers.append(nurse)
        for _ in range(3):
            client = await Peer.connect(backend.ws + "/ws/client")
            await client.send(type="start", queue="neuvola")
            await client.expect("started")
            peers.append(client)

        # Red for 2 s: the fairest (both 0 min this week: by name) is asked first.
        await until(lambda: kaisa.state.digi.call_in is not None, timeout=20, what="asked")
        assert veera.state.digi.call_in is None
        dialog = kaisa_window.findChild(CallInDialog)
        assert dialog is not None and dialog.isVisible()
        assert "3" in dialog.findChild(type(dialog.deadline), "callInHowBad").text()
        await until(lambda: digi_state(room, "digi1") == "asked", what="asked on board")
        await settle()
        dialog.grab().save(os.path.join(artifacts, "digi-call-in.png"))

        # She has a client in her room: not now. Veera is asked next, and joins.
        dialog.reason.setText("vastaanotolla")
        dialog.not_now_button.click()
        await until(lambda: veera.state.digi.call_in is not None, timeout=10, what="next asked")
        veera_dialog = veera_window.findChild(CallInDialog)
        assert veera_dialog is not None
        veera_dialog.minutes.setCurrentIndex(0)  # 30 min
        veera_dialog.join_button.click()
        await until(
            lambda: veera.state.digi.now is not None and veera.state.digi.now.state == "helping",
            what="helping",
        )
        assert veera_window.sections.isVisible() and veera_window.status_box.isEnabled()
        await until(lambda: len(veera.state.offers) >= 1, timeout=10, what="offers")
        taken = list(veera.state.offers)[:2]
        for cid in taken:
            await veera.accept(cid)
        await until(lambda: all(c in veera.state.chats for c in taken), what="chats")
        await until(lambda: digi_state(room, "digi2") == "helping", what="helping on board")
        room.board.refresh()
        await settle()
        boss_window.grab().save(os.path.join(artifacts, "digi-board.png"))

        # The core nurse takes the rest; green for 3 s lets Veera go, her chats stay.
        await nurse.send(type="set_status", status="ready")
        offer = await nurse.expect("offer", timeout=10)
        await nurse.send(type="accept", conversation_id=offer["conversation_id"])
        await until(
            lambda: veera.state.digi.now is not None and veera.state.digi.now.state == "returning",
            timeout=30,
            what="released",
        )
        assert all(c in veera.state.chats for c in taken)
        for cid in taken:
            await veera.close_chat(cid, Outcome.ONE_CONTACT, "")
        await until(
            lambda: veera.state.digi.now is not None and veera.state.digi.now.state == "standby",
            timeout=15,
            what="back on standby",
        )
        assert not veera_window.sections.isVisible()
        await until(lambda: digi_state(room, "digi2") == "standby", what="standby again")
        lines = {line.username: line for line in boss.state.room.board.digi}  # type: ignore[union-attr]
        assert lines["digi1"].last_answer == "declined: vastaanotolla"
        assert lines["digi2"].minutes_this_week > 0
    finally:
        for c in connections:
            await c.stop()
        for peer in peers:
            await peer.close()
        backend.stop()
    kinds = backend.query("select username, kind from call_in_events order by id")
    assert kinds[:4] == [
        ("digi1", "asked"),
        ("digi1", "declined"),
        ("digi2", "asked"),
        ("digi2", "joined"),
    ]
    assert ("digi2", "released") in kinds
    assert backend.query("select trigger, closed_why from call_ins") == [("red", "green")]
