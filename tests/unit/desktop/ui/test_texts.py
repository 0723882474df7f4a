"""Every refusal the protocol can send reaches her as a sentence in her language, with what
to do next: never a raw code (``conflict``), never English in the Finnish or Swedish UI."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import install_translations
from desktop.ui.accounts import problem_text
from desktop.ui.texts import error_text
from protocol.messages import ErrorCode

ACCOUNT_CODES = [
    "username",
    "role",
    "skills",
    "languages",
    "capacity",
    "name",
    "exists",
    "no_user",
    "disabled",
    "own_account",
    "password_short",
    "no_passwords",
]


def english() -> dict[str, str]:
    """The source texts: what a missing translation would show."""
    said = {code.value: error_text(code.value) for code in ErrorCode}
    said |= {f"account:{code}": problem_text(code, "") for code in ACCOUNT_CODES}
    return said


@pytest.fixture
def in_language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    source = english()  # before her language is installed
    translators = install_translations(qapp, request.param)
    assert translators, f"no compiled translations for {request.param}"
    yield source
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("in_language", ["fi", "sv"], indirect=True)
@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_error_code_has_its_own_words(in_language: dict[str, str], code: ErrorCode) -> None:
    said = error_text(code.value)
    assert code.value not in said
    assert said != in_language[code.value], f"{code} is not translated"
    assert len(said) > 20  # a sentence, with what to do next


@pytest.mark.parametrize("in_language", ["fi"], indirect=True)
def test_an_unknown_code_is_still_a_sentence(in_language: dict[str, str]) -> None:
    said = error_text("something_new")
    assert said and "something_new" not in said


@pytest.mark.parametrize("in_language", ["fi", "sv"], indirect=True)
@pytest.mark.parametrize("code", ACCOUNT_CODES)
def test_every_account_refusal_is_said_in_her_language(
    in_language: dict[str, str], code: str
) -> None:
    said = problem_text(code, "the English detail for the log")
    assert "English detail" not in said
    assert said != in_language[f"account:{code}"], f"{code} is not translated"
