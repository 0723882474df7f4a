"""The meter's rows as she sees them: a phone queue whose gateway is down says so."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.meter import UNAVAILABLE, MeterTable
from protocol.messages import Level, QueueFigures


def figures(available: bool) -> QueueFigures:
    return QueueFigures(
        queue="puh_aitiys",
        channel="phone",
        open_now=True,
        waiting=0,
        longest_wait_s=0,
        staff_ready=2,
        staff_busy=0,
        answered_today=3,
        answered_in_target_today=3,
        abandoned_today=1,
        service_level_today=0.75,
        target_s=300,
        level=Level.GREEN,
        estimated_wait_s=0,
        available=available,
    )


def test_unavailable_phone_queue_is_not_shown_as_empty(qtbot: QtBot) -> None:
    table = MeterTable()
    qtbot.addWidget(table)
    table.show_figures([figures(False)], {"puh_aitiys": "Puhelin: äitiysneuvola"})
    item = table.item(0, 1)
    assert item is not None and item.text() == "?"
    assert table.item(0, 0).background().color() == UNAVAILABLE  # type: ignore[union-attr]
    assert "1" in table.item(0, 4).text()  # type: ignore[union-attr]
    table.show_figures([figures(True)], {"puh_aitiys": "Puhelin: äitiysneuvola"})
    assert table.item(0, 1).text() == "0"  # type: ignore[union-attr]
