"""The softphone inside the desktop, against real SIP parties and real (virtual) sound devices.

Kamailio is the registrar, sipp and pjsua2 peer processes are the callers and colleagues,
a private PulseAudio server is the sound card (a pipe sink we listen to, a pipe source we
speak into), and the desktop is wired exactly as ``desktop.app`` wires it. pjsua2 allows one
endpoint per process, so the tests of this file share one softphone and run in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import Options, Phone, _stop_phone, start_phone
from desktop.chat.connection import StaffConnection
from desktop.config import Resolved
from desktop.softphone.devices import DeviceChoice
from desktop.softphone.model import CallState, Outcome, Registration
from desktop.softphone.tones import dominant, peak
from desktop.ui.callbacks import CallbackDialog
from desktop.ui.conversation import CloseDialog, ConversationPanel
from desktop.ui.main_window import MainWindow
from desktop.ui.phone import PhonePanel
from desktop.ui.phone_dialogs import AudioDialog, load_choice, save_choice
from protocol.messages import Outcome as ChatOutcome
from protocol.messages import StaffStatus
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, free_port
from tests.helpers import Peer as ChatClient
from tests.sip.gateway import TOKEN as GATEWAY_TOKEN
from tests.sip.gateway import GatewayProcess
from tests.sip.peers import Kamailio, Peer, free_udp_port, sipp, sipp_result
from tests.sip.pulse import PulseServer
from tests.sip.service_calls import scenario as service_call

pytestmark = [pytest.mark.e2e, pytest.mark.qt, pytest.mark.sip]

REGISTER_SECONDS = 6  # short, so that a registrar restart is noticed within seconds


@pytest.fixture(scope="module")
def pulse() -> Iterator[PulseServer]:
    server = PulseServer()
    server.start()
    # Before Qt Multimedia first looks for devices (it does so lazily).
    os.environ.update(server.env)
    yield server
    server.close()


@pytest.fixture(scope="module")
def kamailio() -> Iterator[Kamailio]:
    k = Kamailio()
    k.start()
    yield k
    k.close()


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    # With a gateway token: the service-number test starts a gateway against it.
    b = BackendProcess(
        tmp_path_factory.mktemp("softphone"),
        free_port(),
        extra_env={"LUUKKU_GATEWAY_TOKEN": GATEWAY_TOKEN},
    )
    b.start()
    try:
        yield b
    finally:
        b.stop()


class Desk:
    def __init__(self, window: MainWindow, connection: StaffConnection, phone: Phone) -> None:
        self.window = window
        self.connection = connection
        self.phone = phone
        assert isinstance(window.phone, PhonePanel)
        self.panel: PhonePanel = window.phone
        self.engine = phone.engine


_DESK: dict[str, Desk] = {}
_PHONE: dict[str, Phone] = {}
SIP_PORT = free_udp_port()


@pytest.fixture(scope="module", autouse=True)
def _stop_desk_at_end() -> Iterator[None]:
    yield
    _DESK.pop("desk", None)
    phone = _PHONE.pop("phone", None)
    if phone is not None:
        # Before the interpreter exits: pjsua2 objects destroyed after libDestroy abort.
        _stop_phone(phone, fast=True)
    # Collect the module's cycles now: left to interpreter shutdown, datetimes parsed by
    # pydantic_core were freed after pydantic_core itself (segfault in its TzInfo dealloc).
    gc.collect()


async def desk(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> Desk:
    """The workstation with its softphone, wired as the app wires it.

    The phone (one pjsua2 endpoint per process) lives for the module; the connection and
    window are new for each test, because the test runner cancels a test's tasks at its end.
    """
    previous = _DESK.pop("desk", None)
    if previous is not None:
        await previous.connection.stop()  # the window went with the previous test's qtbot
        await _hang_up_leftovers(previous.phone)
        return await _window(qtbot, backend, previous.phone)

    settings = {
        "sip_registrar": Resolved(kamailio.address, "test"),
        "sip_user": Resolved("hoitaja", "test"),
        "sip_transport": Resolved("udp", "test"),
        "srtp": Resolved("optional", "test"),
        "sip_register_seconds": Resolved(str(REGISTER_SECONDS), "test"),
        "sip_port": Resolved(str(SIP_PORT), "test"),
    }
    options = Options(
        backend=backend.http,
        username="hoitaja",
        lang="fi",
        demo=False,
        smoke=False,
        settings=settings,
    )
    phone = start_phone(options, "hoitaja")
    _PHONE["phone"] = phone
    return await _window(qtbot, backend, phone)


async def _window(qtbot: QtBot, backend: BackendProcess, phone: Phone) -> Desk:
    window, connection = await workstation(qtbot, backend, "hoitaja", phone)
    window.resize(1400, 800)
    await until(lambda: phone.engine.registration is Registration.REGISTERED, what="registered")
    _DESK["desk"] = Desk(window, connection, phone)
    return _DESK["desk"]


async def wait_sipp(proc: Any, timeout: float = 60) -> tuple[int, str]:
    """Wait for sipp without blocking the Qt loop (the softphone must keep polling)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return sipp_result(proc, timeout=1)


