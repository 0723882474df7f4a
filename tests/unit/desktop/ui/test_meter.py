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
    # Today's level beside the colour, marked as under the 80 % target; the abandoned
    # contact is told in the queue's tooltip (a narrow meter keeps its cells short).
    assert table.item(0, 4).text() == "▼ 75 % (3/4)"  # type: ignore[union-attr]
    assert table.item(0, 4).font().bold()  # type: ignore[union-attr]
    assert "1 abandoned" in table.item(0, 0).toolTip()  # type: ignore[union-attr]
    table.show_figures([figures(True)], {"puh_aitiys": "Puhelin: äitiysneuvola"})
    assert table.item(0, 1).text() == "0"  # type: ignore[union-attr]


def test_narrow_meter_keeps_the_figures_she_needs_and_never_scrolls(qtbot: QtBot) -> None:
    table = MeterTable()
    qtbot.addWidget(table)
    table.show_figures([figures(True)], {"puh_aitiys": "Puhelin: äitiysneuvola"})
    table.resize(420, 300)
    table.show()
    qtbot.waitExposed(table)
    hidden = [c for c in range(table.columnCount()) if table.isColumnHidden(c)]
    assert hidden == [3, 5]  # ready/busy and callbacks step aside; their figures stay
    assert "2 / 0" in table.item(0, 0).toolTip()  # type: ignore[union-attr]
    assert not table.horizontalScrollBar().isVisible()
    table.resize(900, 300)
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in range(7)))
