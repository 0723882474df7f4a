"""``python -m desktop``: the staff workstation."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from desktop.app import Options, run

DEMO_USER = "hoitaja"
DEMO_PASSWORD = "demo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="luukku-desktop")
    parser.add_argument(
        "--backend", default=os.environ.get("LUUKKU_BACKEND", "http://127.0.0.1:8765")
    )
    parser.add_argument("--user", default=os.environ.get("LUUKKU_USER"))
    parser.add_argument(
        "--lang", choices=("fi", "sv", "en"), default=os.environ.get("LUUKKU_LANG", "fi")
    )
    parser.add_argument(
        "--demo", action="store_true", help="log in as the demo nurse (demo backend only)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, log in, show the meter, print a line and exit 0",
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
    return run(
        Options(
            backend=args.backend,
            username=user,
            lang=args.lang,
            demo=args.demo,
            smoke=args.smoke,
            password=password,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
