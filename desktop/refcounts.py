"""The interpreter's singletons (``None``, ``True``, ``False``) and a probe that watches
them, with the process's memory, files and threads, over a working day. No Qt.

Why this exists: on CPython 3.11 a C extension that releases a reference to a singleton
it never took makes the count fall until the interpreter frees the object and aborts
("none_dealloc", "bool_dealloc"), hours into a shift. Two such defects were found:

* PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without a reference: one
  lost per emit (every event the workstation shows). Fixed by the pinned PySide6 6.11.3
  (``requirements.lock``); ``docs/upstream/pyside6-emit-true.md`` is the report.
* pjsua2-python 2.15.1's SWIG directors release ``None`` about once per audio callback
  (100 a second during a call): not fixable here, so all three singletons get a cushion
  that no process lifetime can use up, as CPython 3.12 makes them immortal.

The cushion hides an abort, not a leak: the probe still sees the count fall, and the soak
benchmark (``bench/soak.py``) and its short run in the tests fail on a steady decline.
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

CUSHION = 1 << 40  # at 1,000 lost references a second: 34 years
PROBE_ENV = "LUUKKU_REFCOUNT_PROBE"


def pin_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` unfreeable on CPython < 3.12 (idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        if refcount.value < CUSHION:
            refcount.value += CUSHION


def sample() -> dict[str, Any]:
    """One reading: singleton reference counts, and the process's RSS, files and threads."""
    reading: dict[str, Any] = {
        "t": time.time(),
        "true": sys.getrefcount(True),
        "false": sys.getrefcount(False),
        "none": sys.getrefcount(None),
        "threads": threading.active_count(),
    }
    try:
        reading["fds"] = len(os.listdir("/proc/self/fd"))
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                reading["rss_mb"] = int(line.split()[1]) / 1024
            elif line.startswith("Threads:"):
                reading["os_threads"] = int(line.split()[1])
    except OSError:
        pass  # not Linux: the counts still tell
    return reading


async def run_probe(path: Path, every_s: float = 2.0) -> None:
    """Append a reading to ``path`` (JSON lines) every ``every_s`` until cancelled."""
    with path.open("a", encoding="utf-8") as out:
        while True:
            out.write(json.dumps(sample()) + "\n")
            out.flush()
            await asyncio.sleep(every_s)


def probe_path(env: dict[str, str] | None = None) -> Path | None:
    """Where the probe writes, when switched on (``LUUKKU_REFCOUNT_PROBE=FILE``)."""
    value = (os.environ if env is None else env).get(PROBE_ENV)
    return Path(value) if value else None
