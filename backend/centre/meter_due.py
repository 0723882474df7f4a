"""The meter's "something changed" mark: whoever changes what the meter shows marks it,
and the next round recomputes and sends it once (not once per change)."""

from __future__ import annotations


class MeterDue:
    def __init__(self) -> None:
        self.due = False

    def mark(self) -> None:
        self.due = True

    def take(self) -> bool:
        due, self.due = self.due, False
        return due
