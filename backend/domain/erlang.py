"""Erlang C (M/M/N) and Erlang A (M/M/N+M): how many agents an interval's calls need.

Pure and numerically stable up to 1,000 agents: no factorials, no powers that overflow.

Notation: ``λ`` arrivals per second, ``μ = 1 / AHT`` services per second per agent,
``A = λ / μ`` the offered load in erlangs, ``N`` agents, ``T`` the answer target in
seconds, ``θ = 1 / patience`` the abandonment rate of a waiting caller (Erlang A).

**Erlang B** by its recursion (Iversen, *Teletraffic Engineering Handbook*, ITU 2015,
eq. 4.29)::

    B(0, A) = 1,    B(n, A) = A·B(n-1, A) / (n + A·B(n-1, A))

**Erlang C** (probability that a call waits; requires ``N > A``)::

    C(N, A) = N·B(N, A) / (N - A·(1 - B(N, A)))
    service level  SL = P(W ≤ T) = 1 - C · exp(-(N - A)·T·μ)
    average speed of answer  ASA = C / (N·μ - λ)          (over all calls)
    occupancy  = A / N

**Erlang A** (Palm's M/M/N+M; Mandelbaum & Zeltyn 2007, "Service engineering in
action: the Palm/Erlang-A queue"): a birth–death chain on the number of calls present,
birth rate ``λ``, death rate ``min(n, N)·μ + max(0, n - N)·θ``. Its stationary
distribution ``π`` is computed in log space and truncated where the tail is < 1e-15::

    P(wait)     = Σ_{n ≥ N} π_n                       (PASTA: an arrival finds all busy)
    E[Q]        = Σ_{n > N} (n - N)·π_n
    P(abandon)  = θ·E[Q] / λ
    ASA         = E[Q] / λ                            (mean wait over all calls, Little)
    occupancy   = λ·(1 - P(abandon)) / (N·μ)
    SL          = P(answered within T) over all calls: an arrival that finds k callers
                  waiting reaches an agent when k + 1 "moves" (an agent freeing, rate
                  N·μ, or one ahead abandoning, rate i·θ with i ahead) happen before its
                  own patience runs out (rate θ). That absorbing chain is solved by
                  uniformisation (Poisson-weighted jump counts, error < 1e-12).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_AGENTS = 1000


class StaffingError(ValueError):
    """Input no number of agents can serve, or nonsense input; names the field."""


@dataclass(frozen=True)
class Staffing:
    traffic_erlangs: float
    agents: int
    p_wait: float
    service_level: float
    asa_s: float
    occupancy: float
    p_abandon: float | None = None  # Erlang A only


def erlang_b(n: int, a: float) -> float:
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c(n: int, a: float) -> float:
    if n <= a:
        return 1.0
    b = erlang_b(n, a)
    return n * b / (n - a * (1 - b))


def erlang_c_staffing(rate_per_s: float, aht_s: float, target_s: float, agents: int) -> Staffing:
    a = rate_per_s * aht_s
    if agents <= a:
        raise StaffingError(
            f"agents: {agents} cannot serve {a:.2f} erlangs without a queue growing forever"
        )
    c = erlang_c(agents, a)
    mu = 1.0 / aht_s
    return Staffing(
        traffic_erlangs=a,
        agents=agents,
        p_wait=c,
        service_level=1.0 - c * math.exp(-(agents - a) * target_s * mu),
        asa_s=c / (agents * mu - rate_per_s),
        occupancy=a / agents,
    )


def _stationary(n: int, lam: float, mu: float, theta: float) -> list[float]:
    """π_0.. of the Erlang A chain, truncated once the tail is negligible."""
    logs = [0.0]
    top = 0.0
    k = 0
    while True:
        k += 1
        death = min(k, n) * mu + max(0, k - n) * theta
        logs.append(logs[-1] + math.log(lam) - math.log(death))
        top = max(top, logs[-1])
        # Past N the terms shrink geometrically; stop when they are 1e-15 of the peak.
        if k > n and logs[-1] < top - 35 and logs[-1] < logs[-2]:
            break
        if k > n + 200_000:
            raise StaffingError("patience_s: the queue never settles")
    weights = [math.exp(x - top) for x in logs]
    total = sum(weights)
    return [w / total for w in weights]


def _p_served_within(n: int, mu: float, theta: float, target_s: float, ahead: int) -> list[float]:
    """P(an arrival with k callers ahead reaches an agent within ``target_s``), k = 0..ahead."""
    fastest = n * mu + ahead * theta + theta
    lam_t = fastest * target_s
    # Jumps beyond the Poisson mean + 12 standard deviations carry < 1e-12 of the mass.
    jumps = int(lam_t + 12 * math.sqrt(lam_t) + 20)
    # f[i]: P(served within m jumps) from i ahead; the served/abandoned states absorb.
    f = [0.0] * (ahead + 1)
    move = [(n * mu + i * theta) / fastest for i in range(ahead + 1)]
    quit_ = theta / fastest
    stay = [1.0 - move[i] - quit_ for i in range(ahead + 1)]
    out = [0.0] * (ahead + 1)
    log_weight = -lam_t  # log Poisson(0; λt)
    for m in range(jumps + 1):
        if m > 0:
            f = [move[i] * (f[i - 1] if i > 0 else 1.0) + stay[i] * f[i] for i in range(ahead + 1)]
            log_weight += math.log(lam_t) - math.log(m)
        weight = math.exp(log_weight)
        # P(absorbed by time t) = Σ_m Poisson(m) · P(absorbed within m jumps)
        for i in range(ahead + 1):
            out[i] += weight * f[i]
    return out


def erlang_a_staffing(
    rate_per_s: float, aht_s: float, target_s: float, agents: int, patience_s: float
) -> Staffing:
    lam, mu, theta = rate_per_s, 1.0 / aht_s, 1.0 / patience_s
    pi = _stationary(agents, lam, mu, theta)
    p_wait = sum(pi[agents:])
    queue = sum((k - agents) * p for k, p in enumerate(pi) if k > agents)
    p_abandon = theta * queue / lam
    ahead = max(0, len(pi) - 1 - agents)
    served = _p_served_within(agents, mu, theta, target_s, ahead)
    sl = sum(pi[:agents]) + sum(pi[agents + k] * served[k] for k in range(ahead + 1))
    return Staffing(
        traffic_erlangs=lam * aht_s,
        agents=agents,
        p_wait=p_wait,
        service_level=min(1.0, sl),
        asa_s=queue / lam,
        occupancy=lam * (1 - p_abandon) / (agents * mu),
        p_abandon=p_abandon,
    )


def staffing(
    *,
    calls: float,
    interval_s: float,
    aht_s: float,
    target_s: float,
    agents: int | None = None,
    target_share: float | None = None,
    patience_s: float | None = None,
) -> Staffing:
    """Figures for ``agents``, or the fewest agents (≤ 1,000) whose service level meets
    ``target_share``. Erlang A when a ``patience_s`` is given, else Erlang C."""
    for name, value in (("calls", calls), ("interval_min", interval_s), ("aht_s", aht_s)):
        if not value > 0 or math.isinf(value):
            raise StaffingError(f"{name}: must be a positive number, got {value}")
    if target_s < 0 or math.isinf(target_s):
        raise StaffingError(f"target_s: must be 0 or more, got {target_s}")
    if patience_s is not None and not 0 < patience_s < math.inf:
        raise StaffingError(f"patience_s: must be a positive number, got {patience_s}")
    if (agents is None) == (target_share is None):
        raise StaffingError("agents / target_share: give exactly one")
    rate = calls / interval_s

    def at(n: int) -> Staffing:
        if patience_s is not None:
            return erlang_a_staffing(rate, aht_s, target_s, n, patience_s)
        return erlang_c_staffing(rate, aht_s, target_s, n)

    if agents is not None:
        if not 1 <= agents <= MAX_AGENTS:
            raise StaffingError(f"agents: between 1 and {MAX_AGENTS}, got {agents}")
        return at(agents)
    assert target_share is not None
    if not 0 < target_share < 1:
        raise StaffingError(f"target_share: a fraction between 0 and 1, got {target_share}")
    load = rate * aht_s
    first = 1 if patience_s is not None else max(1, math.floor(load) + 1)
    if first > MAX_AGENTS:
        raise StaffingError(f"calls: {load:.0f} erlangs need more than {MAX_AGENTS} agents")
    # Service level grows with agents. Search upward by doubling from the load (cheap
    # small cases stay cheap), then halve the last step: the fewest that meet the target.
    lo, hi = first, first
    while True:
        if hi >= MAX_AGENTS:
            hi = MAX_AGENTS
            if at(hi).service_level < target_share:
                raise StaffingError(
                    f"calls: no number of agents up to {MAX_AGENTS} reaches {target_share:.0%}"
                )
            break
        if at(hi).service_level >= target_share:
            break
        lo, hi = hi + 1, min(MAX_AGENTS, hi * 2)
    while lo < hi:
        mid = (lo + hi) // 2
        if at(mid).service_level >= target_share:
            hi = mid
        else:
            lo = mid + 1
    return at(lo)
