"""The record entry and the hand-off links: what the log-in tells the desktop of them,
and what she reports having used (the access log)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from protocol.base import Frame, Ident


class StaffRecordCopied(Frame):
    """She copied a contact's record entry (access-logged like opening it). ``contact``
    is a conversation id, or a call's id for a call."""

    type: Literal["record_copied"] = "record_copied"
    contact: Ident


class StaffHandoffUsed(Frame):
    """She opened a hand-off link of a contact (access-logged, with the link's id)."""

    type: Literal["handoff_used"] = "handoff_used"
    contact: Ident
    link: Ident


# The record entry and the hand-off links (backend/config.py checks the service file's
# templates against these; desktop/chat/record.py fills them).
RECORD_PLACEHOLDERS = frozenset(
    [
        "date",
        "time",
        "channel",
        "queue",
        "handled_by",
        "consultants",
        "client",
        "identity_code",
        "reason",
        "outcome",
        "wrap_up",
        "callbacks",
        "transcript",
    ]
)


LINK_PLACEHOLDERS = frozenset({"identity_code", "queue", "conversation_id", "clinic"})


class HandoffLink(BaseModel):
    """A button from a conversation or a call to another system: the booking system, the
    patient record, the client's own clinic. ``url`` is an https template."""

    model_config = ConfigDict(frozen=True)
    id: Ident
    names: dict[str, str]
    url: str


class RecordSettings(BaseModel):
    """What the record entry holds: the template by language, and whether the transcript
    goes in whole ("full") or only her own summary ("summary")."""

    model_config = ConfigDict(frozen=True)
    transcript: Literal["full", "summary"] = "full"
    templates: dict[str, str] = {}
