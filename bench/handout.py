"""A burst and its hand-out: 2,000 clients arrive within 10 s while 30 staff are logged in
but not Ready; then the staff go Ready and accept every offer at once.

    .venv/bin/python -m bench.handout --clients 2000 --staff 30
    .venv/bin/python -m bench.handout --clients 4000 --staff 200 --rush

``--rush``: the opening of a big day instead. The staff log in all at once, each from a
workstation of her own (127.0.0.x), while the clients arrive; then Ready and the hand-out.

Measured from outside, on one monotonic clock:

* queued:   a client's ``start`` -> its ``started`` (the row committed), p50 / p99
* hand-out: accepts per second end to end (Ready -> each client's ``joined``)
* position frames: ``queue`` frames the waiting clients got during the hand-out
* dropped:  staff or client sockets that closed under the load (must be none)
* tick:     the hub's longest round (``/api/health``), against its 0.25 s period
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets

from bench.chat_load import SERVICE, log_in, longest_tick, pct, rss_mb, seed_staff
from bench.common import backend_process, generator_without_collector


@dataclass
class HandOut:
    queued: list[float] = field(default_factory=list)
    joined_at: list[float] = field(default_factory=list)
    queue_frames: int = 0
    queue_frames_before: int = 0
    dropped_clients: int = 0
    dropped_staff: int = 0
    errors: int = 0
    # Log-in -> logged_in for each staff member (the rush), throttled retries included.
    logins: list[float] = field(default_factory=list)


async def waiting_client(
    url: str, delay: float, out: HandOut, go: asyncio.Event, done: asyncio.Event
) -> None:
    await asyncio.sleep(delay)
    try:
        async with websockets.connect(url + "/ws/client", open_timeout=60) as ws:
            sent = time.monotonic()
            await ws.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
            while True:
                frame = json.loads(await ws.recv())
                if frame["type"] == "started":
                    out.queued.append(time.monotonic() - sent)
                elif frame["type"] == "queue":
                    if go.is_set():
                        out.queue_frames += 1
                    else:
                        out.queue_frames_before += 1
                elif frame["type"] == "joined":
                    out.joined_at.append(time.monotonic())
                    break
                elif frame["type"] == "error":
                    out.errors += 1
            await done.wait()
    except (OSError, websockets.ConnectionClosed, TimeoutError):
        out.dropped_clients += 1


async def staff_member(
    url: str,
    i: int,
    out: HandOut,
    logged_in: asyncio.Semaphore,
    go: asyncio.Event,
    done: asyncio.Event,
    own_address: bool,
) -> None:
    # A workstation of her own: the log-in throttle counts per address, as in a hospital.
    local: tuple[str, int] | None = (
        (f"127.0.{1 + i // 250}.{1 + i % 250}", 0) if own_address else None
    )
    counted = False
    try:
        async with websockets.connect(
            url + "/ws/staff", max_size=2**24, local_addr=local, open_timeout=60
        ) as ws:
            began = time.monotonic()
            await log_in(ws, f"bench{i}")
            out.logins.append(time.monotonic() - began)
            counted = True
            logged_in.release()
            # Reading all along, as a desktop does: frames left unread fill the client's
            # queue, it stops reading the socket, and its keep-alive then times out.
            ready = False
            while not done.is_set():
                if go.is_set() and not ready:
                    ready = True
                    await ws.send(json.dumps({"v": 1, "type": "set_status", "status": "ready"}))
                try:
                    frame = json.loads(await asyncio.wait_for(ws.recv(), 0.5 if ready else 0.05))
                except TimeoutError:
                    continue
                if frame["type"] == "offer":
                    await ws.send(
                        json.dumps(
                            {"v": 1, "type": "accept", "conversation_id": frame["conversation_id"]}
                        )
                    )
    except (OSError, websockets.ConnectionClosed, TimeoutError) as exc:
        out.dropped_staff += 1
        print(f"  staff {i}: {exc!r}", file=sys.stderr)
    finally:
        if not counted:
            logged_in.release()  # never hang the bench on one who could not log in


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="luukku-handout-") as folder:
        return await run_in(Path(folder), args)


async def run_in(data_dir: Path, args: argparse.Namespace) -> int:
    """The bench with its database in ``data_dir`` (removed after it)."""
    capacity = -(-args.clients // args.staff)
    await seed_staff(data_dir, args.staff, capacity)
    env = dict(
        os.environ,
        LUUKKU_DATA_DIR=str(data_dir),
        LUUKKU_PORT=str(args.port),
        LUUKKU_SERVICE_FILE=str(SERVICE),
    )
    url = f"ws://127.0.0.1:{args.port}"
    out = HandOut()
    with backend_process(env, args.port) as backend, generator_without_collector():
        go, done = asyncio.Event(), asyncio.Event()
        logged_in = asyncio.Semaphore(0)
        staff = [
            asyncio.create_task(staff_member(url, i, out, logged_in, go, done, args.rush))
            for i in range(args.staff)
        ]
        if not args.rush:
            for _ in range(args.staff):
                await logged_in.acquire()
        began = time.monotonic()
        clients = [
            asyncio.create_task(
                waiting_client(url, random.uniform(0, args.arrive_within), out, go, done)
            )
            for _ in range(args.clients)
        ]
        while len(out.queued) + out.dropped_clients < args.clients:
            if time.monotonic() - began > 120:
                break
            await asyncio.sleep(0.1)
        arrived = time.monotonic() - began
        for _ in range(args.staff):
            await logged_in.acquire()
        all_in = time.monotonic() - began
        tick_before = longest_tick(args.port)
        ready_at = time.monotonic()
        go.set()
        while len(out.joined_at) + out.dropped_clients < args.clients:
            if time.monotonic() - ready_at > args.time_limit:
                break
            await asyncio.sleep(0.1)
        tick_after = longest_tick(args.port)
        peak_rss = rss_mb(backend.pid)
        done.set()
        await asyncio.gather(*clients, *staff, return_exceptions=True)
    joined = sorted(out.joined_at)
    span = (joined[-1] - ready_at) if joined else float("nan")
    print(
        f"hand-out: {args.clients} clients within {args.arrive_within:.0f} s, "
        f"{args.staff} staff (capacity {capacity})"
    )
    print(
        f"  queued     {len(out.queued)} of {args.clients} in {arrived:.1f} s; start -> started "
        f"p50 {pct(out.queued, 50) * 1000:.0f} ms, p99 {pct(out.queued, 99) * 1000:.0f} ms"
    )
    print(
        f"  hand-out   {len(joined)} joined in {span:.1f} s after Ready: "
        f"{len(joined) / span:.0f} accepts/s end to end"
    )
    if args.rush:
        print(
            f"  log-in     {len(out.logins)} of {args.staff} staff in {all_in:.1f} s, each from "
            f"its own address; log-in -> logged_in p50 {pct(out.logins, 50) * 1000:.0f} ms, "
            f"p99 {pct(out.logins, 99) * 1000:.0f} ms"
        )
    for second in range(min(int(span) + 1, 30) if joined else 0):
        n = sum(1 for t in joined if second <= t - ready_at < second + 1)
        print(f"    t={second:2d}s {n:5d} joined")
    print(
        f"  positions  {out.queue_frames} queue frames during the hand-out "
        f"({out.queue_frames / max(1, len(joined)):.1f} per client), "
        f"{out.queue_frames_before} while arriving"
    )
    print(
        f"  tick       longest {tick_after:.0f} ms (arriving: {tick_before:.0f} ms; period 250 ms)"
    )
    print(
        f"  dropped    staff {out.dropped_staff}, clients {out.dropped_clients}; "
        f"errors {out.errors}; backend RSS {peak_rss:.0f} MB"
    )
    failed = out.dropped_staff or out.dropped_clients or len(joined) < args.clients
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--staff", type=int, default=30)
    parser.add_argument("--arrive-within", type=float, default=10.0)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument(
        "--rush", action="store_true", help="the staff log in at once as the clients arrive"
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
