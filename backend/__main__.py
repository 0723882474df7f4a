"""``python -m backend``: run the server; ``python -m backend add-user NAME`` manages staff."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import sys

from backend.config import ConfigError, Settings, load_service_config


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


def _logging(json_lines: bool) -> None:
    handler = logging.StreamHandler(sys.stdout)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def serve(settings: Settings, json_logs: bool) -> int:
    import uvicorn

    from backend.app import create_app

    try:
        config = load_service_config(settings.service_file, settings.demo)
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    _logging(json_logs)
    app = create_app(settings, config)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        ws_max_size=1024 * 1024,
        ws_ping_interval=20,
        ws_ping_timeout=20,
    )
    return 0


async def add_user(settings: Settings, args: argparse.Namespace) -> int:
    from backend.auth import hash_password
    from backend.store.migrate import upgrade
    from backend.store.repository import Store
    from backend.store.tables import StaffUser, utcnow

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    if len(password) < 12:
        print("a staff password needs at least 12 characters", file=sys.stderr)
        return 2
    store = Store(settings.database_url)
    try:
        if await store.user(args.username) is not None:
            await store.set_password_hash(args.username, hash_password(password))
            print(f"password changed for {args.username}")
        else:
            await store.add_user(
                StaffUser(
                    username=args.username,
                    display_name=args.name or args.username,
                    password_hash=hash_password(password),
                    role=args.role,
                    skills=args.skills,
                    chat_capacity=args.chat_capacity,
                    chat_while_on_call=False,
                    active=True,
                    created_at=utcnow(),
                )
            )
            print(f"staff user {args.username} added")
    finally:
        await store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="luukku-backend")
    parser.add_argument("--json-logs", action="store_true", help="log JSON lines to stdout")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the server (default)")
    sub.add_parser("check-config", help="validate the service file and exit")
    user = sub.add_parser("add-user", help="add a staff user or change a password")
    user.add_argument("username")
    user.add_argument("--name")
    user.add_argument("--role", default="nurse")
    user.add_argument("--skills", default="", help="comma-separated skill ids")
    user.add_argument("--chat-capacity", type=int, default=2)
    user.add_argument("--password-stdin", action="store_true")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    if args.command == "check-config":
        try:
            load_service_config(settings.service_file, settings.demo)
        except ConfigError as exc:
            print(f"luukku-backend: {exc}", file=sys.stderr)
            return 2
        print("service configuration is valid")
        return 0
    if args.command == "add-user":
        return asyncio.run(add_user(settings, args))
    return serve(settings, args.json_logs)


if __name__ == "__main__":
    sys.exit(main())
