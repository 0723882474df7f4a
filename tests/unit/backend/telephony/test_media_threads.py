"""The stack's media threads are lowered one step below the gateway's own threads, each
once, whenever they name themselves; other threads keep their priority."""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Iterator

import pytest

from backend.telephony.media_threads import MediaThreads

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux threads")
PR_SET_NAME = 15


class NamedThread:
    """A real OS thread that names itself as baresip's threads do (after it started)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.rename = threading.Event()
        self.done = threading.Event()
        self.name = b""
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.started.wait(5)

    def _run(self) -> None:
        self.started.set()
        self.rename.wait(5)
        ctypes.CDLL(None).prctl(PR_SET_NAME, ctypes.c_char_p(self.name), 0, 0, 0)
        self.done.wait(10)

    def named(self, name: str) -> None:
        self.name = name.encode()
        self.rename.set()
        for _ in range(500):
            if self.comm() == name:
                return
            threading.Event().wait(0.01)

    def comm(self) -> str:
        with open(f"/proc/self/task/{self.thread.native_id}/comm") as f:
            return f.read().strip()

    def nice(self) -> int:
        assert self.thread.native_id is not None
        return os.getpriority(os.PRIO_PROCESS, self.thread.native_id)


@pytest.fixture
def threads() -> Iterator[list[NamedThread]]:
    made: list[NamedThread] = []
    yield made
    for t in made:
        t.done.set()
        t.thread.join(5)


def test_media_threads_are_lowered_once_and_others_left_alone(
    threads: list[NamedThread],
) -> None:
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    media = MediaThreads(nice=base + 5)
    tx, other, late = NamedThread(), NamedThread(), NamedThread()
    threads += [tx, other, late]
    tx.named("Audio TX")
    other.named("re_worker")
    assert media.lower() == 1
    assert tx.nice() == base + 5 and other.nice() == base
    # Not yet named when first seen: looked at again, lowered once it names itself.
    late.named("aumem_play")
    assert media.lower() == 1 and late.nice() == base + 5
    assert media.lower() == 0 and media.lowered == 2
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base


def test_without_proc_nothing_is_lowered(tmp_path: os.PathLike[str]) -> None:
    from pathlib import Path

    assert MediaThreads(tasks=Path(tmp_path) / "missing" / "task").lower() == 0
