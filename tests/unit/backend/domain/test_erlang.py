"""Erlang B/C/A (backend/domain/erlang.py) against closed forms from the textbooks, the
smallest-agents search, stability at 1,000 agents, and the command line.

Published values used:
* M/M/1: P(wait) = ρ, P(W > t) = ρ·e^{-(μ-λ)t}, E[W] = ρ/(μ-λ)  (Kleinrock, *Queueing
  Systems* vol. 1, 1975, §3.2).
* M/M/2: P(wait) = 2ρ²/(1+ρ)  (Kleinrock vol. 1, §3.4 with m = 2).
* Erlang B: B(N, A) = (A^N/N!) / Σ_{k≤N} A^k/k!  (Iversen, *Teletraffic Engineering
  Handbook*, ITU 2015, eq. 4.10), computed here exactly with fractions.
* The Westbay/Mitan worked example of the Erlang C formula (360 calls per half hour,
  4 min average, 55 agents, 15 s target): traffic 48 Erlangs, occupancy 87.3 %,
  P(wait) 23.9 %, ASA 8.2 s, service level 84.6 % — as printed, to the digits printed.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from fractions import Fraction

import pytest

from backend.domain.erlang import (
    StaffingError,
    erlang_a_staffing,
    erlang_b,
    erlang_c,
    erlang_c_staffing,
    staffing,
)
from tests.helpers import ROOT


def test_m_m_1_closed_forms() -> None:
    lam, mu, t = 1 / 60, 1 / 30, 20.0  # ρ = 0.5
    s = erlang_c_staffing(lam, 30, t, 1)
    assert s.p_wait == pytest.approx(0.5, abs=1e-12)
    assert s.service_level == pytest.approx(1 - 0.5 * math.exp(-(mu - lam) * t), abs=1e-12)
    assert s.asa_s == pytest.approx(0.5 / (mu - lam), abs=1e-9)
    assert s.occupancy == pytest.approx(0.5)


def test_m_m_2_closed_form() -> None:
    for a in (0.5, 1.0, 1.5):
        rho = a / 2
        assert erlang_c(2, a) == pytest.approx(2 * rho**2 / (1 + rho), abs=1e-12)


def test_erlang_b_recursion_equals_the_sum_formula() -> None:
    for n, a in ((5, Fraction(3)), (10, Fraction(7, 2)), (30, Fraction(25))):
        terms = [a**k / math.factorial(k) for k in range(n + 1)]
        exact = terms[-1] / sum(terms)
        assert erlang_b(n, float(a)) == pytest.approx(float(exact), abs=1e-12)


def test_the_westbay_worked_example() -> None:
    s = staffing(calls=360, interval_s=1800, aht_s=240, target_s=15, agents=55)
    assert s.traffic_erlangs == 48
    assert round(s.occupancy, 3) == 0.873
    assert round(s.p_wait, 3) == 0.239
    assert round(s.asa_s, 1) == 8.2
    assert round(s.service_level, 3) == 0.846


def test_fewest_agents_meet_the_target_and_one_fewer_does_not() -> None:
    for patience in (None, 180.0):
        s = staffing(
            calls=360,
            interval_s=1800,
            aht_s=240,
            target_s=15,
            target_share=0.8,
            patience_s=patience,
        )
        assert s.service_level >= 0.8
        fewer = (
            staffing(
                calls=360,
                interval_s=1800,
                aht_s=240,
                target_s=15,
                agents=s.agents - 1,
                patience_s=patience,
            )
            if s.agents - 1 > (48 if patience is None else 0)
            else None
        )
        assert fewer is None or fewer.service_level < 0.8
    assert (
        staffing(calls=360, interval_s=1800, aht_s=240, target_s=15, target_share=0.8).agents
        == 55  # the example's 55: 54 give 79.3 %
    )


def test_stable_at_a_thousand_agents() -> None:
    s = erlang_c_staffing(990 / 300, 300, 20, 1000)
    assert 0 < s.p_wait < 1 and 0 < s.service_level < 1 and math.isfinite(s.asa_s)
    a = erlang_a_staffing(990 / 300, 300, 20, 1000, 120)
    assert 0 <= a.p_abandon <= 1 and 0 < a.service_level <= 1  # type: ignore[operator]


def test_erlang_a_with_endless_patience_is_erlang_c() -> None:
    c = erlang_c_staffing(360 / 1800, 240, 15, 55)
    a = erlang_a_staffing(360 / 1800, 240, 15, 55, 1e12)
    assert a.p_wait == pytest.approx(c.p_wait, abs=1e-6)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-6)
    assert a.asa_s == pytest.approx(c.asa_s, abs=1e-3)
    assert a.p_abandon == pytest.approx(0, abs=1e-6)


def test_erlang_a_single_agent_by_its_own_chain() -> None:
    """M/M/1+M with a short patience: P(abandon) against the birth–death chain summed
    independently here (ratios λ/(μ + kθ))."""
    lam, mu, theta = 1 / 60, 1 / 90, 1 / 45
    weights = [1.0]
    for k in range(1, 400):
        weights.append(weights[-1] * lam / (mu + (k - 1) * theta))
    total = sum(weights)
    queue = sum((k - 1) * w for k, w in enumerate(weights) if k > 1) / total
    a = erlang_a_staffing(lam, 90, 30, 1, 45)
    assert a.p_abandon == pytest.approx(theta * queue / lam, abs=1e-9)
    assert a.p_wait == pytest.approx(1 - 1 / total, abs=1e-9)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--calls", "0", "--agents", "3"], "calls"),
        (["--calls", "-5", "--agents", "3"], "calls"),
        (["--calls", "10", "--target-share", "1.2"], "target_share"),
        (["--calls", "10", "--target-share", "0"], "target_share"),
        (["--calls", "10", "--agents", "0"], "agents"),
        (["--calls", "10", "--agents", "3", "--patience-s", "-1"], "patience_s"),
        (["--calls", "900000", "--target-share", "0.8"], "calls"),
        (["--calls", "60", "--agents", "1"], "agents"),  # 8 erlangs cannot go through 1
        (["--calls", "ten", "--agents", "3"], "--calls"),
    ],
)
def test_command_line_refuses_bad_input_naming_the_field(args: list[str], field: str) -> None:
    base = ["--interval-min", "30", "--aht-s", "240", "--target-s", "20"]
    done = subprocess.run(
        [sys.executable, "-m", "backend", "staffing", *base, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout
    assert field in done.stderr


def test_command_line_json() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "backend",
            "staffing",
            "--calls",
            "360",
            "--interval-min",
            "30",
            "--aht-s",
            "240",
            "--target-s",
            "15",
            "--target-share",
            "0.8",
            "--patience-s",
            "180",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert set(body) == {
        "traffic_erlangs",
        "agents",
        "p_wait",
        "service_level",
        "asa_s",
        "occupancy",
        "p_abandon",
    }
    assert body["service_level"] >= 0.8 and isinstance(body["agents"], int)


def test_no_agents_and_no_target_is_refused() -> None:
    with pytest.raises(StaffingError, match="agents / target_share"):
        staffing(calls=1, interval_s=60, aht_s=60, target_s=20)
