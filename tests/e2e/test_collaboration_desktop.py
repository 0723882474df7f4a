"""Working together, end to end: a client in headless Chromium, a real backend process and
three real desktop windows (pytest-qt). Pictures (bad ones refused, a good one shown on
both sides), a staff-only note, a consultant joining and leaving, a video link, a transfer
with a note; then staff chat with unread badges and a callback offered, attempted twice
and done."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.chat.connection import StaffConnection
from desktop.ui.collab import ChatTransferDialog, InviteDialog, PictureDialog
from desktop.ui.conversation import ConversationPanel
from desktop.ui.main_window import MainWindow
from protocol.messages import CallbackCreate, Outcome, StaffStatus
from tests.browser import Browser
from tests.e2e.test_chat_end_to_end import choose_status
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("collab-e2e")) as b:
        yield b


@pytest.fixture
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


def only_panel(window: MainWindow) -> ConversationPanel:
    return next(iter(window.panels.values()))


def visible(kind: type) -> Any:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


def pictures(folder: Path) -> dict[str, Path]:
    good = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 120, 200)).save(good, "PNG")
    files = {
        "good.png": good.getvalue(),
        # A PNG signature on garbage, named .png: only the server's decoding can tell.
        "fake.png": b"\x89PNG\r\n\x1a\n" + os.urandom(3000),
        "notes.txt": b"just text",
        # Over the 8 MB limit: the page says so before sending anything.
        "big.png": good.getvalue() + b"\0" * (8 * 1024 * 1024),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


async def test_picture_note_consult_video_and_transfer(
    qtbot: QtBot, backend: BackendProcess, browser: Browser, artifacts: str, tmp_path: Path
) -> None:
    nurse, nurse_conn = await workstation(qtbot, backend, "hoitaja")
    other, other_conn = await workstation(qtbot, backend, "hoitaja2")
    psyk, psyk_conn = await workstation(qtbot, backend, "psyk")
    choose_status(nurse, StaffStatus.READY)
    await until(lambda: nurse_conn.state.status is StaffStatus.READY, what="ready")
    files = pictures(tmp_path)

    def client_starts(page: Any) -> None:
        page.goto(backend.http + "/")
        page.check("input[name=queue][value=neuvola]")
        page.fill("#name", "Maija")
        page.click("button[type=submit] >> text=Aloita chat")
        page.wait_for_selector("#chat:not([hidden])")
        page.fill("#text", "Vauvalla on ihottumaa.")
        page.press("#text", "Enter")
        page.wait_for_selector("#lines li.client:not(.pending)")

    await browser.run(client_starts, browser.page)
    await until(lambda: nurse.offer.isVisible(), what="offer")
    qtbot.mouseClick(nurse.offer.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(nurse.panels) == 1, what="conversation tab")
    panel = only_panel(nurse)
    cid = panel.conversation_id

    # She asks for a picture; bad files are refused with a reason, a good one arrives.
    panel.picture_action.trigger()
    await browser.run(lambda p: p.wait_for_selector("li.request"), browser.page)

    def upload(page: Any, name: str, expect: str) -> None:
        page.set_input_files("#picture-input", str(files[name]))
        page.wait_for_selector(f"#picture-error >> text={expect}")

    await browser.run(upload, browser.page, "notes.txt", "ei ole JPEG- tai PNG-kuva")
    await browser.run(upload, browser.page, "fake.png", "ei ole JPEG- tai PNG-kuva")
    await browser.run(upload, browser.page, "big.png", "Kuva on liian suuri")
    await browser.run(
        lambda p: (
            p.set_input_files("#picture-input", str(files["good.png"])),
            p.wait_for_selector("#lines img.picture"),
        ),
        browser.page,
    )
    await until(lambda: panel._thumbs, what="thumbnail on the desktop")
    assert "thumb:" in panel.transcript.toHtml()
    assert backend.query("SELECT COUNT(*) FROM pictures WHERE conversation_id = ?", cid) == [(1,)]
    panel._anchor(QUrl(f"picture:{next(iter(panel._thumbs))}"))
    await until(lambda: visible(PictureDialog) is not None, what="picture opened")
    dialog = visible(PictureDialog)
    assert dialog.label.pixmap().width() == 320
    dialog.close()

    # A staff-only note.
    qtbot.keyClicks(panel.note_input, "Ihottuma kuvassa, ei kuumetta")
    qtbot.keyClick(panel.note_input, Qt.Key.Key_Return)
    await until(lambda: "Ihottuma kuvassa" in panel.notes_view.toPlainText(), what="note shown")

    # A consultant joins, writes, leaves; the client sees each step. (Who is online reaches
    # the desktops at most once a second: the dialog lists her once the nurse has heard.)
    await until(lambda: online(nurse_conn, "psyk"), what="the consultant online")
    nurse.work.invite_colleague(cid)
    invite = visible(InviteDialog)
    invite.person.setCurrentIndex(invite.person.findData("psyk"))
    invite.accept()
    await until(lambda: len(psyk.panels) == 1, what="consultant's tab")
    consult_panel = only_panel(psyk)
    assert consult_panel.leave_action.isVisible() and not consult_panel.close_button.isVisible()
    await browser.run(
        lambda p: p.wait_for_selector("text=Pekka liittyi keskusteluun asiantuntijana."),
        browser.page,
    )
    await until(lambda: "Pekka Psykiatrinen" in panel.participants.text(), what="participants")
    consult_panel.input.insertPlainText("Hei, olen mukana psykiatrisena sairaanhoitajana.")
    qtbot.mouseClick(consult_panel.send_button, Qt.MouseButton.LeftButton)
    await browser.run(
        lambda p: p.wait_for_selector("#lines li.staff >> text=psykiatrisena"), browser.page
    )
    await until(lambda: "psykiatrisena" in panel.transcript.toPlainText(), what="owner sees it")
    consult_panel.leave_action.trigger()
    await until(lambda: not psyk.panels, what="consultant's tab closed")
    await browser.run(
        lambda p: p.wait_for_selector("text=Pekka poistui keskustelusta."), browser.page
    )

    # Move to video: the client gets a link.
    panel.video_action.trigger()
    await browser.run(lambda p: p.wait_for_selector("a.video"), browser.page)
    await browser.run(
        lambda p: p.screenshot(path=os.path.join(artifacts, "webchat-picture-video.png")),
        browser.page,
    )
    nurse.grab().save(os.path.join(artifacts, "desktop-collab.png"))

    # Transfer to a named colleague: refused while she is not Ready (and why), then done.
    await until(lambda: online(nurse_conn, "hoitaja2"), what="the receiver online")
    dialog = nurse.work.transfer_chat(cid)
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a note is required
    dialog.person.setCurrentIndex(dialog.person.findData("hoitaja2"))
    dialog.note.setPlainText("Ihottuma, kuva liitteenä. Äiti toivoo soittoa iltapäivällä.")
    assert ok.isEnabled()
    dialog.accept()
    await until(lambda: nurse_conn.state.last_error is not None, what="refusal")
    assert nurse_conn.state.last_error.detail == "transfer_busy"
    assert len(nurse.panels) == 1  # still hers
    for box in QApplication.topLevelWidgets():
        if box.objectName() != "mainWindow" and box.isVisible() and box.inherits("QMessageBox"):
            box.close()

    choose_status(other, StaffStatus.READY)
    await until(lambda: other_conn.state.status is StaffStatus.READY, what="receiver ready")
    dialog = nurse.work.transfer_chat(cid)
    assert isinstance(dialog, ChatTransferDialog)
    await until(
        lambda: (
            "voi ottaa" in dialog.hint.text().lower() or dialog.person.findData("hoitaja2") >= 0
        ),
        what="receiver listed",
    )
    dialog.person.setCurrentIndex(dialog.person.findData("hoitaja2"))
    dialog.note.setPlainText("Ihottuma, kuva liitteenä. Äiti toivoo soittoa iltapäivällä.")
    dialog.accept()
    await until(lambda: not nurse.panels, what="sender's tab closed")
    await until(lambda: other.offer.isVisible(), what="receiver's offer")
    assert "Äiti toivoo soittoa" in other.offer.label.text()
    qtbot.mouseClick(other.offer.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(other.panels) == 1, what="receiver's tab")
    received = only_panel(other)
    assert received.transfer_note.isVisible()
    assert "Äiti toivoo soittoa" in received.transfer_note.text()
    assert "Vauvalla on ihottumaa." in received.transcript.toPlainText()
    assert "Ihottuma kuvassa" in received.notes_view.toPlainText()
    await browser.run(
        lambda p: p.wait_for_selector("text=Liisa on liittynyt keskusteluun."), browser.page
    )
    page_text = await browser.run(lambda p: p.inner_text("body"), browser.page)
    assert "Ihottuma kuvassa" not in page_text and "Äiti toivoo" not in page_text
    other.grab().save(os.path.join(artifacts, "desktop-transferred.png"))
    assert backend.query("SELECT state, answered_by FROM conversations WHERE id = ?", cid) == [
        ("active", "hoitaja2")
    ]
    await received_close(other, cid)
    for conn in (nurse_conn, other_conn, psyk_conn):
        await conn.stop()


def online(conn: StaffConnection, username: str) -> bool:
    """Her desktop's colleagues list shows ``username`` online."""
    return any(c.username == username and c.online for c in conn.state.colleagues)


