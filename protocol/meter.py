"""The busyness meter's figures."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from protocol.base import Frame, Level


class QueueFigures(BaseModel):
    """One row of the busyness meter."""

    model_config = ConfigDict(frozen=True)
    queue: str
    channel: Literal["chat", "phone"]
    open_now: bool
    waiting: int
    longest_wait_s: float
    staff_ready: int
    staff_busy: int
    answered_today: int
    answered_in_target_today: int
    abandoned_today: int
    service_level_today: float | None
    target_s: int
    # The colour says what happens now (waits, unattended queues, overdue callbacks);
    # today's level is shown beside it, marked when under ``target_share``.
    level: Level
    estimated_wait_s: float | None
    callbacks_open: int = 0  # not done yet (open or waiting for a decision)
    callbacks_overdue: int = 0  # past their due time: the queue shows red
    # False: the queue cannot be measured now (phone queues while the gateway is down):
    # shown as unavailable, not as empty.
    available: bool = True
    target_share: float = 0.8  # the promise: the share answered within target_s

    @property
    def below_target(self) -> bool:
        """Today's service level is under the promise (its own marker, never the colour)."""
        return self.service_level_today is not None and (
            self.service_level_today < self.target_share
        )


class ToStaffMeter(Frame):
    type: Literal["meter"] = "meter"
    at: datetime
    queues: list[QueueFigures]
