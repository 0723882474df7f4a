"""The live board's lines: who is doing what, for how long, in the order she scans them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from protocol.messages import StaffStatus, ToStaffBoard

# Those who can take a contact first, then those busy finishing one, then the rest.
ORDER = {
    StaffStatus.READY: 0,
    StaffStatus.WRAP_UP: 1,
    StaffStatus.NOT_READY: 2,
    StaffStatus.OFFLINE: 3,
}


@dataclass(frozen=True)
class BoardLine:
    username: str
    name: str
    role: str
    status: StaffStatus
    reason: str | None
    since_s: float | None  # seconds in this state
    chats: tuple[str, ...]
    offers: int
    on_call: bool
    queues: tuple[str, ...]


def board_lines(frame: ToStaffBoard, now: datetime) -> list[BoardLine]:
    lines = [
        BoardLine(
            username=r.username,
            name=r.display_name,
            role=r.role,
            status=r.status,
            reason=r.reason,
            since_s=None if r.since is None else max(0.0, (now - r.since).total_seconds()),
            chats=tuple(r.chats),
            offers=r.offers,
            on_call=r.on_call,
            queues=tuple(r.queues),
        )
        for r in frame.staff
    ]
    lines.sort(key=lambda line: (ORDER[line.status], line.name.casefold()))
    return lines


STANDBY = "standby"  # a digi-agent on standby: not one of the team's Not ready


def counts(lines: list[BoardLine]) -> dict[StaffStatus, int]:
    out = {status: 0 for status in ORDER}
    for line in lines:
        if not (line.status is StaffStatus.NOT_READY and line.reason == STANDBY):
            out[line.status] += 1
    return out
