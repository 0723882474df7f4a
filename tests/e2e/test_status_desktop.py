"""Her state is what she chose: after a missed offer, F9 and then F10 record the reason she
picks (not "missed offer" again); the hint to set Ready shows only while she is not Ready;
a refusal reaches her as a sentence in Finnish, never as a code."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from protocol.messages import StaffStatus
from tests.e2e.workstation import settle, until, workstation
from tests.helpers import BackendProcess, Peer, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("status")) as b:  # offers lapse after 3 s
        yield b


async def test_not_ready_carries_the_reason_she_picks(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    window, connection = await workstation(qtbot, backend)
    state = connection.state
    assert "Aseta itsesi Valmiiksi" in window.empty.text()  # not Ready: the hint shows
    window.set_status(StaffStatus.READY)
    await until(lambda: state.status is StaffStatus.READY, what="ready")
    await settle()
    assert "Aseta itsesi Valmiiksi" not in window.empty.text()  # Ready: no such hint

    client = await Peer.connect(backend.ws + "/ws/client")
    try:
        await client.send(type="start", queue="neuvola")
        await client.expect("started")
        await until(lambda: window.offer.isVisible(), what="offer")
        # She does not answer: the offer lapses and the service sets her Not ready.
        await until(lambda: state.reason == "missed_offer", timeout=15, what="missed offer")
        await settle()
        assert window.attention.kind == "missed_offer"
        window.grab().save(os.path.join(artifacts, "status-missed-offer.png"))

        window.set_status(StaffStatus.READY)  # F9
        await until(lambda: state.status is StaffStatus.READY, what="ready again")
        # The offer comes back to her; she takes it, then goes on a break with F10.
        await until(lambda: window.offer.isVisible(), what="offer again")
        window.offer.accept_at(0)
        await until(lambda: len(window.panels) == 1, what="chat")
        window.set_status(StaffStatus.NOT_READY)  # F10
        await until(lambda: state.status is StaffStatus.NOT_READY, what="not ready")
        assert state.reason == "break"  # the reason she picks, not "missed_offer" again
        reasons = [window.reason_box.itemData(i) for i in range(window.reason_box.count())]
        assert "missed_offer" not in reasons

        # She picks another reason: that is what is recorded.
        index = window.reason_box.findData("meeting")
        window.reason_box.setCurrentIndex(index)
        window.reason_box.activated.emit(index)
        await until(lambda: state.reason == "meeting", what="meeting")
        window.set_status(StaffStatus.READY)
        await until(lambda: state.status is StaffStatus.READY, what="ready once more")
        window.set_status(StaffStatus.NOT_READY)
        await until(lambda: state.status is StaffStatus.NOT_READY, what="not ready again")
        assert state.reason == "meeting"  # her last pick, remembered

        # A refusal (accepting an offer that is gone) is said in Finnish, with no code.
        await connection.accept("no-such-conversation")
        await until(lambda: bool(window.statusBar().currentMessage()), what="refusal")
        said = window.statusBar().currentMessage()
        assert "not_found" not in said and "conflict" not in said
        assert "yritä" in said.lower() or "näkymä" in said.lower()
    finally:
        await client.close()
