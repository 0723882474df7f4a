"""``python -m backend step-down`` and ``nodes``: the two-node pair seen from a shell."""

from __future__ import annotations

import sys
import time

import psycopg

from backend.node.lease import NoStandby, ask_to_step_down, current_holder
from backend.settings import Settings
from backend.store.connect import is_postgresql

HANDOVER_WAIT_S = 15.0


def step_down(settings: Settings) -> int:
    """Ask the active node to hand over to the standby (a planned switch: an update, a
    reboot); waits until the other node serves."""
    if not is_postgresql(settings.database_url):
        print("luukku-backend: step-down is for two nodes on PostgreSQL", file=sys.stderr)
        return 2
    try:
        holder = ask_to_step_down(settings.database_url)
        if holder is None:
            print("luukku-backend: no node is active now; nothing to hand over", file=sys.stderr)
            return 1
        print(f"asked {holder} to hand over")
        deadline = time.monotonic() + HANDOVER_WAIT_S
        while time.monotonic() < deadline:
            now = current_holder(settings.database_url)
            if now is not None and now.live and now.node != holder:
                print(f"{now.node} is active (lease token {now.token})")
                return 0
            time.sleep(0.1)
    except NoStandby:
        print(
            "luukku-backend: no standby node is running: stepping down would only restart "
            "the active one (start the other node first)",
            file=sys.stderr,
        )
        return 1
    except psycopg.Error as exc:
        print(f"luukku-backend: the database did not answer: {exc}", file=sys.stderr)
        return 1
    print(
        f"luukku-backend: no other node took over within {HANDOVER_WAIT_S:.0f} s "
        "(is the standby running?)",
        file=sys.stderr,
    )
    return 1


def nodes(settings: Settings) -> int:
    """Which node is active, since when, and its lease token."""
    if not is_postgresql(settings.database_url):
        print("one node (SQLite)")
        return 0
    try:
        holder = current_holder(settings.database_url)
    except psycopg.Error as exc:
        print(f"luukku-backend: the database did not answer: {exc}", file=sys.stderr)
        return 1
    if holder is None or not holder.live:
        print("no node is active")
        return 1
    since = holder.since.isoformat(timespec="seconds") if holder.since else "?"
    print(f"active: {holder.node} since {since} (lease token {holder.token})")
    return 0