async def received_close(window: MainWindow, cid: str) -> None:
    window._run(window.commands.close_chat(cid, Outcome.ONE_CONTACT, ""))
    await until(lambda: not window.panels, what="closed")


async def test_staff_chat_unread_badges(qtbot: QtBot, backend: BackendProcess) -> None:
    anna, anna_conn = await workstation(qtbot, backend, "hoitaja")
    liisa, liisa_conn = await workstation(qtbot, backend, "hoitaja2")
    anna.sections.setCurrentWidget(anna.colleague_messages)
    anna.colleague_messages.open_channel("help")
    qtbot.keyClicks(anna.colleague_messages.input, "Can someone look at a rash picture?")
    qtbot.keyClick(anna.colleague_messages.input, Qt.Key.Key_Return)
    index = liisa.sections.indexOf(liisa.colleague_messages)
    await until(lambda: liisa.sections.tabText(index).endswith("(1)"), what="unread badge")
    # A direct message: only the two of them; the badge counts it too.
    channel = f"dm:{'hoitaja'}|{'hoitaja2'}"
    anna.colleague_messages.open_channel(channel)
    qtbot.keyClicks(anna.colleague_messages.input, "Thanks, I will call you")
    qtbot.keyClick(anna.colleague_messages.input, Qt.Key.Key_Return)
    await until(lambda: liisa.sections.tabText(index).endswith("(2)"), what="two unread")
    # Opening the tab shows the help channel (read); the direct message is still unread,
    # and its row in the channel list says so.
    liisa.sections.setCurrentWidget(liisa.colleague_messages)
    await until(lambda: liisa.sections.tabText(index).endswith("(1)"), what="help read")
    rows = [
        liisa.colleague_messages.channels.item(i).text()
        for i in range(liisa.colleague_messages.channels.count())
    ]
    assert any(r.endswith("Hanna Hoitaja (1)") for r in rows), rows
    liisa.colleague_messages.open_channel(channel)
    await until(lambda: "I will call you" in liisa.colleague_messages.view.toPlainText(), what="dm")
    await until(lambda: not liisa.sections.tabText(index).endswith(")"), what="all read")
    # The read marks are the server's too: a fresh login starts with nothing unread.
    await until(
        lambda: len(backend.query("SELECT 1 FROM staff_chat_reads WHERE username='hoitaja2'")) == 2,
        what="read marks stored",
    )
    await liisa_conn.stop()
    _again, again_conn = await workstation(qtbot, backend, "hoitaja2")
    await until(lambda: again_conn.state.colleague_messages.messages, what="history")
    assert again_conn.state.colleague_messages.total_unread("hoitaja2") == 0
    await again_conn.stop()
    await anna_conn.stop()


