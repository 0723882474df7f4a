"""The service as it runs now: settings from the environment, the service file in force
(replaced as a whole by a reload), each queue's opening hours, and the clock.

Every part reads the service file through here, so a reload reaches them all at once;
a part that keeps something derived from it subscribes to ``ConfigReloaded``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backend.config import ServiceConfig
from backend.domain.hours import OpeningHours
from backend.settings import Settings


class ReloadRefused(ValueError):
    """A valid service file that cannot be applied while running; the message says why."""


class Service:
    def __init__(
        self, settings: Settings, config: ServiceConfig, clock: Callable[[], datetime]
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.config = config
        self.hours: dict[str, OpeningHours] = {}
        self._hours_of(config)

    def _hours_of(self, config: ServiceConfig) -> None:
        self.hours = {q.id: config.opening_hours(q.id) for q in config.queues}

    def replace(self, config: ServiceConfig) -> None:
        """A new, already validated service file. The queues themselves (ids, channels,
        skills) are what live contacts and counts hang on: a file that changes them is
        refused (``ReloadRefused``), and applied by a restart."""
        shape = {(q.id, q.channel, q.skill) for q in self.config.queues}
        if {(q.id, q.channel, q.skill) for q in config.queues} != shape:
            raise ReloadRefused(
                "queues: ids, channels or skills changed; restart the backend to apply them"
            )
        self.config = config
        self._hours_of(config)

    def local_day(self, at: datetime) -> object:
        return at.astimezone(self.config.tz).date()
