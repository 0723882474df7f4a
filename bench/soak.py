"""A working day compressed: does the workstation last a 10-hour shift?

    .venv/bin/python -m bench.soak [--minutes 15] [--rate 3] [--staff 7] [--call-every 20]

Real processes: a backend (SQLite, demo accounts), Kamailio as SIP registrar, the staff
desktop (``python -m desktop``, offscreen, logged in as the demo nurse, Not ready, watching
the meter and colleagues, its softphone registered and answering by itself after 1 s), and a
pjsua2 caller process that calls her every ``--call-every`` seconds and hangs up after 3 s.
Clients arrive at ``--rate`` a second and write three lines each; ``--staff`` professionals
on the staff protocol accept every offer, answer three times and close.

Every 3 s it samples the desktop (its own probe, ``LUUKKU_REFCOUNT_PROBE``: the reference
counts of ``True``, ``False`` and ``None``, RSS, open files, threads) and the backend (RSS,
open files, threads), then prints each one's slope per 1,000 conversations and per hour, and
what a 10-hour day adds at that slope. An accept refused as ``not_found`` (a contact offered
to someone after another had accepted it) is counted: it must be zero.

``--json`` prints the figures as one JSON object (the short soak in the tests reads it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets

from bench.chat_load import seed_staff
from tests.helpers import ROOT, BackendProcess, die_with_parent, free_port
from tests.sip.peers import Kamailio, Peer

SAMPLE_S = 3.0
METRICS = ("true", "false", "none", "rss_mb", "fds", "os_threads")


@dataclass
class Tally:
    started: int = 0
    served: int = 0  # closed by staff after their three replies
    lines: int = 0
    accept_not_found: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    calls: int = 0
    calls_answered: int = 0


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs (0 where xs do not vary)."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var


def rss_fds_threads(pid: int) -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        out["fds"] = len(os.listdir(f"/proc/{pid}/fd"))
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                out["rss_mb"] = int(line.split()[1]) / 1024
            elif line.startswith("Threads:"):
                out["os_threads"] = int(line.split()[1])
    except OSError:
        pass
    return out


async def client(url: str, tally: Tally, stop: asyncio.Event) -> None:
    try:
        async with websockets.connect(url + "/ws/client") as ws:
            await ws.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
            tally.started += 1
            sent = 0
            async with asyncio.timeout(120):
                async for raw in ws:
                    frame = json.loads(raw)
                    if frame["type"] == "joined":
                        for i in range(3):
                            line = {"v": 1, "type": "message", "client_msg_id": f"l{i}"}
                            await ws.send(json.dumps({**line, "text": f"Kysymys {i}"}))
                            sent += 1
                            await asyncio.sleep(0.25)
                    elif frame["type"] == "closed" or stop.is_set():
                        break
            tally.lines += sent
    except (OSError, TimeoutError, websockets.ConnectionClosed) as exc:
        tally.errors[f"client {type(exc).__name__}"] = (
            tally.errors.get(f"client {type(exc).__name__}", 0) + 1
        )


async def professional(url: str, username: str, tally: Tally, stop: asyncio.Event) -> None:
    """Accepts every offer, answers the client's three lines, closes, and is Ready again."""
    async with websockets.connect(url + "/ws/staff", max_size=2**24) as ws:

        async def send(**frame: Any) -> None:
            await ws.send(json.dumps({"v": 1, **frame}))

        await send(type="login", username=username, password="bench")
        await send(type="set_status", status="ready")
        answered: dict[str, int] = {}
        n = 0
        while not stop.is_set():
            try:
                async with asyncio.timeout(1):
                    raw = await ws.recv()
            except TimeoutError:
                continue
            frame = json.loads(raw)
            kind = frame["type"]
            if kind == "offer":
                await send(type="accept", conversation_id=frame["conversation_id"])
            elif kind == "message" and frame["line"]["author"] == "client":
                cid = frame["conversation_id"]
                answered[cid] = answered.get(cid, 0) + 1
                n += 1
                await send(
                    type="send",
                    conversation_id=cid,
                    client_msg_id=f"{username}-{n}",
                    text="Vastaus",
                )
                if answered[cid] == 3:
                    await send(type="close", conversation_id=cid, outcome="one_contact")
                    answered.pop(cid)
                    tally.served += 1
            elif kind == "status" and frame["status"] != "ready":
                await send(type="set_status", status="ready")
            elif kind == "error":
                code = frame["code"]
                if code == "not_found" and "offer" in (frame.get("detail") or ""):
                    tally.accept_not_found += 1
                tally.errors[f"staff {code}"] = tally.errors.get(f"staff {code}", 0) + 1


async def caller(
    peer: Peer, target: str, every_s: float, tally: Tally, stop: asyncio.Event
) -> None:
    while not stop.is_set():
        await asyncio.sleep(every_s)
        handle = peer.send("dial", target=target)["result"]
        tally.calls += 1
        # She answers after 1 s (auto-answer); a loaded machine may take longer.
        deadline = time.monotonic() + 8.0
        while time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            mine = [c for c in peer.send("state")["calls"] if c["id"] == handle]
            if mine and mine[0]["state"] == "active":
                tally.calls_answered += 1
                await asyncio.sleep(2.0)  # a short talk, audio flowing both ways
                break
        with contextlib.suppress(RuntimeError):
            peer.send("hangup", handle=handle)


def last_probe(path: Path) -> dict[str, Any] | None:
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return None
    return json.loads(lines[-1]) if lines else None


