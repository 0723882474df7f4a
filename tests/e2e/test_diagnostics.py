"""About / diagnostics: shows where settings came from; the copied report carries no client
data and no secrets, even with a client chat open."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import make_report, resolve_options
from desktop.bridge import Bridge
from desktop.chat.connection import StaffConnection
from desktop.ui.diagnostics import DiagnosticsDialog
from desktop.ui.main_window import MainWindow
from protocol.messages import StaffStatus
from tests.e2e.workstation import until
from tests.helpers import BackendProcess, Peer, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("diag")) as b:
        yield b


async def test_diagnostics_report(
    backend: BackendProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    machine = tmp_path / "luukku.toml"
    machine.write_text('[luukku]\nsip_registrar = "sip:pbx.example"\nsip_transport = "tls"\n')
    monkeypatch.setenv("LUUKKU_MACHINE_CONFIG", str(machine))
    monkeypatch.setenv("LUUKKU_BACKEND", backend.http)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    options = resolve_options({"username": "hoitaja"}, demo=False, smoke=False, password="demo")

    connection = StaffConnection(options.backend, "hoitaja", "demo")
    bridge = Bridge()
    connection.subscribe(bridge.on_event)
    window = MainWindow(
        connection.state,
        bridge,
        connection,
        "fi",
        report=functools.partial(make_report, options, connection),
    )
    qtbot.addWidget(window)
    window.show()
    connection.start()
    await until(lambda: connection.state.profile is not None, what="login")
    await connection.set_status(StaffStatus.READY)
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola", name="Salainen Asiakas", phone="0401112223")
    await client.expect("started")
    await client.send(type="message", client_msg_id="c1", text="arkaluonteinen asia")
    await until(lambda: connection.state.offers, what="offer")
    await connection.accept(next(iter(connection.state.offers)))
    await until(lambda: connection.state.chats, what="chat open")

    window.diagnostics_action.trigger()
    await until(
        lambda: any(
            isinstance(w, DiagnosticsDialog) for w in window.findChildren(DiagnosticsDialog)
        ),
        what="dialog",
    )
    dialog = window.findChildren(DiagnosticsDialog)[0]
    dialog.copy_button.click()
    text = QApplication.clipboard().text()
    assert text == dialog.text.toPlainText()
    assert "Luukku 0.1.0, protocol v1" in text
    assert f"backend_url = {backend.http}: environment LUUKKU_BACKEND" in text
    assert f"sip_registrar = sip:pbx.example: machine file {machine}" in text
    assert "username = hoitaja: command line" in text
    assert "Backend connection: online, logged in as hoitaja" in text
    for secret in ("Salainen", "0401112223", "arkaluonteinen", "demo"):
        assert secret not in text
    assert connection.state.profile is not None
    assert connection.state.profile.username == "hoitaja"
    await client.close()
    await connection.stop()
    window.close()
