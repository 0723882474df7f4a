"""Clients' feedback after a chat, summed up for the supervisors' figures: how many
answered, the mean of the 1–5 scores and how they spread, and the newest comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

COMMENT_MAX = 1000
COMMENTS_SHOWN = 50


@dataclass(frozen=True)
class FeedbackAnswer:
    queue: str
    day: date
    score: int | None
    comment: str | None


@dataclass(frozen=True)
class FeedbackSummary:
    answers: int
    scores: tuple[int, int, int, int, int]  # how many gave 1, 2, 3, 4 and 5
    mean: float | None
    comments: tuple[str, ...]  # newest first, at most COMMENTS_SHOWN


def check_answer(score: int | None, comment: str | None) -> str | None:
    """None when the answer may be stored; else the reason code the page shows."""
    if score is None and not (comment or "").strip():
        return "empty"
    if score is not None and not 1 <= score <= 5:
        return "score"
    if comment is not None and len(comment) > COMMENT_MAX:
        return "too_long"
    return None


def summarise(answers: list[FeedbackAnswer]) -> FeedbackSummary:
    counts = [0, 0, 0, 0, 0]
    for a in answers:
        if a.score is not None:
            counts[a.score - 1] += 1
    scored = sum(counts)
    mean = sum((i + 1) * n for i, n in enumerate(counts)) / scored if scored else None
    newest = sorted(
        (a for a in answers if a.comment and a.comment.strip()), key=lambda a: a.day, reverse=True
    )
    return FeedbackSummary(
        answers=len(answers),
        scores=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        mean=mean,
        comments=tuple(a.comment.strip() for a in newest[:COMMENTS_SHOWN] if a.comment),
    )