async def soak(minutes: float, rate: float, staff: int, call_every: float) -> dict[str, Any]:
    data = Path(tempfile.mkdtemp(prefix="luukku-soak-"))
    await seed_staff(data, staff, capacity=3)
    kamailio = Kamailio()
    kamailio.start()
    backend = BackendProcess(data, free_port())
    backend.start()
    probe = data / "desktop-probe.jsonl"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(data),  # her own QSettings, not the developer's
        XDG_CONFIG_HOME=str(data / "config"),
        LUUKKU_MACHINE_CONFIG=str(data / "none.toml"),
        LUUKKU_REFCOUNT_PROBE=str(probe),
        LUUKKU_SIP_REGISTRAR=kamailio.address,
        LUUKKU_AUTO_ANSWER_S="1",
        LUUKKU_LANG="fi",
    )
    desktop = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--backend", backend.http, "--demo"],
        cwd=ROOT,
        env=env,
        stdout=open(data / "desktop.log", "wb"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
        preexec_fn=die_with_parent,
    )
    peer = Peer()
    tally = Tally()
    stop = asyncio.Event()
    samples: list[dict[str, float]] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        await peer.register(kamailio.address, "soakcaller")
        deadline = time.monotonic() + 30
        while last_probe(probe) is None:
            if desktop.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "the desktop did not start: " + (data / "desktop.log").read_text()[-2000:]
                )
            await asyncio.sleep(0.2)
        await asyncio.sleep(3)  # logged in, registered
        tasks = [
            asyncio.create_task(professional(backend.ws, f"bench{i}", tally, stop))
            for i in range(staff)
        ]
        tasks.append(
            asyncio.create_task(
                caller(peer, f"sip:hoitaja@{kamailio.address}", call_every, tally, stop)
            )
        )
        clients: set[asyncio.Task[None]] = set()
        started = time.monotonic()
        end = started + minutes * 60
        next_sample = started
        while time.monotonic() < end:
            if desktop.poll() is not None:
                break
            task = asyncio.create_task(client(backend.ws, tally, stop))
            clients.add(task)
            task.add_done_callback(clients.discard)
            if time.monotonic() >= next_sample:
                next_sample += SAMPLE_S
                reading = last_probe(probe) or {}
                row = {f"desktop_{k}": float(reading[k]) for k in METRICS if k in reading}
                assert backend.proc is not None
                row.update(
                    {f"backend_{k}": v for k, v in rss_fds_threads(backend.proc.pid).items()}
                )
                row.update(t=time.monotonic() - started, conversations=float(tally.served))
                samples.append(row)
            await asyncio.sleep(random.expovariate(rate))
        stop.set()
        await asyncio.gather(*clients, return_exceptions=True)
        alive = desktop.poll() is None
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        exit_code = desktop.poll()
        desktop.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            desktop.wait(15)
        peer.close()
        backend.stop()
        kamailio.close()
    return report(samples, tally, minutes, alive, exit_code, data)


def report(
    samples: list[dict[str, float]],
    tally: Tally,
    minutes: float,
    alive: bool,
    exit_code: int | None,
    data: Path,
) -> dict[str, Any]:
    # The first minute is warm-up (imports, caches, first conversations): not a trend.
    steady = [s for s in samples if s["t"] >= min(60.0, minutes * 60 / 3)]
    keys = sorted({k for s in steady for k in s} - {"t", "conversations"})
    slopes: dict[str, dict[str, float]] = {}
    for key in keys:
        rows = [s for s in steady if key in s]
        per_conv = slope([s["conversations"] for s in rows], [s[key] for s in rows]) * 1000
        per_hour = slope([s["t"] for s in rows], [s[key] for s in rows]) * 3600
        slopes[key] = {
            "per_1000_conversations": per_conv,
            "per_hour": per_hour,
            "ten_hour_day": per_hour * 10,
            "first": rows[0][key] if rows else float("nan"),
            "last": rows[-1][key] if rows else float("nan"),
        }
    return {
        "minutes": minutes,
        "desktop_alive": alive,
        "desktop_exit": exit_code,
        "conversations_started": tally.started,
        "conversations_served": tally.served,
        "client_lines": tally.lines,
        "calls": tally.calls,
        "calls_answered": tally.calls_answered,
        "accept_not_found": tally.accept_not_found,
        "errors": tally.errors,
        "samples": len(samples),
        "slopes": slopes,
        "data_dir": str(data),
    }


def print_report(result: dict[str, Any]) -> None:
    print(
        f"soak: {result['minutes']:.0f} min, {result['conversations_served']} conversations "
        f"served of {result['conversations_started']} started, {result['client_lines']} client "
        f"lines, {result['calls_answered']}/{result['calls']} calls answered by the desktop"
    )
    print(
        f"  desktop alive at the end: {result['desktop_alive']}; accepts refused as not_found "
        f"(double offers): {result['accept_not_found']}; errors: {result['errors'] or 'none'}"
    )
    print(
        f"  {'figure':<20} {'per 1,000 conv.':>16} {'per hour':>12} {'10-h day':>12} {'last':>16}"
    )
    for key, s in result["slopes"].items():
        print(
            f"  {key:<20} {s['per_1000_conversations']:16.1f} {s['per_hour']:12.1f} "
            f"{s['ten_hour_day']:12.1f} {s['last']:16.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.soak")
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--rate", type=float, default=3.0, help="clients arriving a second")
    parser.add_argument("--staff", type=int, default=7)
    parser.add_argument("--call-every", type=float, default=20.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(soak(args.minutes, args.rate, args.staff, args.call_every))
    if args.json:
        print(json.dumps(result))
    else:
        print_report(result)


if __name__ == "__main__":
    main()
