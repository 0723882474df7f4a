"""``python -m backend``: run the server; ``python -m backend users …`` manages staff."""

from __future__ import annotations

import argparse
import asyncio
import gc
import getpass
import json
import logging
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from backend.config import ConfigError, Settings, load_service_config
from backend.domain.figures import Grain

if TYPE_CHECKING:
    from backend.store.tables import StaffUser


class JsonFormatter(logging.Formatter):
    """One JSON object a line on stdout: what log collectors want."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# A client's address is personal data (behind the proxy, her own public address): no log
# line keeps one, the server's own (uvicorn's "WebSocket … [accepted]") included.
_ADDRESS = re.compile(
    r"\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\](?::\d+)?"  # [v6]:port (a colon inside: not a pid)
    r"|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b"  # v4[:port]
    r"|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){0,6}::[0-9A-Fa-f:]*(?![\w:])"  # v6 with ::
    r"|\b(?:[0-9A-Fa-f]{1,4}:){5,7}[0-9A-Fa-f]{1,4}\b"  # full v6
)


class AddressScrubber(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _ADDRESS.sub("[address]", message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def _logging(json_lines: bool) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(AddressScrubber())
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    # pysaml2 logs subjects and assertions at INFO and DEBUG: an identified client's
    # identity is never a log line. Its errors still show.
    logging.getLogger("saml2").setLevel(logging.ERROR)


def serve(settings: Settings, json_logs: bool) -> int:
    import uvicorn

    from backend.app import create_app

    try:
        config = load_service_config(settings.service_file, settings.demo)
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    _logging(json_logs or settings.json_logs)
    if settings.demo:
        logging.getLogger("luukku").warning("DEMO MODE: demo accounts with a known password")
    app = create_app(settings, config)
    # The collector's full passes over a busy centre's objects stalled every socket for
    # 100+ ms at a time (round trip p99 166 ms at 500 chats, 70 ms without): what exists
    # at start is never collected, and young objects are gathered in bigger rounds.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        # Access logs would carry client IP addresses; the hub logs what matters, by id.
        access_log=False,
        ws_max_size=1024 * 1024,
        ws_ping_interval=20,
        ws_ping_timeout=20,
        # Frames are a few hundred bytes: compressing each cost more CPU than it saved.
        ws_per_message_deflate=False,
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )
    return 0


async def handbook(settings: Settings, args: argparse.Namespace) -> int:

    from backend.handbook_io import export_folder, import_folder
    from backend.store.handbook import HandbookStore
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    folder = Path(args.folder)
    try:
        guides = HandbookStore(store)
        if args.action == "export":
            count = await export_folder(guides, folder)
            print(f"exported {count} pages to {folder}")
            return 0
        if not folder.is_dir():
            print(f"handbook import: {folder} is not a folder", file=sys.stderr)
            return 2
        result = await import_folder(guides, folder, args.author)
    finally:
        await store.close()
    print(f"imported: {result.created} new, {result.updated} changed, {result.unchanged} unchanged")
    for problem in result.problems:
        print(f"  warning: {problem}", file=sys.stderr)
    return 0


def backup(settings: Settings, destination: str) -> int:
    """A consistent copy of a running SQLite database (online backup API)."""
    import sqlite3
    from pathlib import Path

    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    if not url.startswith("sqlite:///"):
        print("backup: for PostgreSQL use pg_dump (see README, 'Backups')", file=sys.stderr)
        return 2
    source_path = Path(url.removeprefix("sqlite:///"))
    if not source_path.exists():
        print(f"backup: no database at {source_path}", file=sys.stderr)
        return 2
    target = Path(destination)
    if target.exists():
        print(f"backup: {target} exists; not overwriting", file=sys.stderr)
        return 2
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        copy.close()
        source.close()
    if ok != "ok":
        print(f"backup: integrity check of {target} failed: {ok}", file=sys.stderr)
        return 1
    print(f"backup written to {target}")
    return 0


# Commands that manage a running service's data: they say which database they opened,
# and a data directory that does not exist is refused (it is the wrong service, not a new
# one), never created behind IT's back.
NEEDS_THE_SERVICES_DATA = frozenset(
    {"report", "users", "add-user", "wallboard-link", "purge", "roster-import", "handbook"}
)


def _find_the_service(settings: Settings, command: str) -> int | None:
    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    where = "the environment" if settings.source is None else str(settings.source)
    shown = url.split("@")[-1] if "@" in url else url  # never a password on screen
    print(f"luukku-backend {command}: database {shown} (settings from {where})", file=sys.stderr)
    if url.startswith("sqlite:///") and not settings.data_dir.is_dir():
        print(
            f"luukku-backend {command}: the data directory {settings.data_dir} does not exist."
            " Set LUUKKU_DATA_DIR (or /etc/luukku/backend.env) to the running service's,"
            " or start the backend once to create it.",
            file=sys.stderr,
        )
        return 2
    if command == "report" and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists() or not _has_contacts(path):
            print(
                f"luukku-backend report: {path} has no contacts yet: is it the service's"
                " database? (LUUKKU_DATA_DIR, /etc/luukku/backend.env; the demo writes"
                " luukku.env where it runs)",
                file=sys.stderr,
            )
            return 2
    return None


def _has_contacts(path: Path) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            chats = db.execute("select exists(select 1 from conversations)").fetchone()[0]
            calls = db.execute("select exists(select 1 from phone_calls)").fetchone()[0]
    except sqlite3.DatabaseError:
        return False
    return bool(chats or calls)


def restore(settings: Settings, source: str, replace: bool) -> int:
    """A backup back into place (the backend stopped first: docs/admin.md, 'Restore').
    The backup is integrity-checked first; a database already there is kept beside it,
    renamed, and only with ``--replace``; migrations run when the backend starts."""
    import sqlite3
    import time
    from pathlib import Path

    from backend.store.migrate import sync_url

    url = sync_url(settings.database_url)
    if not url.startswith("sqlite:///"):
        print("restore: for PostgreSQL use pg_restore (docs/admin.md, 'Restore')", file=sys.stderr)
        return 2
    backup_path = Path(source)
    if not backup_path.is_file():
        print(f"restore: no backup file at {backup_path}", file=sys.stderr)
        return 2
    copy = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    try:
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in copy.execute("select name from sqlite_master where type='table'")}
    except sqlite3.DatabaseError as exc:
        ok, tables = str(exc), set()
    if ok != "ok" or "conversations" not in tables:
        copy.close()
        print(f"restore: {backup_path} is not a Luukku backup ({ok})", file=sys.stderr)
        return 2
    target = Path(url.removeprefix("sqlite:///"))
    if target.exists():
        if not replace:
            copy.close()
            print(
                f"restore: {target} exists; stop the backend and add --replace "
                "(the current database is kept beside it)",
                file=sys.stderr,
            )
            return 2
        kept = target.with_name(f"{target.name}.before-restore-{time.strftime('%Y%m%d%H%M%S')}")
        target.rename(kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        print(f"restore: the database that was there is kept as {kept}")
    target.parent.mkdir(parents=True, exist_ok=True)
    into = sqlite3.connect(target)
    try:
        with into:
            copy.backup(into)
    finally:
        into.close()
        copy.close()
    print(f"restored {backup_path} to {target}; start the backend")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    """The new password (stdin or a prompt); None after printing why it was refused."""
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    if len(password) < 12:
        print("a staff password needs at least 12 characters", file=sys.stderr)
        return None
    return password


async def users(settings: Settings, args: argparse.Namespace) -> int:
    """``users list|add|disable|enable|remove|set-role|set-skills|set-languages|...``:
    every value checked against the service file, every change recorded as made by
    ``cli:<the OS user>``. A running backend ends a disabled user's socket within seconds."""
    from datetime import UTC, datetime

    from backend.accounts import Accounts, NewAccount
    from backend.auth import hash_password
    from backend.domain.accounts import AccountError
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    try:
        config = load_service_config(settings.service_file, settings.demo)
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    accounts = Accounts(store, lambda: config, lambda: datetime.now(UTC))
    by = f"cli:{getpass.getuser()}"
    action: str = args.action
    try:
        if action == "list":
            rows = await accounts.all()
            if args.json:
                print(json.dumps([_user_json(u) for u in rows], ensure_ascii=False))
            for user in [] if args.json else rows:
                state = "active" if user.active else "disabled"
                print(
                    f"{user.username:<20} {user.role:<18} {state:<8} {user.source:<5}"
                    f" skills={user.skills or '-'} languages={user.languages}"
                    f"  {user.display_name}"
                )
        elif action == "changes":
            for change in await accounts.changes(args.username):
                print(
                    f"{change.at:%Y-%m-%d %H:%M:%S} {change.by:<16} {change.username:<20}"
                    f" {change.action:<14} {change.detail}"
                )
        elif action == "add":
            password_hash = ""
            if not args.no_password:
                if not config.identity.local_passwords:
                    raise AccountError(
                        "local passwords are off (identity.local_passwords): add her with"
                        " --no-password; she signs in through the organisation",
                        "no_passwords",
                    )
                accounts.role(args.role)  # a typo is refused before the password prompt
                accounts.skills(args.skills)
                accounts.languages(args.languages)
                password = _password(args)
                if password is None:
                    return 2
                password_hash = hash_password(password)
            await accounts.add(
                by,
                NewAccount(
                    username=args.username,
                    display_name=args.name or args.username,
                    role=args.role,
                    skills=args.skills,
                    languages=args.languages,
                    chat_capacity=args.chat_capacity,
                    chat_while_on_call=args.chat_while_on_call,
                    phone_while_chat=args.phone_while_chat,
                    password_hash=password_hash,
                    source="local" if password_hash else "oidc",
                ),
            )
            print(f"staff user {args.username} added")
        elif action == "set-password":
            if not config.identity.local_passwords:
                raise AccountError(
                    "local passwords are off (identity.local_passwords)", "no_passwords"
                )
            password = _password(args)
            if password is None:
                return 2
            await accounts.set_password(by, args.username, hash_password(password))
            print(f"password changed for {args.username}; her sessions were ended")
        elif action == "disable":
            await accounts.disable(by, args.username)
            print(f"{args.username} disabled; her sessions were ended")
        elif action == "enable":
            await accounts.enable(by, args.username)
            print(f"{args.username} enabled")
        elif action == "remove":
            await accounts.remove(by, args.username)
            print(f"{args.username} removed (what she did stays recorded under her username)")
        elif action == "set-role":
            await accounts.set_role(by, args.username, args.value)
            print(f"{args.username}: role {args.value}")
        elif action == "set-skills":
            await accounts.set_skills(by, args.username, args.value)
            print(f"{args.username}: skills {args.value or '(none)'}")
        elif action == "set-languages":
            await accounts.set_languages(by, args.username, args.value)
            print(f"{args.username}: languages {args.value}")
    except AccountError as exc:
        print(f"luukku-backend users {action}: {exc}", file=sys.stderr)
        return 2
    finally:
        await store.close()
    return 0


