from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protocol.messages import (
    MAX_FRAME_BYTES,
    ClientMessage,
    ErrorCode,
    ProtocolError,
    StaffLogin,
    parse_client_frame,
    parse_staff_frame,
)


def test_round_trip() -> None:
    frame = ClientMessage(client_msg_id="m1", text="Hei ÅÄÖ 👶")
    assert parse_client_frame(frame.model_dump_json()) == frame


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{", ErrorCode.BAD_JSON),
        ("[]", ErrorCode.BAD_FRAME),
        ('{"type": "leave"}', ErrorCode.BAD_VERSION),
        ('{"v": 99, "type": "leave"}', ErrorCode.BAD_VERSION),
        ('{"v": 1, "type": "leave", "extra": 1}', ErrorCode.BAD_FRAME),
        ('{"v": 1, "type": "message", "client_msg_id": "a b", "text": "x"}', ErrorCode.BAD_FRAME),
        (
            '{"v": 1, "type": "message", "client_msg_id": "a", "text": "' + "x" * 4001 + '"}',
            ErrorCode.BAD_FRAME,
        ),
        ("x" * (MAX_FRAME_BYTES + 1), ErrorCode.TOO_LARGE),
    ],
)
def test_bad_frames(raw: str, code: ErrorCode) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_client_frame(raw)
    assert info.value.frame.code is code


def test_errors_never_echo_the_input() -> None:
    secret = "hetu-010101A123B"
    with pytest.raises(ProtocolError) as info:
        parse_staff_frame(json.dumps({"v": 1, "type": "login", "username": secret, "password": ""}))
    assert secret not in info.value.frame.detail


def test_staff_frames_do_not_parse_on_the_client_side() -> None:
    raw = StaffLogin(username="a", password="b").model_dump_json()
    with pytest.raises(ProtocolError):
        parse_client_frame(raw)


@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_any_text_parses_or_raises_protocol_error(raw: str) -> None:
    for parse in (parse_client_frame, parse_staff_frame):
        try:
            parse(raw)
        except ProtocolError as exc:
            assert exc.frame.type == "error"