async def test_callback_offered_taken_attempted_twice_done(
    qtbot: QtBot, backend: BackendProcess
) -> None:
    window, conn = await workstation(qtbot, backend, "hoitaja")
    await conn.callback_create(
        CallbackCreate(
            request_id=1, queue="neuvola", number="040 555 0101", reason="Rokotusajan siirto"
        )
    )
    choose_status(window, StaffStatus.READY)
    await until(lambda: window.callback_offer.isVisible(), what="callback offer")
    assert "040 555 0101" in window.callback_offer.label.text()
    qtbot.mouseClick(window.callback_offer.take_button, Qt.MouseButton.LeftButton)
    await until(lambda: "Rokotusajan siirto" in window.callbacks.detail.text(), what="opened")
    assert conn.state.status is StaffStatus.NOT_READY
    await until(lambda: window.callbacks.selected_id() is not None, what="selected")
    qtbot.mouseClick(window.callbacks.outcome_buttons["no_answer"], Qt.MouseButton.LeftButton)
    await until(lambda: conn.state.status is StaffStatus.WRAP_UP, what="wrap-up")
    await until(
        lambda: any(i.failed_attempts == 1 for i in conn.state.callbacks.items), what="one attempt"
    )
    window.callbacks.select(conn.state.callbacks.items[0].id)
    qtbot.mouseClick(window.callbacks.outcome_buttons["no_answer"], Qt.MouseButton.LeftButton)
    await until(
        lambda: any(i.failed_attempts == 2 for i in conn.state.callbacks.items), what="two attempts"
    )
    window.callbacks.select(conn.state.callbacks.items[0].id)
    qtbot.mouseClick(window.callbacks.outcome_buttons["done"], Qt.MouseButton.LeftButton)
    await until(lambda: not conn.state.callbacks.items, what="done and gone from the list")
    rows = backend.query("SELECT outcome FROM callback_attempts ORDER BY id")
    assert [r[0] for r in rows] == ["no_answer", "no_answer", "done"]
    await conn.stop()
