"""Desktop start-up: process start -> logged in with the meter shown, and its RSS then.

    .venv/bin/python -m bench.desktop_start --runs 5

Runs ``python -m desktop --smoke`` offscreen against a demo backend; the first run is the
coldest this machine offers (bytecode may be cached from earlier runs; the OS file cache
is warm), the rest are warm starts.
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="luukku-bench-desktop-")
    env = dict(os.environ, LUUKKU_DATA_DIR=data_dir, LUUKKU_PORT=str(args.port), LUUKKU_DEMO="1")
    backend = subprocess.Popen(
        [sys.executable, "-m", "backend"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        times, rss = [], []
        for _ in range(args.runs):
            began = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "desktop", "--backend", url, "--demo", "--smoke"],
                cwd=ROOT,
                env=dict(env, QT_QPA_PLATFORM="offscreen"),
                capture_output=True,
                text=True,
                timeout=60,
            )
            wall = time.perf_counter() - began
            match = re.search(r"smoke ok: .* rss (\d+(?:\.\d+)?) MB", out.stdout)
            if out.returncode != 0 or match is None:
                print(out.stdout, out.stderr, file=sys.stderr)
                return 1
            times.append(wall)
            rss.append(float(match.group(1)))
    finally:
        backend.terminate()
        backend.wait(10)
    print(
        "desktop start to logged-in window with meter "
        f"(process wall time, offscreen, {args.runs} runs)"
    )
    print(
        f"  first {times[0]:.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s"
        f"   (target < 1.5 s; includes process exit)"
    )
    print(f"  RSS when logged in: median {statistics.median(rss):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
