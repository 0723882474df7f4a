"""Staff accounts: ``users`` and ``add-user``."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

from backend.config import load_service_config
from backend.config_base import ConfigError
from backend.settings import Settings

if TYPE_CHECKING:
    from backend.store.tables import StaffUser


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


def add_user_arguments(parser: argparse.ArgumentParser) -> None:
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
