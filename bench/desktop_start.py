"""Desktop start-up: process start -> logged in with the meter shown, and RSS then.

    .venv/bin/python -m bench.desktop_start --runs 5            # python -m desktop
    .venv/bin/python -m bench.desktop_start --runs 5 --frozen   # the PyInstaller bundle

Runs the desktop with ``--smoke`` offscreen against a demo backend. The first run is the
coldest this machine offers (the OS file cache is warm), the rest are warm starts. With
``--frozen`` the bundle's size on disk is printed too (build it: bash installer/build.sh).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, backend_process

BUNDLE = ROOT / "dist" / "luukku"


def size_mb(path: Path) -> float:
    # Symlinked libraries (libQt6Core.so.6 -> ...) are one file on disk, not two.
    files = (f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--frozen", action="store_true", help="time the PyInstaller bundle")
    args = parser.parse_args()
    if args.frozen:
        binary = BUNDLE / ("luukku.exe" if sys.platform == "win32" else "luukku")
        if not binary.exists():
            print("no bundle: run bash installer/build.sh first", file=sys.stderr)
            return 1
        command = [str(binary)]
    else:
        command = [sys.executable, "-m", "desktop"]
    data_dir = tempfile.mkdtemp(prefix="luukku-bench-desktop-")
    env = dict(os.environ, LUUKKU_DATA_DIR=data_dir, LUUKKU_PORT=str(args.port), LUUKKU_DEMO="1")
    url = f"http://127.0.0.1:{args.port}"
    times, rss = [], []
    with backend_process(env, args.port):
        for _ in range(args.runs):
            began = time.perf_counter()
            out = subprocess.run(
                [*command, "--backend", url, "--demo", "--smoke"],
                cwd=ROOT,
                env=dict(env, QT_QPA_PLATFORM="offscreen"),
                capture_output=True,
                text=True,
                timeout=60,
            )
            times.append(time.perf_counter() - began)
            match = re.search(r"smoke ok: .* rss (\d+) MB", out.stdout)
            if out.returncode != 0 or match is None:
                print(out.stdout, out.stderr, file=sys.stderr)
                return 1
            rss.append(float(match.group(1)))
    what = "PyInstaller bundle" if args.frozen else "python -m desktop"
    print(f"desktop start to logged-in window with meter ({what}, offscreen, {args.runs} runs)")
    if args.frozen:
        print(f"  bundle: {size_mb(BUNDLE):.0f} MB on disk (target < 250 MB)")
    print(
        f"  first {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s   (target < 1.5 s; includes process exit)"
    )
    print(f"  RSS when logged in: median {statistics.median(rss):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
