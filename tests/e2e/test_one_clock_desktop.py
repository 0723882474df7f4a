"""One clock: on a workstation whose clock is UTC (a VDI, a fresh image), every time she
reads is in the service's zone, as the client's page, the wallboard and the reports show
it: a chat line's time, the meter's "updated", a callback's due time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.texts import ServiceClock
from protocol.messages import StaffStatus
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, Peer, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]
SERVICE = ZoneInfo("Europe/Helsinki")  # tests/data/open_always.toml


@pytest.fixture
def utc_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    assert datetime.now().astimezone().utcoffset() == timedelta(0)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("clock")) as b:
        yield b


def minutes_around(zone: ZoneInfo | type[UTC], fmt: str = "%H:%M") -> set[str]:
    now = datetime.now(UTC)
    return {(now + timedelta(minutes=d)).astimezone(zone).strftime(fmt) for d in (-1, 0, 1)}


async def test_a_utc_workstation_shows_the_services_time(
    utc_machine: None, qtbot: QtBot, backend: BackendProcess
) -> None:
    window, connection = await workstation(qtbot, backend)
    assert ServiceClock.zone == SERVICE
    window.set_status(StaffStatus.READY)
    await until(lambda: connection.state.status is StaffStatus.READY, what="ready")
    client = await Peer.connect(backend.ws + "/ws/client")
    try:
        await client.send(type="start", queue="neuvola")
        await client.expect("started")
        await client.send(type="message", client_msg_id="m1", text="Hei")
        await until(lambda: window.offer.isVisible(), what="offer")
        window.offer.accept_at(0)
        await until(lambda: len(window.panels) == 1, what="chat")
        panel = next(iter(window.panels.values()))
        await until(lambda: "Hei" in panel.transcript.toPlainText(), what="the client's line")
        shown = panel.transcript.toPlainText()
        service, utc = minutes_around(SERVICE), minutes_around(UTC)
        assert service.isdisjoint(utc)  # two hours apart in December, one in summer
        assert any(t in shown for t in service), shown
        assert not any(t in shown for t in utc), shown
        await until(lambda: bool(window.meter_note.text()), what="meter time")
        updated = window.meter_note.text()[-8:-3]  # "Päivitetty 14:05:09" -> "14:05"
        assert updated in minutes_around(SERVICE), window.meter_note.text()
    finally:
        await client.close()
