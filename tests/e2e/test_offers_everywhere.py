"""An offer is in view wherever she is: it arrives while she reads the handbook, works on
callbacks or is in the supervisor's room, and she accepts it from the keyboard
(Ctrl+Enter) without going to the work queue first. While she types to one client, a
second accepted chat opens beside it: her text and cursor stay where they were."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from protocol.messages import StaffStatus
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("offers")
    text = OPEN_ALWAYS.read_text("utf-8")
    # Long enough to find the offer by eye in a screenshot.
    text = text.replace("offer_timeout_s = 3", "offer_timeout_s = 20")
    path = folder / "offers.toml"
    path.write_text(text, "utf-8")
    with running_backend(folder, path) as b:
        # The supervisor takes three chats in a row (one from each tab).
        b.execute("update staff_users set chat_capacity = 3 where username = 'esihenkilo'")
        yield b


async def client_arrives(backend: BackendProcess, name: str) -> Peer:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola", name=name)
    await client.expect("started")
    return client


def accept_from_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    focus = QApplication.focusWidget()
    target: QWidget = focus if focus is not None and focus.window() is window else window
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


async def test_an_offer_is_seen_and_accepted_from_every_tab(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    window, connection = await workstation(qtbot, backend, user="esihenkilo")
    window.activateWindow()
    await until(lambda: window.supervisor is not None, what="the supervisor's room")
    window.set_status(StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")
    clients: list[Peer] = []
    try:
        for number, section in enumerate((window.handbook, window.callbacks, window.supervisor)):
            assert section is not None
            window.sections.setCurrentWidget(section)
            await settle()
            clients.append(await client_arrives(backend, f"Asiakas {number + 1}"))
            await until(lambda: window.offer.isVisible(), what=f"offer over tab {number}")
            # In view over the section she is on, not only in the work queue.
            assert window.sections.currentWidget() is section
            assert window.offer.visibleRegion().boundingRect().height() > 20
            assert f"Asiakas {number + 1}" in window.offer.label.text()
            window.grab().save(os.path.join(artifacts, f"offer-over-tab-{number}.png"))
            accept_from_keyboard(qtbot, window)
            await until(lambda n=number: len(window.panels) == n + 1, what="accepted")
            await until(lambda: not window.offer.isVisible(), what="offer gone")
        missed = [f for f in connection.state.offers.values()]
        assert not missed and connection.state.status is StaffStatus.READY
    finally:
        for client in clients:
            await client.close()


async def test_a_second_chat_does_not_take_her_cursor(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    window, connection = await workstation(qtbot, backend, user="hoitaja")
    window.activateWindow()
    window.set_status(StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")
    first = await client_arrives(backend, "Aino")
    second: Peer | None = None
    try:
        await until(lambda: window.offer.isVisible(), what="first offer")
        accept_from_keyboard(qtbot, window)
        await until(lambda: len(window.panels) == 1, what="first chat")
        panel_a = next(iter(window.panels.values()))
        await until(lambda: window.sections.currentIndex() == 0, what="work queue")
        panel_a.input.setFocus()
        await settle()
        qtbot.keyClicks(panel_a.input, "Hei Aino, kerro")
        assert panel_a.input.hasFocus()

        second = await client_arrives(backend, "Bertta")
        await until(lambda: window.offer.isVisible(), what="second offer")
        # The offer does not take the focus from her sentence.
        assert panel_a.input.hasFocus()
        qtbot.keyClicks(panel_a.input, " lisaa")
        accept_from_keyboard(qtbot, window)
        await until(lambda: len(window.panels) == 2, what="second chat")
        await settle(0.3)
        # Her text, her cursor and her tab are where they were; the new tab is marked.
        assert window.tabs.currentWidget() is panel_a
        assert panel_a.input.hasFocus()
        qtbot.keyClicks(panel_a.input, " vauvasta.")
        assert panel_a.input.toPlainText() == "Hei Aino, kerro lisaa vauvasta."
        panel_b = next(p for p in window.panels.values() if p is not panel_a)
        b_text = window.tabs.tabText(window.tabs.indexOf(panel_b))
        assert b_text.startswith("● ") and "Bertta" in b_text
        assert panel_b.input.toPlainText() == ""
        window.grab().save(os.path.join(artifacts, "second-chat-marked.png"))
        # Opened, the mark goes.
        window.tabs.setCurrentWidget(panel_b)
        await until(
            lambda: not window.tabs.tabText(window.tabs.indexOf(panel_b)).startswith("● "),
            what="mark cleared",
        )
    finally:
        for client in (first, second):
            if client is not None:
                await client.close()
    assert Path(artifacts, "second-chat-marked.png").exists()
