"""What her state asks of her (pure): a red queue nags only a nurse who could be Ready,
never a digi-agent on standby, and never while she is Ready already."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.chat.attention import attention
from desktop.chat.state import Workstation
from protocol.messages import Level, QueueFigures, StaffStatus
from tests.unit.desktop.chat.test_state import frame, logged_in

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def red(waiting: int = 2) -> QueueFigures:
    return QueueFigures(
        queue="neuvola",
        channel="chat",
        open_now=True,
        waiting=waiting,
        longest_wait_s=400,
        staff_ready=0,
        staff_busy=1,
        answered_today=4,
        answered_in_target_today=1,
        abandoned_today=2,
        service_level_today=1 / 6,
        target_s=120,
        level=Level.RED,
        estimated_wait_s=None,
    )


def test_a_red_queue_asks_a_nurse_who_is_not_ready() -> None:
    ws = Workstation()
    logged_in(ws)
    ws.meter = [red()]
    what = attention(ws, NOW)
    assert what is not None and what.kind == "red_queue" and what.waiting == 2


def test_no_ready_hint_while_she_is_ready() -> None:
    ws = Workstation()
    logged_in(ws)
    ws.meter = [red()]
    ws.apply(frame(type="status", status="ready"))
    assert ws.status is StaffStatus.READY
    assert attention(ws, NOW) is None


def test_a_digi_agent_on_standby_is_never_told_to_be_ready() -> None:
    ws = Workstation()
    logged_in(ws)
    ws.meter = [red()]
    for state in ("standby", "asked", "returning"):
        ws.apply(frame(type="digi_state", state=state, queues=["neuvola"]))
        assert attention(ws, NOW) is None, state
    ws.apply(frame(type="digi_state", state="helping", queues=["neuvola"], until=NOW.isoformat()))
    what = attention(ws, NOW)
    assert what is not None and what.kind == "red_queue"
