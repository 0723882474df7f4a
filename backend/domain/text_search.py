"""Words to search stems: what the handbook index stores and what a query looks for.

Snowball's Finnish stemmer strips case endings (neuvolassa, neuvolaan -> neuvol) but keeps
the consonant gradation of -us/-ys/-os/-ös nouns apart: ajanvaraus -> ajanvaraus, yet
ajanvarauksen -> ajanvarauks. Folding a trailing -Vks back to -Vs after stemming puts both
on one stem, which is what a nurse typing an inflected word expects.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_GRADATION = re.compile(r"([uyoö])ks$")
_stemmer = snowballstemmer.stemmer("finnish")
MAX_QUERY_WORDS = 8


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    base = _stemmer.stemWord(word.lower())
    return _GRADATION.sub(r"\1s", base)


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if not w.isdigit() or len(w) > 2]


def index_text(title: str, body: str) -> str:
    """The stemmed text stored for full-text search (title words count twice)."""
    return " ".join(stems(title) * 2 + stems(body))


def query_terms(query: str) -> list[str]:
    """Stems to require; the last one is a prefix, so results appear while she types."""
    words = stems(query)[:MAX_QUERY_WORDS]
    return [w for w in words if w]


def fts5_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression: every term, the last as a prefix, all quoted (no syntax
    from the user's text reaches FTS5)."""
    parts = [f'"{t}"' for t in terms[:-1]] + ([f'"{terms[-1]}"*'] if terms else [])
    return " AND ".join(parts)
