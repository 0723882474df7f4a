"""Every user-visible string is translated: Finnish first, Swedish and English too."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
I18N = ROOT / "desktop" / "ui" / "i18n"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_desktop_string_has_a_finished_translation(lang: str) -> None:
    for (context, source), translation in messages(I18N / f"luukku_{lang}.ts").items():
        assert translation is not None
        assert translation.get("type") is None, f"{lang}: unfinished {context}: {source!r}"
        assert (translation.text or "").strip(), f"{lang}: empty {context}: {source!r}"


@pytest.mark.skipif(
    not LUPDATE.exists() and shutil.which("pyside6-lupdate") is None,
    reason="pyside6-lupdate ships with PySide6",
)
def test_translation_files_cover_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(messages(fresh))
    for lang in ("fi", "sv"):
        in_file = set(messages(I18N / f"luukku_{lang}.ts"))
        assert in_code <= in_file, f"run pyside6-lupdate for {lang}: missing {in_code - in_file}"


def test_every_translated_text_is_one_lupdate_can_find() -> None:
    """lupdate reads only literal arguments outside f-strings: a ``self.tr(...)`` inside an
    f-string or with a computed text reaches the widget in English ("Reason:" did)."""
    hidden = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            calls = []
            if isinstance(node, ast.JoinedStr):
                calls = [
                    (sub, "inside an f-string")
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Call)
                    and isinstance(sub.func, ast.Attribute)
                    and sub.func.attr in ("tr", "translate")
                ]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and (
                    node.func.attr == "tr"
                    or (
                        node.func.attr == "translate"
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "QCoreApplication"
                    )
                )
            ):
                texts = node.args[:1] if node.func.attr == "tr" else node.args[:2]
                if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                    calls = [(node, "with a computed text")]
            hidden += [f"{path.relative_to(ROOT)}:{call.lineno} {why}" for call, why in calls]
    assert not hidden, hidden


# Where a text reaches a widget, and which argument is the text.
TEXT_ARGUMENT = {
    **dict.fromkeys(
        (
            "setText",
            "setToolTip",
            "setPlaceholderText",
            "setWindowTitle",
            "addItem",
            "addAction",
            "setTitle",
            "showMessage",
            "addMenu",
            "setStatusTip",
            "setAccessibleName",
            "addRow",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QGroupBox",
            "QRadioButton",
            "QAction",
            "QMessageBox",
        ),
        0,
    ),
    "addTab": 1,
    "setTabText": 1,
}
NOT_WORDS = {"Luukku"}  # the product's name is the same in every language


def test_no_english_literal_reaches_a_widget() -> None:
    """A text written straight into a widget (``QLabel("Reason:")``) is never translated:
    every word a widget shows goes through tr()."""
    raw = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            place = TEXT_ARGUMENT.get(name)
            if place is None or len(node.args) <= place:
                continue
            text = node.args[place]
            if (
                isinstance(text, ast.Constant)
                and isinstance(text.value, str)
                and re.search(r"[A-Za-z]{3,}", text.value)
                and text.value not in NOT_WORDS
            ):
                raw.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}({text.value!r})")
    assert not raw, raw


def test_web_chat_texts_exist_in_all_three_languages() -> None:
    script = (ROOT / "backend" / "web" / "chat.js").read_text("utf-8")
    blocks = dict(re.findall(r"\n  (fi|sv|en): \{(.*?)\n  \},", script, re.S))
    keys = {lang: set(re.findall(r"(\w+): \"", body)) for lang, body in blocks.items()}
    assert set(keys) == {"fi", "sv", "en"}
    assert keys["fi"] and keys["fi"] == keys["sv"] == keys["en"]
