"""Who may upload a picture now. Pure: no I/O; the caller passes the clock.

A body is admitted before a byte of it is read, so what the backend holds at once is
bounded by ``overall × MAX_BYTES`` however many clients try: a flood waits outside (429)
instead of filling memory. One upload at a time per conversation (its picture cap then
holds without racing itself), a few per address, and a rate per address over a minute
(anyone may open chats, so per-conversation limits alone do not hold an address back).
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field


@dataclass
class UploadGate:
    overall: int = 4
    per_address: int = 2
    per_minute_per_address: int = 10
    _active: set[tuple[str, str]] = field(default_factory=set)  # (conversation, address)
    _recent: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def admit(self, conversation_id: str, address: str, now: float) -> str | None:
        """None: admitted (call ``done`` after); otherwise why not: ``busy`` (try again
        in a moment) or ``rate_limited`` (too many from this address this minute)."""
        recent = self._recent[address]
        while recent and now - recent[0] >= 60:
            recent.popleft()
        if len(recent) >= self.per_minute_per_address:
            return "rate_limited"
        if (
            len(self._active) >= self.overall
            or any(c == conversation_id for c, _ in self._active)
            or sum(1 for _, a in self._active if a == address) >= self.per_address
        ):
            return "busy"
        recent.append(now)
        self._active.add((conversation_id, address))
        return None

    def done(self, conversation_id: str, address: str) -> None:
        self._active.discard((conversation_id, address))
        if not self._recent.get(address):
            self._recent.pop(address, None)
