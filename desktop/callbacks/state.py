"""The callbacks' slice of the workstation state. Pure: frames in, events out
(``CALLBACK_FRAMES``, assembled in ``desktop/chat/state.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.events import Event, EventKind
from protocol.messages import (
    CallbackCreate,
    CallbackSummary,
    Frame,
    ToStaffCallback,
    ToStaffCallbackFigures,
    ToStaffCallbackOffer,
    ToStaffCallbackOfferWithdrawn,
    ToStaffCallbacks,
    ToStaffCallOutcomeSaved,
)


@dataclass
class CallbackState:
    items: list[CallbackSummary] = field(default_factory=list)
    opened: ToStaffCallback | None = None  # the one opened last
    offer: ToStaffCallbackOffer | None = None
    figures: ToStaffCallbackFigures | None = None
    # Requests she made, by request id, until the backend says they were made.
    asked: dict[int, CallbackCreate] = field(default_factory=dict)

    def ask(self, frame: CallbackCreate) -> None:
        self.asked[frame.request_id] = frame

    def on_list(self, frame: ToStaffCallbacks) -> list[Event]:
        self.items = frame.items
        return [Event(EventKind.CALLBACKS)]

    def on_opened(self, frame: ToStaffCallback) -> list[Event]:
        self.opened = frame
        return [Event(EventKind.CALLBACK, detail=str(frame.summary.id))]

    def on_offer(self, frame: ToStaffCallbackOffer) -> list[Event]:
        self.offer = frame
        return [Event(EventKind.CALLBACK_OFFER, detail=str(frame.summary.id))]

    def on_offer_withdrawn(self, frame: ToStaffCallbackOfferWithdrawn) -> list[Event]:
        if self.offer and self.offer.summary.id == frame.callback_id:
            self.offer = None
        return [Event(EventKind.CALLBACK_OFFER, detail=str(frame.callback_id))]

    def on_figures(self, frame: ToStaffCallbackFigures) -> list[Event]:
        self.figures = frame
        return [Event(EventKind.CALLBACK_FIGURES)]

    def on_outcome_saved(self, frame: ToStaffCallOutcomeSaved) -> list[Event]:
        return [Event(EventKind.CALL_OUTCOME_SAVED, detail=frame.call_id)]


CALLBACK_FRAMES: dict[type[Frame], Callable[[CallbackState, Any], list[Event]]] = {
    ToStaffCallbacks: CallbackState.on_list,
    ToStaffCallback: CallbackState.on_opened,
    ToStaffCallbackOffer: CallbackState.on_offer,
    ToStaffCallbackOfferWithdrawn: CallbackState.on_offer_withdrawn,
    ToStaffCallbackFigures: CallbackState.on_figures,
    ToStaffCallOutcomeSaved: CallbackState.on_outcome_saved,
}
