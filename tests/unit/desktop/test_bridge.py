"""The one relay from the Qt-free core to the widgets: each event reaches the listeners
of its kind, in order, and the main window listens to every kind the core produces."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.bridge import Bridge
from desktop.events import Event, EventKind

# Kinds no widget needs: the new callback's id is read from the list that follows it.
NOT_SHOWN = {EventKind.CALLBACK_CREATED}


def test_events_reach_the_listeners_of_their_kind_in_order(qtbot: QtBot) -> None:
    bridge = Bridge()
    seen: list[tuple[str, str]] = []
    bridge.subscribe(EventKind.OFFER, lambda e: seen.append(("a", e.conversation_id or "")))
    bridge.subscribe(EventKind.OFFER, lambda e: seen.append(("b", e.conversation_id or "")))
    bridge.subscribe(EventKind.CLOSED, lambda e: seen.append(("closed", e.conversation_id or "")))
    for event in (
        Event(EventKind.OFFER, conversation_id="c1"),
        Event(EventKind.METER),  # nobody listens: nothing happens
        Event(EventKind.CLOSED, conversation_id="c1"),
    ):
        bridge.on_event(event)
    assert seen == [("a", "c1"), ("b", "c1"), ("closed", "c1")]
    assert bridge.subscribed() == {EventKind.OFFER, EventKind.CLOSED}


def test_the_main_window_listens_to_every_kind(qtbot: QtBot) -> None:
    from desktop.chat.state import Workstation
    from desktop.ui.main_window import MainWindow

    bridge = Bridge()
    window = MainWindow(Workstation(), bridge, commands=None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert bridge.subscribed() == set(EventKind) - NOT_SHOWN
