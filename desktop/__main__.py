"""``python -m desktop``: the staff workstation."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from desktop.app import run

DEMO_USER = "hoitaja"
DEMO_PASSWORD = "demo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="luukku-desktop")
    # No defaults here: a value given on the command line wins over environment, user
    # settings and the machine-wide file (desktop/config.py resolves the rest).
    parser.add_argument("--backend", help="backend URL (LUUKKU_BACKEND)")
    parser.add_argument("--user", help="username (LUUKKU_USER)")
    parser.add_argument("--lang", choices=("fi", "sv", "en"), help="language (LUUKKU_LANG)")
    parser.add_argument(
        "--demo", action="store_true", help="log in as the demo nurse (demo backend only)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, log in, show the meter, print a line and exit 0",
    )
    parser.add_argument(
        "--handbook-page",
        "--guide",  # the older name, still in support links
        dest="handbook",
        metavar="PAGE_ID",
        help="open the handbook at this page after logging in",
    )
    parser.add_argument(
        "--password-env",
        metavar="VAR",
        help="read the password from this environment variable (tests, kiosks)",
    )
    args = parser.parse_args(argv)
    # Qt Multimedia lists every optional codec library it did not find; nobody needs that.
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false"
    )
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    password = os.environ.get(args.password_env) if args.password_env else None
    user = args.user
    if args.demo:
        user, password = user or DEMO_USER, password or DEMO_PASSWORD
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "luukku-desktop: no display found (DISPLAY / WAYLAND_DISPLAY unset); "
            "set QT_QPA_PLATFORM=offscreen to run without one.",
            file=sys.stderr,
        )
        return 2
    cli = {"backend_url": args.backend, "username": user, "language": args.lang}
    return run(cli, demo=args.demo, smoke=args.smoke, password=password, handbook=args.handbook)


if __name__ == "__main__":
    sys.exit(main())
