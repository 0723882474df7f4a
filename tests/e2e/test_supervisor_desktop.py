"""The supervisor's room in the desktop against a real backend with eight weeks of demo
history: the board follows a nurse within a second, she sets a nurse Not ready with a
reason, the history shows a table, charts and the heat map, and the XLSX export opens
with the figures on screen. A nurse's desktop has no such room."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.board import ReasonDialog
from desktop.ui.my_figures import MyFiguresDialog
from protocol.messages import StaffStatus
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import ROOT, BackendProcess, Peer, free_port, staff

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


def status_of(room: object, username: str) -> StaffStatus | None:
    lines = room.board.lines  # type: ignore[attr-defined]
    return next((line.status for line in lines if line.username == username), None)


async def test_supervisor_room(qtbot: QtBot, tmp_path: Path, artifacts: str) -> None:
    backend = BackendProcess(tmp_path, free_port())
    made = subprocess.run(
        [sys.executable, "-m", "backend", "demo-history", "--weeks", "3"],
        cwd=ROOT,
        env=backend.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    backend.start()
    client = None
    connections = []
    try:
        window, connection = await workstation(qtbot, backend, "esihenkilo")
        connections.append(connection)
        room = window.supervisor
        assert room is not None and window.sections.indexOf(room) >= 0
        window.sections.setCurrentWidget(room)
        nurse = await staff(backend.ws, "hoitaja", ready=False)
        await until(lambda: status_of(room, "hoitaja") is StaffStatus.NOT_READY, what="on board")

        # Ready -> a chat -> Wrap-up, each on her board within a second.
        started = time.monotonic()
        await nurse.send(type="set_status", status="ready")
        await until(
            lambda: status_of(room, "hoitaja") is StaffStatus.READY,
            timeout=1.0,
            what="Ready on the board within a second",
        )
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola", name="Maija")
        cid = (await client.expect("started"))["conversation_id"]
        await nurse.expect("offer", conversation_id=cid)
        await nurse.send(type="accept", conversation_id=cid)
        await until(
            lambda: any(cid in line.chats for line in room.board.lines),
            timeout=1.0,
            what="the chat in her hand within a second",
        )
        room.board.table.selectRow(
            next(i for i, line in enumerate(room.board.lines) if line.username == "hoitaja")
        )
        assert room.board.open_button.isEnabled()
        await settle()
        window.grab().save(os.path.join(artifacts, "supervisor-board.png"))
        await nurse.send(type="close", conversation_id=cid, outcome="one_contact", wrap_up="")
        await until(
            lambda: status_of(room, "hoitaja") is StaffStatus.WRAP_UP,
            timeout=1.0,
            what="Wrap-up on the board within a second",
        )
        assert time.monotonic() - started < 10

        # She sets the nurse Not ready, with a reason.
        row = next(i for i, line in enumerate(room.board.lines) if line.username == "hoitaja")
        room.board.table.selectRow(row)
        assert room.board.not_ready_button.isEnabled()
        room.board.not_ready_button.click()
        await until(lambda: room.board.findChildren(ReasonDialog), what="reason dialog")
        dialog = room.board.findChildren(ReasonDialog)[0]
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no action
        dialog.reason.setText("Tiimipalaveri")
        ok.click()
        status = await nurse.expect("status", status="not_ready")
        assert status["reason"] == "supervisor"
        assert backend.query("select by, reason from supervisor_actions") == [
            ("esihenkilo", "Tiimipalaveri")
        ]

        # History: three weeks by day, with charts and the heat map.
        history = room.history
        room.show_page(history)
        last = date.today() - timedelta(days=1)
        history.first.setDate(QDate(last - timedelta(days=20)))
        history.last.setDate(QDate(last))
        history.per_person.setChecked(True)
        history.show_button.click()
        await until(lambda: connection.state.room.report is not None, timeout=20, what="report")
        report = connection.state.room.report
        assert report is not None and report.interval == "day"
        await until(lambda: history.table.rowCount() == len(report.rows), what="table")
        assert history.table.rowCount() >= 2 * 21
        assert report.totals["phone"].offered > 100
        assert history.arrivals.chart().series() and history.service_level.chart().series()
        assert sum(int(history.heat.item(0, h).text() or 0) for h in range(24)) > 0
        assert history.staff.rowCount() >= 1
        assert "offered" not in history.totals.text()  # Finnish on screen
        # Clients' feedback has its line (none given in this history: said so).
        assert history.feedback_line.text() == "Asiakaspalaute: ei vastauksia tällä aikavälillä."
        assert history.feedback_comments.isHidden()
        for tab, name in ((0, "table"), (1, "charts"), (2, "staff")):
            history.views.setCurrentIndex(tab)
            await settle()
            window.grab().save(os.path.join(artifacts, f"supervisor-history-{name}.png"))

        # The XLSX export: the same figures as on screen.
        destination = tmp_path / "export.xlsx"
        query = {
            "from": str(last - timedelta(days=20)),
            "to": str(last),
            "interval": "day",
            "format": "xlsx",
        }
        await history._export(query, destination)
        summary = [
            list(r)
            for r in load_workbook(destination, read_only=True)["Yhteenveto"].iter_rows(
                values_only=True
            )
        ]
        for channel, in_finnish in (("phone", "puhelin"), ("chat", "chat")):
            exported = next(r for r in summary if r[0] == in_finnish)
            on_screen = report.totals[channel]
            assert exported[1:4] == [
                on_screen.offered,
                on_screen.answered,
                on_screen.answered_in_target,
            ]
        assert "Saved" in history.message.text() or "Tallennettu" in history.message.text()
        # From the button: Qt's own file dialog, in Finnish like the rest of the window.
        history.xlsx_button.click()
        await settle()
        dialog = window.findChild(QFileDialog, "fileDialog")
        assert dialog is not None and dialog.isVisible()
        buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        assert "&Tallenna" in buttons or "Tallenna" in buttons, buttons
        labels = {label.text() for label in dialog.findChildren(QLabel) if label.isVisible()}
        assert {"Sijainti:", "Tiedoston nimi:", "Tiedostotyyppi:"} <= labels, labels
        dialog.grab().save(os.path.join(artifacts, "supervisor-export-dialog-fi.png"))
        # The suggested name; she picks the folder and presses Save.
        suggested = Path(dialog.selectedFiles()[0])
        assert suggested.name.startswith("luukku-") and suggested.suffix == ".xlsx"
        assert suggested.parent != ROOT  # never wherever the program was started from
        chosen = tmp_path / suggested.name
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(suggested.name)
        dialog.accept()
        await until(chosen.exists, what=f"the export from the button: {history.message.text()}")

        # Staffing: a roster imported from CSV, then forecast, need, rostered and the gap.
        staffing = room.staffing
        room.show_page(staffing)
        day = date.today() + timedelta(days=1)
        while day.weekday() > 4:
            day += timedelta(days=1)
        roster = tmp_path / "roster.csv"
        roster.write_text(
            "name,date,start,end,skills\n"
            + "".join(
                f"{name},{day.isoformat()},08:00,15:00,{skills}\n"
                for name, skills in (
                    ("Hanna", "neuvola"),
                    ("Pekka", "mipa"),
                    ("Sari", "asiakaspalvelu"),
                )
            )
            + "Rikki,{day},15:00,08:00,neuvola\n",
            "utf-8",
        )
        staffing.first.setDate(QDate(day))
        staffing.days.setCurrentIndex(0)  # one day
        staffing.import_file(roster)
        await until(lambda: connection.state.room.roster_imported is not None, what="roster stored")
        imported = connection.state.room.roster_imported
        assert imported is not None and imported.added == 3 and "line 5" in imported.errors[0]
        await until(lambda: connection.state.room.advice is not None, timeout=20, what="advice")
        await until(lambda: staffing.table.rowCount() > 0, what="advice table")
        advice = connection.state.room.advice
        assert advice is not None
        rows = [r for r in advice.rows if r.forecast >= 0.05]
        assert rows and all(r.need >= 0 for r in rows)
        assert any(r.rostered > 0 for r in rows)
        assert any(r.need > r.rostered for r in rows)  # three people cannot cover it
        assert advice.digi_agent_hours > 0
        assert all(0 <= (w or 0) < 3 for w in advice.wape.values())
        # Numbers as Finnish writes them (19,5), and what WAPE means, said in the view.
        forecasts = [staffing.table.item(i, 3).text() for i in range(staffing.table.rowCount())]
        assert all("." not in f for f in forecasts) and any("," in f for f in forecasts)
        assert "WAPE kertoo" in staffing.accuracy.text()
        await settle()
        window.grab().save(os.path.join(artifacts, "supervisor-staffing.png"))

        # The roster grid: the imported week shows; she types a shift; a colleague saves
        # the same week first; her save is refused, her cell kept and the difference
        # marked; saving again keeps hers.
        added = subprocess.run(
            [
                *(sys.executable, "-m", "backend", "add-user", "saara", "--name", "Saara S"),
                *("--role", "supervisor", "--skills", "neuvola", "--password-stdin"),
            ],
            cwd=ROOT,
            env=backend.env,
            input="toinen esihenkilö 2026\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert added.returncode == 0, added.stderr
        grid = room.roster
        room.show_page(grid)
        # A week of its own (the demo roster fills the next two with the demo's skills).
        far = date.today() + timedelta(days=28)
        monday = far - timedelta(days=far.weekday())
        grid.week.setDate(QDate(far))
        await until(lambda: grid.loaded_week() == monday, what="the week in the grid")
        await until(lambda: not grid.message.waiting, what="the grid loaded")
        people = [grid.table.verticalHeaderItem(r).text() for r in range(grid.table.rowCount())]
        assert {"Hanna Hoitaja", "Liisa Lahtinen", "Saara S"} <= set(people)
        liisa = grid.table.item(people.index("Liisa Lahtinen"), 0)
        assert liisa is not None and liisa.text() == "" and not grid.save_button.isEnabled()
        liisa.setText("8-12")
        assert grid.save_button.isEnabled() and not grid.next_button.isEnabled()
        assert liisa.background().color().name() == "#fff3bf"
        colleague = await staff(backend.ws, "saara", "toinen esihenkilö 2026", ready=False)
        await colleague.send(type="roster_week", day=monday.isoformat())
        week = await colleague.expect("roster_week")
        skills = {p["name"]: p["skills"] for p in week["people"]}
        await colleague.send(
            type="roster_save",
            monday=monday.isoformat(),
            version=week["version"],
            shifts=[
                {
                    "name": "Hanna Hoitaja",
                    "day": monday.isoformat(),
                    "start": "09:00",
                    "end": "14:00",
                    "skills": skills["Hanna Hoitaja"],
                }
            ],
        )
        answer = await colleague.expect("roster_imported")
        assert answer["added"] == 1, answer
        grid.save_button.click()
        await until(lambda: not grid.message.waiting, what="the refused save")
        assert "colleague" in grid.message.text() or "kollega" in grid.message.text().lower()
        assert liisa.text() == "8-12"  # what she typed is still there
        hanna = grid.table.item(people.index("Hanna Hoitaja"), 0)
        assert hanna is not None and hanna.text() == ""
        assert hanna.background().color().name() == "#fff3bf"  # differs from the saved week
        await settle()
        window.grab().save(os.path.join(artifacts, "supervisor-roster.png"))
        grid.save_button.click()
        await until(lambda: not grid.save_button.isEnabled(), what="saved")
        stored = backend.query(
            'select name, start, "end" from roster_shifts where day = ?', monday.isoformat()
        )
        assert stored == [("Liisa Lahtinen", "08:00", "12:00")]
        refilled = grid.table.item(people.index("Liisa Lahtinen"), 0)
        assert refilled is not None and refilled.text() == "08:00–12:00"
        assert grid.next_button.isEnabled() and "1" in grid.message.text()
        # The week is named by its Monday.
        assert grid.week.date().toPython() == monday
        # A cell that is no shift is marked at once, naming whose and which day; Delete
        # clears it (a day off).
        tuesday = grid.table.item(people.index("Liisa Lahtinen"), 1)
        assert tuesday is not None
        tuesday.setText("25-30")
        assert tuesday.background().color().name() == "#f6b8b0"
        said = grid.message.text()
        day = monday + timedelta(days=1)
        assert "Liisa Lahtinen" in said and "25-30" in said and f"{day.day}.{day.month}." in said
        assert not grid.save_button.isEnabled()
        await settle()
        window.grab().save(os.path.join(artifacts, "supervisor-roster-bad-cell.png"))
        grid.table.setCurrentItem(tuesday)
        grid.table.setFocus()
        qtbot.keyClick(grid.table, Qt.Key.Key_Delete)
        assert tuesday.text() == "" and "25-30" not in grid.message.text()
        assert not grid.save_button.isEnabled()  # nothing left to save
        await colleague.close()

        # A nurse's workstation has no supervisor's room.
        other, other_connection = await workstation(qtbot, backend, "hoitaja2")
        connections.append(other_connection)
        assert other.supervisor is None
        # Her own figures, from the View menu.
        other.my_figures_action.trigger()
        await until(lambda: other_connection.state.my_figures is not None, what="my figures")
        dialog = other.findChild(MyFiguresDialog)
        assert dialog is not None
        await until(lambda: dialog.table.rowCount() >= 1, what="her time per state")
        await settle()
        dialog.grab().save(os.path.join(artifacts, "my-figures.png"))
        await nurse.close()
    finally:
        # Before the backend goes: a connection left trying to reconnect would keep the
        # test's event loop from ever finishing (a failure would hang instead of report).
        for c in connections:
            await c.stop()
        if client is not None:
            await client.close()
        backend.stop()
