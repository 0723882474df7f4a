"""What every section of the service file is built from: texts in Finnish with Swedish
and English beside them, placeholders in templates, and the error that names a wrong
field."""

from __future__ import annotations

import string
from typing import Annotated

from pydantic import AfterValidator

LANGS = ("fi", "sv", "en")


class ConfigError(Exception):
    """The service file or an environment setting is wrong; the message names the field."""


def _localised(value: dict[str, str]) -> dict[str, str]:
    if "fi" not in value:
        raise ValueError("a Finnish text (fi) is required")
    unknown = set(value) - set(LANGS)
    if unknown:
        raise ValueError(f"unknown languages {sorted(unknown)}; use {list(LANGS)}")
    return value


Localised = Annotated[dict[str, str], AfterValidator(_localised)]


def placeholders_of(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
