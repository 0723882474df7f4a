"""The daily retention purge inside the backend: at the configured local hour, once a day,
off the event loop's hot path (the hub's tick only starts it)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime

from backend.config import RetentionConfig, ServiceConfig
from backend.domain.retention import Kind, Periods, cutoffs, purge_due
from backend.store.repository import Store
from backend.store.retention import RetentionStore

log = logging.getLogger("luukku.retention")


def periods(config: RetentionConfig) -> Periods:
    return Periods(
        {
            Kind.ANONYMOUS: config.anonymous_days,
            Kind.IDENTIFIED: config.identified_days,
            Kind.CALLS: config.call_days,
            Kind.ACCESS_LOG: config.access_log_days,
            Kind.STAFF_STATES: config.staff_state_days,
        }
    )


class Retention:
    def __init__(
        self, store: Store, config: Callable[[], ServiceConfig], clock: Callable[[], datetime]
    ) -> None:
        self.rows = RetentionStore(store)
        self._config = config
        self._clock = clock
        self._last_day: date | None = None
        self._loaded = False
        self._task: asyncio.Task[dict[Kind, int]] | None = None

    async def purge_now(self) -> dict[Kind, int]:
        now = self._clock()
        config = self._config()
        counts = await self.rows.purge(cutoffs(periods(config.retention), now), now)
        self._last_day = now.astimezone(config.tz).date()
        # Counts only: what was deleted is nobody's to read any more, in logs either.
        log.info(
            "retention purge: %s", ", ".join(f"{k.value} {n}" for k, n in counts.items()) or "-"
        )
        return counts

    async def tick(self) -> None:
        """Start the day's purge when it is due (called by the hub each tick)."""
        if self._task is not None and not self._task.done():
            return
        config = self._config()
        if not self._loaded:
            self._loaded = True
            last = await self.rows.last_run()
            self._last_day = last.astimezone(config.tz).date() if last else None
        if purge_due(self._clock(), config.tz, config.retention.purge_hour, self._last_day):
            self._last_day = self._clock().astimezone(config.tz).date()
            self._task = asyncio.create_task(self._run(), name="retention-purge")

    async def _run(self) -> dict[Kind, int]:
        try:
            return await self.purge_now()
        except Exception:
            log.exception("retention purge failed; tried again tomorrow")
            return {}

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            await self._task
