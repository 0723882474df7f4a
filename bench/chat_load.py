"""Chat load over loopback: N simulated clients, M simulated staff, a real backend process.

    .venv/bin/python -m bench.chat_load --clients 200 --staff 30 --messages 10

Each staff member accepts every offer at once and answers every client line with an echo.
Measured in this one process (one monotonic clock):

* ack:        client sends a line -> the backend's ack (stored and committed)
* round trip: client sends a line -> the staff echo of it arrives back at the client
* offer:      the client's ``started`` -> the offer arrives at a staff socket
* backend RSS: peak resident memory of the backend process, sampled every 0.2 s
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

import websockets

from bench.common import (
    backend_process,
    generator_without_collector,
    listening,
    server_process,
)

SERVICE = Path(__file__).with_name("bench_service.toml")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def spread(name: str, values: list[float]) -> str:
    p50, p99 = pct(values, 50) * 1000, pct(values, 99) * 1000
    top = max(values, default=float("nan")) * 1000
    return f"  {name:<10} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   max {top:6.1f} ms"


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_s(pid: int) -> float:
    """The process's CPU time so far (user + system, all its threads)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def longest_tick(port: int) -> float:
    """The hub's longest round since it started, in ms (its /api/health)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as answer:
            return float(json.loads(answer.read())["tick_longest_s"]) * 1000
    except (OSError, KeyError, ValueError):
        return float("nan")


async def seed_staff(data_dir: Path, count: int, capacity: int) -> None:
    from backend.auth import hash_password
    from backend.store.migrate import upgrade
    from backend.store.repository import Store
    from backend.store.tables import StaffUser, utcnow

    url = f"sqlite:///{data_dir / 'luukku.db'}"
    upgrade(url)
    store = Store(url)
    password_hash = hash_password("bench")
    for i in range(count):
        await store.add_user(
            StaffUser(
                username=f"bench{i}",
                display_name=f"Bench {i}",
                password_hash=password_hash,
                role="nurse",
                skills="neuvola",
                chat_capacity=capacity,
                chat_while_on_call=False,
                active=True,
                created_at=utcnow(),
            )
        )
    await store.close()


async def log_in(ws: websockets.ClientConnection, username: str) -> None:
    """A whole shift logging in from one address at once is let in a few at a time (the
    log-in throttle): try again, as the desktop does."""
    login = {"v": 1, "type": "login", "username": username, "password": "bench"}
    await ws.send(json.dumps(login))
    while True:
        frame = json.loads(await ws.recv())
        if frame["type"] == "logged_in":
            return
        if frame["type"] == "error" and frame["code"] == "rate_limited":
            await asyncio.sleep(random.uniform(0.2, 0.6))
            await ws.send(json.dumps(login))


class Results:
    def __init__(self) -> None:
        self.ack: list[float] = []
        self.rtt: list[float] = []
        self.rtt_at: list[tuple[float, float]] = []
        self.offer: list[float] = []
        self.answer: list[float] = []
        self.started: dict[str, float] = {}
        self.errors = 0
        # What the staff sockets were sent, by frame type: frames and bytes.
        self.to_staff: dict[str, list[int]] = {}


async def staff_member(
    url: str, i: int, results: Results, stop: asyncio.Event, ready: asyncio.Semaphore
) -> None:
    async with websockets.connect(url + "/ws/staff", max_size=2**22) as ws:
        await log_in(ws, f"bench{i}")
        await ws.send(json.dumps({"v": 1, "type": "set_status", "status": "ready"}))
        n = 0
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(ws.recv(), 0.5)
            except TimeoutError:
                continue
            frame = json.loads(raw)
            seen = results.to_staff.setdefault(frame["type"], [0, 0])
            seen[0] += 1
            seen[1] += len(raw)
            if frame["type"] == "status" and frame["status"] == "ready":
                ready.release()
            elif frame["type"] == "offer":
                cid = frame["conversation_id"]
                if cid in results.started:
                    results.offer.append(time.monotonic() - results.started[cid])
                await ws.send(json.dumps({"v": 1, "type": "accept", "conversation_id": cid}))
            elif frame["type"] == "message" and frame["line"]["author"] == "client":
                n += 1
                await ws.send(
                    json.dumps(
                        {
                            "v": 1,
                            "type": "send",
                            "conversation_id": frame["conversation_id"],
                            "client_msg_id": f"s{i}-{n}",
                            "text": "echo:" + frame["line"]["text"],
                        }
                    )
                )
            elif frame["type"] == "error":
                results.errors += 1


async def client(
    url: str,
    messages: int,
    pause_s: float,
    results: Results,
    everyone: asyncio.Barrier | None,
    arrive_after_s: float = 0.0,
) -> None:
    """One client: starts, waits to be joined, then writes ``messages`` lines ``pause_s``
    apart. With ``everyone``, all write only once every chat is open (a steady state);
    without, each begins as soon as she is joined, ``arrive_after_s`` into the run."""
    await asyncio.sleep(arrive_after_s)
    async with websockets.connect(url + "/ws/client", open_timeout=60) as ws:
        began = time.monotonic()
        await ws.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == "started":
                results.started[frame["conversation_id"]] = time.monotonic()
            if frame["type"] == "joined":
                results.answer.append(time.monotonic() - began)
                break
        if everyone is not None:
            # Steady state: all chats open, each client writing at its own rhythm.
            await everyone.wait()
        await asyncio.sleep(random.uniform(0, pause_s))
        for n in range(messages):
            text = f"m{n}"
            sent = time.monotonic()
            await ws.send(
                json.dumps({"v": 1, "type": "message", "client_msg_id": text, "text": text})
            )
            acked = False
            while True:
                frame = json.loads(await ws.recv())
                if frame["type"] == "ack" and frame["client_msg_id"] == text:
                    results.ack.append(time.monotonic() - sent)
                    acked = True
                elif frame["type"] == "message" and frame["line"]["text"] == "echo:" + text:
                    results.rtt.append(time.monotonic() - sent)
                    results.rtt_at.append((sent, time.monotonic() - sent))
                    if acked:
                        break
                elif frame["type"] == "error":
                    results.errors += 1
            await asyncio.sleep(pause_s)
        await ws.send(json.dumps({"v": 1, "type": "leave"}))


def relay_process(port: int, data_dir: Path) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """The reference relay (bench/relay.py), started and stopped like the backend."""
    args = ["-m", "bench.relay", "--port", str(port), "--db", str(data_dir / "r.db")]
    return server_process(args, None, listening(port), "relay")


@dataclass
class Figures:
    target: str
    clients: int
    staff: int
    round_trips: int
    lines: int
    elapsed_s: float
    ack: list[float]
    rtt: list[float]
    arrival: list[float]
    offer: list[float]
    errors: int
    dropped: int
    idle_rss_mb: float
    peak_rss_mb: float
    rtt_at: list[tuple[float, float]] = field(default_factory=list)
    # The server's CPU seconds from the first client to the last line.
    cpu_s: float = 0.0
    # Clients arrived spread over this many seconds (0: all at once, then a steady state).
    arrive_over_s: float = 0.0
    # The hub's longest round (/api/health; Luukku only).
    longest_tick_ms: float = float("nan")
    to_staff: dict[str, list[int]] = field(default_factory=dict)
    # The generator's own CPU seconds (it shares the machine with the server).
    generator_cpu_s: float = 0.0
    # (monotonic time, the server's CPU seconds so far), five times a second.
    cpu_at: list[tuple[float, float]] = field(default_factory=list)

    @property
    def cpu_per_round_trip_us(self) -> float:
        return self.cpu_s / max(1, len(self.rtt)) * 1e6

    def p(self, name: str, q: float) -> float:
        values: list[float] = getattr(self, name)
        return pct(values, q) * 1000


async def measure(
    target: str,
    clients: int,
    staff_count: int,
    messages: int,
    pause: float,
    port: int,
    time_limit_s: float = 300,
    arrive_over_s: float = 0.0,
    on_load: Callable[[int], object] | None = None,
) -> Figures:
    """One run of the generator against ``target`` ("luukku" or "relay"), started fresh.
    ``arrive_over_s``: the clients come spread evenly over that many seconds, each writing
    as soon as she is joined (a morning's arrivals); 0: all at once, then the lines.
    ``on_load`` is told the server's pid as the clients begin (bench.profile). The run's
    database goes with it (a 2,000-chat run leaves tens of megabytes)."""
    with tempfile.TemporaryDirectory(prefix=f"luukku-bench-{target}-") as folder:
        data_dir = Path(folder)
        capacity = max(2, -(-clients // staff_count))
        url = f"ws://127.0.0.1:{port}"
        if target == "luukku":
            await seed_staff(data_dir, staff_count, capacity)
            env = dict(
                os.environ,
                LUUKKU_DATA_DIR=str(data_dir),
                LUUKKU_PORT=str(port),
                LUUKKU_SERVICE_FILE=str(SERVICE),
            )
            process = backend_process(env, port)
        else:
            process = relay_process(port, data_dir)
        with process as server:
            idle_rss = rss_mb(server.pid)
            peak = [idle_rss]

            async def sample() -> None:
                while True:
                    peak[0] = max(peak[0], rss_mb(server.pid))
                    cpu_at.append((time.monotonic(), cpu_s(server.pid)))
                    await asyncio.sleep(0.2)

            cpu_at: list[tuple[float, float]] = []

            sampler = asyncio.create_task(sample())
            results = Results()
            stop = asyncio.Event()
            ready = asyncio.Semaphore(0)
            staff = [
                asyncio.create_task(staff_member(url, i, results, stop, ready))
                for i in range(staff_count)
            ]
            # The shift is on before the clients come: every staff member logged in and Ready.
            for _ in range(staff_count):
                await ready.acquire()
            if on_load is not None:
                on_load(server.pid)
            began = time.monotonic()
            cpu_began = cpu_s(server.pid)
            generator_began = time.process_time()
            everyone = asyncio.Barrier(clients) if arrive_over_s <= 0 else None
            with generator_without_collector():
                runs = [
                    asyncio.create_task(
                        client(url, messages, pause, results, everyone, arrive_over_s * n / clients)
                    )
                    for n in range(clients)
                ]
                done, late = await asyncio.wait(runs, timeout=time_limit_s)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            dropped = len(late) + sum(1 for t in done if t.exception() is not None)
            elapsed = time.monotonic() - began
            cpu_used = cpu_s(server.pid) - cpu_began
            generator_cpu = time.process_time() - generator_began
            longest_tick_ms = longest_tick(port) if target == "luukku" else float("nan")
            stop.set()
            staff_ends = await asyncio.gather(*staff, return_exceptions=True)
            dropped += sum(1 for end in staff_ends if isinstance(end, BaseException))
            sampler.cancel()
        return Figures(
            target,
            clients,
            staff_count,
            len(results.rtt),
            clients * messages,
            elapsed,
            results.ack,
            results.rtt,
            results.answer,
            results.offer,
            results.errors,
            dropped,
            idle_rss,
            peak[0],
            results.rtt_at,
            cpu_used,
            arrive_over_s,
            longest_tick_ms,
            results.to_staff,
            generator_cpu,
            cpu_at,
        )


async def main_async(args: argparse.Namespace) -> int:
    f = await measure(
        args.target,
        args.clients,
        args.staff,
        args.messages,
        args.pause,
        args.port,
        arrive_over_s=args.arrive_over,
    )
    capacity = max(2, -(-args.clients // args.staff))
    print(
        f"chat load ({f.target}): {f.clients} clients, {f.staff} staff (capacity {capacity}), "
        f"{args.messages} lines each, {len(f.rtt)} round trips in {f.elapsed_s:.1f} s"
    )
    print(spread("arrival", f.arrival) + "   (all clients at once: start -> joined)")
    print(spread("ack", f.ack))
    print(spread("round trip", f.rtt))
    print(spread("offer", f.offer))
    if os.environ.get("BENCH_TIMELINE") and f.rtt_at:
        t0 = min(t for t, _ in f.rtt_at)
        for second in range(int(f.elapsed_s) + 1):
            window = [r for t, r in f.rtt_at if second <= t - t0 < second + 1]
            used = [c for t, c in f.cpu_at if second <= t - t0 < second + 1]
            cpu = f"{100 * (used[-1] - used[0]):4.0f} % CPU" if len(used) > 1 else ""
            if window:
                print(
                    f"    t={second:3d}s n={len(window):4d} p50 {pct(window, 50) * 1000:7.1f} "
                    f"p99 {pct(window, 99) * 1000:7.1f} ms  server {cpu}"
                )
    print(
        f"  server CPU {f.cpu_per_round_trip_us:.0f} µs a round trip; "
        f"the hub's longest round {f.longest_tick_ms:.0f} ms"
    )
    print(
        f"  CPU used: server {f.cpu_s:.1f} s, generator {f.generator_cpu_s:.1f} s "
        f"in {f.elapsed_s:.1f} s"
    )
    kinds = sorted(f.to_staff.items(), key=lambda kind: -kind[1][1])
    print(
        "  to the staff sockets: "
        + ", ".join(f"{name} {n} ({size / 1e6:.1f} MB)" for name, (n, size) in kinds)
    )
    print(
        f"  server RSS idle {f.idle_rss_mb:.0f} MB, peak {f.peak_rss_mb:.0f} MB; "
        f"errors {f.errors}, dropped connections {f.dropped}"
    )
    return 1 if f.errors or f.dropped else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--staff", type=int, default=30)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between a client's lines")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument(
        "--arrive-over",
        type=float,
        default=0.0,
        help="clients arrive spread over this many seconds (0: all at once)",
    )
    parser.add_argument("--target", choices=["luukku", "relay"], default="luukku")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
