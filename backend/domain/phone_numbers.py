"""A phone number a client types on the web page, checked and written one way.

Accepted: Finnish national numbers (a leading 0: ``040 123 4567``, ``09-310 12345``) and
international ones (``+358 40 123 4567``, ``00358 40…``, ``+46 70 123 45 67``); spaces,
hyphens, dots and brackets are ignored. The result is international (E.164, ``+358…``):
what the softphone dials whatever the client typed. A refusal carries a reason code the
page shows in the client's language.
"""

from __future__ import annotations

import re

FINLAND = "358"
_SEPARATORS = re.compile(r"[\s().-]")


class NumberRefused(ValueError):
    """``reason``: empty, characters, prefix, too_short or too_long."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise(text: str) -> str:
    raw = _SEPARATORS.sub("", text.strip())
    if not raw:
        raise NumberRefused("empty")
    plus = raw.startswith("+")
    digits = raw[1:] if plus else raw
    if not digits.isascii() or not digits.isdigit():
        raise NumberRefused("characters")
    if plus:
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    elif digits.startswith("0"):
        international = FINLAND + digits[1:]
    else:
        raise NumberRefused("prefix")
    if international.startswith("0"):
        raise NumberRefused("prefix")
    # E.164: at most 15 digits with the country code; a Finnish number has at least 5
    # after the area code (a few service numbers), so 8 with "358".
    if len(international) < 8:
        raise NumberRefused("too_short")
    if len(international) > 15:
        raise NumberRefused("too_long")
    return "+" + international
