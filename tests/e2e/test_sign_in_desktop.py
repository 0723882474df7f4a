"""Sign-in with the organisation, end to end: the log-in dialog offers it first, the
desktop listens on a loopback port, Debian's Chromium (the "system browser") signs in at a
real OpenID Connect provider process and is sent back to the desktop's loopback address,
and the desktop is logged in with the role her groups give. A refusal (no Luukku group,
or "Deny" at the provider) ends in a clear message, not a hang."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import build_window, install_translations
from desktop.chat.connection import StaffConnection
from desktop.chat.sign_in import ProviderSignIn
from desktop.chat.state import LinkState
from desktop.ui.login import LoginDialog
from tests.browser import Browser
from tests.e2e.workstation import until
from tests.helpers import BackendProcess, free_port
from tests.oidc_provider import CLIENT_SECRET, running_provider

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


def browser_signs_in(
    browser: Browser, sub: str | None, shots: list[str], artifacts: str
) -> ProviderSignIn:
    """The system browser: opens the provider's page, she is ``sub`` and agrees (None:
    she presses Deny), and the page she is left on is kept for the test."""

    def in_chromium(url: str) -> None:
        page = browser.new_page(viewport={"width": 900, "height": 700}, locale="fi-FI")
        page.goto(url)
        if sub is None:
            page.click("button[value=deny]")
        else:
            page.fill("input[name=sub]", sub)
            page.click("button:has-text('Authorize')")
        page.wait_for_url("http://127.0.0.1:*/callback*")
        shots.append(page.inner_text("body"))
        page.screenshot(path=os.path.join(artifacts, f"sign-in-browser-{sub or 'deny'}.png"))

    def open_browser(url: str) -> Any:
        return asyncio.ensure_future(browser.run(in_chromium, url))

    return ProviderSignIn(open_browser=open_browser)


def refused_now(connection: StaffConnection) -> Any:
    return lambda: connection.state.link is LinkState.AUTH_FAILED


async def test_sign_in_with_the_organisation(qtbot: QtBot, tmp_path: Path, artifacts: str) -> None:
    with running_provider(tmp_path) as provider, Browser() as browser:
        provider.set_user(
            "maija",
            preferred_username="maija",
            name="Maija Mehiläinen",
            groups=["luukku-neuvola"],
        )
        provider.set_user("olli", preferred_username="olli", name="Olli Ohi", groups=["hr"])
        backend = BackendProcess(
            tmp_path,
            free_port(),
            service_file=provider.service_file(tmp_path),
            extra_env={"LUUKKU_OIDC_CLIENT_SECRET": CLIENT_SECRET},
        )
        backend.start()
        connections: list[StaffConnection] = []
        try:
            qapp = QApplication.instance()
            assert isinstance(qapp, QApplication)
            install_translations(qapp, "fi")
            # The dialog offers the organisation first; the password form stays below.
            dialog = LoginDialog(organisation="Testialue")
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog.provider_button is not None
            assert dialog.provider_button.text() == "Kirjaudu: Testialue"
            assert dialog.provider_button.hasFocus() or dialog.provider_button.isDefault()
            dialog.grab().save(os.path.join(artifacts, "sign-in-dialog.png"))
            dialog.provider_button.click()
            assert dialog.choice == "provider" and dialog.result() == 1
            only = LoginDialog(organisation="Testialue", local_passwords=False)
            qtbot.addWidget(only)
            assert not only.password.isVisibleTo(only)

            pages: list[str] = []
            connection = StaffConnection(
                backend.http, "", "", sign_in=browser_signs_in(browser, "maija", pages, artifacts)
            )
            connections.append(connection)
            window = build_window(connection, "fi")
            qtbot.addWidget(window)
            window.show()
            connection.start()
            await until(lambda: connection.state.profile is not None, timeout=30, what="signed in")
            profile = connection.state.profile
            assert profile is not None
            assert (profile.username, profile.role, profile.skills) == (
                "maija",
                "nurse",
                ["neuvola"],
            )
            await until(lambda: window.who.text() == "Maija Mehiläinen", what="her name shown")
            # The desktop may be in before the browser's thread has read its tab.
            await until(lambda: bool(pages), what="the browser tab's text")
            assert "Voit sulkea tämän välilehden" in pages[0]
            window.grab().save(os.path.join(artifacts, "sign-in-desktop.png"))

            for sub, reason in ((None, "access_denied"), ("olli", "no role in Luukku")):
                refused = StaffConnection(
                    backend.http, "", "", sign_in=browser_signs_in(browser, sub, pages, artifacts)
                )
                connections.append(refused)
                refused.start()
                await until(refused_now(refused), timeout=30, what=f"refusal for {sub}")
                assert refused.state.last_error is not None
                assert reason in refused.state.last_error.detail
        finally:
            for c in connections:
                await c.stop()
            backend.stop()
