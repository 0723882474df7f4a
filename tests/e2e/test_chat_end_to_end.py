"""A client in headless Chromium chats with the staff desktop through a real backend process.

The desktop is the real window (pytest-qt, offscreen), wired as in production:
StaffConnection -> Bridge -> MainWindow. The page is the real page the backend serves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.chat.state import LinkState
from desktop.ui.conversation import CloseDialog, ConversationPanel
from desktop.ui.main_window import MainWindow
from protocol.messages import StaffStatus
from tests.browser import Browser
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("e2e")) as b:
        yield b


@pytest.fixture
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


def choose_status(window: MainWindow, status: StaffStatus) -> None:
    index = window.status_box.findData(status)
    window.status_box.setCurrentIndex(index)
    window.status_box.activated.emit(index)


async def test_client_and_nurse_chat_end_to_end(
    qtbot: QtBot, backend: BackendProcess, browser: Browser, artifacts: str
) -> None:
    window, connection = await workstation(qtbot, backend)
    choose_status(window, StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")

    def client_starts(page: Any) -> None:
        page.goto(backend.http + "/")
        page.check("input[name=queue][value=neuvola]")
        page.fill("#name", "Maija")
        page.fill("#phone", "040 123 4567")
        page.click("button[type=submit] >> text=Aloita chat")
        page.wait_for_selector("#chat:not([hidden])")
        page.fill("#text", "Hei, vauva ei syö kunnolla.")
        page.press("#text", "Enter")
        page.wait_for_selector("#lines li.client:not(.pending)")

    await browser.run(client_starts, browser.page)

    # The offer arrives with a visible banner; she accepts with one click.
    await until(lambda: window.offer.isVisible(), what="offer banner")
    assert "Uusi chat: Äitiys- ja lastenneuvola · Maija" in window.offer.label.text()
    qtbot.mouseClick(window.offer.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(window.panels) == 1, what="conversation tab")
    panel: ConversationPanel = next(iter(window.panels.values()))
    cid = panel.conversation_id
    await until(lambda: "vauva ei syö" in panel.transcript.toPlainText(), what="client line")
    assert "040 123 4567" in panel.header.text()
    await browser.run(
        lambda p: p.wait_for_selector("text=Hanna on liittynyt keskusteluun."), browser.page
    )

    # Her typing shows on the page; her reply reaches the client at once.
    qtbot.keyClicks(panel.input, "Hei Maija")
    await browser.run(lambda p: p.wait_for_selector("#typing:not([hidden])"), browser.page)
    # QTest can only type ASCII: the Finnish letters go in as text.
    panel.input.insertPlainText(", kerro lisää vauvan iästä.")
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    await browser.run(
        lambda p: p.wait_for_selector("#lines li.staff >> text=kerro lisää vauvan iästä"),
        browser.page,
    )

    # The client's typing shows on the desktop, then her next line.
    await browser.run(lambda p: p.type("#text", "Hän on kolme"), browser.page)
    await until(lambda: panel.typing_label.isVisible(), what="client typing on desktop")
    await browser.run(
        lambda p: (p.type("#text", " kuukautta."), p.press("#text", "Enter")), browser.page
    )
    await until(lambda: "kolme kuukautta" in panel.transcript.toPlainText(), what="2nd line")
    await browser.run(
        lambda p: p.screenshot(path=os.path.join(artifacts, "webchat-active.png")), browser.page
    )
    window.grab().save(os.path.join(artifacts, "desktop-chat.png"))

    # Close with an outcome and a wrap-up; she goes to Wrap-up; the client is told.
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: any(
            isinstance(w, CloseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        what="close dialog",
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CloseDialog) and w.isVisible()
    )
    dialog.radios[next(o for o in dialog.radios if o.value == "appointment")].setChecked(True)
    qtbot.keyClicks(dialog.note, "Aika neuvolaan varattu")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    await until(lambda: not window.panels, what="tab closed")
    await until(lambda: connection.state.status is StaffStatus.WRAP_UP, what="wrap-up")
    assert window.status_box.currentData() == StaffStatus.WRAP_UP
    await browser.run(
        lambda p: p.wait_for_selector("text=Ammattilainen päätti keskustelun"), browser.page
    )
    choose_status(window, StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready again")
    await connection.stop()

    (row,) = backend.query(
        "select state, outcome, wrap_up, answered_by, client_name from conversations where id=?",
        cid,
    )
    assert row == ("closed", "appointment", "Aika neuvolaan varattu", "hoitaja", "Maija")
    lines = backend.query(
        "select author, text from messages where conversation_id=? order by seq", cid
    )
    assert lines == [
        ("client", "Hei, vauva ei syö kunnolla."),
        ("staff", "Hei Maija, kerro lisää vauvan iästä."),
        ("client", "Hän on kolme kuukautta."),
    ]
    assert connection.state.link is not LinkState.AUTH_FAILED
