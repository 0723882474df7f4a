"""Fixtures for the end-to-end tests: a private X display (Xvfb) for those that need a real
window system."""

from __future__ import annotations

import os
import subprocess
import sys
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


_EXIT: dict[str, int] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After a run that used the softphone, leave without interpreter finalization.

    All results are in and printed by now. In a process that ran pjsua2 next to PySide and
    pydantic, finalization sometimes crashed (reproducibly with PYTHONMALLOC=debug) freeing a
    datetime whose pydantic_core time zone was already gone: a teardown-order problem of
    the extensions, not of a test, that would otherwise turn a green run red.
    """
    if "pjsua2" in sys.modules and "status" in _EXIT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT["status"])
