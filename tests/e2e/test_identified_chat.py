"""Identified chat end to end: Debian's Chromium on the client's page, a real SAML identity
provider process (pysaml2's, ``tests/saml_idp.py``) standing in for Suomi.fi, the backend
as the service provider, and a nurse's desktop. The name and identity code reach only the
professional who opens the conversation (access-logged), never the offer, a log line or
the page of anyone else; single logout works both ways; a tampered, unsigned or too weak
answer is refused; a topic that requires identification cannot be started without it."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from protocol.messages import StaffStatus
from tests.browser import Browser, axe_violations
from tests.e2e.workstation import until, workstation
from tests.helpers import Peer
from tests.suomifi_setup import Identification, identification

pytestmark = [pytest.mark.e2e, pytest.mark.qt]

MAIJA = ("Maija Meikäläinen", "010190-900P")


def identify(page: Any, base: str, queue: str, mode: str = "ok", person: str = "maija") -> str:
    """On the page: pick the topic, "Identify", and at the IdP, who and how it answers."""
    page.goto(base + "/?lang=fi")
    page.check(f"input[name=queue][value={queue}]")
    page.click("#identify-button")
    page.wait_for_selector("#identify")  # the IdP's button
    page.select_option("#person", person)
    page.select_option("#mode", mode)
    page.click("#identify")
    page.wait_for_url(base + "/**")
    page.wait_for_function("() => !location.hash")
    return str(page.url)


async def test_identified_chat(qtbot: QtBot, tmp_path: Path, artifacts: str) -> None:
    with identification(tmp_path) as ident, Browser() as browser:
        await run(qtbot, ident, browser, artifacts)


async def run(qtbot: QtBot, ident: Identification, browser: Browser, artifacts: str) -> None:
    backend = ident.backend
    base = backend.http
    page = await browser.run(
        lambda: browser.new_page(viewport={"width": 390, "height": 844}, locale="fi-FI")
    )

    # The topic offers identification, says what it means, and the page passes axe.
    def topic_offer() -> tuple[bool, str, list[dict[str, Any]]]:
        page.goto(base + "/?lang=fi")
        page.check("input[name=queue][value=neuvola]")
        hint = page.inner_text("#identify-hint")
        page.screenshot(
            path=os.path.join(artifacts, "webchat-identify-phone-fi.png"), full_page=True
        )
        return page.is_visible("#identify-button"), hint, axe_violations(page)

    visible, hint, violations = await browser.run(topic_offer)
    assert visible and "henkilötunnuksesi" in hint
    assert violations == []

    # A required topic: no anonymous start on the page, and none over the socket either.
    def required_topic() -> tuple[bool, bool]:
        page.check("input[name=queue][value=mipa]")
        return page.is_visible("#start-button"), page.is_visible("#identify-button")

    assert await browser.run(required_topic) == (False, True)
    raw = await Peer.connect(backend.ws + "/ws/client")
    await raw.send(type="start", queue="mipa")
    assert (await raw.expect("error"))["code"] == "identification_required"
    await raw.close()

    # Answers that must not pass: tampered after signing, unsigned, too weak a level.
    for mode in ("tampered", "unsigned", "low"):
        await browser.run(identify, page, base, "neuvola", mode)
        notice = await browser.run(lambda: page.inner_text("#notice"))
        assert "ei onnistunut" in notice, mode
    assert backend.query("select count(*) from conversations") == [(0,)]

    # She identifies; a nurse's desktop is offered "identified", never her name.
    window, connection = await workstation(qtbot, backend, "hoitaja")
    try:
        await connection.set_status(StaffStatus.READY)
        await browser.run(identify, page, base, "neuvola")
        await browser.run(lambda: page.wait_for_selector("#identified", state="visible"))
        await until(lambda: window.offer.isVisible(), what="the offer")
        banner = window.offer.label.text()
        assert "tunnistautunut (Suomi.fi)" in banner and MAIJA[0] not in banner
        cid = next(iter(connection.state.offers))
        window.offer.accept_button.click()
        await until(lambda: cid in window.panels, what="her conversation open")
        panel = window.panels[cid]
        await until(lambda: MAIJA[1] in panel.identity.text(), what="who she is")
        assert panel.identity.text() == f"Tunnistautunut (Suomi.fi): {MAIJA[0]}, {MAIJA[1]}"
        window.grab().save(os.path.join(artifacts, "desktop-identified-chat.png"))
        assert backend.query(
            "select username, action from access_log"
            " where conversation_id = ? and action = 'identity'",
            cid,
        ) == [("hoitaja", "identity")]
        assert backend.query("select identified from conversations where id = ?", cid) == [(1,)]

        def idp_sessions() -> set[str]:
            return set(httpx.get(ident.idp + "/logout-elsewhere", timeout=5).text.split())

        before = idp_sessions()

        # She ends the chat and logs out of Suomi.fi: our signed request, its answer.
        def leave_and_logout() -> str:
            page.once("dialog", lambda d: d.accept())
            page.click("#leave")
            page.wait_for_selector("#suomifi-logout", state="visible")
            page.screenshot(path=os.path.join(artifacts, "webchat-identified-ended-phone-fi.png"))
            page.click("#suomifi-logout")
            page.wait_for_function("() => document.getElementById('notice').textContent")
            return str(page.inner_text("#notice"))

        assert "kirjautunut ulos" in await browser.run(leave_and_logout)
        # Her session at the IdP ended (the refused tries' sessions stay there).
        assert len(before - idp_sessions()) == 1

        # Again, and this time she logs out in another service (the IdP tells us).
        await browser.run(identify, page, base, "neuvola")
        await browser.run(lambda: page.wait_for_selector("#identified", state="visible"))
        (name_id,) = idp_sessions() - before
        other = await browser.run(lambda: browser.new_page())

        def logout_elsewhere() -> str:
            other.goto(f"{ident.idp}/logout-elsewhere?name_id={name_id}")
            return str(other.inner_text("body"))

        assert "Uloskirjautuminen valmis" in await browser.run(logout_elsewhere)
        await browser.run(lambda: page.wait_for_selector("#ended", state="visible", timeout=10_000))
    finally:
        await connection.stop()

    # Nothing of who she is in any log line.
    log = backend.log_path.read_text()
    for secret in (*MAIJA, "Meik", "900P"):
        assert secret not in log
    assert not re.search(r"\d{6}[-+A]\d{3}[0-9A-Y]", log)
