"""How fast a month's report is over a year of history, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.reports [--busy 75000] [--national 1000000] [--no-pg]

A year of invented history (backend/demo/history.py: the reference weekday × hour profile)
is written into a real database: a busy service (≈ 300 contacts a working day, ≈ 75,000 a
year) and a national one (≈ 1,000,000 a year). Then the last full month's report at
60-minute intervals, every queue, with per-person figures, is built the way the command
line builds it (read from the database, computed, nothing cached): the median of three
runs is the figure. The issue's bounds: under 1 s (busy) and under 5 s (national).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from backend.config import load_service_config
from backend.demo.history import MONTHLY, demo_history, write
from backend.domain.figures import Grain
from backend.reports.service import make_report
from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.helpers import ROOT, free_port

CONFIG = load_service_config(demo=True)
LAST = date(2026, 10, 31)
FIRST = LAST - timedelta(days=364)
MONTH = (date(2026, 10, 1), LAST)


async def measure(url: str, contacts: int, label: str) -> float:
    upgrade(url)
    store = Store(url)
    try:
        scale = contacts / (sum(MONTHLY.values()) * 12)
        t0 = time.perf_counter()
        history = demo_history(CONFIG, first=FIRST, last=LAST, scale=scale)
        await write(store, history)
        setup = time.perf_counter() - t0
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            report = await make_report(
                store,
                CONFIG,
                first=MONTH[0],
                last=MONTH[1],
                grain=Grain.MIN60,
                now=datetime(2026, 11, 30, tzinfo=UTC),
            )
            runs.append(time.perf_counter() - t0)
        month = sum(f.offered for f in report.totals.values())
        median = statistics.median(runs)
        print(
            f"{label}: {history.contacts:,} contacts in the year (written in {setup:.0f} s); "
            f"October: {month:,} contacts, {len(report.rows)} interval rows; "
            f"report {median * 1000:.0f} ms (median of 3: "
            + ", ".join(f"{r * 1000:.0f}" for r in runs)
            + " ms)"
        )
        return median
    finally:
        await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--busy", type=int, default=75_000)
    parser.add_argument("--national", type=int, default=1_000_000)
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, n in (("busy", args.busy), ("national", args.national)):
            asyncio.run(measure(f"sqlite:///{folder / (name + '.db')}", n, f"SQLite, {name}"))
        if args.no_pg:
            return
        # Not inside ``folder``: PostgreSQL runs as its own user, who cannot enter it.
        pgdir = Path(tempfile.mkdtemp(prefix="luukku-pg-"))
        pgdir.chmod(0o755)
        script = str(ROOT / "scripts" / "pg_test_server.sh")
        server = subprocess.run(
            ["bash", script, "start", str(pgdir), str(free_port())],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        try:
            import psycopg

            for name, n in (("busy", args.busy), ("national", args.national)):
                with psycopg.connect(server + "/postgres", autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "bench_{name}"')
                url = server.replace("postgresql://", "postgresql+psycopg://") + f"/bench_{name}"
                asyncio.run(measure(url, n, f"PostgreSQL, {name}"))
        finally:
            subprocess.run(["bash", script, "stop", str(pgdir)], check=False)
            shutil.rmtree(pgdir, ignore_errors=True)


if __name__ == "__main__":
    main()
