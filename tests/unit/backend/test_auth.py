"""Password verification runs beside the live work, never in front of it."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from backend.auth import (
    VERIFIER_NICE,
    hash_password_async,
    verifier_pool,
    verify_password_async,
)


def own_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities are Linux's")
async def test_verifications_run_below_the_event_loops_priority() -> None:
    loop_priority = own_priority()
    stored = await hash_password_async("oikea salasana")
    assert await verify_password_async(stored, "oikea salasana")
    assert not await verify_password_async(stored, "väärä")
    in_pool = await asyncio.get_running_loop().run_in_executor(verifier_pool, own_priority)
    assert in_pool == min(19, loop_priority + VERIFIER_NICE)
    # The loop's own thread (every open chat) keeps its priority.
    assert own_priority() == loop_priority
