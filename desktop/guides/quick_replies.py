"""Quick-reply placeholders: ``{first_name}`` and whatever the service file defines.

Unknown placeholders stay visible as they are, so a typo shows in the message box before
she sends it instead of silently vanishing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def names(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def values(placeholders: Mapping[str, str], display_name: str) -> dict[str, str]:
    """The service's placeholders plus her own first name (never her full name)."""
    first = display_name.split()[0] if display_name.strip() else ""
    return {**placeholders, "first_name": first}
