"""The supervisor's Users page against a real backend: she adds a nurse, a typo is refused
with the valid values named, she changes skills, and disabling a nurse who holds a live
chat ends her socket and gives the chat to a colleague at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from websockets.exceptions import ConnectionClosed

from desktop.ui.accounts import AccountsView
from protocol.messages import StaffAccountChange
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, Peer, free_port, staff

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


def row_of(page: AccountsView, username: str) -> int:
    return next(i for i in range(page.table.rowCount()) if page.table.item(i, 1).text() == username)


async def test_users_page(qtbot: QtBot, tmp_path: Path, artifacts: str) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    connections = []
    peers: list[Peer] = []
    try:
        window, connection = await workstation(qtbot, backend, "esihenkilo")
        connections.append(connection)
        room = window.supervisor
        assert room is not None
        window.sections.setCurrentWidget(room)
        page = room.accounts
        room.show_page(page)
        await until(lambda: page.table.rowCount() >= 8, what="the accounts")
        assert page.table.item(row_of(page, "hoitaja"), 0).text() == "Hanna Hoitaja"
        # Her own account: no disabling or removing it herself.
        page.table.selectRow(row_of(page, "esihenkilo"))
        assert not page.disable_button.isEnabled() and not page.remove_button.isEnabled()

        # A new nurse, from the form.
        page.new_username.setText("uusi")
        page.new_name.setText("Ulla Uusi")
        page.new_role.setCurrentIndex(page.new_role.findData("nurse"))
        page.new_skills.choose(["neuvola"])
        page.new_password.setText("pitkä salasana 2026")
        page.add_button.click()
        await until(lambda: page.message.text() == "Tili lisätty.", what="added")
        # Skills by the names of the queues they serve, never their ids.
        assert page.table.item(row_of(page, "uusi"), 3).text() == "Äitiys- ja lastenneuvola"
        window.grab().save(os.path.join(artifacts, "supervisor-users.png"))

        # A typo reaches the backend only from an outdated desktop: it is refused, named.
        await connection.change_account(
            StaffAccountChange(action="set_role", username="uusi", role="supervsor")
        )
        await until(lambda: "Ei tallennettu" in page.message.text(), what="refusal")
        # In Finnish, with what to do: never the log's English ("valid roles").
        assert "valid roles" not in page.message.text()
        assert "luettelosta" in page.message.text()

        # A nurse with no skills would get no chats or calls: asked first; "no" sends nothing.
        page.table.selectRow(row_of(page, "uusi"))
        questions: list[str] = []
        page.confirm = lambda question: questions.append(question) and False
        page.skills.choose([])
        page.skills_button.click()
        assert len(questions) == 1 and "Ulla Uusi" in questions[0]
        assert "ei osaamisia" in questions[0] or "osaamisia" in questions[0]
        assert not page.message.waiting  # nothing was sent
        assert backend.query("select skills from staff_users where username = 'uusi'") == [
            ("neuvola",)
        ]

        # Skills and languages of the new nurse.
        page.table.selectRow(row_of(page, "uusi"))
        page.skills.choose(["neuvola", "mipa"])
        page.languages.choose(["fi", "sv"])
        page.skills_button.click()
        await until(
            lambda: page.table.item(row_of(page, "uusi"), 4).text() == "fi, sv",
            what="languages saved",
        )
        assert page.table.item(row_of(page, "uusi"), 3).text() == (
            "Mielenterveys- ja päihdepalvelut, Äitiys- ja lastenneuvola"
        )
        assert backend.query("select skills from staff_users where username = 'uusi'") == [
            ("mipa,neuvola",)
        ]

        # She disables a nurse who holds a live chat: the chat goes to a colleague at once.
        nurse = await staff(backend.ws, "uusi", "pitkä salasana 2026")
        client = await Peer.connect(backend.ws + "/ws/client")
        peers += [nurse, client]
        await client.send(type="start", queue="neuvola")
        cid = (await client.expect("started"))["conversation_id"]
        await nurse.expect("offer", conversation_id=cid)
        await nurse.send(type="accept", conversation_id=cid)
        await nurse.expect("conversation")
        page.request()
        await until(lambda: "verkossa" in page.table.item(row_of(page, "uusi"), 5).text())
        page.table.selectRow(row_of(page, "uusi"))
        asked: list[str] = []
        page.confirm = lambda question: asked.append(question) is None
        page.disable_button.click()
        await until(lambda: page.message.text() == "Tallennettu.", what="disabled")
        assert "Ulla Uusi" in asked[0]
        with pytest.raises(ConnectionClosed):
            await nurse.expect("never", timeout=5)
        colleague = await staff(backend.ws, "hoitaja")
        peers.append(colleague)
        await colleague.expect("offer", conversation_id=cid)
        assert page.table.item(row_of(page, "uusi"), 5).text() == "Ei käytössä"
        assert backend.query(
            "select by, action from account_changes where username = 'uusi' order by id"
        ) == [
            ("esihenkilo", "add"),
            ("esihenkilo", "set-skills"),
            ("esihenkilo", "set-languages"),
            ("esihenkilo", "disable"),
        ]
    finally:
        for peer in peers:
            await peer.close()
        for c in connections:
            await c.stop()
        backend.stop()
