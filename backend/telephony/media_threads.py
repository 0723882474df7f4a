"""The SIP stack's media threads run below the gateway's own threads.

baresip runs three threads a call (the transmit clock, the PCM source and player), each
waking every 20 ms: with a hundred callers that is 300 threads on two cores, and the two
threads that answer the next caller (the SIP thread and the gateway's event loop) waited
behind them (README "Scale": INVITE -> 200 p99 150-190 ms with every prompt made ahead,
44 ms with the media threads lowered). Each media thread does a few microseconds of work
a wake-up, so a lower weight still runs it on time while the machine has room (the
softphones measured the same jitter, p99 1.5 ms, and no frame went out short); what it
gives up is the head of the queue when a call is being set up.

Raising a thread's nice value needs no privilege. The stack names its threads; a thread
it starts under another name keeps the default priority (nothing breaks, the figure
above is what changes)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

MEDIA_THREADS = frozenset({"Audio TX", "aumem_src", "aumem_play"})
MEDIA_NICE = 10
TASKS = Path("/proc/self/task")


class MediaThreads:
    """Lowers each new media thread once; ``lower`` is cheap enough to call every second
    (it reads the names of threads it has not seen before only)."""

    def __init__(self, nice: int = MEDIA_NICE, tasks: Path = TASKS) -> None:
        self.nice = nice
        self.tasks = tasks
        self.lowered = 0
        self._settled: set[int] = set()  # lowered, or named otherwise: never read again
        self._unnamed = ""  # a new thread's name until it names itself: the process's

    def lower(self) -> int:
        """Lower the media threads started since the last call; returns how many."""
        try:
            current = {int(name) for name in os.listdir(self.tasks)}
            self._unnamed = self._unnamed or (self.tasks.parent / "comm").read_text().strip()
        except OSError:
            return 0  # no /proc (not Linux): the stack's threads keep their priority
        count = 0
        settled = self._settled & current  # ended threads are forgotten: their ids return
        for tid in current - settled:
            with contextlib.suppress(OSError):  # gone meanwhile
                name = (self.tasks / str(tid) / "comm").read_text().strip()
                if name in MEDIA_THREADS:
                    os.setpriority(os.PRIO_PROCESS, tid, self.nice)
                    count += 1
                if name != self._unnamed:
                    settled.add(tid)  # else read again: it may not have named itself yet
        self._settled = settled
        self.lowered += count
        return count
