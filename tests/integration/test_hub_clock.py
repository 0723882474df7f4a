"""The hub in-process with a fixed clock and a real SQLite file: opening and closing,
sessions, what a rush of changes sends to every desktop, and the round's turns."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backend.collab import COLLEAGUES_EVERY_S
from backend.config import load_service_config
from backend.demo.seed import DEMO_STAFF, seed_demo_staff
from backend.hub import Hub
from backend.settings import Settings
from backend.store.migrate import upgrade
from backend.store.repository import Store
from protocol.messages import (
    ClientStart,
    ErrorCode,
    Frame,
    ProtocolError,
    StaffAccept,
    StaffStatus,
    ToStaffLoggedIn,
    parse_to_staff_frame,
)
from tests.helpers import fresh_database_url

# Monday 23.11.2026, 14:59 Helsinki (UTC+2): one minute before the default closing time.
BEFORE_CLOSING = datetime(2026, 11, 23, 12, 59, tzinfo=UTC)


class Recorder:
    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.closed: int | None = None

    async def send(self, frame: Frame) -> None:
        self.frames.append(frame)

    def send_text(self, text: str) -> None:
        self.frames.append(parse_to_staff_frame(text))

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.closed = code

    def of(self, type_: str) -> list[Any]:
        return [f for f in self.frames if getattr(f, "type", None) == type_]


@pytest.fixture
async def hub(tmp_path: Path) -> Any:
    url = fresh_database_url(tmp_path)
    upgrade(url)
    store = Store(url)
    await seed_demo_staff(store)
    now = [BEFORE_CLOSING]
    settings = Settings.from_env({"LUUKKU_DATA_DIR": str(tmp_path)})
    hub = Hub(settings, load_service_config(), store, clock=lambda: now[0])
    await hub.start()
    hub.now = now  # type: ignore[attr-defined]
    yield hub
    await hub.stop()
    await store.close()


async def test_waiting_at_closing_time_is_still_served_new_ones_refused(hub: Hub) -> None:
    client = Recorder()
    cid = await hub.chat.client_start(client, ClientStart(queue="neuvola"))
    hub.now[0] = BEFORE_CLOSING + timedelta(minutes=2)  # type: ignore[attr-defined]  # 15:01

    late = Recorder()
    with pytest.raises(ProtocolError) as refused:
        await hub.chat.client_start(late, ClientStart(queue="neuvola"))
    assert refused.value.frame.code is ErrorCode.CLOSED_NOW
    # Tuesday 08:00 Helsinki is the next opening.
    assert refused.value.frame.next_opening == datetime(2026, 11, 24, 6, 0, tzinfo=UTC)

    nurse = Recorder()
    await hub.sessions.login(nurse, "hoitaja", "demo")

    await hub.routing.set_status("hoitaja", StaffStatus.READY, None)
    offers = nurse.of("offer")
    assert [o.conversation_id for o in offers] == [cid]
    await hub.chat.accept("hoitaja", StaffAccept(conversation_id=cid))
    assert client.of("joined")[0].staff_name == "Hanna"


async def test_family_advice_keeps_its_own_hours(hub: Hub) -> None:
    # 14:59 Helsinki: the family advice line (09-14) is already closed.
    with pytest.raises(ProtocolError) as refused:
        await hub.chat.client_start(Recorder(), ClientStart(queue="perheneuvonta"))
    assert refused.value.frame.code is ErrorCode.CLOSED_NOW
    infos = {q.id: q for q in hub.meter.queue_infos()}
    assert infos["neuvola"].open_now and not infos["perheneuvonta"].open_now
    assert infos["perheneuvonta"].next_opening == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


async def test_staff_session_expires(hub: Hub) -> None:

    nurse = Recorder()
    await hub.sessions.login(nurse, "hoitaja", "demo")
    token = next(f for f in nurse.frames if isinstance(f, ToStaffLoggedIn)).session_token
    again = Recorder()
    assert await hub.sessions.resume(again, token) == "hoitaja"
    hub.now[0] = BEFORE_CLOSING + timedelta(hours=hub.settings.session_ttl_h, seconds=1)  # type: ignore[attr-defined]
    with pytest.raises(ProtocolError) as expired:
        await hub.sessions.resume(Recorder(), token)
    assert expired.value.frame.code is ErrorCode.AUTH_FAILED


async def test_an_open_socket_ends_with_its_session(hub: Hub) -> None:
    nurse = Recorder()
    await hub.sessions.login(nurse, "hoitaja", "demo")
    await hub.tick()
    assert nurse.closed is None
    hub.now[0] = BEFORE_CLOSING + timedelta(hours=hub.settings.session_ttl_h, seconds=1)  # type: ignore[attr-defined]
    await hub.tick()
    assert nurse.closed == 4001


async def test_log_out_ends_the_session_for_good(hub: Hub) -> None:
    nurse = Recorder()
    await hub.sessions.login(nurse, "hoitaja", "demo")
    token = next(f for f in nurse.frames if isinstance(f, ToStaffLoggedIn)).session_token
    await hub.sessions.logout("hoitaja", nurse)
    assert nurse.closed == 4003
    with pytest.raises(ProtocolError) as refused:
        await hub.sessions.resume(Recorder(), token)
    assert refused.value.frame.code is ErrorCode.AUTH_FAILED


async def test_a_guesser_elsewhere_never_locks_her_out(hub: Hub) -> None:
    for _ in range(8):
        with pytest.raises(ProtocolError):
            await hub.sessions.login(Recorder(), "hoitaja", "wrong", address="198.51.100.9")
    assert await hub.sessions.login(Recorder(), "hoitaja", "demo", address="10.1.2.3") == "hoitaja"


async def test_wrong_passwords_are_throttled(hub: Hub) -> None:
    for _ in range(5):
        with pytest.raises(ProtocolError):
            await hub.sessions.login(Recorder(), "hoitaja", "wrong")
    with pytest.raises(ProtocolError) as blocked:
        await hub.sessions.login(Recorder(), "hoitaja", "demo")
    assert "too many" in blocked.value.frame.detail


async def test_overdue_callback_turns_the_queue_red(hub: Hub) -> None:
    from protocol.messages import CallbackAttempt, CallbackCreate, Level

    nurse = Recorder()
    await hub.sessions.login(nurse, "hoitaja", "demo")
    # Monday 14:59 is after the 14:00 cut-off: due by Tuesday's closing, 15:00.
    late = await hub.callbacks.create(
        "hoitaja",
        CallbackCreate(request_id=1, queue="neuvola", number="0401234567", reason="x"),
    )
    figures = {f.queue: f for f in hub.meter.figures()}
    assert figures["neuvola"].callbacks_open == 1 and figures["neuvola"].callbacks_overdue == 0
    assert figures["neuvola"].level is Level.GREEN
    # Tuesday 15:01 Helsinki: past its due time.
    hub.now[0] = datetime(2026, 11, 24, 13, 1, tzinfo=UTC)  # type: ignore[attr-defined]
    figures = {f.queue: f for f in hub.meter.figures()}
    assert figures["neuvola"].callbacks_overdue == 1
    assert figures["neuvola"].level is Level.RED
    assert figures["ehkaisy"].level is Level.GREEN  # only that queue
    await hub.callbacks.attempt("hoitaja", CallbackAttempt(callback_id=late, outcome="done"))
    figures = {f.queue: f for f in hub.meter.figures()}
    assert (figures["neuvola"].callbacks_open, figures["neuvola"].level) == (0, Level.GREEN)


async def test_a_rush_of_changes_tells_each_desktop_the_colleagues_once_a_second(
    hub: Hub,
) -> None:
    """Each log-in and status change told every desktop the whole colleagues list at once
    (a 100-staff rush: 10,000 lists of 100). The list is told at the end of a hub round,
    at most once a second, and the last one told holds every change."""
    names = [username for username, *_ in DEMO_STAFF]
    desks = {username: Recorder() for username in names}
    for username, desk in desks.items():
        await hub.sessions.login(desk, username, "demo")
    loop = asyncio.get_running_loop()
    while any(not desk.of("colleagues") for desk in desks.values()):
        await asyncio.sleep(0.05)
    for desk in desks.values():
        desk.frames.clear()
    began = loop.time()
    for username in names:
        await hub.routing.set_status(username, StaffStatus.READY, None)
    # Each desk waits for the list that shows everyone Ready (a round or two later).
    for desk in desks.values():
        while not (
            desk.of("colleagues")
            and all(c.status is StaffStatus.READY for c in desk.of("colleagues")[-1].items)
        ):
            assert loop.time() - began < 3, "the changes were not told"
            await asyncio.sleep(0.05)
    took = loop.time() - began
    for desk in desks.values():
        lists = desk.of("colleagues")
        assert 1 <= len(lists) <= 1 + took / COLLEAGUES_EVERY_S < len(names)
        told = {c.username: c for c in lists[-1].items}
    assert all(told[u].online and told[u].status is StaffStatus.READY for u in names)


async def test_what_came_during_the_round_is_handled_before_the_collector_s_pass(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = asyncio.get_running_loop()
    line = asyncio.Event()
    told: list[bool] = []
    handled_first: list[bool] = []
    tell = hub.collab.tell_colleagues

    async def tell_colleagues() -> None:
        await tell()
        told.append(True)
        loop.call_soon(line.set)  # as a socket's read would be, while the round runs

    class Collector:
        def round(self) -> None:
            if told:  # not a round that began before these stand-ins
                handled_first.append(line.is_set())

    monkeypatch.setattr(hub.collab, "tell_colleagues", tell_colleagues)
    monkeypatch.setattr(hub, "collector", Collector())
    async with asyncio.timeout(2):
        while not handled_first:
            await asyncio.sleep(0.05)
    assert handled_first[0] is True
