"""How long the daily retention purge takes over a busy service's year, on SQLite.

    .venv/bin/python -m bench.retention [--contacts 75000]

A year of invented history (backend/demo/history.py) is written into a real database file,
each chat given two lines, as a busy service (≈ 75,000 contacts a year) would have. Then
the first purge with the default periods (anonymous chats 90 days: about three quarters of
the year goes) and a second one the next day (nothing left to do: what a normal day costs).
The year's report by month is built before and after: its figures must be the same.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from backend.config import load_service_config
from backend.demo.history import MONTHLY, demo_history, write
from backend.domain.figures import Grain
from backend.reports.service import make_report
from backend.retention import Retention
from backend.store.migrate import upgrade
from backend.store.repository import Store
from backend.store.tables import Conversation, Message
from bench.reports import FIRST, LAST

CONFIG = load_service_config(demo=True)
NOW = datetime.combine(LAST + timedelta(days=1), datetime.min.time(), UTC) + timedelta(hours=3)


async def lines_for_every_chat(store: Store) -> int:
    def write_lines(s: object) -> int:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        rows = s.execute(select(Conversation.id, Conversation.arrived_at)).all()
        s.execute(
            insert(Message),
            [
                {
                    "conversation_id": cid,
                    "seq": seq,
                    "author": "client" if seq == 1 else "staff",
                    "text": "Lapsella on kuumetta" if seq == 1 else "Kuinka korkea kuume on?",
                    "at": at,
                    "kind": "text",
                }
                for cid, at in rows
                for seq in (1, 2)
            ],
        )
        return len(rows) * 2

    return await store.transaction(write_lines)


async def main(contacts: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="luukku-bench-retention-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    store = Store(url)
    try:
        scale = contacts / (sum(MONTHLY.values()) * 12)
        history = demo_history(CONFIG, first=FIRST, last=LAST, scale=scale)
        await write(store, history)
        lines = await lines_for_every_chat(store)

        async def year() -> object:
            report = await make_report(
                store, CONFIG, first=FIRST, last=LAST, grain=Grain.MONTH, now=NOW
            )
            return report.totals, report.rows

        before = await year()
        retention = Retention(store, lambda: CONFIG, lambda: NOW)
        t0 = time.perf_counter()
        first = await retention.purge_now()
        first_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        second = await retention.purge_now()
        second_s = time.perf_counter() - t0
        same = await year() == before
    finally:
        await store.close()
    print(f"retention purge, SQLite, a year of a busy service ({contacts} contacts, {lines} lines)")
    print(
        f"  first purge   {first_s:6.2f} s  "
        + ", ".join(f"{k.value} {n}" for k, n in first.items())
    )
    print(
        f"  next day      {second_s:6.2f} s  "
        + ", ".join(f"{k.value} {n}" for k, n in second.items())
    )
    print(f"  the year's figures by month unchanged: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=75_000)
    asyncio.run(main(parser.parse_args().contacts))
