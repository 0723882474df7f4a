"""Wake-ups the qasync loop refused: a nested event loop (``processEvents``, a modal
``exec``) inside a task ran another task's wake-up, asyncio said "Cannot enter into task",
and that task never runs again. The tests' loop records them; every test checks none
happened, and the hang watch prints them."""

from __future__ import annotations

import asyncio
from typing import Any

_refused: list[str] = []


def record(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    if isinstance(exc, RuntimeError) and "Cannot enter into task" in str(exc):
        _refused.append(str(exc))
    loop.default_exception_handler(context)


def refused() -> list[str]:
    return list(_refused)


def take_refused() -> list[str]:
    taken = list(_refused)
    _refused.clear()
    return taken
