"""Python's cyclic garbage collector on the hub's clock: a short pass every round instead of
a long one whenever the interpreter's counters say so.

The interpreter starts a young pass when allocations outrun frees by its threshold. A
centre where chats come and go frees about as much as it allocates, so its counters
barely rise while every new socket's objects (~100 each: the coroutines of the middleware
stack, the protocol, its buffers) pile up in the young generation: at 2,000 chats a pass
came every 8–12 s, walked 50,000–65,000 objects and held every socket 20–50 ms. A pass
each round walks only what the last 0.25 s kept (1–5 ms at that load), the middle
generation each second what the last second kept (~10 ms; up to ~50 ms while 400 clients
a second arrive), and the full pass over everything long-lived comes every ten minutes
(60–100 ms at 2,000 chats), as rare as the interpreter's own rule keeps it. The
interpreter's thresholds stay as the backstop (``backend/cli/serve.py``): if rounds stop
coming, the collector still runs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

# In rounds of the hub (0.25 s).
MIDDLE_EVERY = 4
FULL_EVERY = 2400


class Collector:
    def __init__(self, collect: Callable[[int], int] = gc.collect) -> None:
        self.collect = collect
        self.rounds = 0

    def generation_due(self) -> int:
        """Which generation this round's pass reaches (an older one includes the younger)."""
        if self.rounds % FULL_EVERY == 0:
            return 2
        if self.rounds % MIDDLE_EVERY == 0:
            return 1
        return 0

    def round(self) -> None:
        self.rounds += 1
        self.collect(self.generation_due())
