"""Fixtures for the end-to-end tests: a private X display (Xvfb) for those that need a real
window system."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb. ``-displayfd`` lets Xvfb pick a free display and tell us its number
    only once it accepts connections: no guessing, no race with a stale socket."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    if not number or xvfb.poll() is not None:
        raise RuntimeError("Xvfb did not start")
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait(10)