def outcome_form() -> CloseDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, CloseDialog) and w.isVisible()),
        None,
    )


async def _hang_up_leftovers(phone: Phone) -> None:
    """A test that failed half-way leaves its call up; the next test starts without it."""
    for call in phone.engine.live_calls():
        with contextlib.suppress(Exception):
            phone.engine.hangup(call.id)
    await until(lambda: not phone.engine.live_calls(), what="the previous test's calls ended")


def live(state: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in state["calls"] if c["state"] != "ended"]


async def test_registers_and_shows_it(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    assert (
        "valmis" in d.panel.registration.text().lower()
        or "ready" in d.panel.registration.text().lower()
    )
    assert not d.panel.incoming.isVisible()
    assert d.panel.dial_button.isEnabled()


async def test_the_softphone_outlives_its_audio_callbacks(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    """pjmedia calls the bridge port 100 times a second from its clock thread, and the
    wheel's directors drop a reference to None each time: None must be pinned."""
    d = await desk(qtbot, backend, kamailio, pulse)
    port = d.engine.port()
    assert port is not None
    frames = port.frames_in
    await asyncio.sleep(1.0)
    assert port.frames_in - frames >= 40  # the clock runs even with no call
    assert sys.version_info >= (3, 12) or sys.getrefcount(None) > 2**40


async def test_sipp_caller_through_kamailio_answered_from_the_panel(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer, artifacts: str
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    await d.connection.set_status(StaffStatus.READY)
    await until(lambda: d.connection.state.status is StaffStatus.READY, what="ready")
    port = d.engine.port()
    assert port is not None
    frames_before = port.frames_in
    caller = sipp("caller", kamailio.address, service="hoitaja", fields=["neuvola", "75"])
    await until(lambda: d.panel.incoming.isVisible(), timeout=10, what="incoming panel")
    assert d.panel.caller.text().startswith("0401234567")
    assert "Asiakas" in d.panel.caller.text()
    assert d.connection.state.queue_name("neuvola", "fi") in d.panel.line.text()
    assert "1:15" in d.panel.waited.text()
    assert d.phone.audio.ringing
    d.window.grab().save(str(Path(artifacts) / "softphone-ringing.png"))
    qtbot.mouseClick(d.panel.answer_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: d.panel.in_call.isVisible() and not d.panel.incoming.isVisible(), what="in call"
    )
    assert not d.phone.audio.ringing
    # The panel turns to the call at the click; the sound follows when the caller's ACK does.
    await until(lambda: d.phone.audio.active, what="call audio on")
    # The backend knows she is on a call: the meter counts her busy.
    await until(lambda: d.connection.state.on_call, what="on_call reported")
    await until(lambda: "1" in d.panel.dtmf_seen.text(), timeout=15, what="DTMF 1 shown")
    d.window.grab().save(str(Path(artifacts) / "softphone-in-call.png"))
    assert port.frames_in - frames_before > 50, "no audio frames reached the bridge"
    rc, out = await wait_sipp(caller)
    assert rc == 0, out
    await until(lambda: not d.panel.in_call.isVisible(), what="call over")
    entry = d.engine.history.entries[0]
    assert (
        entry.outcome is Outcome.ANSWERED
        and entry.remote == "0401234567"
        and entry.queue == "neuvola"
    )
    assert d.panel.history.count() >= 1 and "0401234567" in d.panel.history.item(0).text()
    # After the call: wrap-up, as after a chat.
    await until(
        lambda: d.connection.state.status is StaffStatus.WRAP_UP, what="wrap-up after the call"
    )
    assert not d.connection.state.on_call


async def test_service_number_caller_is_delivered_answered_and_counted(
    qtbot: QtBot,
    backend: BackendProcess,
    kamailio: Kamailio,
    pulse: PulseServer,
    tmp_path: Path,
    artifacts: str,
) -> None:
    """sipp calls the service number, chooses 2 -> 1; the gateway rings her softphone with
    the line's headers; she answers in the panel; the caller's audio reaches the bridge;
    the caller hangs up; the meter counts an answered call."""
    d = await desk(qtbot, backend, kamailio, pulse)
    gateway = GatewayProcess(backend, tmp_path / "prompts", registrar=kamailio.address)
    gateway.start()
    try:
        await d.connection.set_status(StaffStatus.READY)
        await until(lambda: d.connection.state.status is StaffStatus.READY, what="ready")

        def answered() -> int:
            row = next((f for f in d.connection.state.meter if f.queue == "puh_aitiys"), None)
            return row.answered_today if row is not None else -1

        await until(lambda: answered() >= 0, what="phone line on her meter")
        before = answered()
        port = d.engine.port()
        assert port is not None
        frames_before = port.frames_in
        steps: list[tuple[str, ...]] = [
            ("pause", 1500),
            ("dtmf", "2"),
            ("pause", 1000),
            ("info", "1"),
            ("pause", 6000),
            ("audio",),
            ("pause", 6000),
        ]
        caller = sipp(service_call(tmp_path, steps), gateway.target, service="service")
        await until(lambda: d.panel.incoming.isVisible(), timeout=30, what="ringing")
        assert d.connection.state.queue_name("puh_aitiys", "fi") in d.panel.line.text()
        assert d.panel.caller.text().startswith("0401234567")  # the caller, not "service"
        qtbot.mouseClick(d.panel.answer_button, Qt.MouseButton.LeftButton)
        await until(lambda: d.panel.in_call.isVisible(), what="in call")
        await until(
            lambda: port.frames_in - frames_before > 50, timeout=15, what="audio at the bridge"
        )
        # The line's hand-offs in the call panel; the identity link cannot serve a call.
        assert d.panel.links.isVisible()
        buttons = {b.objectName(): b for b in d.panel.link_buttons}
        assert buttons["callHandoff-booking"].isEnabled()
        assert not buttons["callHandoff-record"].isEnabled()
        assert "Suomi.fi" in buttons["callHandoff-record"].toolTip()
        d.window.grab().save(str(Path(artifacts) / "service-number-in-call.png"))
        rc, out = await wait_sipp(caller)
        assert rc == 0, out
        await until(lambda: not d.panel.in_call.isVisible(), what="call over")
        await until(lambda: answered() == before + 1, timeout=10, what="meter counts it")
        rows = backend.query(
            "SELECT queue, outcome, answered_by FROM phone_calls ORDER BY arrived_at DESC LIMIT 1"
        )
        assert rows == [("puh_aitiys", "answered", "hoitaja")]
        # Her wrap-up asks the call's outcome, as a chat's: nothing chosen for her.
        await until(lambda: outcome_form() is not None, what="the call's outcome form")
        form = outcome_form()
        assert form is not None and form.group.checkedButton() is None
        assert not form.ok.isEnabled()
        form.radios[ChatOutcome.APPOINTMENT].setChecked(True)
        qtbot.keyClicks(form.note, "Aika varattu")
        form.ok.click()
        await until(
            lambda: (
                backend.query(
                    "SELECT handling_outcome, wrap_up FROM phone_calls "
                    "ORDER BY arrived_at DESC LIMIT 1"
                )
                == [("appointment", "Aika varattu")]
            ),
            what="the outcome stored with the call",
        )
        # Her record entry of the call is on the clipboard, and its copy access-logged.
        entry = QGuiApplication.clipboard().text()
        assert "puhelin" in entry and "Aika varattu" in entry
        call_id = backend.query("SELECT id FROM phone_calls ORDER BY arrived_at DESC LIMIT 1")
        await until(
            lambda: (
                backend.query(
                    "SELECT action FROM access_log WHERE conversation_id = ?", call_id[0][0]
                )
                == [("record_copy",)]
            ),
            what="the copy in the access log",
        )
    finally:
        gateway.stop()


async def test_tone_from_the_caller_reaches_the_headset_and_the_microphone_reaches_the_caller(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    client = Peer()
    try:
        await client.register(kamailio.address, "asiakas")
        client.send("tone", hz=1000)
        pulse.microphone.hz = 600
        client.send("dial", target="hoitaja")
        await until(lambda: d.panel.incoming.isVisible(), what="ringing")
        d.panel.answer()
        await client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        await asyncio.sleep(2.0)
        hz, share = dominant(pulse.heard(1000), [600.0, 1000.0, 425.0])
        assert (hz, share > 0.8) == (1000.0, True), (hz, share)
        # At the level the caller sent (0.3 of full scale) from the first moment, without a
        # hole: Speex, pjsua's first choice, clipped a steady tone at full scale for most
        # of a second and then dropped to near silence for some 400 ms.
        since_answer = pulse.heard(2000)
        assert peak(since_answer) < 0.5 * 32767
        step = len(since_answer) // 20  # 100 ms
        quietest = min(
            peak(since_answer[i : i + 2 * step]) for i in range(0, len(since_answer) - step, step)
        )
        assert quietest > 3000, quietest
        heard = client.send("hear", candidates=[600, 1000], ms=1000)
        assert heard["hz"] == 600 and heard["share"] > 0.8 and heard["rms"] > 500, heard
        # Mute: the caller hears silence, not her microphone.
        d.panel.mute_button.click()
        await asyncio.sleep(0.6)
        assert client.send("hear", candidates=[600, 1000], ms=400)["rms"] < 100
        d.panel.mute_button.click()
        d.panel.hangup()
        await client.until(lambda s: not live(s))
    finally:
        pulse.microphone.hz = 0
        client.close()


async def accept_chat(d: Desk, chat_client: ChatClient, name: str, phone: str) -> ConversationPanel:
    """A client starts a chat leaving a number; she is Ready and accepts it: its panel."""
    await d.connection.set_status(StaffStatus.READY)
    await chat_client.send(type="start", queue="neuvola", name=name, phone=phone)
    await chat_client.expect("started")
    await until(lambda: d.window.offer.isVisible(), what="offer")
    d.window.offer.accept_button.click()
    await until(lambda: len(d.window.panels) == 1, what="conversation")
    return next(iter(d.window.panels.values()))


async def test_call_back_from_a_chat_and_send_keys(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    """The client left a number in the chat: one click calls it; the keypad sends DTMF."""
    d = await desk(qtbot, backend, kamailio, pulse)
    phone_of_client = Peer()
    chat_client = await ChatClient.connect(backend.ws + "/ws/client")
    try:
        await phone_of_client.register(kamailio.address, "0401234567")
        phone_of_client.send("auto_answer", on=True)
        conversation = await accept_chat(d, chat_client, "Maija", "040 123 4567")
        assert conversation.call_button.isVisible() and conversation.call_button.isEnabled()
        qtbot.mouseClick(conversation.call_button, Qt.MouseButton.LeftButton)
        await phone_of_client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        assert d.engine.calls[d.phone.softphone.current() or -1].remote == "0401234567"
        d.panel.keypad_button.click()
        for key in ("key_5", "key_hash"):
            button = d.panel.keypad.findChild(QPushButton, key)
            assert button is not None
            button.click()
        await phone_of_client.until(lambda s: any(c["dtmf"] == "5#" for c in s["calls"]))
        d.panel.hangup()
        await phone_of_client.until(lambda s: not live(s))
        # The headset button answers even while she is typing in the chat.
        d.window.activateWindow()
        conversation.input.setFocus()
        phone_of_client.send("dial", target="hoitaja")
        await until(lambda: d.panel.incoming.isVisible(), what="ringing while typing")
        QTest.keyClick(conversation.input, Qt.Key.Key_ToggleCallHangup)
        await phone_of_client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        d.panel.hangup()
        await phone_of_client.until(lambda s: not live(s))
        await d.connection.close_chat(conversation.conversation_id, ChatOutcome.ONE_CONTACT, "")
        await until(lambda: not d.window.panels, what="chat closed")
    finally:
        phone_of_client.close()
        await chat_client.close()


async def test_callback_left_in_a_chat_is_called_back_and_done(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    phone_of_client = Peer()
    chat_client = await ChatClient.connect(backend.ws + "/ws/client")
    try:
        await phone_of_client.register(kamailio.address, "0409876543")
        phone_of_client.send("auto_answer", on=True)
        conversation = await accept_chat(d, chat_client, "Kaisa", "040 987 6543")
        conversation.callback_button.click()
        await until(lambda: d.window.findChildren(CallbackDialog), what="callback dialog")
        dialog = d.window.findChildren(CallbackDialog)[0]
        assert dialog.number.text() == "040 987 6543"  # from the chat
        assert dialog.queue.currentData() == "neuvola"
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and "Kirjoita" in dialog.error.text()  # no reason yet
        dialog.reason.insertPlainText("Kysyy rokotuksista, soita ennen klo 14")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        await until(lambda: len(d.connection.state.callbacks.items) == 1, what="listed")
        view = d.window.callbacks
        d.window.sections.setCurrentWidget(view)
        assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "040 987 6543"
        view.table.selectRow(0)
        await until(lambda: "rokotuksista" in view.detail.text(), what="reason shown")
        view.call_button.click()
        await phone_of_client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        d.panel.hangup()
        await phone_of_client.until(lambda s: not live(s))
        view.note.setText("ei vastannut, yritetään uudelleen")
        view.outcome_buttons["no_answer"].click()
        await until(
            lambda: d.connection.state.callbacks.items[0].failed_attempts == 1, what="attempt"
        )
        view.table.selectRow(0)
        view.outcome_buttons["done"].click()
        await until(lambda: not d.connection.state.callbacks.items, what="done, off the list")
        assert view.table.rowCount() == 0
        await d.connection.close_chat(conversation.conversation_id, ChatOutcome.CALLBACK, "")
        await until(lambda: not d.window.panels, what="chat closed")
    finally:
        phone_of_client.close()
        await chat_client.close()


async def test_outgoing_call_hold_and_resume_seen_by_sipp(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    uas_port = free_udp_port()
    uas = sipp("uas_hold", "", port=uas_port, extra=["-rtp_echo"])
    await asyncio.sleep(0.3)
    d.panel.number.setText(f"sip:kuuntelija@127.0.0.1:{uas_port}")
    qtbot.mouseClick(d.panel.dial_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: any(c.state is CallState.ACTIVE for c in d.engine.calls.values()), what="answered"
    )
    d.panel.hold_button.click()
    await until(
        lambda: any(c.state is CallState.HELD for c in d.engine.calls.values()), what="held"
    )
    assert "pidossa" in d.panel.call_info.text().lower()
    d.panel.hold_button.click()
    await until(
        lambda: any(c.state is CallState.ACTIVE for c in d.engine.calls.values()), what="resumed"
    )
    d.panel.hangup()
    rc, out = await wait_sipp(uas, 20)
    assert rc == 0, out  # sipp checked a=sendonly then a=sendrecv


async def test_blind_transfer_to_a_second_sipp(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    client = Peer()
    target_port = free_udp_port()
    target = sipp("uas", "", port=target_port)
    try:
        await client.register(kamailio.address, "asiakas2")
        client.send("auto_answer", on=True)
        d.panel.dial("asiakas2")
        await until(
            lambda: any(c.state is CallState.ACTIVE for c in d.engine.calls.values()),
            what="connected",
        )
        current = d.phone.softphone.current()
        assert current is not None
        d.engine.transfer(current, f"sip:vastaanotto@127.0.0.1:{target_port}")
        # The client's phone accepted the REFER and called the target; we dropped out.
        state = await client.until(
            lambda s: any(
                c["state"] == "active" and c["remote"] == "vastaanotto" for c in s["calls"]
            ),
        )
        await until(lambda: not d.engine.live_calls(), what="we left the call")
        assert any(c.end_reason == "transferred" for c in d.engine.calls.values())
        call = next(
            c for c in state["calls"] if c["remote"] == "vastaanotto" and c["state"] == "active"
        )
        client.send("hangup", handle=call["id"])
        rc, out = await wait_sipp(target, 15)
        assert rc == 0, out
    finally:
        client.close()


async def test_attended_transfer_between_three_parties(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    client, doctor = Peer(), Peer()
    try:
        await client.register(kamailio.address, "asiakas3")
        await doctor.register(kamailio.address, "laakari")
        for peer in (client, doctor):
            peer.send("auto_answer", on=True)
        client.send("tone", hz=1000)
        doctor.send("tone", hz=600)
        d.panel.dial("asiakas3")
        await until(
            lambda: any(c.state is CallState.ACTIVE for c in d.engine.calls.values()), what="client"
        )
        first = d.phone.softphone.current()
        assert first is not None
        consult = d.engine.consult(first, "laakari")
        await until(
            lambda: d.engine.calls[consult].state is CallState.ACTIVE, what="doctor answered"
        )
        assert d.engine.calls[first].state is CallState.HELD
        await until(
            lambda: d.panel.complete_button.isVisible() and d.panel.complete_button.isEnabled(),
            what="button",
        )
        d.panel.complete_button.click()
        await until(lambda: not d.engine.live_calls(), timeout=15, what="nurse out of both calls")
        # The client now talks with the doctor: each hears the other's tone.
        await client.until(lambda s: len(live(s)) == 1 and live(s)[0]["state"] == "active")
        await doctor.until(lambda s: len(live(s)) == 1 and live(s)[0]["state"] == "active")
        await asyncio.sleep(1.5)
        assert client.send("hear", candidates=[600, 1000], ms=800)["hz"] == 600
        assert doctor.send("hear", candidates=[600, 1000], ms=800)["hz"] == 1000
    finally:
        client.close()
        doctor.close()


async def test_headset_button_answers_and_hangs_up(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    client = Peer()
    try:
        await client.register(kamailio.address, "asiakas4")
        client.send("dial", target="hoitaja")
        await until(lambda: d.panel.incoming.isVisible(), what="ringing")
        d.window.activateWindow()
        QTest.keyClick(d.window, Qt.Key.Key_ToggleCallHangup)
        await client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        QTest.keyClick(d.window, Qt.Key.Key_ToggleCallHangup)
        await client.until(lambda s: not live(s))
    finally:
        client.close()


async def test_chosen_devices_are_kept_for_the_next_start(
    qtbot: QtBot,
    backend: BackendProcess,
    kamailio: Kamailio,
    pulse: PulseServer,
    tmp_path: Path,
) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    d = await desk(qtbot, backend, kamailio, pulse)
    dialog = AudioDialog(d.phone.audio.choice, d.panel)
    qtbot.addWidget(dialog)
    labels = [dialog.speaker.itemText(i) for i in range(dialog.speaker.count())]
    assert labels[0] == "Järjestelmän oletus" and "headset" in labels
    dialog.speaker.setCurrentIndex(labels.index("headset"))
    dialog.microphone.setCurrentIndex(1)  # the virtual headset microphone
    chosen = dialog.choice()
    save_choice(chosen)
    assert chosen.speaker and chosen.microphone and not chosen.ringer
    # What the next start of the app reads (start_phone calls load_choice()).
    assert load_choice() == chosen


async def test_unplugged_headset_falls_back_and_is_offered_back(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    """Her chosen USB headset is unplugged mid-call: the call goes on on the default device
    and she is told; plugged back, she is offered (without a modal dialog) to switch back."""
    d = await desk(qtbot, backend, kamailio, pulse)
    module = pulse.plug("usb_headset")
    audio = d.phone.audio
    await until(lambda: "usb_headset" in audio._presence()[1], what="plugged")
    audio.choose(DeviceChoice(speaker="usb_headset"))
    fell: list[str] = []
    audio.fell_back.connect(fell.append)
    client = Peer()
    try:
        await client.register(kamailio.address, "asiakas5")
        client.send("tone", hz=1000)
        client.send("dial", target="hoitaja")
        await until(lambda: d.panel.incoming.isVisible(), what="ringing")
        d.panel.answer()
        await client.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        await asyncio.sleep(1.0)

        def on_test_headset() -> bool:
            return dominant(pulse.heard(500), [600.0, 1000.0]) == (1000.0, pytest.approx(1, 0.1))

        assert not on_test_headset()  # it plays on the USB headset
        pulse.unplug(module)
        await until(lambda: fell == ["speaker"], what="fell back")
        assert "oletuslaitetta" in d.panel.message.text()
        await until(on_test_headset, what="the call heard on the default device")
        assert any(c.state is CallState.ACTIVE for c in d.engine.calls.values())
        module = pulse.plug("usb_headset")
        await until(lambda: d.panel.switch_back_bar.isVisible(), what="offered back")
        assert "kaiutin" in d.panel.switch_back_text.text()
        d.panel.switch_back_button.click()
        await until(lambda: not on_test_headset(), what="back on the USB headset")
        assert not d.panel.switch_back_bar.isVisible()
        d.panel.hangup()
        await client.until(lambda s: not live(s))
        pulse.unplug(module)
    finally:
        audio.choose(DeviceChoice())
        client.close()


async def test_hostile_sip_never_crashes_the_app(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    d = await desk(qtbot, backend, kamailio, pulse)
    direct = f"127.0.0.1:{SIP_PORT}"
    for scenario in ("bad_sdp", "unknown_codec"):
        rc, out = await wait_sipp(sipp(scenario, direct, service="hoitaja"), 20)
        assert rc == 0, (scenario, out)
    # CANCEL races: a caller who hangs up the instant it starts ringing, three times over
    # (a pjsua2 caller keeps the slot of a call cancelled this early: four is its limit).
    client = Peer()
    try:
        await client.register(kamailio.address, "kiireinen")
        for round_ in range(1, 4):
            handle = client.send("dial", target="hoitaja")["result"]
            with contextlib.suppress(RuntimeError):  # refused before we could cancel: fine
                client.send("hangup", handle=handle)
            await client.until(lambda s, n=round_: not live(s) and len(s["calls"]) == n)
    finally:
        client.close()
    # A flood: 200 INVITEs at 100 a second, none of which can be answered.
    flood = sipp(
        "unknown_codec", direct, service="hoitaja", calls=200, rate=100, extra=["-l", "50"]
    )
    rc, out = await wait_sipp(flood, 40)
    assert rc == 0, out
    await until(lambda: not d.engine.live_calls(), what="nothing left ringing")
    assert not d.panel.incoming.isVisible()
    # Still a working phone: a normal call goes through.
    caller = sipp("caller", kamailio.address, service="hoitaja", fields=["neuvola", "3"])
    await until(lambda: d.panel.incoming.isVisible(), what="ringing after the flood")
    d.panel.answer()
    rc, out = await wait_sipp(caller)
    assert rc == 0, out


async def test_registrar_restart_reregisters_by_itself(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    """Kamailio restarts and forgets every location: the next refresh puts her back.

    (A registrar that stays unreachable shows as "no connection, retrying" only after
    SIP's 32 s transaction timeout; that state's text is covered in the unit tests.)
    """
    d = await desk(qtbot, backend, kamailio, pulse)
    kamailio.stop()
    kamailio.start()  # empty location table: unknown until we register again
    before = d.engine.stats.registrations
    await until(
        lambda: d.engine.stats.registrations > before, timeout=REGISTER_SECONDS * 3, what="refresh"
    )
    assert d.engine.registration is Registration.REGISTERED
    # Reachable again through the registrar without anyone touching the app.
    caller = sipp("caller", kamailio.address, service="hoitaja", fields=["neuvola", "1"])
    await until(lambda: d.panel.incoming.isVisible(), what="ringing after restart")
    d.panel.decline_button.click()
    rc, _out = await wait_sipp(caller, 10)
    assert rc != 0  # declined with 486, where sipp expected a 200
    assert d.engine.history.entries[0].outcome is Outcome.MISSED


async def test_lost_registrar_is_shown_and_recovered_without_her(
    qtbot: QtBot, backend: BackendProcess, kamailio: Kamailio, pulse: PulseServer
) -> None:
    """Network loss: the registrar does not answer at all. The phone says so once SIP's
    transaction timeout (32 s) has passed, and registers again by itself when it is back."""
    d = await desk(qtbot, backend, kamailio, pulse)
    kamailio.stop()
    await until(lambda: d.engine.registration is Registration.FAILED, timeout=50, what="noticed")
    assert "ei yhteyttä puhelinpalvelimeen" in d.panel.registration.text()
    assert not d.panel.dial_button.isEnabled()
    kamailio.start()
    await until(lambda: d.engine.registration is Registration.REGISTERED, timeout=20, what="back")
    assert d.panel.dial_button.isEnabled()


async def test_mandatory_srtp_encrypts_or_refuses(kamailio: Kamailio) -> None:
    """SRTP (SDES) as IT may require it: two phones that both insist talk (and hear each
    other); a phone without SRTP is refused with an error, not a silent plain call."""
    strict, also_strict, plain = Peer(), Peer(), Peer()
    try:
        await strict.register(kamailio.address, "srtp1", srtp="mandatory")
        await also_strict.register(kamailio.address, "srtp2", srtp="mandatory")
        await plain.register(kamailio.address, "plain", srtp="disabled")
        also_strict.send("auto_answer", on=True)
        plain.send("auto_answer", on=True)
        also_strict.send("tone", hz=600)
        strict.send("dial", target="srtp2")
        await strict.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
        await asyncio.sleep(1.0)
        assert strict.send("hear", candidates=[600, 1000], ms=500)["hz"] == 600
        handle = strict.send("dial", target="plain")["result"]
        state = await strict.until(
            lambda s: any(c["id"] == handle and c["state"] == "ended" for c in s["calls"])
        )
        refused = next(c for c in state["calls"] if c["id"] == handle)
        assert refused["reason"].startswith(("488", "406")), refused
    finally:
        for peer in (strict, also_strict, plain):
            peer.close()


async def test_tcp_and_verified_tls_transports(tmp_path: Path) -> None:
    """The same phone over TCP and over TLS (the registrar's certificate checked against
    the CA IT configures); a registrar whose certificate does not chain to it is refused."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    chain, key, ca_file, wrong = (tmp_path / n for n in ("c.pem", "k.pem", "ca.pem", "x.pem"))
    cert.cert_chain_pems[0].write_to_path(str(chain))
    cert.private_key_pem.write_to_path(str(key))
    ca.cert_pem.write_to_path(str(ca_file))
    trustme.CA().cert_pem.write_to_path(str(wrong))
    registrar = Kamailio(tls_cert=(chain, key))
    registrar.start()
    peers = [Peer() for _ in range(5)]
    try:
        for transport, address, extra in (
            ("tcp", registrar.address, {}),
            ("tls", registrar.tls_address, {"tls_ca": str(ca_file)}),
        ):
            nurse, client = peers.pop(), peers.pop()
            await nurse.register(address, f"nurse-{transport}", transport=transport, **extra)
            await client.register(address, f"client-{transport}", transport=transport, **extra)
            nurse.send("auto_answer", on=True)
            client.send("tone", hz=1000)
            client.send("dial", target=f"nurse-{transport}")
            await nurse.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
            await asyncio.sleep(1.0)
            assert nurse.send("hear", candidates=[600, 1000], ms=500)["hz"] == 1000, transport
            nurse.close()
            client.close()
        impostor_check = peers.pop()
        impostor_check.start(registrar.tls_address, "mallory", transport="tls", tls_ca=str(wrong))
        await impostor_check.until(lambda s: s["registration"] == "failed")
        impostor_check.close()
    finally:
        for peer in peers:
            peer.close()
        registrar.close()


# Last in the file: it runs the service number's gateway and leaves her Not ready.
async def test_no_call_is_delivered_while_she_answers_a_chat_unless_her_profile_allows(
    qtbot: QtBot,
    backend: BackendProcess,
    kamailio: Kamailio,
    pulse: PulseServer,
    tmp_path: Path,
) -> None:
    """The chat responder is not the phone nurse at the same moment: with a chat in hand
    (default profile) a queued caller is not put through to her; once the chat is closed
    and she is Ready, it is. A profile that allows both gets the call beside the chat."""
    gateway = GatewayProcess(backend, tmp_path / "prompts", registrar=kamailio.address)
    gateway.start()
    chat_client = await ChatClient.connect(backend.ws + "/ws/client")
    steps: list[tuple[str, ...]] = [
        ("pause", 1500),
        ("dtmf", "2"),
        ("pause", 1000),
        ("info", "1"),
        ("pause", 25000),
    ]
    try:
        backend.execute(
            "UPDATE staff_users SET phone_while_chat = ? WHERE username = 'hoitaja'", False
        )
        d = await desk(qtbot, backend, kamailio, pulse)
        conversation = await accept_chat(d, chat_client, "Pia", "040 555 0000")

        def waiting() -> int:
            row = next((f for f in d.connection.state.meter if f.queue == "puh_aitiys"), None)
            return row.waiting if row is not None else 0

        caller = sipp(service_call(tmp_path, steps), gateway.target, service="service")
        await until(lambda: waiting() == 1, timeout=20, what="caller queued")
        await asyncio.sleep(4)  # several routing rounds: she is Ready, with a free chat slot
        assert not d.panel.incoming.isVisible()
        assert d.connection.state.status is StaffStatus.READY
        await d.connection.close_chat(conversation.conversation_id, ChatOutcome.OTHER, "")
        await until(lambda: d.connection.state.status is StaffStatus.WRAP_UP, what="wrap-up")
        d.window.set_status(StaffStatus.READY)  # what F9 does
        await until(lambda: d.panel.incoming.isVisible(), timeout=10, what="call delivered")
        d.panel.decline_button.click()
        rc, out = await wait_sipp(caller, timeout=40)
        assert rc in (0, 1), out

        # Her profile allows a call beside a chat: delivered while the chat is open.
        backend.execute(
            "UPDATE staff_users SET phone_while_chat = ? WHERE username = 'hoitaja'", True
        )
        await until(lambda: not d.panel.incoming.isVisible(), what="previous call gone")
        d = await desk(qtbot, backend, kamailio, pulse)  # a new log-in reads the profile
        await until(lambda: d.connection.state.profile is not None, what="logged in")
        await d.connection.set_status(StaffStatus.READY)
        second = await ChatClient.connect(backend.ws + "/ws/client")
        conversation = await accept_chat(d, second, "Ulla", "040 555 0001")
        caller = sipp(service_call(tmp_path, steps), gateway.target, service="service")
        await until(lambda: d.panel.incoming.isVisible(), timeout=20, what="call beside a chat")
        d.panel.decline_button.click()
        await wait_sipp(caller, timeout=40)
        await d.connection.close_chat(conversation.conversation_id, ChatOutcome.OTHER, "")
        await second.close()
    finally:
        backend.execute(
            "UPDATE staff_users SET phone_while_chat = ? WHERE username = 'hoitaja'", False
        )
        gateway.stop()
        await chat_client.close()
        # Leave no call, chat or ringing behind for whatever runs next.
        await until(lambda: not _DESK["desk"].engine.live_calls(), timeout=15, what="calls gone")
