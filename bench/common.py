"""What every benchmark needs: a server process it starts, waits for and always stops, and a
generator whose own pauses are not counted against it."""

from __future__ import annotations

import gc
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def generator_without_collector() -> Iterator[None]:
    """The generator's cyclic collector off while it measures. Its full passes over 2,000
    clients' sockets held the generator 70-120 ms at a time, and every round trip in
    flight then counted that against the server (the relay's as much as Luukku's)."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


@contextmanager
def server_process(
    args: list[str], env: dict[str, str] | None, ready: Callable[[], bool], what: str
) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``python ARGS`` and wait until ``ready()``; stop it on the way out, whatever
    happened. Refuses to measure a server that died (a taken port would otherwise have the
    bench talk to whatever else listens there)."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not ready():
            if proc.poll() is not None:
                raise RuntimeError(f"the {what} exited at start (port taken?)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the {what} did not answer in 30 s")
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def backend_process(
    env: dict[str, str], port: int
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """``python -m backend`` with ``env``, ready once /api/health answers."""

    def answers() -> bool:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1)
        except OSError:
            return False
        return True

    return server_process(["-m", "backend"], env, answers, "backend")


def listening(port: int) -> Callable[[], bool]:
    def check() -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    return check
