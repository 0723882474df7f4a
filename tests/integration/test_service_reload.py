"""SIGHUP reloads the service file: a good one applies while clients wait, a bad one keeps
the running one and the log names the field."""

from __future__ import annotations

import json
import signal
import time
import urllib.request
from pathlib import Path

from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, free_port


def queue_names(backend: BackendProcess) -> dict[str, str]:
    with urllib.request.urlopen(backend.http + "/api/queues", timeout=5) as response:
        body = json.load(response)
    return {q["id"]: q["names"]["fi"] for q in body["queues"]}


def hup_and_wait(backend: BackendProcess, expect_in_log: str) -> None:
    assert backend.proc is not None
    seen = backend.log_path.read_text().count(expect_in_log)
    backend.proc.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while backend.log_path.read_text().count(expect_in_log) == seen:
        assert time.monotonic() < deadline, backend.log_path.read_text()[-2000:]
        time.sleep(0.05)


async def test_sighup_applies_a_good_file_and_keeps_the_old_for_a_bad_one(tmp_path: Path) -> None:
    service = tmp_path / "service.toml"
    original = OPEN_ALWAYS.read_text()
    service.write_text(original)
    backend = BackendProcess(tmp_path, free_port(), service_file=service)
    backend.start()
    try:
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola")
        cid = (await client.expect("started"))["conversation_id"]
        assert queue_names(backend)["neuvola"] == "Äitiys- ja lastenneuvola"

        service.write_text(original.replace("Äitiys- ja lastenneuvola", "Neuvola (uusi nimi)"))
        hup_and_wait(backend, "service file reloaded")
        assert queue_names(backend)["neuvola"] == "Neuvola (uusi nimi)"

        service.write_text(
            original.replace("offer_timeout_s = 3", "offer_timeout_s = -1").replace(
                "Äitiys- ja lastenneuvola", "Ei tätä"
            )
        )
        hup_and_wait(backend, "service file not reloaded")
        assert "routing.offer_timeout_s" in backend.log_path.read_text()
        assert queue_names(backend)["neuvola"] == "Neuvola (uusi nimi)"

        service.write_text(original.replace('id = "mipa"', 'id = "mielenterveys"'))
        hup_and_wait(backend, "restart the backend to apply them")
        assert "mipa" in queue_names(backend)

        # The waiting client noticed nothing: still in line, the backend still serving.
        await client.send(type="leave")
        assert (await client.expect("closed"))["by"] == "client"
        assert backend.proc is not None and backend.proc.poll() is None
        assert backend.query("select id from conversations") == [(cid,)]
        await client.close()
    finally:
        backend.stop()
