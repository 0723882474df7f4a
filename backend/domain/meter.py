"""The busyness meter (ruuhkamittari): figures for one queue, and the client's wait estimate.

Service level today, per queue: ``backend/domain/figures.py`` defines it (and every other
figure); the meter uses the same function, so the meter and the day's report agree. With
no contacts counted yet, SL is ``None``, shown as "–", and does not colour the meter.
The raw counts go out with the figure so that any other formula can be computed from them.

Level (green / yellow / red), first rule that matches:

* red:    the longest current wait exceeds ``red_wait_s``, or SL < ``red_share``
* yellow: the longest current wait exceeds ``yellow_wait_s``, or SL < ``target_share``,
          or someone waits while no one with the skill is Ready
* green:  otherwise

Estimated wait for the contact at position ``p`` (1 = next)::

    free = free slots of Ready staff with the skill
    p <= free                    -> 0
    no staff logged in with it   -> unknown (None)
    otherwise                    -> (p - free) * mean handling time / slots of logged-in staff

Mean handling time is today's mean for the queue, or ``default_handle_s`` before any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from backend.domain import figures
from protocol.messages import Level, QueueFigures


@dataclass(frozen=True)
class Thresholds:
    target_s: int
    target_share: float = 0.8
    red_share: float = 0.6
    yellow_wait_s: int = 60
    red_wait_s: int = 120
    short_abandon_s: int = 10
    default_handle_s: int = 600


@dataclass
class DayCounts:
    """Today's raw counts for one queue."""

    answered_waits_s: list[float] = field(default_factory=list)
    abandoned_waits_s: list[float] = field(default_factory=list)
    handle_times_s: list[float] = field(default_factory=list)

    def record(
        self,
        arrived: datetime,
        answered: datetime | None,
        ended: datetime | None,
        abandoned: bool,
    ) -> None:
        """One contact of today, from its stored times (the counts rebuilt at a start)."""
        if answered is not None:
            self.answered_waits_s.append((answered - arrived).total_seconds())
            if ended is not None:
                self.handle_times_s.append((ended - answered).total_seconds())
        elif abandoned and ended is not None:
            self.abandoned_waits_s.append((ended - arrived).total_seconds())

    def answered_in(self, target_s: float) -> int:
        return sum(1 for w in self.answered_waits_s if w <= target_s)

    def abandoned_counted(self, short_abandon_s: float) -> int:
        return sum(1 for w in self.abandoned_waits_s if w > short_abandon_s)

    def mean_handle_s(self, default: float) -> float:
        if not self.handle_times_s:
            return default
        return sum(self.handle_times_s) / len(self.handle_times_s)


@dataclass(frozen=True)
class StaffCapacity:
    """What the meter needs to know of the staff who have the queue's skill."""

    ready: int
    busy: int
    free_slots: int
    logged_in_slots: int


def service_level(counts: DayCounts, t: Thresholds) -> float | None:
    return figures.service_level(
        counts.answered_in(t.target_s),
        len(counts.answered_waits_s),
        counts.abandoned_counted(t.short_abandon_s),
    )


def level(
    longest_wait_s: float,
    sl: float | None,
    t: Thresholds,
    unattended: bool = False,
    overdue_callbacks: int = 0,
) -> Level:
    """``unattended``: contacts wait and nobody with the skill is Ready to take them.
    An overdue callback is a broken promise already: red."""
    if (
        longest_wait_s > t.red_wait_s
        or (sl is not None and sl < t.red_share)
        or overdue_callbacks > 0
    ):
        return Level.RED
    if longest_wait_s > t.yellow_wait_s or (sl is not None and sl < t.target_share) or unattended:
        return Level.YELLOW
    return Level.GREEN


def estimated_wait_s(
    position: int, staff: StaffCapacity, counts: DayCounts, t: Thresholds
) -> float | None:
    if position <= staff.free_slots:
        return 0.0
    # Nobody Ready with the skill: any number would be made up (the page says why).
    if staff.ready == 0 or staff.logged_in_slots == 0:
        return None
    handle = counts.mean_handle_s(t.default_handle_s)
    return (position - staff.free_slots) * handle / staff.logged_in_slots


def queue_figures(
    *,
    queue: str,
    channel: str,
    now: datetime,
    open_now: bool,
    waiting_since: list[datetime],
    staff: StaffCapacity,
    counts: DayCounts,
    thresholds: Thresholds,
    callbacks: tuple[int, int] = (0, 0),  # (open, overdue)
) -> QueueFigures:
    longest = max(((now - s).total_seconds() for s in waiting_since), default=0.0)
    sl = service_level(counts, thresholds)
    return QueueFigures(
        queue=queue,
        channel="phone" if channel == "phone" else "chat",
        open_now=open_now,
        waiting=len(waiting_since),
        longest_wait_s=max(0.0, longest),
        staff_ready=staff.ready,
        staff_busy=staff.busy,
        answered_today=len(counts.answered_waits_s),
        answered_in_target_today=counts.answered_in(thresholds.target_s),
        abandoned_today=counts.abandoned_counted(thresholds.short_abandon_s),
        service_level_today=sl,
        target_s=thresholds.target_s,
        level=level(
            longest,
            sl,
            thresholds,
            unattended=bool(waiting_since) and staff.ready == 0,
            overdue_callbacks=callbacks[1],
        ),
        estimated_wait_s=estimated_wait_s(len(waiting_since) + 1, staff, counts, thresholds),
        callbacks_open=callbacks[0],
        callbacks_overdue=callbacks[1],
    )
