"""Luukku against the minimal durable relay (bench/relay.py), the same generator, in one
run, at 50/10, 200/30, 500/60 and 1,000/100 clients/staff (all arrive at once, then every
chat writes), and 2,000/200 arriving over 60 s (each writes as soon as she is joined).

    .venv/bin/python -m bench.national
    .venv/bin/python -m bench.national --sizes 50/10 200/30 2000/200@60 --messages 10
    .venv/bin/python -m bench.national --sizes 1000/100 --repeat 3

A size is CLIENTS/STAFF, or CLIENTS/STAFF@SECONDS for arrivals spread over that long. For
each size the relay runs first, then Luukku, each on a fresh database. Printed: round trip
and ack p50/p99 for both, the ratios (targets: p99 <= 3x the relay and < 100 ms), the CPU
a round trip, the hub's longest round (target < 100 ms), start -> joined, lines acked of
lines sent, dropped connections. ``--repeat N`` runs each size N times, relay and Luukku
in turn, and pools the runs (every round trip's time; CPU seconds over round trips): on a
shared two-core machine one run's CPU a round trip wanders by a tenth either way.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace

from bench.chat_load import Figures, measure


def pooled(runs: list[Figures]) -> Figures:
    """The runs of one size as one: their samples together, their CPU summed."""
    first = runs[0]
    return replace(
        first,
        round_trips=sum(r.round_trips for r in runs),
        lines=sum(r.lines for r in runs),
        elapsed_s=sum(r.elapsed_s for r in runs),
        ack=[x for r in runs for x in r.ack],
        rtt=[x for r in runs for x in r.rtt],
        arrival=[x for r in runs for x in r.arrival],
        offer=[x for r in runs for x in r.offer],
        errors=sum(r.errors for r in runs),
        dropped=sum(r.dropped for r in runs),
        peak_rss_mb=max(r.peak_rss_mb for r in runs),
        cpu_s=sum(r.cpu_s for r in runs),
        longest_tick_ms=max(r.longest_tick_ms for r in runs),
    )


def row(luukku: Figures, relay: Figures) -> str:
    def both(name: str, q: float) -> str:
        return f"{luukku.p(name, q):6.1f} / {relay.p(name, q):5.1f}"

    ratio50 = luukku.p("rtt", 50) / relay.p("rtt", 50)
    ratio99 = luukku.p("rtt", 99) / relay.p("rtt", 99)
    ack99 = luukku.p("ack", 99) / relay.p("ack", 99)
    cpu = luukku.cpu_per_round_trip_us
    cpu_ratio = cpu / max(relay.cpu_per_round_trip_us, 1e-9)
    arrivals = f" over {luukku.arrive_over_s:.0f} s" if luukku.arrive_over_s else ""
    return (
        f"| {luukku.clients:>5} / {luukku.staff:<3}{arrivals} | "
        f"{both('rtt', 50)} | {both('rtt', 99)} | "
        f"{ratio50:4.1f}x / {ratio99:4.1f}x | {both('ack', 99)} ({ack99:4.1f}x) | "
        f"{cpu:5.0f} / {relay.cpu_per_round_trip_us:4.0f} µs ({cpu_ratio:3.1f}x) | "
        f"{luukku.longest_tick_ms:4.0f} ms | {luukku.p('arrival', 50) / 1000:5.2f} s | "
        f"{len(luukku.ack)}/{luukku.lines} | {luukku.dropped} / {relay.dropped} |"
    )


async def main_async(args: argparse.Namespace) -> int:
    lines = []
    failed = False
    for size in args.sizes:
        counts, _, over = size.partition("@")
        clients, staff = (int(x) for x in counts.split("/"))
        arrive_over = float(over or 0)
        relays, luukkus = [], []
        for _ in range(args.repeat):
            relays.append(
                await measure(
                    "relay",
                    clients,
                    staff,
                    args.messages,
                    1.0,
                    args.port,
                    args.time_limit,
                    arrive_over,
                )
            )
            luukkus.append(
                await measure(
                    "luukku",
                    clients,
                    staff,
                    args.messages,
                    1.0,
                    args.port + 1,
                    args.time_limit,
                    arrive_over,
                )
            )
        relay, luukku = pooled(relays), pooled(luukkus)
        lines.append(row(luukku, relay))
        print(lines[-1], flush=True)
        failed |= bool(
            luukku.dropped
            or len(luukku.ack) < luukku.lines
            or luukku.p("rtt", 99) > max(3 * relay.p("rtt", 99), 0)
            or luukku.p("rtt", 99) >= 100
            or luukku.longest_tick_ms >= 100
        )
    print()
    print(
        "| clients / staff | round trip p50 Luukku / relay (ms) | round trip p99 Luukku / relay"
        " | Luukku ÷ relay p50 / p99 | ack p99 Luukku / relay (÷) |"
        " CPU a round trip Luukku / relay (÷) | longest round | start → joined p50 |"
        " lines acked | dropped Luukku / relay |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for line in lines:
        print(line)
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", nargs="+", default=["50/10", "200/30", "500/60", "1000/100", "2000/200@60"]
    )
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each size, pooled (relay, Luukku in turn)"
    )
    parser.add_argument("--port", type=int, default=8792)
    parser.add_argument(
        "--time-limit",
        type=float,
        default=180,
        help="seconds a size may take before its unfinished clients count as dropped",
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
