"""Demo only: weeks of invented history."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from backend.config import load_service_config
from backend.settings import Settings


async def demo_history(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from backend.demo.history import demo_history, demo_roster, write
    from backend.demo.seed import DEMO_STAFF
    from backend.store.migrate import upgrade
    from backend.store.reports import ReportStore
    from backend.store.repository import Store

    if not settings.demo:
        print(
            "luukku-backend demo-history: refused: this writes invented contacts and runs only"
            " with LUUKKU_DEMO=1 (a demo database)",
            file=sys.stderr,
        )
        return 2
    config = load_service_config(settings.service_file, settings.demo)
    upgrade(settings.database_url)
    last = date.today() - timedelta(days=1)
    first = last - timedelta(weeks=args.weeks) + timedelta(days=1)
    history = demo_history(config, first=first, last=last)
    store = Store(settings.database_url)
    try:
        await write(store, history)
        roster = demo_roster(last + timedelta(days=1), 14, DEMO_STAFF)
        await ReportStore(store).replace_roster(roster, "demo-history", datetime.now(UTC))
        shifts = len(roster)
    finally:
        await store.close()
    print(
        f"demo history {first}..{last}: {len(history.calls)} calls, "
        f"{len(history.conversations)} chats, {len(history.callbacks)} callbacks; "
        f"a roster of {shifts} shifts for the next two weeks"
    )
    return 0
