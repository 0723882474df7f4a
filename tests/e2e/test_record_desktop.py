"""The record entry and the hand-off links in the real window: she closes a chat and the
entry is on the clipboard in her language; a hand-off button opens the booking system
through the real QDesktopServices (a handler registered for the test passes the request to
a local HTTP server standing in for it); an anonymous client's identity link is disabled
with the reason; the access log has the copy and the hand-off."""

from __future__ import annotations

import atexit
import os
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.conversation import CloseDialog
from protocol.messages import Outcome, StaffStatus
from tests.e2e.conftest import start_xvfb
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


def _on_a_real_x_display() -> None:
    """This file's window on Xvfb (xcb), as on a workstation: the clipboard is the X
    server's. Each end-to-end file runs in a process of its own (scripts/test.sh), so
    the application is made here first; where one exists already, it is used as it is."""
    if QApplication.instance() is None and shutil.which("Xvfb") is not None:
        server, display = start_xvfb("1920x1080")
        atexit.register(server.terminate)
        os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")


_on_a_real_x_display()

BOOKING_URL = "https://booking.test/varaa?jono={queue}&id={conversation_id}"
RECORD_URL = "https://record.test/potilas?hetu={identity_code}"
LINKS = f"""links = [
  {{ id = "booking", names = {{ fi = "Ajanvaraus", sv = "Tidsbokning" }}, url = "{BOOKING_URL}" }},
  {{ id = "record", names = {{ fi = "Potilastiedot", sv = "Journal" }}, url = "{RECORD_URL}" }},
]
"""


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("record")
    text = OPEN_ALWAYS.read_text("utf-8").replace(
        'names = { fi = "Äitiys- ja lastenneuvola"',
        LINKS + 'names = { fi = "Äitiys- ja lastenneuvola"',
        1,
    )
    path = folder / "record.toml"
    path.write_text(text, "utf-8")
    with running_backend(folder, path) as b:
        yield b


class BookingSystem(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        BookingSystem.seen.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


class Browser(QObject):
    """Stands in for the system browser: the https link goes to the local server."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        local = f"http://127.0.0.1:{self.port}{url.path()}?{url.query()}"
        urllib.request.urlopen(local, timeout=5).read()


@pytest.fixture
def booking() -> Iterator[Browser]:
    server = HTTPServer(("127.0.0.1", 0), BookingSystem)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    browser = Browser(server.server_address[1])
    QDesktopServices.setUrlHandler("https", browser, "open")
    yield browser
    QDesktopServices.unsetUrlHandler("https")
    server.shutdown()


@pytest.mark.parametrize("lang", ["fi", "sv"])
async def test_record_entry_and_hand_off(
    qtbot: QtBot, backend: BackendProcess, booking: Browser, artifacts: str, lang: str
) -> None:
    BookingSystem.seen.clear()
    window, connection = await workstation(qtbot, backend, lang=lang)
    window.set_status(StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")
    client = await Peer.connect(backend.ws + "/ws/client")
    try:
        await client.send(type="start", queue="neuvola", name="Maija")
        await client.expect("started")
        await client.send(type="message", client_msg_id="m1", text="Vauva ei syö {identity_code}")
        await until(lambda: window.offer.isVisible(), what="offer")
        window.offer.accept_at(0)
        await until(lambda: len(window.panels) == 1, what="chat")
        panel = next(iter(window.panels.values()))
        cid = panel.conversation_id
        await until(lambda: "Vauva" in panel.transcript.toPlainText(), what="the line")
        await connection.reply(cid, "Kerro lisää.")
        await until(lambda: "Kerro lisää" in panel.transcript.toPlainText(), what="reply")

        # Anonymous: the record-system link needs an identity code, so it is disabled.
        await until(lambda: "record" in panel.link_buttons, what="link buttons")
        record = panel.link_buttons["record"]
        assert not record.isEnabled() and "Suomi.fi" in record.toolTip()
        button = panel.link_buttons["booking"]
        assert (
            button.isEnabled() and button.text() == {"fi": "Ajanvaraus", "sv": "Tidsbokning"}[lang]
        )
        await settle()
        window.grab().save(os.path.join(artifacts, f"record-conversation-{lang}.png"))
        button.click()
        await until(lambda: BookingSystem.seen, what="the booking system's request")
        assert BookingSystem.seen == [f"/varaa?jono=neuvola&id={cid}"]

        # She closes with an outcome and a summary: the entry is on the clipboard.
        panel.close_button.click()
        await until(lambda: window.findChild(CloseDialog) is not None, what="close dialog")
        dialog = window.findChild(CloseDialog)
        assert dialog is not None and dialog.copy_box.isChecked()
        dialog.radios[Outcome.APPOINTMENT].setChecked(True)
        dialog.note.setPlainText("Aika varattu neuvolaan.")
        dialog.accept()
        await until(lambda: cid not in window.panels, what="closed")
        text = QGuiApplication.clipboard().text()
        heading = {"fi": "Käsittelijä: Hanna Hoitaja", "sv": "Handläggare: Hanna Hoitaja"}[lang]
        booked = {"fi": "Lopputulos: Aika varattu", "sv": "Resultat: Tid bokad"}[lang]
        for part in (heading, booked, "Aika varattu neuvolaan.", "Maija", "Kerro lisää."):
            assert part in text, (part, text)
        assert "Vauva ei syö {identity_code}" in text  # her words, never a placeholder
        assert "Henkilötunnus" not in text and "Personbeteckning" not in text
        await until(
            lambda: (
                len(backend.query("select action from access_log where conversation_id = ?", cid))
                >= 3
            ),
            what="access log",
        )
        actions = [
            a
            for (a,) in backend.query(
                "select action from access_log where conversation_id = ? order by id", cid
            )
        ]
        assert "record_copy" in actions and "handoff:booking" in actions, actions
    finally:
        await client.close()
        await connection.stop()
