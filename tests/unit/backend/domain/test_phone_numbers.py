"""A number typed on the web page: accepted in the ways people write it, written one way."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.phone_numbers import NumberRefused, normalise


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("040 123 4567", "+358401234567"),
        ("040-1234567", "+358401234567"),
        ("(09) 310 12345", "+358931012345"),
        ("+358 40 123 4567", "+358401234567"),
        ("00358 40 123 4567", "+358401234567"),
        ("+46 70 123 45 67", "+46701234567"),
        (" 050.123.4567 ", "+358501234567"),
    ],
)
def test_finnish_and_international_formats(typed: str, stored: str) -> None:
    assert normalise(typed) == stored


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("040 123 456a", "characters"),
        ("+358 40 ١٢٣٤٥٦٧", "characters"),  # digits, but not the ones a phone dials
        ("40 123 4567", "prefix"),
        ("+0 40 123", "prefix"),
        ("040 12", "too_short"),
        ("+358 40 123 4567 8901 23", "too_long"),
        ("+35840+1234567", "characters"),
    ],
)
def test_refusals_carry_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(NumberRefused) as refused:
        normalise(typed)
    assert refused.value.reason == reason


@given(st.text(alphabet="0123456789 +-().", max_size=40))
def test_whatever_is_accepted_is_e164_and_stays_the_same(typed: str) -> None:
    try:
        stored = normalise(typed)
    except NumberRefused:
        return
    assert re.fullmatch(r"\+[1-9][0-9]{7,14}", stored)
    assert normalise(stored) == stored
