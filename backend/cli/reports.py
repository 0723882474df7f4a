"""Figures as files, staffing advice, the roster, a simulated day."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date
from pathlib import Path

from backend.config import load_service_config
from backend.domain.figures import Grain
from backend.settings import Settings


async def report(settings: Settings, args: argparse.Namespace) -> int:
    """The figures for a range, as a file: what IT schedules (``report --help``)."""
    from datetime import UTC, datetime

    from backend.reports.files import ForPeople, to_json, write_csv, write_xlsx
    from backend.reports.service import ReportError, make_report
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    config = load_service_config(settings.service_file, settings.demo)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        try:
            result = await make_report(
                store,
                config,
                first=args.first,
                last=args.last,
                grain=Grain(args.interval),
                queues=args.queue or (),
                now=datetime.now(UTC),
                per_person=args.staff,
            )
        except ReportError as exc:
            print(f"luukku-backend report: {exc}", file=sys.stderr)
            return 2
        if result.staff is not None:
            # Per-person figures are purpose-limited: who looked is recorded.
            await store.log_access(
                f"cli:{getpass.getuser()}", "-", "staff_figures", datetime.now(UTC)
            )
        out = Path(args.out) if args.out != "-" else None
        # The spreadsheet and the CSV are for people: her language (the JSON stays English).
        people = ForPeople(
            args.lang or config.phone.language, {q.id: q.names for q in config.queues}
        )
        if args.format == "xlsx":
            if out is None:
                print("luukku-backend report: XLSX needs --out FILE", file=sys.stderr)
                return 2
            write_xlsx(result, out, people)
            print(f"wrote {out}")
        elif args.format == "csv":
            if out is None:
                from backend.reports.files import INTERVAL_HEADER, raw_intervals

                sys.stdout.write(people.csv(INTERVAL_HEADER, raw_intervals(result), result))
            else:
                for path in write_csv(result, out, people):
                    print(f"wrote {path}")
        else:
            text = to_json(result)
            if out is None:
                sys.stdout.write(text + "\n")
            else:
                out.write_text(text, "utf-8")
                print(f"wrote {out}")
    finally:
        await store.close()
    return 0


def staffing(args: argparse.Namespace) -> int:
    """Erlang C / Erlang A for one interval (backend/domain/erlang.py)."""
    from backend.domain.erlang import StaffingError
    from backend.domain.erlang import staffing as compute

    try:
        result = compute(
            calls=args.calls,
            interval_s=args.interval_min * 60,
            aht_s=args.aht_s,
            target_s=args.target_s,
            agents=args.agents,
            target_share=args.target_share,
            patience_s=args.patience_s,
        )
    except StaffingError as exc:
        print(f"luukku-backend staffing: {exc}", file=sys.stderr)
        return 2
    body: dict[str, float | int] = {
        "traffic_erlangs": result.traffic_erlangs,
        "agents": result.agents,
        "p_wait": result.p_wait,
        "service_level": result.service_level,
        "asa_s": result.asa_s,
        "occupancy": result.occupancy,
    }
    if result.p_abandon is not None:
        body["p_abandon"] = result.p_abandon
    if args.json:
        print(json.dumps(body))
        return 0
    model = "Erlang A" if result.p_abandon is not None else "Erlang C"
    print(f"{model}: {result.traffic_erlangs:.2f} erlangs, {result.agents} agents")
    print(f"  waits at all      {result.p_wait:.1%}")
    print(f"  service level     {result.service_level:.1%} within {args.target_s:g} s")
    print(f"  mean wait (ASA)   {result.asa_s:.1f} s")
    print(f"  occupancy         {result.occupancy:.1%}")
    if result.p_abandon is not None:
        print(f"  abandon           {result.p_abandon:.1%}")
    return 0


async def roster_import(settings: Settings, args: argparse.Namespace) -> int:
    from backend.reports.staffing import import_roster
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    config = load_service_config(settings.service_file, settings.demo)
    try:
        text = Path(args.file).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"luukku-backend roster-import: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        added, errors = await import_roster(store, config, text, f"cli:{getpass.getuser()}")
    finally:
        await store.close()
    for error in errors:
        print(f"  {error}", file=sys.stderr)
    print(f"{added} shifts stored" + (f"; {len(errors)} rows skipped" if errors else ""))
    return 0 if added else 2


async def simulate_day(settings: Settings, args: argparse.Namespace) -> int:
    from backend.reports.simulate import SimulateError, run_day
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    config = load_service_config(settings.service_file, settings.demo)
    roster_text = None
    if args.roster:
        try:
            roster_text = Path(args.roster).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"luukku-backend simulate: cannot read {args.roster}: {exc}", file=sys.stderr)
            return 2
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        outcome = await run_day(store, config, args.day, roster_text, args.seed)
    except SimulateError as exc:
        print(f"luukku-backend simulate: {exc}", file=sys.stderr)
        return 2
    finally:
        await store.close()
    print(json.dumps(outcome, ensure_ascii=False) if args.json else outcome["text"])
    return 0


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc
