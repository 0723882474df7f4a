"""``python -m backend``: the server, and the commands IT runs (a module per group:
accounts, reports, data, handbook, demo; ``--help`` lists them)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from backend.cli.accounts import add_user, add_user_arguments, users
from backend.cli.data import NEEDS_THE_SERVICES_DATA, backup, find_the_service, purge, restore
from backend.cli.demo import demo_history
from backend.cli.handbook import handbook
from backend.cli.node import nodes, step_down
from backend.cli.reports import parse_day, report, roster_import, simulate_day, staffing
from backend.cli.serve import serve
from backend.config import load_service_config
from backend.config_base import ConfigError
from backend.domain.figures import Grain
from backend.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="luukku-backend")
    parser.add_argument("--json-logs", action="store_true", help="log JSON lines to stdout")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the server (default)")
    sub.add_parser("check-config", help="validate the service file and exit")
    sub.add_parser("step-down", help="two nodes: the active one hands over to the standby")
    sub.add_parser("nodes", help="two nodes: which one is active, since when")
    sub.add_parser("config-reference", help="print the service file's reference (Markdown)")
    guide = sub.add_parser("handbook", help="import or export the handbook as Markdown files")
    guide.add_argument("action", choices=("import", "export"))
    guide.add_argument("folder")
    guide.add_argument("--author", default="import", help="recorded as the editor of imports")
    backup_cmd = sub.add_parser("backup", help="copy the running SQLite database safely")
    backup_cmd.add_argument("destination")
    restore_cmd = sub.add_parser("restore", help="put a backup back (the backend stopped)")
    restore_cmd.add_argument("backup")
    restore_cmd.add_argument(
        "--replace", action="store_true", help="keep the database there beside it, renamed"
    )
    user = sub.add_parser("add-user", help="add a staff user or change a password")
    add_user_arguments(user)
    accounts = sub.add_parser("users", help="staff accounts: list, add, disable, roles, skills")
    which = accounts.add_subparsers(dest="action", required=True)
    listing = which.add_parser("list", help="every account, disabled ones too")
    listing.add_argument("--json", action="store_true")
    changes = which.add_parser("changes", help="who changed which account, when, how")
    changes.add_argument("username", nargs="?")
    adding = which.add_parser("add", help="a new account")
    add_user_arguments(adding)
    adding.add_argument(
        "--no-password", action="store_true", help="signs in through the organisation only"
    )
    password = which.add_parser("set-password", help="a new password; her sessions end")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    for name, what in (
        ("disable", "she cannot sign in; her sessions end, her chats go back to the queue"),
        ("enable", "she can sign in again"),
        ("remove", "the account goes; what she did stays recorded"),
    ):
        which.add_parser(name, help=what).add_argument("username")
    for name, what in (
        ("set-role", "ROLE (one of the service file's staff.roles)"),
        ("set-skills", "SKILLS, comma-separated queue skills ('' for none)"),
        ("set-languages", "LANGUAGES, comma-separated: fi, sv, en"),
    ):
        setter = which.add_parser(name, help=what)
        setter.add_argument("username")
        setter.add_argument("value")
    rep = sub.add_parser("report", help="the service's figures for a date range, as a file")
    rep.add_argument("--from", dest="first", type=parse_day, required=True, help="YYYY-MM-DD")
    rep.add_argument(
        "--to", dest="last", type=parse_day, required=True, help="YYYY-MM-DD, inclusive"
    )
    rep.add_argument(
        "--interval", default="60", choices=[g.value for g in Grain], help="minutes, or a period"
    )
    rep.add_argument("--format", default="json", choices=("json", "csv", "xlsx"))
    rep.add_argument(
        "--lang",
        choices=("fi", "sv", "en"),
        help="XLSX and CSV headings and names (default: the service's language)",
    )
    rep.add_argument("--out", default="-", help="the file to write; - for standard output")
    rep.add_argument("--queue", action="append", help="a queue id (repeat for more); all if none")
    rep.add_argument(
        "--staff",
        action="store_true",
        help="include per-person figures (access-logged; off if the service turned them off)",
    )
    board = sub.add_parser("wallboard-link", help="print the team room wallboard's link")
    board.add_argument("--base", help="the address staff use, e.g. https://luukku.example.fi")
    board.add_argument("--new", action="store_true", help="a new key: earlier links stop working")
    st = sub.add_parser("staffing", help="Erlang C / A: agents an interval's calls need")
    st.add_argument("--calls", type=float, required=True, help="arrivals in the interval")
    st.add_argument("--interval-min", type=float, required=True, help="the interval, minutes")
    st.add_argument("--aht-s", type=float, required=True, help="average handling time, s")
    st.add_argument("--target-s", type=float, required=True, help="answer target, seconds")
    how = st.add_mutually_exclusive_group(required=True)
    how.add_argument("--agents", type=int, help="agents: the figures they give")
    how.add_argument("--target-share", type=float, help="the fewest agents that meet it")
    st.add_argument("--patience-s", type=float, help="mean patience: Erlang A (abandons)")
    st.add_argument("--json", action="store_true", help="one JSON object")
    ros = sub.add_parser("roster-import", help="the roster from a CSV (name,date,start,end,skills)")
    ros.add_argument("file")
    sim = sub.add_parser("simulate", help="a day run through the real router: does it hold?")
    sim.add_argument("--date", dest="day", type=parse_day, required=True, help="YYYY-MM-DD")
    sim.add_argument("--roster", help="a roster CSV for that day (else the stored roster)")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--json", action="store_true")
    sub.add_parser("purge", help="delete what is past its retention period, now")
    hist = sub.add_parser("demo-history", help="demo only: write weeks of invented past contacts")
    hist.add_argument("--weeks", type=int, default=8)
    args = parser.parse_args(argv)
    if args.command == "config-reference":  # the models only: no settings or database
        from backend.config_reference import print_reference

        return print_reference()
    if args.command == "staffing":  # needs no settings, database or service file
        return staffing(args)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    if args.command in NEEDS_THE_SERVICES_DATA:
        refused = find_the_service(settings, args.command)
        if refused is not None:
            return refused
    if args.command == "check-config":
        try:
            load_service_config(settings.service_file, settings.demo)
        except ConfigError as exc:
            print(f"luukku-backend: {exc}", file=sys.stderr)
            return 2
        print("service configuration is valid")
        return 0
    if args.command == "step-down":
        return step_down(settings)
    if args.command == "nodes":
        return nodes(settings)
    if args.command == "handbook":
        return asyncio.run(handbook(settings, args))
    if args.command == "backup":
        return backup(settings, args.destination)
    if args.command == "restore":
        return restore(settings, args.backup, args.replace)
    if args.command == "add-user":
        return asyncio.run(add_user(settings, args))
    if args.command == "users":
        return asyncio.run(users(settings, args))
    if args.command == "report":
        return asyncio.run(report(settings, args))
    if args.command == "wallboard-link":
        from backend.api.wallboard import wallboard_key

        base = (args.base or f"http://{settings.host}:{settings.port}").rstrip("/")
        print(f"{base}/wallboard#key={wallboard_key(settings.data_dir, new=args.new)}")
        return 0
    if args.command == "demo-history":
        return asyncio.run(demo_history(settings, args))
    if args.command == "roster-import":
        return asyncio.run(roster_import(settings, args))
    if args.command == "purge":
        return asyncio.run(purge(settings))
    if args.command == "simulate":
        return asyncio.run(simulate_day(settings, args))
    return serve(settings, args.json_logs)
