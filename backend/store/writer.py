"""The store's one writer thread and its group commit.

Everything that arrives while a commit runs shares the next one (a burst of starts,
accepts and lines costs a few fsyncs, not one each), and each caller's future is settled
only after the commit that holds its write. The thread takes its next batch itself as
soon as a commit ends: the event loop only hands writes over and hears the results. (It
used to fetch each batch for the thread and wait for the results before the next one, so
under load every line also waited for the loop to come round twice between commits:
two-thirds of a line's time to its ack.)
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from backend.store.lines import NewLine, StoredLine, append_all, settle_lines
from backend.store.transactions import commit_all, commit_one

MAX_BATCH = 500

LineFuture = asyncio.Future[tuple[StoredLine, bool]]


@dataclass
class _Batch:
    writes: list[tuple[Callable[[Session], Any], asyncio.Future[Any]]]
    lines: list[tuple[NewLine, LineFuture]]


class Writer:
    """Owns the thread, what waits for it, and the client message ids it stored per open
    conversation (touched on the thread only: :meth:`opened`, :meth:`closed`)."""

    def __init__(
        self,
        transaction: Callable[[], AbstractContextManager[Session]],
        line_transaction: Callable[[], AbstractContextManager[Connection]],
        on_start: Callable[[], None] | None = None,
    ) -> None:
        self._transaction = transaction
        # A batch of lines alone (no other write) commits without a session.
        self._line_transaction = line_transaction
        # Called when the thread starts, at the first write (the store's checkpoints: a
        # store that is only read needs none).
        self._on_start = on_start
        self._seen: dict[str, set[tuple[str, str]]] = {}
        self._writes: deque[tuple[Callable[[Session], Any], asyncio.Future[Any]]] = deque()
        self._lines: deque[tuple[NewLine, LineFuture]] = deque()
        self._wake = threading.Condition()
        # Set by the thread, under the condition, before it looks at the queues for the
        # last time and waits: only then does a hand-over need the condition to wake it.
        self._idle = False
        self._closing = False
        self._thread: threading.Thread | None = None
        # The last future handed over: when it is settled, so is everything before it.
        self._last: asyncio.Future[Any] | None = None
        # Told each batch's seconds on the thread (the backend's metrics), when set.
        self.on_commit: Callable[[float], None] | None = None
        # First in every write transaction, when set: the node's lease check (fencing,
        # backend/node/lease.py); it raises to refuse the whole transaction.
        self.fence: Callable[[Connection], None] | None = None
        # Told when the fence refused a transaction (the node stops serving).
        self.on_fenced: Callable[[], None] | None = None

    def write(self, fn: Callable[[Session], Any]) -> asyncio.Future[Any]:
        """``fn`` run on the thread in a committed transaction; its result, or its error."""
        future: asyncio.Future[Any] = self._start().create_future()
        self._hand_over(self._writes, (fn, future), future)
        return future

    def line(self, new: NewLine) -> LineFuture:
        """``new`` stored; the stored line and whether it is new (not a resend)."""
        future: LineFuture = self._start().create_future()
        self._hand_over(self._lines, (new, future), future)
        return future

    def opened(self, conversation_id: str) -> None:
        """On the thread, in the transaction that adds it: a new conversation has no lines,
        so its first ones need no look-up of their ids."""
        self._seen[conversation_id] = set()

    def closed(self, conversation_id: str) -> None:
        """On the thread, in the transaction that closes it: its ids are forgotten, and a
        late resend is checked against the database."""
        self._seen.pop(conversation_id, None)

    async def drain(self) -> None:
        """Every write handed over so far committed or failed (a node handing over)."""
        while self._last is not None and not self._last.done():
            await asyncio.wait([self._last])

    def close(self) -> None:
        """What was handed over is written; then the thread ends (joined: blocks)."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join()

    # --- the loop's side ------------------------------------------------------------------

    def _start(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._thread is None and not self._closing:
            self._thread = threading.Thread(target=self._run, name="luukku-db-write", daemon=True)
            self._thread.start()
            if self._on_start is not None:
                self._on_start()
        return loop

    def _hand_over(self, queue: deque[Any], item: Any, future: asyncio.Future[Any]) -> None:
        # Every line passes here on the event loop: no lock unless the thread sleeps. (The
        # loop is the only caller, close() included, so ``_closing`` cannot change under
        # us; a deque's append is atomic.) The thread sets ``_idle`` before its last look
        # at the queues: if we read False, it will see this item; if True, we wake it.
        if self._closing:
            future.set_exception(RuntimeError("the store is closed"))
            return
        queue.append(item)
        self._last = future
        if self._idle:
            with self._wake:
                self._wake.notify()

    def _settle(self, batch: _Batch, outcomes: list[tuple[bool, Any]], refused: bool) -> None:
        if refused and self.on_fenced is not None:
            self.on_fenced()
        for (_, future), (ok, value) in zip(batch.writes, outcomes, strict=False):
            if not future.done():
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        if batch.lines:
            settle_lines(batch.lines, outcomes[-1])

    # --- the thread's side ----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._wake:
                self._idle = True
                while not (self._writes or self._lines or self._closing):
                    self._wake.wait()
                self._idle = False
            if not (self._writes or self._lines):
                return
            batch = _Batch(_take(self._writes), _take(self._lines))
            began = time.perf_counter()
            try:
                outcomes, refused = self._commit(batch)
            except BaseException as exc:  # not a write's own error: it must not end the thread
                failure = exc if isinstance(exc, Exception) else RuntimeError()
                outcomes = [(False, failure)] * (len(batch.writes) + bool(batch.lines))
                refused = False
            seconds = time.perf_counter() - began
            self._tell(batch, outcomes, refused, seconds)

    def _commit(self, batch: _Batch) -> tuple[list[tuple[bool, Any]], bool]:
        """The batch's outcomes: one a write, then one for all its lines."""
        news = [new for new, _ in batch.lines]
        if not batch.writes:
            outcome, refused = commit_one(
                self._line_transaction, lambda c: append_all(c, news, self._seen), self.fence
            )
            return [outcome], refused
        fns = [fn for fn, _ in batch.writes]
        if news:
            fns.append(lambda s: append_all(s.connection(), news, self._seen))
        return commit_all(self._transaction, fns, self.fence)

    def _tell(
        self, batch: _Batch, outcomes: list[tuple[bool, Any]], refused: bool, seconds: float
    ) -> None:
        def settle() -> None:
            if self.on_commit is not None:
                self.on_commit(seconds)
            self._settle(batch, outcomes, refused)

        # The loop of those who wait (a test's store can outlive one loop and serve the next).
        first = batch.writes[0][1] if batch.writes else batch.lines[0][1]
        with contextlib.suppress(RuntimeError):  # that loop is closed: nobody waits any more
            first.get_loop().call_soon_threadsafe(settle)


def _take(queue: deque[Any]) -> list[Any]:
    return [queue.popleft() for _ in range(min(len(queue), MAX_BATCH))]
