"""The client page's HTTP side against a real backend process: the page's settings and
topics, honest estimates, a message or callback request left on the web, feedback after
a chat, the colours and the accessibility statement."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.config import load_service_config
from backend.domain.callbacks import due_at
from tests.helpers import OPEN_ALWAYS, BackendProcess, Peer, running_backend, service_today, staff

SERVICE = (
    OPEN_ALWAYS.read_text("utf-8")
    + """
[web]
organisation = { fi = "Testialue", sv = "Testområdet", en = "Test county" }
privacy_url = "https://example.fi/tietosuoja"
logo = "logo.svg"
phone_number = "09 310 12345"
messages_per_address_per_hour = 6
messages_per_number_per_day = 2
[web.accessibility]
feedback = "saavutettavuus@testialue.fi"
reviewed = 2026-10-15
[[web.accessibility.exceptions]]
fi = "Kuvakaappauksilla ei ole tekstivastinetta."
sv = "Skärmbilder saknar textalternativ."
en = "Screenshots have no text alternative."
"""
)


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40"/></svg>'


@pytest.fixture(scope="module")
def service_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "service.toml"
    path.write_text(SERVICE, "utf-8")
    (path.parent / "logo.svg").write_text(LOGO, "utf-8")
    return path


@pytest.fixture(scope="module")
def backend(
    tmp_path_factory: pytest.TempPathFactory, service_file: Path
) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("web-data"), service_file) as b:
        yield b


async def get(backend: BackendProcess, path: str) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.get(backend.http + path)


async def post(
    backend: BackendProcess, path: str, body: Any, headers: dict[str, str] | None = None
) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(backend.http + path, json=body, headers=headers or {})


async def test_page_lists_only_chat_topics_and_the_phone_lines_as_information(
    backend: BackendProcess,
) -> None:
    page = (await get(backend, "/api/page")).json()
    assert [t["id"] for t in page["topics"]] == ["neuvola", "mipa"]
    assert [p["id"] for p in page["phone_lines"]] == [
        "puh_asiakas",
        "puh_aitiys",
        "puh_lapset",
        "puh_mipa",
    ]
    assert page["phone_lines"][0]["hours"] == {
        "days": [1, 2, 3, 4, 5, 6, 7],
        "window": "00:00-24:00",
    }
    assert page["organisation"]["sv"] == "Testområdet"
    assert page["privacy_url"] == "https://example.fi/tietosuoja"
    assert page["phone_number"] == "09 310 12345"
    assert page["logo"] is True
    logo = await get(backend, "/brand/logo")
    assert logo.status_code == 200 and logo.text == LOGO
    assert logo.headers["content-type"].startswith("image/svg+xml")
    css = (await get(backend, "/brand.css")).text
    assert "--accent: #005a8c" in css and "--accent-text: #ffffff" in css


async def test_no_estimate_while_nobody_is_ready_and_one_when_someone_is(
    backend: BackendProcess,
) -> None:
    page = (await get(backend, "/api/page")).json()
    mipa = next(t for t in page["topics"] if t["id"] == "mipa")
    # Nobody with the skill logged in and Ready: unknown, and a message is offered.
    assert mipa["open_now"] and mipa["estimated_wait_s"] is None and mipa["message"] is True
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="mipa")
    started = await client.expect("started")
    assert started["position"] == 1 and started["estimated_wait_s"] is None
    nurse = await staff(backend.ws, "psyk")
    # Her Ready changes what the waiting client is told, though the place did not change.
    await nurse.expect("offer")
    queued = await client.expect("queue")
    assert queued["position"] == 1 and queued["estimated_wait_s"] == 0
    await client.send(type="leave")
    await client.expect("closed", by="client")
    await nurse.close()
    await client.close()


async def test_a_callback_request_from_the_web_is_checked_stored_and_listed(
    backend: BackendProcess, service_file: Path
) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    bad = await post(
        backend,
        "/api/message",
        {"queue": "neuvola", "number": "12 34", "description": "  "},
    )
    assert bad.status_code == 422
    assert bad.json() == {
        "error": "invalid",
        "fields": {"number": "prefix", "description": "empty"},
    }
    phone_line = await post(
        backend,
        "/api/message",
        {"queue": "puh_asiakas", "number": "040 765 4321", "description": "Hei"},
    )
    assert phone_line.json()["fields"] == {"queue": "unknown"}
    assert (await post(backend, "/api/message", "not an object")).status_code == 400

    good = await post(
        backend,
        "/api/message",
        {"queue": "neuvola", "number": "040 765 4321", "description": "Vauvalla kuumetta"},
    )
    assert good.status_code == 201
    callback_id = good.json()["id"]
    await nurse.send(type="callback_list")
    while True:
        items = (await nurse.expect("callbacks"))["items"]
        item = next((i for i in items if i["id"] == callback_id), None)
        if item is not None:
            break
    assert item["number"] == "+358407654321" and item["queue"] == "neuvola"
    # Due by the same rules as every other callback.
    config = load_service_config(service_file)
    created = datetime.fromisoformat(item["created_at"])
    expected = due_at(created, config.opening_hours("neuvola"), time.fromisoformat("14:00"))
    assert expected is not None
    assert datetime.fromisoformat(item["due_at"]) == expected
    assert datetime.fromisoformat(good.json()["due_at"]) == expected
    # The reason is there when opened (access-logged), not in the list.
    await nurse.send(type="callback_open", callback_id=callback_id)
    opened = await nurse.expect("callback")
    assert opened["reason"] == "Vauvalla kuumetta"
    await nurse.close()
    log = (backend.data_dir / "backend.log").read_text("utf-8")
    assert "765 4321" not in log and "7654321" not in log and "kuumetta" not in log


async def test_a_flood_of_requests_is_limited_per_number_and_per_address(
    backend: BackendProcess,
) -> None:
    body = {"queue": "mipa", "number": "+358 50 111 2222", "description": "Soittakaa"}
    answers = [(await post(backend, "/api/message", body)).status_code for _ in range(3)]
    assert answers == [201, 201, 429]  # two a day for one number
    # One address: six an hour (the test before used one): a script changing numbers
    # gets three more through, then nothing.
    codes = []
    for n in range(8):
        changed = {**body, "number": f"+358 50 333 {n:04d}"}
        codes.append((await post(backend, "/api/message", changed)).status_code)
    assert codes.count(201) == 2 and codes[2:] == [429] * 6
    # The staff side stays quick while the flood is refused.
    assert (await get(backend, "/api/health")).status_code == 200


async def finished_chat(backend: BackendProcess, nurse: Peer) -> tuple[str, str]:
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola")
    started = await client.expect("started")
    offer = await nurse.expect("offer")
    headers = {
        "X-Luukku-Conversation": started["conversation_id"],
        "X-Luukku-Token": started["token"],
    }
    early = await post(backend, "/api/feedback", {"score": 5}, headers)
    assert early.status_code == 409 and early.json()["error"] == "not_ended"
    await nurse.send(type="accept", conversation_id=offer["conversation_id"])
    await client.expect("joined")
    await nurse.send(type="close", conversation_id=offer["conversation_id"], outcome="one_contact")
    await client.expect("closed", by="staff")
    await client.close()
    await nurse.send(type="set_status", status="ready")  # out of wrap-up for the next one
    await nurse.expect("status", status="ready")
    return started["conversation_id"], started["token"]


async def test_feedback_once_per_conversation_and_in_the_supervisors_report(
    backend: BackendProcess,
) -> None:
    nurse = await staff(backend.ws, "hoitaja2")
    cid, token = await finished_chat(backend, nurse)
    headers = {"X-Luukku-Conversation": cid, "X-Luukku-Token": token}
    wrong = await post(
        backend, "/api/feedback", {"score": 5}, {**headers, "X-Luukku-Token": "x" * 32}
    )
    assert wrong.status_code == 404
    assert (await post(backend, "/api/feedback", {}, headers)).json()["error"] == "empty"
    assert (await post(backend, "/api/feedback", {"score": 9}, headers)).json()["error"] == "score"
    assert (await post(backend, "/api/feedback", {"score": True}, headers)).status_code == 400
    # Two answers sent at once (a double click, two tabs): one is stored.
    both = await asyncio.gather(
        post(backend, "/api/feedback", {"score": 4, "comment": "Selkeät ohjeet"}, headers),
        post(backend, "/api/feedback", {"score": 1}, headers),
    )
    assert sorted(r.status_code for r in both) == [201, 409]
    second_cid, second_token = await finished_chat(backend, nurse)
    answer = await post(
        backend,
        "/api/feedback",
        {"score": 2},
        {"X-Luukku-Conversation": second_cid, "X-Luukku-Token": second_token},
    )
    assert answer.status_code == 201
    # Anonymous: the queue and the day, nothing that leads back to the conversation.
    rows = backend.query("SELECT * FROM client_feedback")
    assert len(rows) == 2
    assert not any(cid in map(str, row) or second_cid in map(str, row) for row in rows)
    assert all(len(row) == 5 for row in rows)  # id, queue, day, score, comment

    boss = await staff(backend.ws, "esihenkilo", ready=False)
    today = service_today()
    await boss.send(type="report", first=today, last=today)
    report = await boss.expect("report", timeout=15)
    feedback = report["feedback"]
    assert feedback["answers"] == 2
    stored_first = next(r for r in both if r.status_code == 201)
    first_score = 4 if "comment" in str(stored_first.request.content) else 1
    assert feedback["mean"] == (first_score + 2) / 2
    await boss.close()
    await nurse.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fi",
            ["Saavutettavuusseloste", "osittain", "Kuvakaappauksilla", "15.10.2026", "14 päivän"],
        ),
        ("sv", ["Tillgänglighetsutlåtande", "delvis", "Skärmbilder", "15.10.2026", "Testområdet"]),
        ("en", ["Accessibility statement", "partly", "Screenshots", "2026-10-15", "Test county"]),
    ],
)
async def test_accessibility_statement_from_the_service_file(
    backend: BackendProcess, lang: str, words: list[str]
) -> None:
    page = await get(backend, f"/accessibility?lang={lang}")
    assert page.status_code == 200 and f'<html lang="{lang}">' in page.text
    for word in words:
        assert word in page.text
    assert "mailto:saavutettavuus@testialue.fi" in page.text
    assert "https://example.fi/tietosuoja" in page.text
    assert "saavutettavuusvaatimukset.fi" in page.text
