"""Failed log-ins slow down where they come from, never the account itself."""

from __future__ import annotations

from backend.domain.ratelimit import LoginThrottle, MessageLimits


def test_the_pair_waits_longer_and_longer_the_account_elsewhere_not_at_all() -> None:
    throttle = LoginThrottle(pair_free=5, address_free=100)
    for i in range(5):
        assert throttle.wait_s("hanna", "attacker", i) == 0
        throttle.failed("hanna", "attacker", i)
    assert throttle.wait_s("hanna", "attacker", 4.5) == 0.5  # 1 s after the 5th failure
    assert throttle.wait_s("hanna", "office", 4.5) == 0  # her own workstation: never held
    throttle.failed("hanna", "attacker", 6)
    throttle.failed("hanna", "attacker", 8)
    assert throttle.wait_s("hanna", "attacker", 9) == 3.0  # 4 s after the 7th
    throttle.succeeded("hanna", "office")
    assert throttle.wait_s("hanna", "attacker", 9) == 3.0


def test_an_address_trying_many_names_is_slowed_as_one() -> None:
    throttle = LoginThrottle(pair_free=5, address_free=20)
    for i in range(20):
        throttle.failed(f"user{i}", "bot", 0)
    assert throttle.wait_s("someone", "bot", 0) == 1.0
    assert throttle.wait_s("someone", "elsewhere", 0) == 0


def test_a_few_may_wait_per_address_and_the_window_forgets() -> None:
    throttle = LoginThrottle(pair_free=1, window_s=60, max_delay_s=10, pending_per_address=2)
    assert throttle.admit("a") and throttle.admit("a")
    assert not throttle.admit("a") and throttle.admit("b")
    throttle.release("a")
    assert throttle.admit("a")
    for address in ("a", "a", "b"):
        throttle.release(address)
    assert throttle.pending_addresses() == set()
    for t in range(10):
        throttle.failed("x", "a", t)
    assert throttle.wait_s("x", "a", 10) == 9  # capped at max_delay_s after the last
    assert throttle.wait_s("x", "a", 100) == 0  # the window has forgotten them


def test_messages_are_limited_per_address_and_per_number() -> None:
    limits = MessageLimits(per_address_per_hour=3, per_number_per_day=2)
    assert limits.allow("10.0.0.1", "+358401234567", 0)
    assert limits.allow("10.0.0.2", "+358401234567", 1)
    # A third request for the same number, from anywhere, waits for the next day.
    assert not limits.allow("10.0.0.3", "+358401234567", 2)
    assert limits.allow("10.0.0.3", "+358401234567", 2 + 86400 / 2)
    # One address: three an hour, whatever the numbers.
    assert limits.allow("10.0.0.9", "+358500000001", 10)
    assert limits.allow("10.0.0.9", "+358500000002", 11)
    assert limits.allow("10.0.0.9", "+358500000003", 12)
    assert not limits.allow("10.0.0.9", "+358500000004", 13)
    assert limits.allow("10.0.0.9", "+358500000004", 13 + 1200)
