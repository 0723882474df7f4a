"""Turns workstation events (plain Python) into Qt signals on the GUI thread.

The connection runs on the same qasync loop as Qt, so events already arrive on the GUI
thread; the bridge exists so that nothing under ``desktop/chat`` imports Qt and widgets
subscribe to typed signals instead of raw events.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.events import Event, EventKind
from desktop.softphone.model import PhoneEvent


class _Probe(QObject):
    fired = Signal()


def emit_loses_references(times: int = 64) -> bool:
    """Whether this PySide6 drops a reference to ``True`` on ``Signal.emit()``, as 6.12.0
    does (desktop/refcounts.py). Checked at start so a wheel upgrade cannot bring the
    defect back unnoticed."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(times):
        probe.fired.emit()
    return sys.getrefcount(True) < before - times // 2


class HotkeyRelay(QObject):
    """Global hotkeys arrive on their own thread; a signal carries them to the GUI thread."""

    pressed = Signal(str)  # "answer" | "hangup"


class Bridge(QObject):
    """The one relay from the Qt-free core to the widgets (as Electrum's
    ``qt_event_listener``): every workstation event goes out on ``happened``, and a widget
    subscribes to the kinds it shows. A new kind of event needs no new signal here.

    Signals:
        happened(Event): every workstation event (``desktop/chat/state.py``).
        phone_event(PhoneEvent): every softphone event.
    """

    happened = Signal(object)
    phone_event = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._listeners: dict[EventKind, list[Callable[[Event], object]]] = {}
        self.happened.connect(self._deliver)

    def subscribe(self, kind: EventKind, listener: Callable[[Event], object]) -> None:
        self._listeners.setdefault(kind, []).append(listener)

    def subscribed(self) -> set[EventKind]:
        return {kind for kind, listeners in self._listeners.items() if listeners}

    def on_event(self, event: Event) -> None:
        self.happened.emit(event)

    def on_phone_event(self, event: PhoneEvent) -> None:
        self.phone_event.emit(event)

    def _deliver(self, event: Event) -> None:
        for listener in self._listeners.get(event.kind, ()):
            listener(event)
