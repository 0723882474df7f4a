from __future__ import annotations

import pytest

from backend.domain.text_search import fts5_query, index_text, query_terms, stem
from desktop.guides.quick_replies import fill, names


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("ajanvarauksen", "ajanvaraus"),
        ("ajanvarauksessa", "ajanvaraus"),
        ("neuvolassa", "neuvola"),
        ("neuvolaan", "neuvola"),
        ("rokotuksesta", "rokotus"),
        ("ehkäisyn", "ehkäisy"),
        ("sosiaalipalveluihin", "sosiaalipalvelut"),
        ("Lastenneuvolan", "lastenneuvola"),
    ],
)
def test_inflected_finnish_finds_the_base_form(inflected: str, base: str) -> None:
    assert stem(inflected) == stem(base)


def test_index_and_query() -> None:
    indexed = index_text("Ajanvaraus neuvolaan", "Varaa aika puhelimella.").split()
    for term in query_terms("ajanvarauksen"):
        assert term in indexed


def test_fts5_query_quotes_user_text() -> None:
    assert fts5_query(query_terms('ajanvarauksen "OR" neuvola*')) == (
        '"ajanvaraus" AND "or" AND "neuvol"*'
    )
    assert fts5_query([]) == ""


def test_placeholders() -> None:
    template = "Hei, olen {first_name}. Soita neuvolaan {clinic_phone}. {tuntematon}"
    assert names(template) == {"first_name", "clinic_phone", "tuntematon"}
    assert fill(template, {"first_name": "Hanna", "clinic_phone": "09 123 4567"}) == (
        "Hei, olen Hanna. Soita neuvolaan 09 123 4567. {tuntematon}"
    )
