"""The log filter takes client addresses out and leaves everything else alone."""

from __future__ import annotations

import logging

import pytest

from backend.cli.logs import AddressScrubber


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
