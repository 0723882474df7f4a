"""Fixtures for the end-to-end tests: a private X display (Xvfb) for those that need a real
window system."""

from __future__ import annotations

import asyncio
import faulthandler
import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from tests import loop_watch

# Longer than any end-to-end test takes on CI (the longest, the softphone's, ~100 s).
HUNG_AFTER_S = float(os.environ.get("LUUKKU_TEST_HANG_S", "300"))


def _dump_and_leave(config: pytest.Config, name: str) -> None:
    """A hung test: print every pending asyncio task's stack (a thread dump shows only the
    idle Qt loop) and leave at once with a failure, instead of sitting out the suite's
    per-file limit with nothing printed."""
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=True)
    out = sys.__stderr__ or sys.stderr
    print(f"\n== {name} still running after {HUNG_AFTER_S:.0f} s; pending tasks:", file=out)
    for obj in gc.get_objects():
        if isinstance(obj, asyncio.Task) and not obj.done():
            print(repr(obj), file=out)
            obj.print_stack(file=out)
    for refusal in loop_watch.refused():
        print("refused wake-up:", refusal, file=out)
    faulthandler.dump_traceback(out)
    out.flush()
    os._exit(3)


@pytest.fixture(autouse=True)
def hang_watch(request: pytest.FixtureRequest) -> Iterator[None]:
    timer = threading.Timer(HUNG_AFTER_S, _dump_and_leave, (request.config, request.node.nodeid))
    timer.daemon = True
    timer.start()
    yield
    timer.cancel()


def start_xvfb(size: str = "1280x800") -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb of ``size``. ``-displayfd`` lets Xvfb pick a free display and tell us
    its number only once it accepts connections: no guessing, no race with a stale
    socket."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    if not number or xvfb.poll() is not None:
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{number}"


@pytest.fixture
def display() -> Iterator[str]:
    xvfb, display = start_xvfb()
    yield display
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
