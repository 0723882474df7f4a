"""Random draws shared by the simulations (pure: the caller's seeded ``random.Random``)."""

from __future__ import annotations

import math
import random


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count: Knuth's product method, the normal approximation past a mean of 30
    (the national benchmark's volumes, where the product method underflows)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
