"""The log filter takes client addresses out and leaves everything else alone."""

from __future__ import annotations

import logging

import pytest

from backend.cli.logs import AddressScrubber, SocketChatter


@pytest.mark.parametrize(
    ("message", "args", "expected"),
    [
        (
            '%s - "WebSocket %s" [accepted]',
            ("203.0.113.7:51234", "/ws/client"),
            '[address] - "WebSocket /ws/client" [accepted]',
        ),
        (
            '%s - "WebSocket %s" [accepted]',
            ("::1:5555", "/ws/staff"),
            '[address] - "WebSocket /ws/staff" [accepted]',
        ),
        ("from [2001:db8::7]:443", (), "from [address]"),
        ("from 2001:db8:0:0:1:2:3:4 now", (), "from [address] now"),
        ("Started server process [13579]", (), "Started server process [13579]"),
        ("pjlib 2.15.1 at 14:03:08", (), "pjlib 2.15.1 at 14:03:08"),
        ("conversation 3f2a9c accepted by hoitaja", (), "conversation 3f2a9c accepted by hoitaja"),
    ],
)
def test_addresses_out_the_rest_kept(message: str, args: tuple[str, ...], expected: str) -> None:
    record = logging.LogRecord("x", logging.INFO, "", 0, message, args, None)
    assert AddressScrubber().filter(record)
    assert record.getMessage() == expected


@pytest.mark.parametrize(
    ("logger", "message", "kept"),
    [
        ("uvicorn.error", "connection open", False),
        ("uvicorn.error", "connection closed", False),
        ("uvicorn.error", '%s - "WebSocket %s" [accepted]', True),
        ("uvicorn.error", "Application startup complete.", True),
        # The centre's own lines are never dropped, whatever they say.
        ("luukku.chat", "connection closed", True),
    ],
)
def test_socket_chatter_dropped_the_rest_kept(logger: str, message: str, kept: bool) -> None:
    record = logging.LogRecord(logger, logging.INFO, "", 0, message, (), None)
    assert SocketChatter().filter(record) is kept
