"""Every frame the protocol lets in has exactly one handler, and the log-in, start and
hello guards hold for every other frame."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from backend.api.dispatch import (
    CLIENT_BEFORE_START,
    CLIENT_HANDLERS,
    GATEWAY_HANDLERS,
    STAFF_BEFORE_LOGIN,
    STAFF_HANDLERS,
    ClientSession,
    GatewaySession,
    StaffSession,
    dispatch_client,
    dispatch_gateway,
    dispatch_staff,
)
from protocol.gateway import GatewayFrame, GatewayHello
from protocol.messages import ClientFrame, ErrorCode, ProtocolError, StaffFrame


def members(annotated: Any) -> set[type]:
    return set(get_args(get_args(annotated)[0]))


@pytest.mark.parametrize(
    ("frames", "table"),
    [
        (StaffFrame, STAFF_HANDLERS),
        (ClientFrame, CLIENT_HANDLERS),
        (GatewayFrame, GATEWAY_HANDLERS),
    ],
)
def test_each_frame_type_has_exactly_one_handler(frames: Any, table: dict[type, Any]) -> None:
    assert set(table) == members(frames)  # a dict holds one handler per type


async def test_nothing_but_log_in_before_log_in() -> None:
    session = StaffSession(None, None, None, None, "-")  # type: ignore[arg-type]
    guarded = members(StaffFrame) - STAFF_BEFORE_LOGIN
    assert len(guarded) > 40
    for kind in guarded:
        with pytest.raises(ProtocolError) as refused:
            await dispatch_staff(session, kind.model_construct())
        assert refused.value.frame.code is ErrorCode.NOT_AUTHENTICATED, kind


async def test_nothing_but_start_before_a_conversation_and_hello_before_calls() -> None:
    client = ClientSession(None, None, "-")  # type: ignore[arg-type]
    for kind in members(ClientFrame) - CLIENT_BEFORE_START:
        with pytest.raises(ProtocolError) as refused:
            await dispatch_client(client, kind.model_construct())
        assert refused.value.frame.code is ErrorCode.BAD_FRAME, kind
    gateway = GatewaySession(None, None)  # type: ignore[arg-type]
    for kind in members(GatewayFrame) - {GatewayHello}:
        with pytest.raises(ProtocolError) as refused:
            await dispatch_gateway(gateway, kind.model_construct())
        assert refused.value.frame.code is ErrorCode.NOT_AUTHENTICATED, kind
