"""Text from a client or a colleague is plain text in every widget: hostile names and
lines arrive by the ordinary paths (the client's start and lines, a colleague's display
name, a staff-chat message, a handbook title, a note, a callback reason) and every label,
tooltip and item the window makes of them is walked."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from protocol.messages import CallbackCreate, StaffStatus
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import Peer, running_backend, staff

EVIL = "<b>EVIL</b>"


def shown_as_markup(widget: QWidget) -> list[str]:
    """Every place under ``widget`` where the hostile text would be taken for markup."""
    found: list[str] = []
    for label in [widget, *widget.findChildren(QWidget)]:
        label.ensurePolished()  # what showing it does: the app's plain-text default applies
        if "<b>EVIL" in label.toolTip():
            found.append(f"tooltip of {type(label).__name__} {label.objectName()}")
        if not isinstance(label, QLabel) or "<b>EVIL" not in label.text():
            continue
        if label.textFormat() is not Qt.TextFormat.PlainText:
            found.append(f"label {label.objectName()!r}: {label.text()[:80]!r}")
    return found


async def test_hostile_text_is_plain_everywhere(
    qtbot: QtBot, tmp_path: str, artifacts: str
) -> None:
    with running_backend(tmp_path) as backend:  # type: ignore[arg-type]
        backend.execute(
            "UPDATE staff_users SET display_name = ? WHERE username = 'hoitaja2'",
            f"Liisa {EVIL}",
        )
        colleague = await staff(backend.ws, "hoitaja2", ready=False)
        await colleague.send(
            type="handbook_save",
            page_id="evil-page",
            base_version=0,
            kind="quick_reply",
            area=f"Alue {EVIL}",
            title=f"Otsikko {EVIL}",
            body=f"Teksti {EVIL}",
            queues=["neuvola"],
        )
        await colleague.expect("handbook_saved")
        await colleague.send(type="staff_chat", channel="help", client_msg_id="m1", text=EVIL)
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola", name=f"Anna {EVIL}")
        await client.expect("started")
        await client.send(type="message", client_msg_id="c1", text=f"Hei {EVIL}")
        await client.expect("ack")

        window, connection = await workstation(qtbot, backend, "hoitaja")
        window.set_status(StaffStatus.READY)
        await until(lambda: window.offer.rows, what="the offer")
        assert EVIL in window.offer.label.text()  # shown as typed, tags and all
        found = shown_as_markup(window)
        window.offer.accept_at(0)
        await until(lambda: window.panels, what="the conversation")
        cid = next(iter(window.panels))
        await connection.note(cid, f"Muistiinpano {EVIL}")
        await connection.invite(cid, "hoitaja2")
        await colleague.expect("conversation")
        await connection.callback_create(
            CallbackCreate(request_id=1, queue="neuvola", number="0401234567", reason=f"Syy {EVIL}")
        )
        await until(lambda: connection.state.callbacks.items, what="the callback listed")
        window.callbacks.select(connection.state.callbacks.items[0].id)
        await until(lambda: connection.state.callbacks.opened is not None, what="callback opened")
        window.callbacks.show_detail(str(connection.state.callbacks.opened.summary.id))  # type: ignore[union-attr]
        await until(
            lambda: any(c.display_name.startswith("Liisa") for c in connection.state.colleagues),
            what="colleagues",
        )
        window.colleague_messages.refresh()
        panel = window.panels[cid]
        await until(lambda: "EVIL" in panel.notes_view.toPlainText(), what="the note")
        await until(lambda: "Liisa" in panel.participants.text(), what="the consultant")
        await settle()
        window.grab().save(os.path.join(artifacts, "plain-text-hostile.png"))
        found += shown_as_markup(window)
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                found += shown_as_markup(top)
        assert not found, found
        # The escaped rich labels show the text as typed, not as bold.
        assert EVIL in panel.header.text().replace("&lt;", "<").replace("&gt;", ">")
        assert "EVIL" in window.callbacks.detail.text()
        await connection.stop()
        for peer in (client, colleague):
            await peer.close()
