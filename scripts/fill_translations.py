"""Fill unfinished entries of the desktop's .ts files from a JSON table.

    .venv/bin/python scripts/fill_translations.py TABLE.json

TABLE maps a source text to {"fi": ..., "sv": ...}. Entries already translated are left
alone; what the table lacks stays unfinished (tests/unit/desktop/ui/test_translations.py
says which).
Run pyside6-lupdate first (README, "The desktop").
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "desktop" / "ui" / "i18n"
# Edited as text, not re-serialised: the files keep lupdate's own layout (small diffs).
MESSAGE = re.compile(
    r"(<message>(?:(?!</message>).)*?<source>(?P<source>(?:(?!</message>).)*?)</source>"
    r"(?:(?!</message>).)*?)<translation type=\"unfinished\">[^<]*</translation>",
    re.DOTALL,
)


def fill(table: dict[str, dict[str, str]]) -> list[str]:
    missing: list[str] = []
    for lang in ("fi", "sv"):
        path = I18N / f"luukku_{lang}.ts"

        def replace(match: re.Match[str], lang: str = lang) -> str:
            source = html.unescape(match.group("source"))
            text = table.get(source, {}).get(lang)
            if text is None:
                missing.append(f"{lang}: {source}")
                return match.group(0)
            return f"{match.group(1)}<translation>{html.escape(text, quote=False)}</translation>"

        path.write_text(MESSAGE.sub(replace, path.read_text("utf-8")), "utf-8")
    return missing


if __name__ == "__main__":
    left = fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    print("\n".join(left) or "all filled")
