"""Turns workstation events (plain Python) into Qt signals on the GUI thread.

The connection runs on the same qasync loop as Qt, so events already arrive on the GUI
thread; the bridge exists so that nothing under ``desktop/chat`` imports Qt and widgets
subscribe to typed signals instead of raw events.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from desktop.chat.state import Event, EventKind
from desktop.softphone.engine import PhoneEvent


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
    link_changed = Signal(str)
    logged_in = Signal()
    status_changed = Signal()
    meter_changed = Signal()
    offer_arrived = Signal(str)
    offer_gone = Signal(str, str)
    conversation_changed = Signal(str)
    typing_changed = Signal(str)
    conversation_closed = Signal(str)
    error = Signal(str, str)
    guide_index = Signal()
    guide_page = Signal(str)
    guide_results = Signal()
    guide_history = Signal(str)
    guide_version = Signal(str)
    guide_saved = Signal(str)
    guide_changed = Signal(str)
    phone_event = Signal(object)  # desktop.softphone.engine.PhoneEvent
    callbacks_changed = Signal()
    callback_opened = Signal(str)
    callback_created = Signal(str)
    callback_offer = Signal()
    callback_figures = Signal()
    conversation_left = Signal(str, str)  # id, why ("transferred" | "consult_ended")
    picture = Signal(str)  # picture id
    staff_chat = Signal(str)  # channel ("" : all)
    colleagues = Signal()
    call_outcome_saved = Signal(str)  # the backend's call id
    board_changed = Signal()  # supervisors: who is doing what now
    report_arrived = Signal()
    advice_arrived = Signal()
    roster_imported = Signal()
    roster_week = Signal()
    digi_changed = Signal()
    call_in = Signal()
    my_figures = Signal()

    def on_phone_event(self, event: PhoneEvent) -> None:
        self.phone_event.emit(event)

    def on_event(self, event: Event) -> None:
        cid = event.conversation_id or ""
        match event.kind:
            case EventKind.LINK:
                self.link_changed.emit(event.detail or "")
            case EventKind.LOGGED_IN:
                self.logged_in.emit()
            case EventKind.STATUS:
                self.status_changed.emit()
            case EventKind.METER:
                self.meter_changed.emit()
            case EventKind.OFFER:
                self.offer_arrived.emit(cid)
            case EventKind.OFFER_GONE:
                self.offer_gone.emit(cid, event.detail or "")
            case EventKind.CONVERSATION:
                self.conversation_changed.emit(cid)
            case EventKind.TYPING:
                self.typing_changed.emit(cid)
            case EventKind.CLOSED:
                self.conversation_closed.emit(cid)
            case EventKind.ERROR:
                self.error.emit(cid, event.detail or "")
            case EventKind.GUIDE_INDEX:
                self.guide_index.emit()
            case EventKind.GUIDE_PAGE:
                self.guide_page.emit(event.detail or "")
            case EventKind.GUIDE_RESULTS:
                self.guide_results.emit()
            case EventKind.GUIDE_HISTORY:
                self.guide_history.emit(event.detail or "")
            case EventKind.GUIDE_VERSION:
                self.guide_version.emit(event.detail or "")
            case EventKind.GUIDE_SAVED:
                self.guide_saved.emit(event.detail or "")
            case EventKind.GUIDE_CHANGED:
                self.guide_changed.emit(event.detail or "")
            case EventKind.CALLBACKS:
                self.callbacks_changed.emit()
            case EventKind.CALLBACK:
                self.callback_opened.emit(event.detail or "")
            case EventKind.CALLBACK_CREATED:
                self.callback_created.emit(event.detail or "")
            case EventKind.CALLBACK_OFFER:
                self.callback_offer.emit()
            case EventKind.CALLBACK_FIGURES:
                self.callback_figures.emit()
            case EventKind.LEFT:
                self.conversation_left.emit(cid, event.detail or "")
            case EventKind.PICTURE:
                self.picture.emit(event.detail or "")
            case EventKind.STAFF_CHAT:
                self.staff_chat.emit(event.detail or "")
            case EventKind.COLLEAGUES:
                self.colleagues.emit()
            case EventKind.CALL_OUTCOME_SAVED:
                self.call_outcome_saved.emit(event.detail or "")
            case EventKind.BOARD:
                self.board_changed.emit()
            case EventKind.REPORT:
                self.report_arrived.emit()
            case EventKind.ADVICE:
                self.advice_arrived.emit()
            case EventKind.ROSTER:
                self.roster_imported.emit()
            case EventKind.ROSTER_WEEK:
                self.roster_week.emit()
            case EventKind.DIGI:
                self.digi_changed.emit()
            case EventKind.CALL_IN:
                self.call_in.emit()
            case EventKind.MY_FIGURES:
                self.my_figures.emit()
