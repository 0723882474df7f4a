"""The sessions alone: a log-in attaches her (who she is first, then the parts hear of
it), a refused one leaves no trace, her leaving and her account's end are published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backend.centre.events import AccountEnded, StaffAttached, StaffLeft
from backend.centre.sessions import Sessions
from protocol.messages import Clinic, ErrorCode, ProtocolError, StaffStatus
from tests.unit.backend.centre.parts import Desk, Parts, Recorder, build


async def no_clinics() -> list[Clinic]:
    return []


@pytest.fixture
async def parts(tmp_path: Path) -> Any:
    built = await build(tmp_path)
    built.routing.add_desk("chat", Desk())
    built.routing.add_desk("phone", Desk())
    yield built
    await built.store.close()


def sessions_of(parts: Parts, held: list[str] | None = None) -> Sessions:
    return Sessions(
        parts.service,
        parts.store,
        parts.online,
        parts.outbox,
        parts.routing,
        parts.events,
        parts.due,
        held_by=lambda _username: held or [],
        clinics=no_clinics,
    )


async def test_log_in_tells_her_first_then_the_parts(parts: Parts) -> None:
    sessions = sessions_of(parts, held=["c1"])
    link = Recorder()
    heard: list[tuple[str, list[str]]] = []

    def attached(event: StaffAttached) -> None:
        # What she was sent before the parts heard: her log-in and her status.
        heard.append((event.username, [f.type for f in link.frames]))

    parts.events.subscribe(StaffAttached, attached)
    assert await sessions.login(link, "hoitaja", "demo") == "hoitaja"
    assert heard == [("hoitaja", ["logged_in", "status"])]
    assert parts.online.staff["hoitaja"].link is link
    agent = parts.routing.router.agents["hoitaja"]
    assert agent.status is StaffStatus.NOT_READY and agent.load == 1
    assert parts.due.take()


async def test_a_wrong_password_attaches_nothing(parts: Parts) -> None:
    sessions = sessions_of(parts)
    with pytest.raises(ProtocolError) as refused:
        await sessions.login(Recorder(), "hoitaja", "wrong")
    assert refused.value.frame.code is ErrorCode.AUTH_FAILED
    assert parts.online.staff == {} and parts.routing.router.agents == {}


async def test_a_second_log_in_closes_the_first_socket(parts: Parts) -> None:
    sessions = sessions_of(parts)
    first, second = Recorder(), Recorder()
    await sessions.login(first, "hoitaja", "demo")
    await sessions.login(second, "hoitaja", "demo")
    assert first.closed == 4001 and parts.online.staff["hoitaja"].link is second
    # The old socket's end does not log her out of the new one.
    await sessions.gone("hoitaja", first)
    assert "hoitaja" in parts.online.staff


async def test_leaving_and_an_ended_account_are_published(parts: Parts) -> None:
    sessions = sessions_of(parts)
    left: list[str] = []
    ended: list[tuple[str, int | None]] = []
    link = Recorder()
    parts.events.subscribe(StaffLeft, lambda e: left.append(e.username))
    # Her chats go back before her socket closes: the subscriber sees it still open.
    parts.events.subscribe(AccountEnded, lambda e: ended.append((e.username, link.closed)))
    await sessions.login(link, "hoitaja", "demo")
    await sessions.end_account("hoitaja")
    assert ended == [("hoitaja", None)] and link.closed == 4003
    await sessions.gone("hoitaja", link)
    assert left == ["hoitaja"]
    assert parts.routing.router.agents["hoitaja"].status is StaffStatus.OFFLINE
