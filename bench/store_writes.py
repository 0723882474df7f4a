"""The writer thread's cost per chat line: what holds the GIL against the event loop.

Appends lines to a real SQLite file (WAL, ``synchronous=FULL``, as the backend runs) in
the batches the group commit forms under load, and reports the writer's CPU per line
(process CPU time, so the fsync waits are not counted) and the wall time per batch.

    python -m bench.store_writes [--conversations 500] [--batch 20] [--batches 400]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from backend.store.migrate import upgrade
from backend.store.repository import Store
from backend.store.tables import Conversation


async def main(conversations: int, batch: int, batches: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="luukku-bench-store-"))
    url = f"sqlite+aiosqlite:///{folder / 'store.db'}"
    upgrade(url)
    store = Store(url)
    now = datetime.now(UTC)
    ids = [f"c{i:05d}" for i in range(conversations)]
    for cid in ids:
        await store.add_conversation(
            Conversation(
                id=cid,
                queue="neuvola",
                channel="chat",
                state="open",
                client_token_hash="0" * 64,
                lang="fi",
                arrived_at=now,
            )
        )
    walls: list[float] = []
    cpu_start = time.process_time()
    n = 0
    for b in range(batches):
        started = time.perf_counter()
        await asyncio.gather(
            *(
                store.append_message(
                    ids[(b * batch + i) % conversations],
                    author="client",
                    text="Lapsella on kuumetta ja yskää, mitä teen?",
                    at=now,
                    client_msg_id=f"m{b}-{i}",
                )
                for i in range(batch)
            )
        )
        walls.append(time.perf_counter() - started)
        n += batch
    cpu = time.process_time() - cpu_start
    await store.close()
    walls.sort()
    print(f"store writes: {n} lines in batches of {batch} over {conversations} conversations")
    print(
        f"  CPU per line          {cpu / n * 1e6:8.0f} µs (writer and loop, fsync waits excluded)"
    )
    print(
        f"  batch wall p50 / p99  {statistics.median(walls) * 1e3:8.2f} / "
        f"{walls[int(len(walls) * 0.99)] * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=500)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--batches", type=int, default=400)
    args = parser.parse_args()
    asyncio.run(main(args.conversations, args.batch, args.batches))
