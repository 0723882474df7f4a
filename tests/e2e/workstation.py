"""The desktop as production wires it (connection -> bridge -> window), for async Qt tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Phone, build_window, install_translations
from desktop.chat.connection import StaffConnection
from desktop.ui.main_window import MainWindow
from tests.helpers import BackendProcess

_installed: list[QTranslator] = []  # the language of the last window made


async def until(predicate: Callable[[], Any], timeout: float = 10.0, what: str = "") -> None:
    """Poll on the running loop (qtbot.waitUntil would deadlock inside an async test)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await asyncio.sleep(0.05)


async def settle(seconds: float = 0.1) -> None:
    """Let Qt apply posted layouts and paint before a screenshot: the qasync loop runs Qt's
    events while this task sleeps. Never ``QApplication.processEvents()`` inside a task: it
    runs other tasks' wake-ups re-entrantly, asyncio refuses them ("Cannot enter into task")
    and the woken task never runs again (a connection stuck for good, a hung teardown)."""
    await asyncio.sleep(seconds)


async def workstation(
    qtbot: QtBot,
    backend: BackendProcess,
    user: str = "hoitaja",
    phone: Phone | None = None,
    lang: str = "fi",
) -> tuple[MainWindow, StaffConnection]:
    """A logged-in window in Finnish (the default language), its handbook index loaded."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed[:] = install_translations(app, lang)
    connection = StaffConnection(backend.http, user, "demo")
    window = build_window(connection, lang, phone)
    qtbot.addWidget(window)
    window.show()
    connection.start()
    await until(lambda: connection.state.profile is not None, what="login")
    await until(lambda: connection.state.handbook.pages, what="handbook index")
    return window, connection
