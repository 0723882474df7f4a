"""The handbook's slice of the workstation state: the index, the page open, a search's
results, a page's versions, and important changes announced while she was logged in.
Pure: frames in, events out (``HANDBOOK_FRAMES``, assembled in ``desktop/chat/state.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.events import Event, EventKind
from protocol.messages import (
    Frame,
    HandbookSummary,
    ToStaffHandbookChanged,
    ToStaffHandbookHistory,
    ToStaffHandbookIndex,
    ToStaffHandbookPage,
    ToStaffHandbookResults,
    ToStaffHandbookSaved,
    ToStaffHandbookVersion,
)


@dataclass
class HandbookState:
    pages: list[HandbookSummary] = field(default_factory=list)
    page: ToStaffHandbookPage | None = None
    results: ToStaffHandbookResults | None = None
    history: ToStaffHandbookHistory | None = None
    version: ToStaffHandbookVersion | None = None
    # Important changes announced while she was logged in, newest last.
    notices: list[ToStaffHandbookChanged] = field(default_factory=list)

    def on_index(self, frame: ToStaffHandbookIndex) -> list[Event]:
        self.pages = frame.pages
        return [Event(EventKind.HANDBOOK_INDEX)]

    def on_page(self, frame: ToStaffHandbookPage) -> list[Event]:
        self.page = frame
        self.pages = [
            p.model_copy(update={"unread": False}) if p.id == frame.page.id else p
            for p in self.pages
        ]
        return [
            Event(EventKind.HANDBOOK_PAGE, detail=frame.page.id),
            Event(EventKind.HANDBOOK_INDEX),
        ]

    def on_results(self, frame: ToStaffHandbookResults) -> list[Event]:
        self.results = frame
        return [Event(EventKind.HANDBOOK_RESULTS)]

    def on_history(self, frame: ToStaffHandbookHistory) -> list[Event]:
        self.history = frame
        return [Event(EventKind.HANDBOOK_HISTORY, detail=frame.page_id)]

    def on_version(self, frame: ToStaffHandbookVersion) -> list[Event]:
        self.version = frame
        return [Event(EventKind.HANDBOOK_VERSION, detail=frame.page_id)]

    def on_saved(self, frame: ToStaffHandbookSaved) -> list[Event]:
        return [Event(EventKind.HANDBOOK_SAVED, detail=frame.page_id)]

    def on_changed(self, frame: ToStaffHandbookChanged) -> list[Event]:
        if frame.important:
            self.notices.append(frame)
        others = [p for p in self.pages if p.id != frame.page_id]
        self.pages = [*others, frame.page]
        return [
            Event(EventKind.HANDBOOK_INDEX),
            Event(EventKind.HANDBOOK_CHANGED, detail=frame.page_id),
        ]


HANDBOOK_FRAMES: dict[type[Frame], Callable[[HandbookState, Any], list[Event]]] = {
    ToStaffHandbookIndex: HandbookState.on_index,
    ToStaffHandbookPage: HandbookState.on_page,
    ToStaffHandbookResults: HandbookState.on_results,
    ToStaffHandbookHistory: HandbookState.on_history,
    ToStaffHandbookVersion: HandbookState.on_version,
    ToStaffHandbookSaved: HandbookState.on_saved,
    ToStaffHandbookChanged: HandbookState.on_changed,
}
