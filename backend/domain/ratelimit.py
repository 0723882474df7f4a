"""A token bucket per connection: a burst is fine, a flood is refused frame by frame."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    rate_per_s: float
    burst: int
    tokens: float = field(init=False)
    updated: float | None = field(default=None, init=False)
    refused_in_row: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)

    def allow(self, now: float) -> bool:
        if self.updated is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate_per_s)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            self.refused_in_row = 0
            return True
        self.refused_in_row += 1
        return False


@dataclass
class LoginThrottle:
    """Failed log-ins slow down where they come from, never the account itself.

    Failures are counted per (username, address) and per address over ``window_s``. Past
    ``pair_free`` (or ``address_free``) of them the next attempt waits 1 s, then 2, 4, …
    at most ``max_delay_s`` after the last failure. So a stranger guessing her password
    from elsewhere never locks the nurse out, and a flood from one address is refused
    before any password is hashed. Attempts from one address are verified one at a time
    (the caller serialises them) and at most ``pending_per_address`` may wait: a flood
    cannot fill the hashing threads ahead of a log-in from elsewhere, while an office
    whose nurses share one address and log in at 8:00 together just waits its turns.
    """

    pair_free: int = 5
    address_free: int = 20
    window_s: float = 300.0
    max_delay_s: float = 300.0
    pending_per_address: int = 8
    _failures: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    _pending: dict[str, int] = field(default_factory=dict)

    def _recent(self, key: tuple[str, str], now: float) -> list[float]:
        kept = [t for t in self._failures.get(key, []) if now - t <= self.window_s]
        if kept:
            self._failures[key] = kept
        else:
            self._failures.pop(key, None)
        return kept

    def _wait(self, failures: list[float], free: int, now: float) -> float:
        if len(failures) < free:
            return 0.0
        delay = min(2.0 ** (len(failures) - free), self.max_delay_s)
        return max(0.0, failures[-1] + delay - now)

    def wait_s(self, username: str, address: str, now: float) -> float:
        """How long before an attempt from here is even checked (0: now)."""
        return max(
            self._wait(self._recent((username, address), now), self.pair_free, now),
            self._wait(self._recent(("", address), now), self.address_free, now),
        )

    def admit(self, address: str) -> bool:
        """Room for one more attempt from here to wait for its verification?"""
        if self._pending.get(address, 0) >= self.pending_per_address:
            return False
        self._pending[address] = self._pending.get(address, 0) + 1
        return True

    def pending_addresses(self) -> set[str]:
        return set(self._pending)

    def release(self, address: str) -> None:
        left = self._pending.get(address, 0) - 1
        if left > 0:
            self._pending[address] = left
        else:
            self._pending.pop(address, None)

    def failed(self, username: str, address: str, now: float) -> None:
        for key in ((username, address), ("", address)):
            self._recent(key, now)
            self._failures.setdefault(key, []).append(now)

    def succeeded(self, username: str, address: str) -> None:
        self._failures.pop((username, address), None)


@dataclass
class ClientLimits:
    """Limits that hold per client, not per socket: a reconnect does not refill them.

    Lines per conversation (the same rate a socket allows, so one client resuming every
    few lines gets no more through), and chats started per address (anyone may start one,
    and a script must not fill the queues). Buckets of gone conversations and quiet
    addresses are forgotten by ``forget`` and ``prune``.
    """

    line_rate_per_s: float
    line_burst: int
    start_rate_per_s: float
    start_burst: int
    _lines: dict[str, TokenBucket] = field(default_factory=dict)
    _starts: dict[str, TokenBucket] = field(default_factory=dict)

    def line(self, conversation_id: str, now: float) -> bool:
        bucket = self._lines.get(conversation_id)
        if bucket is None:
            bucket = self._lines[conversation_id] = TokenBucket(
                self.line_rate_per_s, self.line_burst
            )
        return bucket.allow(now)

    def start(self, address: str, now: float) -> bool:
        bucket = self._starts.get(address)
        if bucket is None:
            bucket = self._starts[address] = TokenBucket(self.start_rate_per_s, self.start_burst)
        return bucket.allow(now)

    def forget(self, conversation_id: str) -> None:
        self._lines.pop(conversation_id, None)

    def prune(self, now: float) -> None:
        """Drop address buckets that have filled up again (nothing left to remember)."""
        full = [
            address
            for address, bucket in self._starts.items()
            if bucket.updated is None
            or bucket.tokens + (now - bucket.updated) * bucket.rate_per_s >= bucket.burst
        ]
        for address in full:
            del self._starts[address]


@dataclass
class MessageLimits:
    """Messages and callback requests left on the web page: a few an hour from one
    address, a few a day for one phone number, so a script cannot fill the list."""

    per_address_per_hour: int
    per_number_per_day: int
    _addresses: dict[str, TokenBucket] = field(default_factory=dict)
    _numbers: dict[str, TokenBucket] = field(default_factory=dict)

    def allow(self, address: str, number: str | None, now: float) -> bool:
        by_address = self._addresses.get(address)
        if by_address is None:
            per_hour = self.per_address_per_hour
            by_address = self._addresses[address] = TokenBucket(per_hour / 3600, per_hour)
        if not by_address.allow(now):
            return False
        if number is None:
            return True
        by_number = self._numbers.get(number)
        if by_number is None:
            per_day = self.per_number_per_day
            by_number = self._numbers[number] = TokenBucket(per_day / 86400, per_day)
        return by_number.allow(now)