def _user_json(user: StaffUser) -> dict[str, object]:
    return {
        "username": user.username,
        "name": user.display_name,
        "role": user.role,
        "skills": [s for s in user.skills.split(",") if s],
        "languages": user.languages.split(","),
        "active": user.active,
        "source": user.source,
    }


def _add_user_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username")
    parser.add_argument("--name")
    parser.add_argument("--role", default="nurse")
    parser.add_argument("--skills", default="", help="comma-separated skill ids")
    parser.add_argument("--chat-capacity", type=int, default=2)
    parser.add_argument(
        "--languages", default="fi", help="comma-separated languages she serves clients in"
    )
    parser.add_argument(
        "--chat-while-on-call", action="store_true", help="chat offers while on a phone call"
    )
    parser.add_argument(
        "--phone-while-chat", action="store_true", help="phone deliveries while holding chats"
    )
    parser.add_argument("--password-stdin", action="store_true")


async def add_user(settings: Settings, args: argparse.Namespace) -> int:
    """The older ``add-user``: adds her, or changes the password of an existing account."""
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        exists = await store.user(args.username) is not None
    finally:
        await store.close()
    args.action = "set-password" if exists else "add"
    args.no_password = False
    return await users(settings, args)


async def report(settings: Settings, args: argparse.Namespace) -> int:
    """The figures for a range, as a file: what IT schedules (``report --help``)."""
    from datetime import UTC, datetime

    from backend.domain.figures import Grain
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


