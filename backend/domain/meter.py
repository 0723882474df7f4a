"""The busyness meter (ruuhkamittari): figures for one queue, and the client's wait estimate.

Service level today, per queue: ``backend/domain/figures.py`` defines it (and every other
figure); the meter uses the same function, so the meter and the day's report agree. With
no contacts counted yet, SL is ``None``, shown as "–", and does not colour the meter.
The raw counts go out with the figure so that any other formula can be computed from them.

Level (green / yellow / red) tells what is happening *now*, first rule that matches:

* red:    a contact has waited past ``red_wait_s``, a callback is overdue, or contacts
          wait and nobody who can take them is logged in
* yellow: a contact has waited past ``yellow_wait_s``, or contacts wait and nobody who
          can take them is Ready
* green:  otherwise

Today's service level never colours the meter: after one bad hour a queue with nobody
waiting would stay red all day, staff would learn to ignore red, and clinic nurses would
be called in for empty queues. It goes out beside the colour with ``target_share``, so
every view marks it on its own when it is under target (``below_target``).

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
    logged_in: int | None = None  # people; None: as many as have slots

    @property
    def anyone_logged_in(self) -> bool:
        return (self.logged_in if self.logged_in is not None else self.logged_in_slots) > 0


def service_level(counts: DayCounts, t: Thresholds) -> float | None:
    return figures.service_level(
        counts.answered_in(t.target_s),
        len(counts.answered_waits_s),
        counts.abandoned_counted(t.short_abandon_s),
    )


def level(
    *,
    waiting: int,
    longest_wait_s: float,
    t: Thresholds,
    ready: int,
    logged_in: bool,
    overdue_callbacks: int = 0,
) -> Level:
    """The queue's colour from the present only (see the module's docstring).

    ``ready``: people Ready who can take the queue's contacts; ``logged_in``: whether
    anyone who can take them is logged in at all. An overdue callback is a broken promise
    already: red, though nobody waits on the line."""
    waits = waiting > 0
    if (
        (waits and longest_wait_s > t.red_wait_s)
        or overdue_callbacks > 0
        or (waits and not logged_in)
    ):
        return Level.RED
    if (waits and longest_wait_s > t.yellow_wait_s) or (waits and ready == 0):
        return Level.YELLOW
    return Level.GREEN


def below_target(sl: float | None, t: Thresholds) -> bool:
    """Today's service level is under the promise (shown beside the colour, not as it)."""
    return sl is not None and sl < t.target_share


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
        target_share=thresholds.target_share,
        level=level(
            waiting=len(waiting_since),
            longest_wait_s=longest,
            t=thresholds,
            ready=staff.ready,
            logged_in=staff.anyone_logged_in,
            overdue_callbacks=callbacks[1],
        ),
        estimated_wait_s=estimated_wait_s(len(waiting_since) + 1, staff, counts, thresholds),
        callbacks_open=callbacks[0],
        callbacks_overdue=callbacks[1],
    )
