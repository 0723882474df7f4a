"""No client waits unseen (the real backend, the desktop window, clients on the protocol):
every offer visible, a missed client comes back, her state is never a surprise, a client
waiting for her answer shows, and the meter reads in Swedish at 1280×720."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import build_window, install_translations
from desktop.chat.connection import StaffConnection
from protocol.messages import Outcome, StaffStatus
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, free_port

WRAP_UP_S = 6


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    data = tmp_path_factory.mktemp("unseen")
    service = data / "service.toml"
    # Offer timeout 3 s (the test service's); a short wrap-up so its end is seen.
    service.write_text(
        OPEN_ALWAYS.read_text().replace(
            "default_chat_capacity = 2",
            f"default_chat_capacity = 2\nwrap_up_max_s = {WRAP_UP_S}",
        )
    )
    b = BackendProcess(data, free_port(), service)
    b.start()
    try:
        yield b
    finally:
        b.stop()


async def shot(window: QWidget, artifacts: str, name: str) -> None:
    """A screenshot with the layouts settled (posted layout requests applied first)."""
    await settle()
    window.grab().save(os.path.join(artifacts, name))


def activate(window: QWidget) -> None:
    """Make the window the active one (shortcuts act only there); the offscreen platform
    does not always honour activateWindow() for a window shown a while ago."""
    window.activateWindow()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)


async def client(backend: BackendProcess, queue: str, name: str, lang: str, first: str) -> Peer:
    peer = await Peer.connect(backend.ws + "/ws/client")
    await peer.send(type="start", queue=queue, name=name, lang=lang)
    await peer.expect("started")
    await peer.send(type="message", client_msg_id="first", text=first)
    await peer.expect("ack")
    return peer


async def test_two_offers_both_visible_both_accepted_and_a_waiting_client_shows(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    first = await client(backend, "neuvola", "Maija", "fi", "Vauva ei syö kunnolla")
    second = await client(backend, "neuvola", "Greta", "sv", "Min son har feber")
    window, connection = await workstation(qtbot, backend, "hoitaja")
    window.resize(1280, 720)
    window.set_status(StaffStatus.READY)  # F9
    await until(lambda: len(window.offer.rows) == 2, what="both offers")
    rows = window.offer.ordered()
    assert all(row.isVisible() for row in rows)
    await until(lambda: window.meter.rowCount() > 0, what="meter")
    # Longest-waiting first, each with its language and the client's first line.
    assert "Maija" in rows[0].label.text() and "suomi" in rows[0].label.text()
    assert "Greta" in rows[1].label.text() and "svenska" in rows[1].label.text()
    assert rows[0].first_line.text() == "Vauva ei syö kunnolla"
    assert rows[0].first_line.textFormat() is Qt.TextFormat.PlainText
    await shot(window, artifacts, "offers-two.png")

    activate(window)
    await until(window.isActiveWindow, what="window active (shortcuts act in it)")
    QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: len(window.panels) == 1, what="the first accepted by Ctrl+Enter")
    # Accepting one never hides the other.
    assert window.offer.isVisible() and len(window.offer.rows) == 1
    assert "Greta" in window.offer.label.text()
    qtbot.mouseClick(window.offer.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(window.panels) == 2, what="the second accepted")
    assert not window.offer.isVisible()
    assert {c.lang for c in connection.state.chats.values()} == {"fi", "sv"}

    # Maija writes again while Greta's chat is in front: her tab counts it and her wait.
    maija = next(
        p
        for p in window.panels.values()
        if p.conversation_id
        in {c.conversation_id for c in connection.state.chats.values() if c.client_name == "Maija"}
    )
    greta = next(p for p in window.panels.values() if p is not maija)
    # The quick-reply picker offers the client's language first.
    assert greta.quick_replies.itemText(1).startswith("Hälsning (sv)")
    last = maija.quick_replies.count() - 1
    assert maija.quick_replies.itemText(last) == "Hälsning (sv)"
    window.tabs.setCurrentWidget(greta)
    activate(window)
    await first.send(type="message", client_msg_id="again", text="Onko siellä ketään?")
    maija_tab = window.tabs.indexOf(maija)
    await until(lambda: "(" in window.tabs.tabText(maija_tab), what="unread count on her tab")
    text = window.tabs.tabText(maija_tab)
    assert "Maija" in text and "odottaa" in text, text
    await shot(window, artifacts, "offers-waiting-client.png")

    # Closing: no outcome chosen for her; then Wrap-up counts down and ends by itself.
    for panel in list(window.panels.values()):
        await connection.close_chat(panel.conversation_id, Outcome.ONE_CONTACT, "")
    await until(lambda: connection.state.status is StaffStatus.WRAP_UP, what="wrap-up")
    await until(lambda: window.attention.kind == "wrap_up", what="wrap-up bar")
    assert "Valmis" in window.attention.label.text()
    await shot(window, artifacts, "offers-wrap-up.png")
    await until(
        lambda: connection.state.status is StaffStatus.READY,
        timeout=WRAP_UP_S + 3,
        what="Ready by itself after the wrap-up maximum",
    )
    await connection.stop()
    for peer in (first, second):
        await peer.close()


async def test_a_missed_client_comes_back_to_the_only_nurse_with_the_skill(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    """One psychiatric nurse on duty: she misses the offer (3 s), is told why in a bar,
    presses F9, and the same client is offered to her again at once."""
    window, connection = await workstation(qtbot, backend, "psyk")
    window.set_status(StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")
    peer = await client(backend, "mipa", "Nimetön", "fi", "En saa nukuttua")
    await until(lambda: len(window.offer.rows) == 1, what="offer")
    cid = window.offer.conversation_id
    await until(lambda: connection.state.reason == "missed_offer", timeout=8, what="lapse")
    await until(lambda: window.attention.kind == "missed_offer", what="the missed-offer bar")
    assert window.attention.isVisible() and not window.offer.isVisible()
    await shot(window, artifacts, "offers-missed.png")
    qtbot.mouseClick(window.attention.button, Qt.MouseButton.LeftButton)  # "Ready again (F9)"
    await until(lambda: window.offer.conversation_id == cid, timeout=3, what="offered again")
    assert not window.attention.isVisible()
    window.offer.accept_at(0)
    await until(lambda: len(window.panels) == 1, what="accepted at last")
    await connection.close_chat(next(iter(window.panels)), Outcome.EMERGENCY, "")
    await until(lambda: not window.panels, what="closed")
    await connection.stop()
    await peer.close()


async def test_empty_password_is_refused_in_the_dialog(qtbot: QtBot) -> None:
    from desktop.ui.login import LoginDialog

    dialog = LoginDialog("hoitaja")
    qtbot.addWidget(dialog)
    dialog.password.setText("   ")
    dialog._try_accept()  # what the Log in button does
    assert dialog.result() == 0 and not dialog.error.isHidden()
    assert "salasana" in dialog.error.text() or "password" in dialog.error.text()


async def test_meter_in_swedish_reads_at_1280x720(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, "sv")
    try:
        connection = StaffConnection(backend.http, "esihenkilo", "demo")
        window = build_window(connection, "sv")
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        connection.start()
        await until(lambda: connection.state.meter, what="meter")
        await until(lambda: window.meter.rowCount() == len(connection.state.meter), what="rows")
        await shot(window, artifacts, "meter-sv-1280x720.png")
        meter = window.meter
        # Every column in view (no sideways scrolling) and every name whole in its cell.
        assert meter.horizontalScrollBar().maximum() == 0
        metrics = meter.fontMetrics()
        for row in range(meter.rowCount()):
            item = meter.item(row, 0)
            assert item is not None
            needed = metrics.boundingRect(
                0, 0, meter.columnWidth(0) - 8, 1000, Qt.TextFlag.TextWordWrap, item.text()
            ).height()
            assert meter.rowHeight(row) >= needed, item.text()
            widest = max(metrics.horizontalAdvance(word) for word in item.text().split())
            assert widest <= meter.columnWidth(0) - 6, item.text()
            assert item.text() in item.toolTip()
        assert window.width() <= 1280 and window.height() <= 720
        await connection.stop()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translations(app, "fi")