async def purge(settings: Settings) -> int:
    """The retention purge now (the backend runs it daily by itself): prints the counts."""
    from datetime import UTC, datetime

    from backend.retention import Retention
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    config = load_service_config(settings.service_file, settings.demo)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    try:
        counts = await Retention(store, lambda: config, lambda: datetime.now(UTC)).purge_now()
    finally:
        await store.close()
    for kind, count in counts.items():
        print(f"{kind.value:<14} {count}")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="luukku-backend")
    parser.add_argument("--json-logs", action="store_true", help="log JSON lines to stdout")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the server (default)")
    sub.add_parser("check-config", help="validate the service file and exit")
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
    _add_user_arguments(user)
    accounts = sub.add_parser("users", help="staff accounts: list, add, disable, roles, skills")
    which = accounts.add_subparsers(dest="action", required=True)
    listing = which.add_parser("list", help="every account, disabled ones too")
    listing.add_argument("--json", action="store_true")
    changes = which.add_parser("changes", help="who changed which account, when, how")
    changes.add_argument("username", nargs="?")
    adding = which.add_parser("add", help="a new account")
    _add_user_arguments(adding)
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
    rep.add_argument("--from", dest="first", type=_day, required=True, help="YYYY-MM-DD")
    rep.add_argument("--to", dest="last", type=_day, required=True, help="YYYY-MM-DD, inclusive")
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
    sim.add_argument("--date", dest="day", type=_day, required=True, help="YYYY-MM-DD")
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
        refused = _find_the_service(settings, args.command)
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


if __name__ == "__main__":
    sys.exit(main())
