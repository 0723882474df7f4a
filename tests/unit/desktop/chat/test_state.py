"""The workstation's state (pure, no Qt): each frame from the backend changes what it
should and says so with the right events; frames arrive as JSON, as on the socket."""

from __future__ import annotations

import json
from typing import Any, get_args

from desktop.chat.state import FRAME_HANDLERS, LinkState, PendingLine, Workstation
from desktop.events import EventKind
from protocol.messages import ServerToStaffFrame, StaffStatus, parse_to_staff_frame

AT = "2026-12-01T09:00:00+02:00"


def frame(**fields: Any) -> Any:
    return parse_to_staff_frame(json.dumps({"v": 1, **fields}))


def kinds(events: list[Any]) -> list[EventKind]:
    return [e.kind for e in events]


def logged_in(ws: Workstation) -> None:
    ws.apply(
        frame(
            type="logged_in",
            session_token="t",
            status="not_ready",
            queue_names={"neuvola": {"fi": "Neuvola"}},
            profile={
                "username": "hoitaja",
                "display_name": "Hanna Hoitaja",
                "role": "nurse",
                "skills": ["neuvola"],
                "chat_capacity": 2,
            },
        )
    )


def conversation(cid: str = "c1", state: str = "active") -> Any:
    return frame(
        type="conversation",
        conversation={
            "conversation_id": cid,
            "queue": "neuvola",
            "state": state,
            "client_name": None,
            "client_phone": None,
            "started_at": AT,
            "lines": [{"seq": 1, "author": "client", "text": "Hei", "at": AT}],
            "role": "owner",
        },
    )


def test_every_frame_the_backend_sends_has_a_handler() -> None:
    assert set(FRAME_HANDLERS) == set(get_args(get_args(ServerToStaffFrame)[0]))


def test_log_in_sets_her_profile_and_the_link() -> None:
    ws = Workstation()
    logged_in(ws)
    assert ws.profile is not None and ws.profile.display_name == "Hanna Hoitaja"
    assert ws.status is StaffStatus.NOT_READY and ws.link is LinkState.ONLINE


def test_an_offer_then_the_conversation_then_lines_acks_and_close() -> None:
    ws = Workstation()
    logged_in(ws)
    offer = frame(
        type="offer",
        conversation_id="c1",
        queue="neuvola",
        client_name=None,
        waited_s=3,
        expires_in_s=30,
    )
    assert kinds(ws.apply(offer)) == [EventKind.OFFER] and "c1" in ws.offers
    assert kinds(ws.apply(conversation())) == [EventKind.CONVERSATION]
    assert "c1" not in ws.offers and ws.chats["c1"].lines[0].text == "Hei"
    ws.apply(conversation())  # the same view again: no line twice
    assert len(ws.chats["c1"].lines) == 1

    line = {"seq": 2, "author": "client", "text": "Kuume", "at": AT}
    ws.apply(frame(type="message", conversation_id="c1", line=line))
    ws.apply(frame(type="message", conversation_id="c1", line=line))  # a resend
    assert ws.chats["c1"].unread == 1 and len(ws.chats["c1"].lines) == 2

    ws.chats["c1"].pending.append(PendingLine("m1", "Mittaa kuume"))
    ws.apply(frame(type="ack", conversation_id="c1", client_msg_id="m1", seq=3))
    chat = ws.chats["c1"]
    assert chat.pending == [] and chat.lines[-1].text == "Mittaa kuume"
    assert chat.lines[-1].author_name == "Hanna"  # her first name, as the client sees it

    assert kinds(ws.apply(frame(type="closed", conversation_id="c1", outcome="one_contact"))) == [
        EventKind.CLOSED
    ]
    assert "c1" not in ws.chats
    assert (
        ws.apply(frame(type="closed", conversation_id="c1", outcome="one_contact")) == []
    )  # once only


def test_a_refused_log_in_ends_in_a_visible_error() -> None:
    ws = Workstation()
    events = ws.apply(frame(type="error", code="auth_failed", detail="wrong password"))
    assert kinds(events) == [EventKind.ERROR, EventKind.LINK] and ws.link is LinkState.AUTH_FAILED
    logged_in(ws)
    events = ws.apply(frame(type="error", code="forbidden", detail="no", ref="c9"))
    assert kinds(events) == [EventKind.ERROR] and ws.link is LinkState.ONLINE


def test_a_digi_agents_ask_ends_with_her_state() -> None:
    ws = Workstation()
    ask = frame(
        type="call_in",
        call_in=1,
        queues=["neuvola"],
        waiting=3,
        longest_wait_s=200,
        choices_min=[30, 60],
        answer_by=AT,
    )
    assert kinds(ws.apply(ask)) == [EventKind.CALL_IN] and ws.digi.call_in is not None
    ws.apply(frame(type="digi_state", state="asked", queues=["neuvola"]))
    assert ws.digi.call_in is not None  # still asked
    ws.apply(frame(type="digi_state", state="helping", queues=["neuvola"], until=AT))
    assert ws.digi.call_in is None and ws.digi.now is not None and ws.digi.now.state == "helping"


def test_a_missed_offer_is_not_undone_by_a_reconnect() -> None:
    ws = Workstation()
    ws.apply(frame(type="status", status="not_ready", reason="missed_offer"))
    assert (ws.wanted_status, ws.wanted_reason) == (StaffStatus.NOT_READY, "missed_offer")


def test_today_is_the_services_day_not_the_machines() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    ws = Workstation()
    logged_in(ws)
    assert ws.timezone == "Europe/Helsinki"  # the backend's default service
    assert ws.today() == datetime.now(ZoneInfo("Europe/Helsinki")).date()
    ws.timezone = "Pacific/Kiritimati"  # UTC+14: a day ahead of UTC for half of it
    assert ws.today() == datetime.now(ZoneInfo("Pacific/Kiritimati")).date()


def test_a_callback_made_in_a_chat_belongs_to_its_record_entry() -> None:
    from protocol.messages import CallbackCreate

    ws = Workstation()
    logged_in(ws)
    ws.apply(conversation("c1"))
    ws.callbacks.ask(
        CallbackCreate(
            request_id=7,
            queue="neuvola",
            number="0401234567",
            reason="Oma neuvola soittaa",
            clinic="kalliola",
            conversation_id="c1",
        )
    )
    assert ws.chats["c1"].callbacks == []  # asked, not made yet
    events = ws.apply(frame(type="callback_created", request_id=7, callback_id=42))
    assert [c.clinic for c in ws.chats["c1"].callbacks] == ["kalliola"]
    assert EventKind.CONVERSATION in kinds(events)  # its links and entry are shown anew
    # A refused or unknown answer changes nothing.
    ws.apply(frame(type="callback_created", request_id=99, callback_id=43))
    assert len(ws.chats["c1"].callbacks) == 1
