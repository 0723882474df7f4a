"""The phone gateway's socket (``/ws/gateway``): the queue interface between whatever
answers the service number and the backend that routes.

Deliberately small and named, so that something else can stand where the pjsua2 gateway
stands (several gateway processes behind Kamailio, or an existing PBX through Asterisk
ARI): a call *arrives*, *chooses* a line, *waits* in a queue, is *delivered* to a named
professional, is *answered*, leaves a *callback*, *ends*. Routing, opening hours, the
meter and the records stay in the backend.

The gateway speaks first (``hello`` with its shared token and the calls it still holds, so
a backend restart loses no queued caller); each direction is a discriminated union on
``type`` with the protocol version ``v``, like ``protocol.messages``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from protocol.messages import ErrorFrame, Frame, Ident, PhoneNumber, validate_frame

CallId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
# Caller ids are whatever the network sends: digits, "+", or "anonymous".
CallerId = Annotated[str, Field(max_length=64)]
EndReason = Literal["closed", "abandoned", "answered", "callback", "failed", "no_input"]


class HeldCall(BaseModel):
    """A call the gateway holds, reported in ``hello`` (after either side restarted)."""

    model_config = ConfigDict(frozen=True)
    call_id: CallId
    caller: CallerId | None
    arrived_at: datetime
    queue: Ident | None  # None: still in the menu
    answered_by: Ident | None = None


# --- gateway -> backend -----------------------------------------------------------------


class GatewayHello(Frame):
    type: Literal["hello"] = "hello"
    token: Annotated[str, Field(min_length=16, max_length=256)]
    gateway_id: Ident
    calls: list[HeldCall] = Field(default_factory=list)


class CallArrived(Frame):
    type: Literal["arrived"] = "arrived"
    call_id: CallId
    caller: CallerId | None
    open_now: bool


class CallChoice(Frame):
    """A menu step: the digit pressed (``"no_input"`` and ``"invalid"`` are stored too)."""

    type: Literal["choice"] = "choice"
    call_id: CallId
    menu: Ident
    choice: Annotated[str, Field(max_length=16)]


class CallQueued(Frame):
    type: Literal["queued"] = "queued"
    call_id: CallId
    queue: Ident


class CallAnswered(Frame):
    type: Literal["answered"] = "answered"
    call_id: CallId
    username: Ident


class CallDeliveryFailed(Frame):
    """Her phone did not take it (declined, busy, unreachable): back to the queue's head."""

    type: Literal["delivery_failed"] = "delivery_failed"
    call_id: CallId
    username: Ident
    sip_status: int


class CallCallback(Frame):
    """The caller left a callback request instead of waiting. The backend stores it (the
    same creation call as staff use) and answers ``callback_stored``; only then does the
    caller hear the confirmation."""

    type: Literal["callback"] = "callback"
    call_id: CallId
    queue: Ident
    number: PhoneNumber


class CallEnded(Frame):
    type: Literal["ended"] = "ended"
    call_id: CallId
    reason: EndReason


GatewayFrame = Annotated[
    GatewayHello
    | CallArrived
    | CallChoice
    | CallQueued
    | CallAnswered
    | CallDeliveryFailed
    | CallCallback
    | CallEnded,
    Field(discriminator="type"),
]


# --- backend -> gateway -----------------------------------------------------------------


class GatewayWelcome(Frame):
    type: Literal["welcome"] = "welcome"
    phone_queues: list[str]


class Deliver(Frame):
    """Ring this professional's softphone with the caller (queue and wait in headers)."""

    type: Literal["deliver"] = "deliver"
    call_id: CallId
    username: Ident
    queue: Ident
    waited_s: float
    ring_timeout_s: float


class CancelDelivery(Frame):
    """She did not answer in time: stop ringing her; the caller keeps their place."""

    type: Literal["cancel_delivery"] = "cancel_delivery"
    call_id: CallId
    username: Ident


class QueuePosition(Frame):
    type: Literal["position"] = "position"
    call_id: CallId
    position: int
    estimated_wait_s: float | None


class CallbackStored(Frame):
    type: Literal["callback_stored"] = "callback_stored"
    call_id: CallId
    callback_id: int
    due_at: datetime | None
    due_today: bool


ToGatewayFrame = Annotated[
    GatewayWelcome | Deliver | CancelDelivery | QueuePosition | CallbackStored | ErrorFrame,
    Field(discriminator="type"),
]

_gateway_adapter: TypeAdapter[GatewayFrame] = TypeAdapter(GatewayFrame)
_to_gateway_adapter: TypeAdapter[ToGatewayFrame] = TypeAdapter(ToGatewayFrame)


def parse_gateway_frame(raw: str | bytes) -> GatewayFrame:
    return validate_frame(_gateway_adapter, raw)


def parse_to_gateway_frame(raw: str | bytes) -> ToGatewayFrame:
    return validate_frame(_to_gateway_adapter, raw)
