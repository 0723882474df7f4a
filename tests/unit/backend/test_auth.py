"""Password verification runs beside the event loop, below its priority."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest

from backend.auth import VERIFIER_NICE, hash_password, verifier_threads, verify_password_async


def nice_of(native_id: int) -> int:
    # /proc/<pid>/task/<tid>/stat: the nice value is the 19th field, the 17th after the
    # command's closing parenthesis.
    stat = Path(f"/proc/self/task/{native_id}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux /proc only")
async def test_a_verification_runs_below_the_event_loop() -> None:
    stored = hash_password("oikea")
    assert await verify_password_async(stored, "oikea") is True
    assert await verify_password_async(stored, "väärä") is False

    # The threads argon2 ran on report their priority; the event loop's keeps its own.
    def own_nice() -> int:
        return nice_of(threading.get_native_id())

    loop = asyncio.get_running_loop()
    seen = {await loop.run_in_executor(verifier_threads, own_nice) for _ in range(4)}
    assert seen == {VERIFIER_NICE}
    assert own_nice() == os.getpriority(os.PRIO_PROCESS, 0) != VERIFIER_NICE
