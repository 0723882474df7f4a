"""The supervisor's board: the queues' table follows the meter, also when her first board
came before her first meter (as right after her log-in)."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.ui.main_window import MainWindow
from protocol.messages import (
    Level,
    QueueFigures,
    StaffProfile,
    ToStaffBoard,
    ToStaffLoggedIn,
    ToStaffMeter,
)


def figures(queue: str) -> QueueFigures:
    return QueueFigures(
        queue=queue,
        channel="chat",
        open_now=True,
        waiting=2,
        longest_wait_s=40,
        staff_ready=1,
        staff_busy=0,
        answered_today=0,
        answered_in_target_today=0,
        abandoned_today=0,
        service_level_today=None,
        target_s=120,
        level=Level.GREEN,
        estimated_wait_s=60,
        available=True,
    )


def test_the_boards_queue_table_fills_with_the_meter(qtbot: QtBot) -> None:
    state, bridge = Workstation(), Bridge()
    window = MainWindow(state, bridge, commands=None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    now = datetime.now(UTC)
    profile = StaffProfile(
        username="esihenkilo",
        display_name="Eeva Esihenkilö",
        role="supervisor",
        skills=["neuvola"],
        chat_capacity=2,
    )
    frames = [
        ToStaffLoggedIn(
            session_token="t",
            profile=profile,
            status="not_ready",
            queue_names={"neuvola": {"fi": "Neuvola"}},
        ),
        ToStaffBoard(at=now, staff=[], digi=[], call_ins=[]),  # the board before the meter
        ToStaffMeter(at=now, queues=[figures("neuvola")]),
    ]
    for frame in frames:
        for event in state.apply(frame):
            bridge.on_event(event)
    room = window.supervisor
    assert room is not None
    table = room.board.meter
    assert table.rowCount() == 1
    item = table.item(0, 0)
    assert item is not None and item.text() == "Neuvola"
