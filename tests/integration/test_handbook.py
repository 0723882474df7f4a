"""The handbook over the real staff socket, against a backend seeded with the demo pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import BackendProcess, Peer, running_backend, staff


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("handbook")) as b:
        yield b


async def search(peer: Peer, query: str) -> list[str]:
    await peer.send(type="handbook_search", query=query, request_id=7)
    results = await peer.expect("handbook_results", request_id=7)
    return [hit["id"] for hit in results["hits"]]


async def test_inflected_finnish_search(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    assert "ajanvaraus-lastenneuvola" in await search(nurse, "ajanvarauksen")
    assert "ajanvaraus-lastenneuvola" in await search(nurse, "lastenneuvolaan")
    assert "ohjaus-sosiaalipalveluihin" in await search(nurse, "sosiaalipalvelut suostumuksella")
    assert await search(nurse, "kvanttifysiikka") == []
    assert await search(nurse, '"; DROP TABLE handbook_pages; --') == []
    await nurse.close()


async def test_change_notices_follow_each_reader(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    editor = await staff(backend.ws, "hoitaja2", ready=False)
    await nurse.send(type="handbook_open", page_id="mipa-ohjaus")
    page = (await nurse.expect("handbook_page"))["page"]
    await nurse.send(type="handbook_index")
    index = {p["id"]: p for p in (await nurse.expect("handbook_index"))["pages"]}
    assert index["mipa-ohjaus"]["unread"] is False
    assert index["ehkaisyneuvonta"]["unread"] is True  # never opened

    await editor.send(
        type="handbook_save",
        page_id="mipa-ohjaus",
        base_version=page["version"],
        area=page["area"],
        title=page["title"],
        body=page["body"] + "\n\nUusi rivi.",
        queues=page["queues"],
        summary="kriisipuhelin tarkistettu",
        important=True,
    )
    saved = await editor.expect("handbook_saved", page_id="mipa-ohjaus")
    changed = await nurse.expect("handbook_changed", page_id="mipa-ohjaus")
    assert changed["important"] is True and changed["author"] == "hoitaja2"
    await nurse.send(type="handbook_index")
    index = {p["id"]: p for p in (await nurse.expect("handbook_index"))["pages"]}
    assert index["mipa-ohjaus"]["unread"] is True and index["mipa-ohjaus"]["important"] is True
    await nurse.send(type="handbook_open", page_id="mipa-ohjaus")
    opened = await nurse.expect("handbook_page")
    assert opened["read_before"] == page["version"]
    assert opened["page"]["version"] == saved["version"] == page["version"] + 1
    await nurse.send(type="handbook_history", page_id="mipa-ohjaus")
    history = (await nurse.expect("handbook_history"))["versions"]
    assert [v["summary"] for v in history][:2] == ["kriisipuhelin tarkistettu", "imported"]
    for peer in (nurse, editor):
        await peer.close()


async def test_only_editors_write(backend: BackendProcess) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    frames: list[dict[str, Any]] = [
        {
            "type": "handbook_save",
            "page_id": "uusi-sivu",
            "base_version": 0,
            "area": "X",
            "title": "X",
            "body": "x",
        },
        {"type": "handbook_restore", "page_id": "mipa-ohjaus", "version": 1, "base_version": 1},
    ]
    for frame in frames:
        await nurse.send(**frame)
        assert (await nurse.expect("error"))["code"] == "forbidden"
    await nurse.send(type="handbook_open", page_id="uusi-sivu")
    assert (await nurse.expect("error"))["code"] == "not_found"
    await nurse.close()


async def test_two_editors_saving_one_page_conflict_and_restore(backend: BackendProcess) -> None:
    first = await staff(backend.ws, "hoitaja2", ready=False)
    second = await staff(backend.ws, "esihenkilo", ready=False)
    await first.send(type="handbook_open", page_id="ehkaisyneuvonta")
    page = (await first.expect("handbook_page"))["page"]
    common = {
        "page_id": "ehkaisyneuvonta",
        "base_version": page["version"],
        "area": page["area"],
        "title": page["title"],
    }
    await first.send(type="handbook_save", body="Ensimmäisen muokkaus", **common)
    await first.expect("handbook_saved")
    await second.send(type="handbook_save", body="Toisen muokkaus", **common)
    error = await second.expect("error")
    assert error["code"] == "conflict" and error["ref"] == "ehkaisyneuvonta"

    await second.send(
        type="handbook_restore",
        page_id="ehkaisyneuvonta",
        version=page["version"],
        base_version=page["version"] + 1,
    )
    restored = await second.expect("handbook_saved")
    await second.send(type="handbook_open", page_id="ehkaisyneuvonta")
    now = (await second.expect("handbook_page"))["page"]
    assert now["version"] == restored["version"] == page["version"] + 2
    assert now["body"] == page["body"]
    for peer in (first, second):
        await peer.close()
