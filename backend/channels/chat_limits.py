"""How much one client may send: chats started per address and lines per conversation
(``backend/domain/ratelimit.py`` counts), so that one client never slows the others.

Per conversation, not per socket: resuming does not refill it. A reloaded service file
sets the rates of buckets made from then on.
"""

from __future__ import annotations

import time

from backend.centre.events import ConfigReloaded, Events
from backend.config import ServiceConfig
from backend.domain.ratelimit import ClientLimits


def _limits_of(config: ServiceConfig) -> ClientLimits:
    limits = config.limits
    return ClientLimits(
        limits.client_frames_per_s,
        limits.client_burst,
        limits.client_starts_per_minute / 60,
        limits.client_starts_burst,
    )


class ChatLimits:
    def __init__(self, config: ServiceConfig, events: Events) -> None:
        self.limits = _limits_of(config)
        events.subscribe(ConfigReloaded, self._reconfigure)

    def _reconfigure(self, event: ConfigReloaded) -> None:
        fresh = _limits_of(event.config)
        self.limits.line_rate_per_s = fresh.line_rate_per_s
        self.limits.line_burst = fresh.line_burst
        self.limits.start_rate_per_s = fresh.start_rate_per_s
        self.limits.start_burst = fresh.start_burst

    def may_start(self, address: str) -> bool:
        return self.limits.start(address, time.monotonic())

    def may_send(self, conversation_id: str) -> bool:
        return self.limits.line(conversation_id, time.monotonic())

    def forget(self, conversation_id: str) -> None:
        self.limits.forget(conversation_id)

    def prune(self) -> None:
        self.limits.prune(time.monotonic())
