"""Two nodes behind the shipped HAProxy file, the active one SIGKILLed mid-chat: the real
web page (Chromium) and the real desktop connection, both pointed at the front, reconnect
to the node that took over and resume by themselves; what either wrote meanwhile
arrives once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.chat.connection import StaffConnection
from desktop.chat.state import LinkState
from protocol.messages import StaffStatus
from tests.browser import Browser
from tests.e2e.workstation import until
from tests.failover import (
    PASSWORD,
    Pair,
    haproxy_binary,
    postgres_server,
    running_pair,
    sql,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt,
    pytest.mark.skipif(haproxy_binary() is None, reason="haproxy: scripts/setup.sh test"),
]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    with postgres_server() as server, running_pair(server, tmp_path, 1, 4) as pair:
        yield pair


async def test_page_and_desktop_resume_on_the_node_that_took_over(pair: Pair) -> None:
    front = pair.front.replace("ws://", "http://")
    connection = StaffConnection(front, "nurse0", PASSWORD, max_backoff_s=1.0)
    try:
        with Browser() as browser:
            connection.start()
            await until(lambda: connection.state.profile is not None, what="login")
            await connection.set_status(StaffStatus.READY)

            def start_chat(page: Any) -> None:
                page.goto(front + "/")
                page.check("input[name=queue][value=neuvola]")
                page.click("button[type=submit]")
                page.wait_for_selector("#chat:not([hidden])")
                page.fill("#text", "ennen vaihtoa")
                page.press("#text", "Enter")
                page.wait_for_selector("#lines li.client:not(.pending)")

            await browser.run(start_chat, browser.page)
            await until(lambda: connection.state.offers, what="offer")
            cid = next(iter(connection.state.offers))
            await connection.accept(cid)
            await until(lambda: cid in connection.state.chats, what="accepted")

            before = pair.wait_active(None, 5)
            pair.nodes[before].kill()
            await until(
                lambda: connection.state.link is LinkState.RECONNECTING, what="desktop sees loss"
            )

            def write_meanwhile(page: Any) -> None:
                page.fill("#text", "vaihdon aikana")
                page.press("#text", "Enter")

            await browser.run(write_meanwhile, browser.page)
            await connection.reply(cid, "hoitajan viesti vaihdon aikana")

            # Nobody restarts anything: the other node serves, through the same front.
            await until(
                lambda: connection.state.link is LinkState.ONLINE, timeout=20, what="desktop back"
            )
            assert pair.active() == pair.other(before)
            await until(
                lambda: not connection.state.chats[cid].pending,
                timeout=10,
                what="desktop resend acked",
            )
            await until(
                lambda: any(
                    line.text == "vaihdon aikana" for line in connection.state.chats[cid].lines
                ),
                timeout=20,
                what="client's line on the desktop",
            )

            def sees_everything(page: Any) -> None:
                page.wait_for_selector(
                    "#lines li.staff >> text=hoitajan viesti vaihdon aikana", timeout=20_000
                )
                page.wait_for_function(
                    "document.querySelectorAll('#lines li.pending').length === 0"
                )

            await browser.run(sees_everything, browser.page)
            await until(
                lambda: connection.state.status is StaffStatus.READY, what="status restored"
            )
    finally:
        await connection.stop()

    texts = [
        r[0]
        for r in sql(
            pair.url, "SELECT text FROM messages WHERE conversation_id = %s ORDER BY seq", cid
        )
    ]
    assert sorted(texts) == sorted(
        ["ennen vaihtoa", "vaihdon aikana", "hoitajan viesti vaihdon aikana"]
    )
