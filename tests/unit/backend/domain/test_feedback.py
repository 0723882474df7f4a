from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from backend.domain.feedback import COMMENT_MAX, FeedbackAnswer, check_answer, summarise


def test_an_answer_needs_a_score_or_words() -> None:
    assert check_answer(None, None) == "empty"
    assert check_answer(None, "   ") == "empty"
    assert check_answer(0, None) == "score" and check_answer(6, None) == "score"
    assert check_answer(None, "x" * (COMMENT_MAX + 1)) == "too_long"
    assert check_answer(5, None) is None and check_answer(None, "Kiitos") is None


def test_summary() -> None:
    answers = [
        FeedbackAnswer("neuvola", date(2026, 11, 30), 5, "Sain apua nopeasti"),
        FeedbackAnswer("neuvola", date(2026, 12, 1), 4, None),
        FeedbackAnswer("mipa", date(2026, 12, 2), None, "  Jono oli pitkä "),
        FeedbackAnswer("mipa", date(2026, 12, 2), 2, ""),
    ]
    s = summarise(answers)
    assert s.answers == 4
    assert s.scores == (0, 1, 0, 1, 1)
    assert s.mean == (5 + 4 + 2) / 3
    assert s.comments == ("Jono oli pitkä", "Sain apua nopeasti")  # newest first, trimmed


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=50))
def test_the_mean_lies_within_the_scores(scores: list[int | None]) -> None:
    s = summarise([FeedbackAnswer("q", date(2026, 1, 1), x, None) for x in scores])
    given_scores = [x for x in scores if x is not None]
    assert sum(s.scores) == len(given_scores)
    if given_scores:
        assert s.mean is not None and min(given_scores) <= s.mean <= max(given_scores)
    else:
        assert s.mean is None
