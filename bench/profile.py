"""Where the backend's time goes under chat load: py-spy samples the backend process while
bench.chat_load's generator runs, and the top costs are printed with file:line.

    .venv/bin/python -m bench.profile --clients 2000 --staff 200 --arrive-over 60
    .venv/bin/python -m bench.profile --clients 1000 --staff 100 --out /tmp/p.txt

Printed: the functions with the most samples of their own (where the CPU is spent) and
the most samples under them (which paths cost), as a share of all samples; the collapsed
stacks are kept in ``--out`` for a flame graph. Needs py-spy (``pip install py-spy``; it
reads the process's memory, so run as root or with ptrace allowed).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.chat_load import measure


def read_stacks(path: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw format: one line a stack, frames root first joined by ';', a count."""
    stacks = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            stacks.append((stack.split(";"), int(count)))
    return stacks


def top(stacks: list[tuple[list[str], int]], n: int) -> tuple[list[str], list[str]]:
    total = sum(count for _, count in stacks) or 1
    own: Counter[str] = Counter()
    under: Counter[str] = Counter()
    for frames, count in stacks:
        if frames:
            own[frames[-1]] += count
        for frame in set(frames):
            under[frame] += count

    def lines(counter: Counter[str]) -> list[str]:
        return [f"  {100 * c / total:5.1f} %  {frame}" for frame, c in counter.most_common(n)]

    return lines(own), lines(under)


async def main_async(args: argparse.Namespace) -> int:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    out = Path(args.out or tempfile.mkstemp(prefix="luukku-profile-", suffix=".txt")[1])
    recorder: list[subprocess.Popen[bytes]] = []

    def attach(pid: int) -> None:
        recorder.append(
            subprocess.Popen(
                [
                    spy,
                    "record",
                    "--pid",
                    str(pid),
                    "--format",
                    "raw",
                    "--output",
                    str(out),
                    "--rate",
                    str(args.rate),
                    "--nonblocking",
                    *(["--gil"] if args.gil else []),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

    figures = await measure(
        "luukku",
        args.clients,
        args.staff,
        args.messages,
        1.0,
        args.port,
        args.time_limit,
        args.arrive_over,
        attach,
    )
    for process in recorder:
        process.wait(60)  # py-spy writes its file when the backend ends
    stacks = read_stacks(out)
    own, under = top(stacks, args.top)
    print(
        f"profile: {figures.clients} clients / {figures.staff} staff, "
        f"{len(figures.rtt)} round trips, p99 {figures.p('rtt', 99):.1f} ms, "
        f"{figures.cpu_per_round_trip_us:.0f} µs CPU a round trip, "
        f"{sum(c for _, c in stacks)} samples in {out}"
    )
    print("own samples (where the CPU is spent):")
    print("\n".join(own))
    print("samples under (the paths that cost):")
    print("\n".join(under))
    return 0 if stacks else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--staff", type=int, default=200)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--arrive-over", type=float, default=60.0)
    parser.add_argument("--time-limit", type=float, default=240)
    parser.add_argument("--rate", type=int, default=100, help="samples a second")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--gil",
        action="store_true",
        help="only the thread holding the GIL: where Python's one core goes",
    )
    parser.add_argument("--port", type=int, default=8794)
    parser.add_argument("--out", help="where the collapsed stacks go (default: a temp file)")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
