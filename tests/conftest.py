from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator, Mapping

import pytest

from tests import loop_watch

# Qt tests run offscreen unless a test starts its own Xvfb display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every backend a test starts or asks uses the settings the test gives it, never a demo's
# luukku.env or a server's /etc/luukku/backend.env on this machine.
os.environ["LUUKKU_ENV_FILE"] = "none"
ARTIFACTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "artifacts")


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    loop.set_exception_handler(loop_watch.record)
    return loop


@pytest.fixture(autouse=True)
def _no_refused_wakeups() -> Iterator[None]:
    yield
    assert loop_watch.take_refused() == [], "a wake-up ran inside another task's step"


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    # Qt timers and widgets only work on a qasync loop; everything else gets plain asyncio.
    if item.get_closest_marker("qt") is not None:
        return {"qasync": _qasync_loop}
    return {"asyncio": asyncio.new_event_loop}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # One qasync loop for all Qt tests of a run: a loop closed after each test can leave Qt
    # timers behind that fire during the next test's event processing (seen as a rare
    # segfault in pytest-qt's _process_events).
    for item in items:
        if item.get_closest_marker("qt") is not None:
            item.add_marker(pytest.mark.asyncio(loop_scope="session"))


@pytest.fixture
def artifacts() -> str:
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS
