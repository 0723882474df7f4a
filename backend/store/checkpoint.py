"""SQLite's WAL checkpoints on a thread of their own, not inside the writer's commits.

By default the connection whose commit takes the write-ahead log past 1,000 pages copies
them into the database file and syncs it, in that commit: on the writer thread, at a busy
centre about once a second, 5-15 ms during which every line waits for its ack. The
writer's connection has its automatic checkpoints off (``PRAGMA wal_autocheckpoint=0``,
``backend/store/repository.py``) and this thread checkpoints every second instead. A
PASSIVE checkpoint neither waits for nor blocks the writer, and SQLite runs it without
Python's lock.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger("luukku.store")

EVERY_S = 1.0


class Checkpointer:
    def __init__(self, engine: Engine, every_s: float = EVERY_S) -> None:
        self._engine = engine
        self._every_s = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Frames copied into the database file so far (what the tests read).
        self.frames_checkpointed = 0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Started by the store's writer with its first write; once stopped, for good."""
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(
                target=self._run, name="luukku-db-checkpoint", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def checkpoint(self) -> None:
        """One PASSIVE checkpoint: what it can copy without waiting for anyone."""
        with self._engine.connect() as conn:
            row: Any = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").first()
        if row is not None and int(row[2]) > 0:
            self.frames_checkpointed += int(row[2])

    def _run(self) -> None:
        while not self._stop.wait(self._every_s):
            try:
                self.checkpoint()
            except Exception as exc:  # the next second tries again; the log only grows
                log.warning("WAL checkpoint failed: %s", type(exc).__name__)
