"""The garbage collector's passes on the hub's clock: young every round, the middle
generation every second, everything every ten minutes."""

from __future__ import annotations

import gc
import weakref
from collections import Counter

from backend.centre.collector import FULL_EVERY, MIDDLE_EVERY, Collector


def test_the_passes_come_young_every_round_middle_each_second_full_every_ten_minutes() -> None:
    passes: list[int] = []

    def collect(generation: int) -> int:
        passes.append(generation)
        return 0

    collector = Collector(collect)
    for _ in range(2 * FULL_EVERY):
        collector.round()
    assert MIDDLE_EVERY * 0.25 == 1.0 and FULL_EVERY * 0.25 == 600.0
    assert passes[:8] == [0, 0, 0, 1, 0, 0, 0, 1]
    assert [n + 1 for n, g in enumerate(passes) if g == 2] == [FULL_EVERY, 2 * FULL_EVERY]
    assert Counter(passes) == {
        2: 2,
        1: 2 * FULL_EVERY // MIDDLE_EVERY - 2,
        0: 2 * FULL_EVERY - 2 * FULL_EVERY // MIDDLE_EVERY,
    }


class Node:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_made_before_a_round_is_gone_after_it_with_the_interpreter_s_own_off() -> None:
    collector = Collector()
    was_on = gc.isenabled()
    gc.disable()
    try:
        cycle = Node()
        gone = weakref.ref(cycle)
        del cycle
        assert gone() is not None  # only a cycle search frees it
        collector.round()
        assert gone() is None
    finally:
        if was_on:
            gc.enable()
