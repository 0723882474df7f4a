"""What her state asks of her now, so it is never a surprise. Pure: no Qt, no I/O.

One line at a time, the most urgent first: she was set Not ready because an offer lapsed
(with a way back in one key); she is in Wrap-up (with the time left before she is Ready by
itself); she is not Ready while one of her queues is red.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from desktop.chat.state import Workstation
from protocol.messages import Level, StaffStatus

MISSED_OFFER = "missed_offer"


@dataclass(frozen=True)
class Attention:
    kind: Literal["missed_offer", "wrap_up", "red_queue"]
    seconds_left: float | None = None  # wrap-up: until she is Ready by itself
    queue: str | None = None  # red_queue: the queue with most waiting
    waiting: int = 0


def attention(state: Workstation, now: datetime) -> Attention | None:
    if state.profile is None:
        return None
    if state.digi.now is not None and state.digi.now.state != "helping":
        # A digi-agent on standby (asked, returning) is not the service's to set Ready:
        # her bar says where she stands, and no key here would be hers to press.
        return None
    if state.status is StaffStatus.NOT_READY and state.reason == MISSED_OFFER:
        return Attention("missed_offer")
    if state.status is StaffStatus.WRAP_UP:
        left = None
        if state.wrap_up_until is not None:
            left = max(0.0, (state.wrap_up_until - now).total_seconds())
        return Attention("wrap_up", seconds_left=left)
    if state.status is not StaffStatus.READY:
        # The meter the backend sends her holds her own queues only.
        red = [f for f in state.meter if f.level is Level.RED and f.available and f.open_now]
        if red:
            worst = max(red, key=lambda f: (f.waiting, f.longest_wait_s))
            return Attention("red_queue", queue=worst.queue, waiting=worst.waiting)
    return None
