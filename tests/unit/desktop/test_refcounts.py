"""The singletons' cushion, the probe's reading, and the PySide6 emit defect's guard."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

from desktop import refcounts


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="immortal singletons on 3.12+")
def test_pin_covers_none_true_and_false_once() -> None:
    refcounts.pin_singletons()
    counts = [sys.getrefcount(obj) for obj in (None, True, False)]
    assert all(count > refcounts.CUSHION for count in counts)
    refcounts.pin_singletons()  # idempotent: a second call adds nothing
    assert [sys.getrefcount(obj) for obj in (None, True, False)] == pytest.approx(counts, abs=1000)


def test_emit_keeps_references_with_the_locked_pyside() -> None:
    """Fails on PySide6 6.12.0: every Signal.emit() there drops a reference to True."""
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    from desktop.bridge import emit_loses_references

    class Source(QObject):
        changed = Signal()
        named = Signal(str)

    _app = QCoreApplication.instance() or QCoreApplication([])
    source = Source()
    received: list[str] = []
    source.named.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for i in range(2000):
        source.changed.emit()
        source.named.emit(str(i))
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 2000
    assert [a - b for a, b in zip(after, before, strict=True)] == pytest.approx([0, 0, 0], abs=20)
    assert not emit_loses_references()


async def test_probe_writes_readings(tmp_path: Path) -> None:
    path = tmp_path / "probe.jsonl"
    task = asyncio.get_running_loop().create_task(refcounts.run_probe(path, every_s=0.05))
    await asyncio.sleep(0.3)
    task.cancel()
    readings = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(readings) >= 3
    assert {"true", "false", "none", "threads", "fds", "rss_mb"} <= set(readings[-1])
    assert refcounts.probe_path({refcounts.PROBE_ENV: str(path)}) == path
    assert refcounts.probe_path({}) is None
