"""The built desktop bundle: size on disk, start to logged-in window, RSS.

bash installer/build.sh && .venv/bin/python -m bench.frozen_desktop --runs 5
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
BUNDLE = ROOT / "dist" / "luukku"


def size_mb(path: Path) -> float:
    # Symlinked libraries (libQt6Core.so.6 -> ...) are one file on disk, not two.
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8793)
    args = parser.parse_args()
    binary = BUNDLE / ("luukku.exe" if sys.platform == "win32" else "luukku")
    if not binary.exists():
        print("no bundle: run bash installer/build.sh first", file=sys.stderr)
        return 1
    data_dir = tempfile.mkdtemp(prefix="luukku-bench-frozen-")
    env = dict(os.environ, LUUKKU_DATA_DIR=data_dir, LUUKKU_PORT=str(args.port), LUUKKU_DEMO="1")
    backend = subprocess.Popen(
        [sys.executable, "-m", "backend"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{args.port}"
    times, rss = [], []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(args.runs):
            began = time.perf_counter()
            out = subprocess.run(
                [str(binary), "--backend", url, "--demo", "--smoke"],
                env=dict(env, QT_QPA_PLATFORM="offscreen"),
                capture_output=True,
                text=True,
                timeout=60,
            )
            times.append(time.perf_counter() - began)
            match = re.search(r"rss (\d+) MB", out.stdout)
            if out.returncode != 0 or match is None:
                print(out.stdout, out.stderr, file=sys.stderr)
                return 1
            rss.append(float(match.group(1)))
    finally:
        backend.terminate()
        backend.wait(10)
    print(f"frozen desktop bundle: {size_mb(BUNDLE):.0f} MB on disk (target < 250 MB)")
    print(
        f"  start to logged-in window with meter: first {times[0]:.2f} s, "
        f"median {statistics.median(times):.2f} s (target < 1.5 s; includes exit)"
    )
    print(f"  RSS when logged in: median {statistics.median(rss):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
