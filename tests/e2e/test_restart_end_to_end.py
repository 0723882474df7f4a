"""Backend SIGKILLed mid-chat: the real web page and the real desktop connection resume
by themselves, and what either side wrote while it was down arrives once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.chat.connection import StaffConnection
from desktop.chat.state import LinkState
from protocol.messages import StaffStatus
from tests.browser import Browser
from tests.e2e.workstation import until
from tests.helpers import BackendProcess, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


async def test_both_sides_resume_after_sigkill(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    connection = StaffConnection(backend.http, "hoitaja", "demo", max_backoff_s=1.0)
    try:
        with Browser() as browser:
            connection.start()
            await until(lambda: connection.state.profile is not None, what="login")
            await connection.set_status(StaffStatus.READY)

            def start_chat(page: Any) -> None:
                page.goto(backend.http + "/")
                page.check("input[name=queue][value=neuvola]")
                page.click("button[type=submit]")
                page.wait_for_selector("#chat:not([hidden])")
                page.fill("#text", "ennen katkosta")
                page.press("#text", "Enter")
                page.wait_for_selector("#lines li.client:not(.pending)")

            await browser.run(start_chat, browser.page)
            await until(lambda: connection.state.offers, what="offer")
            cid = next(iter(connection.state.offers))
            await connection.accept(cid)
            await until(lambda: cid in connection.state.chats, what="accepted")

            backend.kill()
            await until(
                lambda: connection.state.link is LinkState.RECONNECTING, what="desktop sees loss"
            )

            # Both write while the backend is down.
            def write_while_down(page: Any) -> None:
                page.wait_for_selector("text=Yhteys katkesi")
                page.fill("#text", "katkon aikana")
                page.press("#text", "Enter")
                page.wait_for_selector("#lines li.pending")

            await browser.run(write_while_down, browser.page)
            await connection.reply(cid, "hoitajan viesti katkon aikana")

            backend.start()
            await until(
                lambda: connection.state.link is LinkState.ONLINE, timeout=20, what="desktop back"
            )
            await until(
                lambda: not connection.state.chats[cid].pending,
                timeout=10,
                what="desktop resend acked",
            )
            await until(
                lambda: any(
                    line.text == "katkon aikana" for line in connection.state.chats[cid].lines
                ),
                timeout=20,
                what="client's message after restart",
            )

            def sees_everything(page: Any) -> None:
                page.wait_for_selector(
                    "#lines li.staff >> text=hoitajan viesti katkon aikana", timeout=20_000
                )
                page.wait_for_function(
                    "document.querySelectorAll('#lines li.pending').length === 0"
                )

            await browser.run(sees_everything, browser.page)
            # Her status is restored after the reconnect, not left at the server's default.
            await until(
                lambda: connection.state.status is StaffStatus.READY, what="status restored"
            )
    finally:
        await connection.stop()
        backend.stop()

    texts = [
        r[0]
        for r in backend.query(
            "select text from messages where conversation_id=? order by seq", cid
        )
    ]
    assert sorted(texts) == sorted(
        ["ennen katkosta", "katkon aikana", "hoitajan viesti katkon aikana"]
    )
