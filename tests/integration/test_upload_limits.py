"""Uploads under a flood (bench/uploads.py): 100 clients at once each sending a 7 MB
picture keep the backend's memory bounded, and 40 at once into one conversation store
exactly its cap. Before the gate: ~2 GB for the same flood, 40 pictures past a cap of 20."""

from __future__ import annotations

from bench.uploads import flood

# Idle ~95 MB; four bodies of 8 MB at most and two decodes (~100 MB each) at a time.
RSS_BOUND_MB = 450


async def test_a_flood_of_large_uploads_stays_within_memory_and_caps() -> None:
    result = await flood(uploads=100, chats=10)
    assert result["rss_peak_mb"] < RSS_BOUND_MB, result
    answers = result["answers"]
    assert set(answers) <= {"200 ok", "429 busy"}, answers  # no 5xx, no reset
    assert answers.get("200 ok", 0) >= 4, answers
    assert result["one_chat_stored"] == 20, result
    assert result["one_chat_answers"] == ["ok", "too_many"], result
