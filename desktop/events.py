"""What changed on the workstation, as the widgets hear it: an event of a kind, and the
conversation or item it is about. Each feature's state (``desktop/chat/state.py`` and the
slices it assembles) returns these; the relay (``desktop/bridge.py``) hands each to the
widgets subscribed to its kind. No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    LINK = "link"
    LOGGED_IN = "logged_in"
    STATUS = "status"
    METER = "meter"
    OFFER = "offer"
    OFFER_GONE = "offer_gone"
    CONVERSATION = "conversation"  # opened or its lines changed
    TYPING = "typing"
    CLOSED = "closed"
    ERROR = "error"
    HANDBOOK_INDEX = "handbook_index"
    HANDBOOK_PAGE = "handbook_page"
    HANDBOOK_RESULTS = "handbook_results"
    HANDBOOK_HISTORY = "handbook_history"
    HANDBOOK_VERSION = "handbook_version"
    HANDBOOK_SAVED = "handbook_saved"
    HANDBOOK_CHANGED = "handbook_changed"
    CALLBACKS = "callbacks"  # her callback list changed
    CALLBACK = "callback"  # one callback opened (detail: its id)
    CALLBACK_CREATED = "callback_created"  # detail: the new id
    CALLBACK_OFFER = "callback_offer"  # an offer came or went
    CALL_OUTCOME_SAVED = "call_outcome_saved"
    CALLBACK_FIGURES = "callback_figures"
    LEFT = "left"  # a conversation left this desktop without closing (detail: why)
    PICTURE = "picture"  # a full picture arrived (detail: its id)
    COLLEAGUE_MESSAGES = "colleague_messages"  # messages or read marks changed (detail: channel)
    COLLEAGUES = "colleagues"
    BOARD = "board"  # the supervisor's board changed
    REPORT = "report"  # a report arrived
    ADVICE = "advice"  # staffing advice arrived
    ROSTER = "roster"  # a roster import or save was answered
    ROSTER_WEEK = "roster_week"  # a week of the roster, for the grid
    DIGI = "digi"  # a digi-agent's state changed (standby, asked, helping, returning)
    CALL_IN = "call_in"  # a digi-agent is asked to help
    MY_FIGURES = "my_figures"
    ACCOUNTS = "accounts"  # the staff accounts (supervisors), after a request or a change


@dataclass(frozen=True)
class Event:
    kind: EventKind
    conversation_id: str | None = None
    detail: str | None = None
