"""The upload gate: admitted before a body is read, so memory is bounded by it."""

from __future__ import annotations

from backend.domain.uploads import UploadGate


def test_one_at_a_time_per_conversation_a_few_per_address_a_bound_overall() -> None:
    gate = UploadGate(overall=3, per_address=2, per_minute_per_address=100)
    assert gate.admit("c1", "a", 0) is None
    assert gate.admit("c1", "b", 0) == "busy"  # the same conversation is uploading
    assert gate.admit("c2", "a", 0) is None
    assert gate.admit("c3", "a", 0) == "busy"  # two from this address already
    assert gate.admit("c4", "b", 0) is None
    assert gate.admit("c5", "c", 0) == "busy"  # three in all
    gate.done("c1", "a")
    assert gate.admit("c5", "c", 1) is None


def test_an_address_is_held_to_its_rate_across_conversations() -> None:
    gate = UploadGate(overall=50, per_address=50, per_minute_per_address=3)
    for i in range(3):
        assert gate.admit(f"c{i}", "a", i) is None
        gate.done(f"c{i}", "a")
    assert gate.admit("c9", "a", 10) == "rate_limited"
    assert gate.admit("c9", "b", 10) is None  # another address is not held back
    gate.done("c9", "b")
    assert gate.admit("c9", "a", 61) is None  # a minute after the first
