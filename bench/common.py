"""What every benchmark needs: a backend process it starts, waits for and always stops."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def backend_process(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``python -m backend`` with ``env`` and wait until /api/health answers.

    Refuses to measure a backend that died (a taken port would otherwise have the bench
    talk to whatever else listens there); stops it on the way out, whatever happened.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "backend"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the backend exited at start (port {port} taken?)")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the backend did not answer in 30 s") from None
                time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
