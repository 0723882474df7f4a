"""Staffing advice and the simulated day: how fast, and how far Erlang C is from the
router for chats.

    .venv/bin/python -m bench.staffing

1. Advice for a week of 30-minute intervals for the demo's 8 queues, over 8 weeks of
   demo history in a real SQLite file (forecast, Erlang A per interval, roster): median
   of 5 runs (the first, cold, apart). Bound in the issue: under 1 s.
2. A day of a busy service (≈ 300 contacts: calls and chats 8–15) through the real router:
   median of 5 seeds. Bound: under 2 s.
3. Chats: the service level the simulation gives four nurses with two chat slots each,
   against Erlang C with 4 × 2 servers, at a few loads.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from backend.config import load_service_config
from backend.demo.history import demo_history, demo_roster, write
from backend.demo.seed import DEMO_STAFF
from backend.domain.erlang import erlang_c_staffing
from backend.domain.figures import Targets
from backend.domain.simulation import QueueDemand, Shift, simulate
from backend.reports.staffing import make_advice
from backend.store.migrate import upgrade
from backend.store.reports import ReportStore
from backend.store.repository import Store

CONFIG = load_service_config(demo=True)
FIRST = date(2026, 12, 1)


async def advice_bench(folder: Path) -> None:
    url = f"sqlite:///{folder / 'staffing.db'}"
    upgrade(url)
    store = Store(url)
    try:
        history = demo_history(CONFIG, first=date(2026, 10, 6), last=date(2026, 11, 30))
        await write(store, history)
        await ReportStore(store).replace_roster(
            demo_roster(FIRST, 7, DEMO_STAFF), "bench", datetime.now(UTC)
        )
        runs = []
        for _ in range(6):
            t0 = time.perf_counter()
            advice = await make_advice(store, CONFIG, FIRST, 7, 30)
            runs.append(time.perf_counter() - t0)
        rows = [r for r in advice.rows if r.forecast >= 0.05]
        print(
            f"advice, a week of 30-min intervals, 8 queues ({history.contacts:,} contacts "
            f"of history): first {runs[0] * 1000:.0f} ms, then median "
            f"{statistics.median(runs[1:]) * 1000:.0f} ms; {len(rows)} staffed intervals, "
            f"{advice.digi_agent_hours:.1f} digi-agent hours for the demo roster"
        )
    finally:
        await store.close()


def day_bench() -> None:
    start = datetime(2026, 12, 1, 6, tzinfo=UTC)  # 8:00 in Helsinki
    # ≈ 300 contacts: 150 calls and 150 chats over 14 half hours, morning-heavy.
    profile = [1.6, 1.5, 1.4, 1.2, 1.1, 1.0, 0.9, 0.9, 0.9, 0.8, 0.8, 0.7, 0.6, 0.6]
    scale = 150 / sum(profile)
    demand = [
        QueueDemand("puh", "phone", "p", [p * scale for p in profile], 360, 900),
        QueueDemand("chat", "chat", "c", [p * scale for p in profile], 600, 600),
    ]
    shifts = [Shift(f"p{i}", frozenset({"p"}), 0, 7 * 3600) for i in range(5)] + [
        Shift(f"c{i}", frozenset({"c"}), 0, 7 * 3600, chat_capacity=2) for i in range(5)
    ]
    targets = CONFIG.targets()
    runs, levels = [], []
    for seed in range(5):
        t0 = time.perf_counter()
        result = simulate(
            day_start=start,
            interval_s=1800,
            demand=demand,
            shifts=shifts,
            targets=targets,
            seed=seed,
        )
        runs.append(time.perf_counter() - t0)
        levels.append(result.channels)
    contacts = sum(f.offered for f in levels[0].values())
    print(
        f"a simulated day, {contacts} contacts, 10 people: median "
        f"{statistics.median(runs) * 1000:.0f} ms (max {max(runs) * 1000:.0f} ms)"
    )


def chat_gap() -> None:
    start = datetime(2026, 12, 1, 6, tzinfo=UTC)
    shifts = [Shift(f"n{i}", frozenset({"c"}), 0, 7 * 3600, chat_capacity=2) for i in range(4)]
    print("chats, 4 nurses x 2 slots, AHT 600 s, target 120 s: simulated vs Erlang C (8 servers)")
    for per_half_hour in (10, 12, 16, 20):
        demand = [QueueDemand("chat", "chat", "c", [per_half_hour] * 14, 600, 1e9)]
        simulated = [
            simulate(
                day_start=start,
                interval_s=1800,
                demand=demand,
                shifts=shifts,
                targets={"chat": Targets(120, 10)},
                seed=seed,
            )
            .channels["chat"]
            .service_level
            or 0.0
            for seed in range(20)
        ]
        formula = erlang_c_staffing(per_half_hour / 1800, 600, 120, 8).service_level
        print(
            f"  {per_half_hour:2} chats / 30 min: simulated {statistics.fmean(simulated):.0%}"
            f", Erlang C {formula:.0%}"
        )


async def advice_on_the_demo(folder: Path) -> None:
    """What the supervisor waits for: a demo backend (8 weeks of demo history, as
    ``scripts/run.sh`` makes it), her desktop's request over the socket, the answer."""
    import subprocess
    import sys

    from tests.helpers import ROOT, BackendProcess, free_port, staff

    backend = BackendProcess(folder, free_port(), demo=True)
    env = dict(backend.env)
    subprocess.run(
        [sys.executable, "-m", "backend", "demo-history", "--weeks", "8"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    backend.start()
    try:
        boss = await staff(backend.ws, "esihenkilo", ready=False)
        first = (datetime.now(UTC).date()).isoformat()
        runs = []
        for _ in range(4):
            t0 = time.perf_counter()
            await boss.send(type="staffing_advice", first=first, days=7, interval="30")
            await boss.expect("staffing_advice", timeout=60)
            runs.append(time.perf_counter() - t0)
        await boss.close()
        print(
            f"advice on the demo, through the backend's socket (a week, 30 min): first "
            f"{runs[0] * 1000:.0f} ms, then median {statistics.median(runs[1:]) * 1000:.0f} ms "
            "(bound: 2 s)"
        )
    finally:
        backend.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(advice_bench(Path(tmp)))
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(advice_on_the_demo(Path(tmp)))
    day_bench()
    chat_gap()


if __name__ == "__main__":
    main()
