"""The meter's "something changed" mark: whoever changes what the meter shows marks it,
and a round recomputes and sends it once (not once per change), and at least every
``METER_EVERY_S`` whatever changed (a desktop shows the meter's age)."""

from __future__ import annotations

METER_EVERY_S = 2.0
# A change shows at the next round, but at most once a second: under load something
# changes every round, and a meter to every desktop four times a second was most of a
# round's time (200 desktops: 8 ms a round, the event loop held meanwhile).
METER_GAP_S = 1.0


class MeterDue:
    def __init__(self) -> None:
        self.due = False

    def mark(self) -> None:
        self.due = True

    def take(self) -> bool:
        due, self.due = self.due, False
        return due

    def send_now(self, since_last_s: float) -> bool:
        """Whether this round sends the meter, ``since_last_s`` after the last one."""
        if since_last_s >= METER_EVERY_S or (self.due and since_last_s >= METER_GAP_S):
            self.due = False
            return True
        return False
