"""The staff-state log the reports measure time per state by: one row per change of
status or reason, written in order by its own task so a status change never waits for
the disk (the board and her offers follow at once)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime

from backend.centre.events import Events, StatusChanged
from backend.store.reports import ReportStore

log = logging.getLogger("luukku.state_log")

Row = tuple[str, datetime, str, str]


class StateLog:
    def __init__(self, reports: ReportStore, events: Events) -> None:
        self.reports = reports
        # The last state written per person: a change of nothing is not a row.
        self._logged: dict[str, tuple[str, str]] = {}
        self._rows: asyncio.Queue[Row] | None = None
        self._writer: asyncio.Task[None] | None = None
        events.subscribe(StatusChanged, self._changed)

    async def start(self, now: datetime) -> None:
        # Whoever the log shows as still working was cut off by the stop: from now on she
        # is offline until she reconnects (else a crash would count as hours Ready).
        await self.reports.close_open_states(now)
        self._rows = asyncio.Queue()
        self._writer = asyncio.create_task(self._write_all(), name="state-log")

    async def stop(self) -> None:
        if self._rows is not None and self._writer is not None:
            # What is queued is written before the store closes.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._rows.join(), timeout=5)
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer

    async def _changed(self, event: StatusChanged) -> None:
        state = (event.status.value, event.reason or "")
        if self._logged.get(event.username) == state:
            return
        self._logged[event.username] = state
        row = (event.username, event.since, state[0], state[1])
        if self._rows is not None:
            self._rows.put_nowait(row)
        else:
            await self._write(row)

    async def _write_all(self) -> None:
        assert self._rows is not None
        while True:
            row = await self._rows.get()
            try:
                await self._write(row)
            finally:
                self._rows.task_done()

    async def _write(self, row: Row) -> None:
        try:
            await self.reports.log_state(*row)
        except Exception:
            # A lost log row costs a report a few minutes; it must not cost her the change.
            log.exception("staff state log")
