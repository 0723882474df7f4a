"""Hypothesis throws frames at the live client and staff sockets of a real backend.

Every frame that is not a valid command must be answered with an ``error`` frame, and the
socket must stay usable (a valid frame afterwards still works).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import BackendProcess, running_backend

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)
TYPES = [
    "start",
    "resume",
    "message",
    "typing",
    "leave",
    "login",
    "resume_session",
    "set_status",
    "accept",
    "open",
    "send",
    "close",
    "phone_state",
    "bogus",
    "",
]
frames = st.one_of(
    st.text(max_size=200),
    json_values.map(json.dumps),
    st.fixed_dictionaries(
        {"v": st.sampled_from([1, 1, 1, 2, "1", None]), "type": st.sampled_from(TYPES)},
        optional={
            "queue": st.text(max_size=10),
            "text": st.text(max_size=50),
            "client_msg_id": st.text(max_size=10),
            "conversation_id": st.text(max_size=10),
            "status": st.text(max_size=10),
            "typing": json_values,
            "last_seq": json_values,
            "token": st.text(max_size=30),
            "username": st.text(max_size=10),
            "password": st.text(max_size=10),
        },
    ).map(json.dumps),
)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("fuzz")) as b:
        yield b


def _is_command(raw: str, ok_types: set[str]) -> bool:
    try:
        data = json.loads(raw)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("v") == 1 and data.get("type") in ok_types


async def _exchange(url: str, raws: list[str], ok_types: set[str]) -> list[dict[str, Any]]:
    import websockets

    replies: list[dict[str, Any]] = []
    async with websockets.connect(url) as ws:
        for raw in raws:
            await ws.send(raw)
            if _is_command(raw, ok_types):
                # Possibly valid: may or may not answer; do not wait on it.
                continue
            async with asyncio.timeout(5):
                while True:
                    reply = json.loads(await ws.recv())
                    if reply["type"] == "error":
                        replies.append(reply)
                        break
        # Still healthy afterwards.
        await ws.send(json.dumps({"v": 1, "type": "bogus"}))
        async with asyncio.timeout(5):
            while json.loads(await ws.recv())["type"] != "error":
                pass
    return replies


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(frames, min_size=1, max_size=5))
def test_client_socket_answers_every_bad_frame(backend: BackendProcess, raws: list[str]) -> None:
    # Only an invalid frame (that is not a start/resume) is sure to get an error back.
    replies = asyncio.run(_exchange(backend.ws + "/ws/client", raws, {"start", "resume"}))
    assert all(r["code"] and r["code"] != "internal" for r in replies)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(frames, min_size=1, max_size=5))
def test_staff_socket_answers_every_bad_frame(backend: BackendProcess, raws: list[str]) -> None:
    replies = asyncio.run(_exchange(backend.ws + "/ws/staff", raws, {"login", "resume_session"}))
    assert all(r["code"] and r["code"] != "internal" for r in replies)


async def test_hostile_shapes_get_a_typed_refusal_naming_the_field(backend: BackendProcess) -> None:
    """Deep nesting inside the size limit, integers past any column, dates past any clock:
    each a typed error that names the field, none a traceback in the log."""
    from tests.helpers import Peer, staff

    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send_raw(
        '{"v":1,"type":"message","client_msg_id":"a","text":' + "[" * 3000 + "]" * 3000 + "}"
    )
    assert (await client.expect("error"))["code"] == "bad_json"
    await client.send(type="resume", conversation_id="abc", token="t" * 20, last_seq=2**63)
    error = await client.expect("error")
    assert error["code"] == "bad_frame" and "last_seq" in error["detail"]
    supervisor = await staff(backend.ws, "esihenkilo", ready=False)
    for day in ("9999-12-31", "0001-01-01"):
        await supervisor.send(type="callback_figures", day=day)
        error = await supervisor.expect("error")
        assert error["code"] == "bad_frame" and "day" in error["detail"], error
    await supervisor.send(type="callback_open", callback_id=2**63)
    error = await supervisor.expect("error")
    assert error["code"] == "bad_frame" and "callback_id" in error["detail"]
    for peer in (client, supervisor):
        await peer.close()
    log = backend.log_path.read_text()
    assert "Traceback" not in log and "frame failed" not in log
