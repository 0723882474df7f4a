"""WCAG 2.1 contrast between two sRGB colours (#rrggbb): the service file's colours are
checked with this before the page is served (1.4.3 asks 4.5:1 for text)."""

from __future__ import annotations

import re

TEXT_MIN = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_colour(value: str) -> bool:
    return bool(_HEX.match(value))


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    if not is_colour(colour):
        raise ValueError(f"{colour!r} is not a colour like #005a8c")
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """1.0 (the same) to 21.0 (black on white); the order does not matter."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
