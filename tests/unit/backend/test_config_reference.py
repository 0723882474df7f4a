"""docs/admin.md's service-file reference is the one the models generate: a new or changed
setting fails this test until `python -m backend config-reference` is pasted in."""

from __future__ import annotations

from pathlib import Path

from backend.config_reference import BEGIN, END, reference

ROOT = Path(__file__).resolve().parents[3]


def test_the_admin_guides_reference_matches_the_models() -> None:
    guide = (ROOT / "docs" / "admin.md").read_text("utf-8")
    start, end = guide.index(BEGIN), guide.index(END) + len(END)
    assert guide[start:end] + "\n" == reference(), (
        "docs/admin.md is out of date: replace its reference with "
        "`python -m backend config-reference`"
    )


def test_every_table_and_key_is_in_it() -> None:
    text = reference()
    for key in ("`[meter.<key>]`", "`[[queues.links]]`", "`[record]`", "| `red_wait_s` |"):
        assert key in text
