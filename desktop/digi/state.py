"""The digi-agent's slice of the workstation state (set for digi-agents only). Pure:
frames in, events out (``DIGI_FRAMES``, assembled in ``desktop/chat/state.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.events import Event, EventKind
from protocol.messages import Frame, ToStaffCallIn, ToStaffDigiState


@dataclass
class DigiState:
    now: ToStaffDigiState | None = None  # where she stands
    call_in: ToStaffCallIn | None = None  # the open ask, while she is asked

    def on_call_in(self, frame: ToStaffCallIn) -> list[Event]:
        self.call_in = frame
        return [Event(EventKind.CALL_IN)]

    def on_state(self, frame: ToStaffDigiState) -> list[Event]:
        self.now = frame
        if frame.state != "asked":
            self.call_in = None
        return [Event(EventKind.DIGI)]


DIGI_FRAMES: dict[type[Frame], Callable[[DigiState, Any], list[Event]]] = {
    ToStaffCallIn: DigiState.on_call_in,
    ToStaffDigiState: DigiState.on_state,
}
