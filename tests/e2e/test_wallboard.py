"""The team room's wallboard in Debian's Chromium: refused without its link, live when a
client starts a chat, no client data on the screen, large enough to read across a room."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.api.wallboard import wallboard_key
from tests.browser import Browser
from tests.helpers import ROOT, Peer, running_backend, staff

pytestmark = pytest.mark.e2e


async def test_wallboard_live_without_client_data(tmp_path: Path, artifacts: str) -> None:
    with running_backend(tmp_path) as backend, Browser() as browser:
        async with httpx.AsyncClient(base_url=backend.http) as http:
            assert (await http.get("/api/wallboard")).status_code == 401
            wrong = {"Authorization": "Bearer not-the-key"}
            assert (await http.get("/api/wallboard", headers=wrong)).status_code == 401
            key = wallboard_key(backend.data_dir)
            ok = await http.get("/api/wallboard", headers={"Authorization": f"Bearer {key}"})
            assert ok.status_code == 200 and ok.headers["cache-control"] == "no-store"
            nurse = await staff(backend.ws, "hoitaja", ready=False)
            await nurse.send(type="logout")
            await nurse.close()
            # A staff session (the desktop's) opens it too: log in, take the token.
            peer = await Peer.connect(backend.ws + "/ws/staff")
            await peer.send(type="login", username="esihenkilo", password="demo")
            token = (await peer.expect("logged_in"))["session_token"]
            by_session = await http.get(
                "/api/wallboard", headers={"Authorization": f"Bearer {token}"}
            )
            assert by_session.status_code == 200
            await peer.close()

        def refused(page: Any) -> str:
            page.goto(backend.http + "/wallboard")
            page.wait_for_selector("#notice:not([hidden])")
            return str(page.inner_text("#notice"))

        assert "Linkki ei ole voimassa" in await browser.run(refused, browser.page)

        def open_board(page: Any) -> int:
            page.set_viewport_size({"width": 1920, "height": 1080})
            page.goto(f"{backend.http}/wallboard#key={key}")
            page.wait_for_selector("tr[data-queue=neuvola]")
            return int(page.inner_text("tr[data-queue=neuvola] td.waiting"))

        assert await browser.run(open_board, browser.page) == 0

        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(
            type="start", queue="neuvola", name="Maija Meikäläinen", phone="0401234567"
        )
        await client.expect("started")

        def waiting_shows(page: Any) -> dict[str, Any]:
            # A selector, not a function: the page's CSP forbids evaluating strings.
            page.wait_for_selector('tr[data-queue=neuvola] td.waiting:text-is("1")', timeout=6000)
            page.screenshot(path=os.path.join(artifacts, "wallboard-fi.png"))
            size = page.eval_on_selector(
                "tr[data-queue=neuvola] td.waiting", "e => parseFloat(getComputedStyle(e).fontSize)"
            )
            name = page.eval_on_selector(
                "tr[data-queue=neuvola] td", "e => parseFloat(getComputedStyle(e).fontSize)"
            )
            bottom = page.eval_on_selector(
                "#rows tr:last-child", "e => e.getBoundingClientRect().bottom"
            )
            return {
                "bottom": bottom,
                "text": page.content(),
                "size": size,
                "name": name,
                "row": page.inner_text("tr[data-queue=neuvola]"),
            }

        shown = await browser.run(waiting_shows, browser.page)
        assert "Maija" not in shown["text"] and "0401234567" not in shown["text"]
        assert "Meikäläinen" not in shown["text"]
        # 1080p at three metres: the figures at least ~70 px, names ~40 px (about 3 cm
        # high on a 55" screen), and every queue on the one screen.
        assert shown["size"] >= 70 and shown["name"] >= 40, shown
        assert shown["bottom"] <= 1080, shown
        assert "Äitiys" in shown["row"] or "neuvola" in shown["row"].lower()

        for lang in ("sv", "en"):

            def other(page: Any, lang: str = lang) -> str:
                page.goto(f"{backend.http}/wallboard?lang={lang}#key={key}")
                page.wait_for_selector("tr[data-queue=neuvola]")
                page.screenshot(path=os.path.join(artifacts, f"wallboard-{lang}.png"))
                return str(page.inner_text("#title"))

            assert (
                await browser.run(other, browser.page)
                == {"sv": "Lägestavla", "en": "Wallboard"}[lang]
            )

        # A new key: the old link stops at its next poll.
        wallboard_key(backend.data_dir, new=True)

        def stops(page: Any) -> str:
            page.wait_for_selector("#notice:not([hidden])", timeout=6000)
            return str(page.inner_text("#notice"))

        assert "link is not valid" in await browser.run(stops, browser.page)
        await client.close()
        await asyncio.sleep(0)


def service_with(queues: int, folder: Path) -> Path:
    """The default service's eight queues, and more chat queues with long names."""
    text = (ROOT / "backend" / "default_service.toml").read_text("utf-8")
    for n in range(queues - 8):
        text += (
            f'\n[[queues]]\nid = "extra{n}"\nchannel = "chat"\nskill = "neuvola"\n'
            f'names = {{ fi = "Lisäjono {n}: perhe- ja kasvatusneuvonnan ajanvaraus", '
            f'sv = "Extra kö {n}: tidsbokning för familje- och uppfostringsrådgivning", '
            f'en = "Extra queue {n}: family and parenting advice bookings" }}\n'
        )
    path = folder / f"service-{queues}.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("queues", [8, 12])
async def test_wallboard_fits_one_screen(tmp_path: Path, artifacts: str, queues: int) -> None:
    with running_backend(tmp_path, service_with(queues, tmp_path)) as backend, Browser() as b:
        key = wallboard_key(backend.data_dir)

        def board(page: Any, lang: str) -> dict[str, Any]:
            page.set_viewport_size({"width": 1920, "height": 1080})
            page.goto(f"{backend.http}/wallboard?lang={lang}#key={key}")
            page.wait_for_selector(f"#rows tr:nth-child({queues})")
            page.screenshot(path=os.path.join(artifacts, f"wallboard-{queues}-{lang}.png"))
            last = page.eval_on_selector(
                "#rows tr:last-child", "e => e.getBoundingClientRect().bottom"
            )
            scrolls = page.eval_on_selector(
                "html", "e => e.scrollHeight > e.clientHeight || e.scrollWidth > e.clientWidth"
            )
            waiting = page.eval_on_selector(
                "#rows td.waiting", "e => parseFloat(getComputedStyle(e).fontSize)"
            )
            return {"bottom": last, "scrolls": scrolls, "waiting": waiting}

        for lang in ("fi", "sv"):
            shown = await b.run(board, b.page, lang)
            # Every row on the one screen, nothing to scroll, the figures still readable
            # across the room (a 1080p screen: at least ~40 px with twelve queues).
            assert shown["bottom"] <= 1080 and not shown["scrolls"], shown
            assert shown["waiting"] >= 40, shown
