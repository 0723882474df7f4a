"""The service number with real peers: sipp callers (RTP, RFC 2833 and SIP INFO DTMF) ->
the baresip gateway process -> the backend process. What each caller chose, where they
waited and how the call ended is read back from the database and the meter."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.telephony.prompts import STATIC, write_tone
from tests.helpers import BackendProcess, free_port, staff
from tests.sip.gateway import TOKEN, GatewayProcess
from tests.sip.peers import Kamailio, free_listen_port, sipp, sipp_result
from tests.sip.peers import Peer as SipPeer
from tests.sip.service_calls import scenario

pytestmark = pytest.mark.sip
ROOT = Path(__file__).resolve().parents[2]
CLOSED = ROOT / "tests" / "data" / "closed_always.toml"


@pytest.fixture(scope="module")
def prompts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Short recorded prompts, as an admin may put in the folder (existing files are never
    replaced): the dialogue is the same, the tests wait seconds instead of a minute. The
    prompts that carry a value are still spoken by espeak-ng on first use."""
    folder = tmp_path_factory.mktemp("prompts")
    for key in STATIC:
        write_tone(folder / "fi" / f"{key}.wav", [(440.0 + 20 * len(key), 0.4)])
    return folder


@pytest.fixture(scope="module")
def line(
    tmp_path_factory: pytest.TempPathFactory, prompts: Path
) -> Iterator[tuple[BackendProcess, GatewayProcess]]:
    data = tmp_path_factory.mktemp("service-number")
    backend = BackendProcess(data, free_port(), extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN})
    backend.start()
    gateway = GatewayProcess(backend, prompts)
    try:
        gateway.start()
        yield backend, gateway
    finally:
        gateway.stop()
        backend.stop()


