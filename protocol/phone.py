"""The phone channel on the desk: her softphone's state and a call's outcome."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from protocol.base import Frame, Ident, Outcome


class StaffPhoneState(Frame):
    """The softphone reports that she is (or is no longer) on a call."""

    type: Literal["phone_state"] = "phone_state"
    on_call: bool


class StaffCallOutcome(Frame):
    """The outcome of a service-number call she answered, from her wrap-up form."""

    type: Literal["call_outcome"] = "call_outcome"
    call_id: Ident
    outcome: Outcome
    wrap_up: Annotated[str, Field(max_length=2000)] = ""


class ToStaffCallOutcomeSaved(Frame):
    type: Literal["call_outcome_saved"] = "call_outcome_saved"
    call_id: str
