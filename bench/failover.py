"""Takeover time, and lines lost or doubled, when the active node is killed, frozen or
stepped down under chat load: two backend nodes on one PostgreSQL behind the shipped
HAProxy file; 100 clients writing a line a second, 10 nurses answering.

    python -m bench.failover [--clients 100] [--rounds 3]

For each event: how long until the other node's health said active (for step-down, from
starting the command, whose own start is ~2 s of it), each client's time cut off (socket
lost -> resumed by a serving node), its first line acknowledged after the event, its
longest silence (a line a second: a second is no outage), acknowledged lines missing from
the database, and lines stored twice. Clients reconnect every 0.25 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

from tests.failover import (
    ChatLoad,
    Pair,
    check_lines,
    new_database,
    percentile,
    postgres_server,
    seed_staff,
    strike,
)

EVENTS = ("kill", "freeze", "step-down")


async def one(server: str, event: str, clients: int) -> str:
    url = new_database(server)
    seed_staff(url, 10, 4)
    with tempfile.TemporaryDirectory() as folder:
        pair = Pair(Path(folder), url)
        pair.start()
        load = ChatLoad(pair.front, clients=clients)
        try:
            await load.start()
            await load.steady()
            before = pair.wait_active(None, 5)
            after = pair.other(before)
            t0 = time.monotonic()
            strike(pair, event, before)
            await asyncio.to_thread(pair.wait_active, after, 20)
            took = time.monotonic() - t0
            everyone = {f"c{i}" for i in range(clients)}
            deadline = time.monotonic() + 30
            while not everyone <= set(load.tally.gaps_after(t0)):
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(3)
            if event == "freeze":
                os.kill(pair.pid(before), signal.SIGCONT)
            gaps = [g for who, g in load.tally.gaps_after(t0).items() if who in everyone]
            silences = load.tally.silences(t0, everyone)
            cut = load.tally.cut_off(t0, everyone)
        finally:
            await load.finish()
            pair.stop()
        outcome = check_lines(url, load.tally)
    return (
        f"| {event} | {took:.2f} | {percentile(cut, 50):.2f} / {percentile(cut, 99):.2f} | "
        f"{percentile(gaps, 50):.2f} / {percentile(gaps, 99):.2f} | "
        f"{percentile(silences, 50):.2f} / {percentile(silences, 99):.2f} | "
        f"{len(gaps)}/{clients} | {len(load.tally.acked)} | {outcome.lost} | "
        f"{outcome.duplicated} |"
    )


async def main_async(args: argparse.Namespace) -> int:
    print(
        "| event | other node active after (s) | cut off p50 / p99 (s) | "
        "first line again p50 / p99 (s) | longest silence p50 / p99 (s) | "
        "clients served again | lines acked | lost | doubled |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with postgres_server() as server:
        for _ in range(args.rounds):
            for event in EVENTS:
                print(await one(server, event, args.clients), flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