def thread_nices(pid: int) -> dict[str, set[int]]:
    """Each thread name of a process with the nice values its threads run at."""
    nices: dict[str, set[int]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name, rest = task.joinpath("stat").read_text().split("(", 1)[1].rsplit(")", 1)
        except (OSError, ValueError):
            continue  # ended meanwhile
        nices.setdefault(name, set()).add(int(rest.split()[16]))
    return nices


def run_caller(
    gateway: GatewayProcess, folder: Path, steps: list[tuple[str, ...]], **kw: Any
) -> str:
    proc = sipp(scenario(folder, steps, **kw), gateway.target, service="service")
    code, out = sipp_result(proc, timeout=90)
    assert code == 0, out
    return out


def last_call(backend: BackendProcess) -> tuple[str, str | None, str | None, str | None]:
    rows = backend.query(
        "SELECT id, queue, outcome, caller FROM phone_calls ORDER BY arrived_at DESC LIMIT 1"
    )
    assert rows, "no call recorded"
    return rows[0]  # type: ignore[return-value]


def events(backend: BackendProcess, call_id: str) -> list[tuple[str, str]]:
    return [
        (k, d)
        for k, d in backend.query(
            "SELECT kind, detail FROM call_events WHERE call_id = ? ORDER BY id", call_id
        )
    ]


async def until_ended(
    backend: BackendProcess, timeout: float = 10
) -> tuple[str, str | None, str | None, str | None]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        call = last_call(backend)
        if call[2] is not None or asyncio.get_running_loop().time() > deadline:
            return call
        await asyncio.sleep(0.2)


async def test_two_then_one_lands_in_maternity_and_hanging_up_is_abandoned(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    backend, gateway = line
    boss = await staff(backend.ws, "esihenkilo", ready=False)
    await asyncio.to_thread(
        run_caller,
        gateway,
        tmp_path,
        [
            ("audio",),
            ("pause", 1500),
            ("dtmf", "2"),  # RFC 2833
            ("pause", 1500),
            ("info", "1"),  # SIP INFO
            ("pause", 12000),
        ],
    )
    call_id, queue, outcome, caller = await until_ended(backend)
    assert (queue, outcome, caller) == ("puh_aitiys", "abandoned", "0401234567")
    kinds = events(backend, call_id)
    assert ("menu", "main:2") in kinds and ("menu", "2:1") in kinds
    assert ("queued", "puh_aitiys") in kinds and kinds[-1] == ("ended", "abandoned")
    # The meter counts it (waited over the short-abandon threshold of 10 s).
    frame = await boss.expect("meter", timeout=10)
    while not any(
        q["queue"] == "puh_aitiys" and q["abandoned_today"] >= 1 for q in frame["queues"]
    ):
        frame = await boss.expect("meter", timeout=10)
    row = next(q for q in frame["queues"] if q["queue"] == "puh_aitiys")
    assert row["channel"] == "phone" and row["available"] is True
    await boss.close()


async def test_sip_info_alone_works_too(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    backend, gateway = line
    await asyncio.to_thread(
        run_caller, gateway, tmp_path, [("pause", 1500), ("info", "3"), ("pause", 1500)]
    )
    _call_id, queue, outcome, _ = await until_ended(backend)
    assert (queue, outcome) == ("puh_mipa", "abandoned")


async def test_no_input_repeats_then_defaults(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    backend, gateway = line
    # Welcome + menu, 2 s silence, "no input" + the menu again, 2 s: the default line.
    await asyncio.to_thread(run_caller, gateway, tmp_path, [("pause", 9000)])
    call_id, queue, _outcome, _ = await until_ended(backend)
    kinds = events(backend, call_id)
    assert ("menu", "main:no_input") in kinds
    assert ("menu", "main:no_input_default") in kinds
    assert queue == "puh_asiakas"


async def test_callback_key_stores_a_callback_with_the_callers_number(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    backend, gateway = line
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    # 2, 2 -> child clinic; 5 -> callback; 1 -> the number read back is right. The
    # gateway confirms and hangs up itself.
    await asyncio.to_thread(
        run_caller,
        gateway,
        tmp_path,
        [
            ("pause", 1500),
            ("dtmf", "2"),
            ("pause", 800),
            ("info", "2"),
            ("pause", 3000),
            ("info", "5"),
            ("pause", 9000),
            ("info", "1"),
        ],
        ends="gateway",
    )
    _call_id, queue, outcome, _ = await until_ended(backend)
    assert (queue, outcome) == ("puh_lapset", "callback")
    rows = backend.query("SELECT queue, number, source, state FROM callbacks WHERE source='phone'")
    assert ("puh_lapset", "0401234567", "phone", "open") in rows
    # The same list the staff use: she serves the line's skill, so she sees it.
    await nurse.send(type="callback_list")
    items = (await nurse.expect("callbacks"))["items"]
    assert any(i["number"] == "0401234567" and i["queue"] == "puh_lapset" for i in items)
    await nurse.close()


async def test_closed_line_says_so_and_hangs_up(tmp_path: Path, prompts: Path) -> None:
    backend = BackendProcess(
        tmp_path, free_port(), service_file=CLOSED, extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN}
    )
    backend.start()
    gateway = GatewayProcess(backend, prompts)
    try:
        gateway.start()
        await asyncio.to_thread(run_caller, gateway, tmp_path, [], ends="gateway")
        call_id, queue, outcome, _ = await until_ended(backend)
        assert (queue, outcome) == (None, "closed")
        assert ("closed", "") in events(backend, call_id)
    finally:
        gateway.stop()
        backend.stop()


async def test_gateway_crash_keeps_callbacks_and_the_meter_says_unavailable(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    """Last in this module: it kills the module's gateway (and starts it again)."""
    backend, gateway = line
    before = backend.query("SELECT COUNT(*) FROM callbacks WHERE source = 'phone'")[0][0]
    boss = await staff(backend.ws, "esihenkilo", ready=False)
    # Customer service, then 5 and 1 at once (keys cut the prompts short); the callback is
    # stored before the caller hears "received", and the gateway dies right then.
    steps: list[tuple[str, ...]] = [
        ("pause", 1500),
        ("dtmf", "1"),
        ("pause", 1500),
        ("info", "5"),
        ("pause", 700),
        ("info", "1"),
        ("pause", 20000),
    ]
    caller = sipp(scenario(tmp_path, steps), gateway.target, service="service")
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while (
            backend.query("SELECT COUNT(*) FROM callbacks WHERE source = 'phone'")[0][0] == before
        ):
            assert asyncio.get_running_loop().time() < deadline, "no callback stored"
            await asyncio.sleep(0.05)
        gateway.kill()

        async def phone_rows(available: bool) -> list[dict[str, Any]]:
            while True:
                frame = await boss.expect("meter", timeout=10)
                rows = [q for q in frame["queues"] if q["channel"] == "phone"]
                if rows and all(q["available"] is available for q in rows):
                    return rows

        rows = await phone_rows(False)
        assert {q["queue"] for q in rows} >= {"puh_asiakas", "puh_aitiys"}
        # The stored callback is there for the staff, gateway or not.
        secretary = await staff(backend.ws, "sihteeri", ready=False)
        await secretary.send(type="callback_list")
        items = (await secretary.expect("callbacks"))["items"]
        assert any(i["queue"] == "puh_asiakas" and i["number"] == "0401234567" for i in items)
        await secretary.close()

        gateway.start()
        await phone_rows(True)
        # The call the dead gateway held is recorded as lost, its callback kept.
        call_id, queue, outcome, _ = last_call(backend)
        assert (queue, outcome) == ("puh_asiakas", "lost")
        assert [kind for kind, _ in events(backend, call_id)][-2:] == ["callback", "ended"]
    finally:
        caller.kill()
        caller.wait()
        await boss.close()


async def test_not_answered_in_time_goes_back_to_the_head_of_the_queue(
    tmp_path: Path, prompts: Path
) -> None:
    """Her phone rings and she does not answer within the offer time: the gateway stops
    ringing her, she is set Not ready, and the caller, never lost, is delivered to the
    next Ready colleague."""
    kamailio = Kamailio()
    kamailio.start()
    backend = BackendProcess(tmp_path, free_port(), extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN})
    backend.start()
    gateway = GatewayProcess(backend, prompts, registrar=kamailio.address)
    silent, answering = SipPeer(), SipPeer()
    try:
        gateway.start()
        await silent.register(kamailio.address, "hoitaja", srtp="disabled")
        await answering.register(kamailio.address, "hoitaja2", srtp="disabled")
        answering.send("auto_answer", on=True)
        first = await staff(backend.ws, "hoitaja")
        steps: list[tuple[str, ...]] = [
            ("pause", 1500),
            ("dtmf", "2"),
            ("pause", 800),
            ("info", "1"),
            ("pause", 14000),
        ]
        caller = sipp(scenario(tmp_path, steps), gateway.target, service="service")
        # Her phone rings (the offer time in this service file is 3 s) ...
        await silent.until(lambda s: any(c["state"] == "ringing" for c in s["calls"]), 15)
        # ... and stops: she is Not ready, the caller waits on.
        await silent.until(lambda s: not any(c["state"] == "ringing" for c in s["calls"]), 10)
        status = await first.expect("status", status="not_ready", timeout=10)
        assert status["reason"] == "missed_offer"
        call_id, queue, outcome, _ = last_call(backend)
        assert (queue, outcome) == ("puh_aitiys", None)
        assert ("not_answered", "hoitaja") in events(backend, call_id)
        # The next Ready colleague gets the same caller, who was never dropped.
        second = await staff(backend.ws, "hoitaja2")
        await answering.until(lambda s: any(c["state"] == "active" for c in s["calls"]), 15)
        code, out = await asyncio.to_thread(sipp_result, caller, 60)
        assert code == 0, out
        call_id, queue, outcome, _ = await until_ended(backend)
        assert (queue, outcome) == ("puh_aitiys", "answered")
        kinds = events(backend, call_id)
        assert ("answered", "hoitaja2") in kinds
        assert kinds.index(("not_answered", "hoitaja")) < kinds.index(("answered", "hoitaja2"))
        await first.close()
        await second.close()
    finally:
        silent.close()
        answering.close()
        gateway.stop()
        backend.stop()
        kamailio.close()


async def test_queued_caller_hears_announcements_and_comfort_audio(
    tmp_path: Path, prompts: Path
) -> None:
    """A pjsua2 caller through Kamailio listens: after choosing a line (RFC 2833 from a
    real stack) it hears the "queued" prompt, comfort audio, and the periodic
    announcement with the callback key. The test prompts are tones, one pitch a prompt."""
    kamailio = Kamailio()
    kamailio.start()
    backend = BackendProcess(tmp_path, free_port(), extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN})
    backend.start()
    gateway = GatewayProcess(backend, prompts, registrar=kamailio.address)
    caller = SipPeer()
    pitch = {key: 440.0 + 20 * len(key) for key in ("queued", "callback_offer")}
    comfort = [523.25, 659.25, 783.99, 587.33, 698.46, 880.0]
    candidates = [pitch["queued"], pitch["callback_offer"], *comfort]
    try:
        gateway.start()
        # Its media on 127.0.0.1 like the gateway's (which takes no other address here).
        await caller.register(
            kamailio.address, "0401234567", srtp="disabled", media_address="127.0.0.1"
        )
        # The gateway registers the service user at Kamailio: callers dial "service".
        handle = caller.send("dial", target="service")["result"]
        await caller.until(lambda s: any(c["state"] == "active" for c in s["calls"]), 10)
        await asyncio.sleep(1.2)
        caller.send("send_dtmf", handle=handle, digits="1")

        async def hears(hz: float, within: float) -> None:
            deadline = asyncio.get_running_loop().time() + within
            while asyncio.get_running_loop().time() < deadline:
                heard = caller.send("hear", candidates=candidates, ms=200)
                if heard["hz"] == hz and heard["rms"] > 200:
                    return
                await asyncio.sleep(0.05)
            raise AssertionError(f"never heard {hz} Hz")

        await hears(pitch["queued"], 5)
        # The call's media threads run below the SIP thread and the loop (README "Scale").
        # (Looked for every second: a stream the re-INVITE replaced has new threads.)
        assert gateway.proc is not None
        for _ in range(30):
            nices = thread_nices(gateway.proc.pid)
            media = [nices.get(name) for name in ("Audio TX", "aumem_src", "aumem_play")]
            if media == [{10}] * 3:
                break
            await asyncio.sleep(0.1)
        assert media == [{10}] * 3 and nices["python"] == {0}, nices
        for note in comfort[:3]:
            await hears(note, 8)
        # announce_every_s is 6 in this service file.
        await hears(pitch["callback_offer"], 12)
        call_id, queue, _outcome, caller_id = last_call(backend)
        assert (queue, caller_id) == ("puh_asiakas", "0401234567")
        assert ("menu", "main:1") in events(backend, call_id)
        caller.send("hangup", handle=handle)
        _, _, outcome, _ = await until_ended(backend)
        assert outcome == "abandoned"
    finally:
        caller.close()
        gateway.stop()
        backend.stop()
        kamailio.close()


async def test_the_bridge_carries_both_voices_to_a_phone_that_demands_srtp(
    tmp_path: Path, prompts: Path
) -> None:
    """A pjsua2 caller chooses 2 -> 1 by RFC 4733; the professional's phone takes only
    SRTP (the gateway offers SDES keys); once she has answered, each hears the other's
    tone through the gateway's bridge."""
    kamailio = Kamailio()
    kamailio.start()
    backend = BackendProcess(tmp_path, free_port(), extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN})
    backend.start()
    gateway = GatewayProcess(backend, prompts, registrar=kamailio.address)
    caller, nurse = SipPeer(), SipPeer()
    try:
        gateway.start()
        await caller.register(
            kamailio.address, "0401234567", srtp="disabled", media_address="127.0.0.1"
        )
        await nurse.register(kamailio.address, "hoitaja", srtp="mandatory")
        nurse.send("auto_answer", on=True)
        professional = await staff(backend.ws, "hoitaja")
        handle = caller.send("dial", target="service")["result"]
        await caller.until(lambda s: any(c["state"] == "active" for c in s["calls"]), 10)
        await asyncio.sleep(1.0)
        caller.send("send_dtmf", handle=handle, digits="2")
        await asyncio.sleep(1.0)
        caller.send("send_dtmf", handle=handle, digits="1")
        state = await nurse.until(lambda s: any(c["state"] == "active" for c in s["calls"]), 20)
        # Her phone shows the caller's number (asserted by the gateway), not "service".
        assert [c["remote"] for c in state["calls"]] == ["0401234567"]
        caller.send("tone", hz=700)
        nurse.send("tone", hz=1100)
        await asyncio.sleep(2.0)
        heard_by_nurse = nurse.send("hear", ms=1000, candidates=[700, 1100])
        heard_by_caller = caller.send("hear", ms=1000, candidates=[700, 1100])
        assert heard_by_nurse["hz"] == 700 and heard_by_nurse["share"] > 0.5, heard_by_nurse
        assert heard_by_caller["hz"] == 1100 and heard_by_caller["share"] > 0.5, heard_by_caller
        caller.send("hangup", handle=handle)
        call_id, queue, outcome, _ = await until_ended(backend)
        assert (queue, outcome) == ("puh_aitiys", "answered")
        assert ("answered", "hoitaja") in events(backend, call_id)
        await professional.close()
    finally:
        caller.close()
        nurse.close()
        gateway.stop()
        backend.stop()
        kamailio.close()


async def test_a_gateway_restart_keeps_its_queued_callers_and_sends_new_ones_on(
    tmp_path: Path, prompts: Path
) -> None:
    """Two gateways behind Kamailio's dispatcher. One is stopped (a restart) while a caller
    waits in it: the next caller is busy there and lands at the other, and the waiting
    caller keeps her place, is put through when a nurse comes Ready, and talks to the end;
    only then does the stopped gateway exit."""
    backend = BackendProcess(tmp_path, free_port(), extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN})
    backend.start()
    port = free_listen_port()
    registrar = f"127.0.0.1:{port}"
    gateways = [
        GatewayProcess(backend, prompts, registrar, gateway_id=g, drain_s=60)
        for g in ("gw1", "gw2")
    ]
    kamailio = Kamailio(port=port, gateways=[g.target for g in gateways])
    kamailio.start()
    nurse = SipPeer()
    steps: list[tuple[str, ...]] = [
        ("pause", 1200),
        ("dtmf", "2"),
        ("pause", 800),
        ("info", "1"),
        ("pause", 12000),
    ]

    def calls() -> list[tuple[str, str | None]]:
        return [(i, o) for i, o in backend.query("SELECT id, outcome FROM phone_calls")]

    try:
        for g in gateways:
            g.start()
        await nurse.register(registrar, "hoitaja", srtp="disabled")
        nurse.send("auto_answer", on=True)
        first = sipp(scenario(tmp_path, steps), registrar, service="service")
        await until_queued(backend, 1)
        ((first_id, _),) = calls()
        held_by = next(g for g in gateways if first_id.startswith(f"{g.gateway_id}-"))
        other = next(g for g in gateways if g is not held_by)
        assert held_by.proc is not None
        held_by.proc.terminate()  # what systemctl restart sends
        await asyncio.sleep(0.5)
        second = sipp(scenario(tmp_path, steps), registrar, service="service")
        await until_queued(backend, 2)
        second_id = next(i for i, _ in calls() if i != first_id)
        assert second_id.startswith(f"{other.gateway_id}-"), second_id
        assert held_by.proc.poll() is None  # still holding the first caller
        professional = await staff(backend.ws, "hoitaja")
        code, out = await asyncio.to_thread(sipp_result, first, 60)
        assert code == 0, out
        assert ("answered", "hoitaja") in events(backend, first_id)
        # Her first caller is through: the stopped gateway leaves by itself.
        await asyncio.to_thread(held_by.proc.wait, 15)
        code, out = await asyncio.to_thread(sipp_result, second, 60)
        assert code == 0, out
        await professional.close()
    finally:
        nurse.close()
        for g in gateways:
            g.stop()
        backend.stop()
        kamailio.close()


async def until_queued(backend: BackendProcess, count: int, timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        rows = backend.query("SELECT COUNT(*) FROM phone_calls WHERE queue IS NOT NULL")
        if rows[0][0] >= count:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"fewer than {count} callers queued")


async def test_hostile_invites_are_refused_and_the_line_goes_on(
    line: tuple[BackendProcess, GatewayProcess], tmp_path: Path
) -> None:
    """An INVITE with a broken SDP, one with no codec in common, and a flood of 200 of
    the latter at 100 a second: each is refused, none is left open, and the next caller
    is served as usual."""
    backend, gateway = line
    before = backend.query("SELECT COUNT(*) FROM phone_calls")[0][0]
    for hostile in ("bad_sdp", "unknown_codec"):
        code, out = await asyncio.to_thread(
            sipp_result, sipp(hostile, gateway.target, service="service"), 20
        )
        assert code == 0, (hostile, out)
    flood = sipp(
        "unknown_codec", gateway.target, service="service", calls=200, rate=100, extra=["-l", "50"]
    )
    code, out = await asyncio.to_thread(sipp_result, flood, 40)
    assert code == 0, out
    assert backend.query("SELECT COUNT(*) FROM phone_calls")[0][0] == before
    await asyncio.to_thread(
        run_caller, gateway, tmp_path, [("pause", 1500), ("dtmf", "1"), ("pause", 1500)]
    )
    _call_id, queue, outcome, _ = await until_ended(backend)
    assert (queue, outcome) == ("puh_asiakas", "abandoned")


async def test_a_starting_gateway_makes_the_queues_numbers_ahead_at_the_lowest_priority(
    line: tuple[BackendProcess, GatewayProcess], prompts: Path
) -> None:
    """The positions, minutes and digits a queue announces are made before a caller waits
    on them, by a process of its own at nice 19 (a new value had held every INVITE)."""
    cache = prompts / "cache" / "fi"
    deadline = asyncio.get_running_loop().time() + 60
    while len(list(cache.glob("position-*.wav"))) < 3:
        assert asyncio.get_running_loop().time() < deadline, "no position made ahead"
        await asyncio.sleep(0.5)
    preparers = [
        proc
        for proc in Path("/proc").iterdir()
        if proc.name.isdigit()
        and b"backend.telephony.prompts" in read_or_nothing(proc / "cmdline")
        and str(prompts).encode() in read_or_nothing(proc / "cmdline")
    ]
    for proc in preparers:  # gone already where it made everything
        stat = read_or_nothing(proc / "stat")
        if stat:
            assert int(stat.rsplit(b")", 1)[1].split()[16]) == 19


def read_or_nothing(path: Path) -> bytes:
    """A /proc file, or nothing where the process ended meanwhile."""
    try:
        return path.read_bytes()
    except OSError:
        return b""
