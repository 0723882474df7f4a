"""Measure the workstation's views on the screen this process is given (run by
``test_window_fit.py`` under Xvfb with ``QT_SCALE_FACTOR``): does each view fit the screen's
logical pixels, does anything scroll sideways, is every queue name whole?

    python -m tests.e2e.window_fit --backend URL --lang fi --out DIR

Prints one JSON line per view and saves a screenshot of each. The views: a nurse with two
chats and a call, the handbook, the supervisor's room (every page) and a digi-agent on
standby. Its own process: a softphone (pjsua2) may exist once per process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from desktop.app import Phone, build_window, install_translations, resolve_options, start_phone
from desktop.chat.connection import StaffConnection
from desktop.ui.main_window import MainWindow
from protocol.messages import StaffStatus
from tests.helpers import Peer

Report = dict[str, Any]


async def until(predicate: Callable[[], object], what: str, timeout: float = 15.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


def sideways(window: QWidget) -> list[str]:
    """Visible scroll areas whose horizontal scroll bar shows: content wider than its room."""
    out = []
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            out.append(area.objectName() or type(area).__name__)
    return out


def cut_queue_names(window: MainWindow) -> list[str]:
    """Meter rows whose queue name does not fit its cell, wrapped (no name is ever cut)."""
    cut = []
    for table in (window.meter, window.digi_bar.meter):
        if not table.isVisible():
            continue
        width = table.columnWidth(0) - 8
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is None:
                continue
            metrics = QFontMetrics(item.font())
            need = metrics.boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
            )
            whole_word = max(metrics.horizontalAdvance(w) for w in item.text().split())
            if need.height() > table.rowHeight(row) or whole_word > width:
                cut.append(item.text())
    return cut


async def measure(window: MainWindow, view: str, out: Path, lang: str) -> Report:
    screen = window.screen().availableGeometry()
    window.resize(screen.width(), screen.height())
    await asyncio.sleep(0.6)  # layouts settle, the meter's columns adapt
    hint = window.minimumSizeHint()
    shot = out / f"fit-{view}-{lang}-{screen.width()}x{screen.height()}.png"
    window.grab().save(str(shot))
    return {
        "view": view,
        "screen": [screen.width(), screen.height()],
        "min": [hint.width(), hint.height()],
        "size": [window.width(), window.height()],
        "sideways": sideways(window),
        "cut_names": cut_queue_names(window),
        "shot": str(shot),
    }


async def logged_in(url: str, user: str, lang: str, device: Phone | None) -> MainWindow:
    connection = StaffConnection(url, user, "demo")
    window = build_window(connection, lang, device)
    window.show()
    connection.start()
    await until(lambda: connection.state.profile is not None, f"{user} logged in")
    await until(lambda: connection.state.meter, f"{user}'s meter")
    return window


async def probe(url: str, lang: str, out: Path) -> list[Report]:
    reports: list[Report] = []
    ws = url.replace("http", "ws", 1)

    # One softphone per process (pjsua2): the nurse's and the supervisor's window share it.
    device = start_phone(resolve_options({"backend_url": url}, False, False, None), "hoitaja")
    nurse = await logged_in(url, "hoitaja", lang, device)
    nurse.set_status(StaffStatus.READY)
    clients = []
    for n in range(2):
        client = await Peer.connect(ws + "/ws/client")
        await client.send(type="start", queue="neuvola", name=f"Asiakas {n + 1}")
        clients.append(client)
        await until(lambda: nurse.offer.isVisible(), "offer")
        nurse.offer.accept_at(0)
        await until(lambda n=n: len(nurse.panels) == n + 1, "chat")
    # A call in progress (with a transfer to complete): the panel's widest state.
    phone = nurse.phone
    assert phone is not None
    for name in ("in_call", "complete_button"):
        getattr(phone, name).setVisible(True)
    reports.append(await measure(nurse, "nurse", out, lang))
    nurse.sections.setCurrentWidget(nurse.handbook)
    nurse.search_handbook()
    reports.append(await measure(nurse, "handbook", out, lang))
    nurse.close()

    boss = await logged_in(url, "esihenkilo", lang, device)
    await until(lambda: boss.supervisor is not None, "the supervisor's room")
    room = boss.supervisor
    assert room is not None
    boss.sections.setCurrentWidget(room)
    for index in range(room.count()):
        room.setCurrentIndex(index)
        holder = room.widget(index)
        page = holder.widget() if isinstance(holder, QScrollArea) else holder
        report = await measure(boss, f"supervisor-{page.objectName() or index}", out, lang)
        reports.append(report)
    boss.close()

    digi = await logged_in(url, "digi1", lang, None)
    await until(lambda: digi.digi_bar.isVisible(), "standby")
    reports.append(await measure(digi, "digi-standby", out, lang))
    for client in clients:
        await client.close()
    return reports


def main() -> None:
    import qasync

    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", required=True)
    parser.add_argument("--lang", default="fi")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    app.setApplicationName("Luukku-fit-probe")
    install_translations(app, args.lang)
    reports = qasync.run(probe(args.backend, args.lang, args.out))
    for report in reports:
        print(json.dumps(report), flush=True)
    # As the app leaves: no interpreter finalization after pjsua2 (desktop/app.py: leave).
    os._exit(0)


if __name__ == "__main__":
    main()
