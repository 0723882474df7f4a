"""The meter's "something changed" mark: whoever changes what the meter shows marks it,
and a round recomputes it once (not once per change): the board and the call-ins follow
at once. The desktops get it at the next round too, but under load at most once every
``METER_GAP_S``, and every ``METER_EVERY_S`` whatever changed (a desktop shows the
meter's age)."""

from __future__ import annotations

METER_EVERY_S = 2.0
# Under load something changes every 250 ms round, and the meter to every desktop each
# round was most of a round's time (200 desktops: 8 ms, the event loop held meanwhile).
METER_GAP_S = 1.0


class MeterDue:
    def __init__(self) -> None:
        self.due = False
        # Computed (for the board) but not yet sent to the desktops.
        self.unsent = False
        # When the desktops last got it (the event loop's clock); never yet: None.
        self.sent_at: float | None = None

    def mark(self) -> None:
        self.due = True

    def take(self) -> bool:
        due, self.due = self.due, False
        return due

    def plan(self, now: float) -> tuple[bool, bool]:
        """This round's (compute, send) at ``now``: computed when marked or when it is
        sent; sent every ``METER_EVERY_S``, and a change not yet sent once ``METER_GAP_S``
        has passed since the desktops last got it."""
        since = float("inf") if self.sent_at is None else now - self.sent_at
        changed = self.due or self.unsent
        send = since >= METER_EVERY_S or (changed and since >= METER_GAP_S)
        compute = self.due or send
        self.unsent = changed and not send
        self.due = False
        if send:
            self.sent_at = now
        return compute, send
