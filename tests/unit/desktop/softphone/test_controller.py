"""The softphone controller: which call each button acts on, and that every action the
panel has goes through it (a fake engine records what reached it), without SIP."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest

from desktop.softphone.controller import Softphone
from desktop.softphone.engine import Engine
from desktop.softphone.model import (
    Call,
    CallState,
    Direction,
    Listener,
    PhoneEvent,
    PhoneEventKind,
    Registration,
    SoftphoneError,
)

ACTIONS = {
    "decline",
    "hangup",
    "dial",
    "set_muted",
    "hold",
    "resume",
    "send_dtmf",
    "transfer",
    "consult",
    "complete_transfer",
}


class Audio:
    def __init__(self) -> None:
        self.ringing = False

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def ring(self, on: bool) -> None:
        self.ringing = on


class ScriptedEngine:
    """What the controller reads from the engine (its calls, events, registration) and
    every action it asks of it, recorded."""

    def __init__(self) -> None:
        self.calls: dict[int, Call] = {}
        self.answered: list[int] = []
        self.done: list[tuple[object, ...]] = []
        self.registration = Registration.REGISTERED
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def answer(self, handle: int) -> None:
        self.answered.append(handle)

    def __getattr__(self, name: str) -> Callable[..., None]:
        if name not in ACTIONS:
            raise AttributeError(name)
        return lambda *args: self.done.append((name, *args))

    @property
    def on_call(self) -> bool:
        return any(c.connected for c in self.calls.values())

    def change(self, handle: int, state: CallState) -> None:
        self.calls[handle].state = state
        for listener in self._listeners:
            listener(PhoneEvent(PhoneEventKind.CALL, handle))


def test_a_call_being_answered_is_the_one_a_hang_up_ends() -> None:
    """pjsua2 says ringing until the far end's ACK: a hang-up in that moment must not
    fall through to nothing (this raced on a loaded 2-core CI machine)."""
    engine = ScriptedEngine()
    softphone = Softphone(cast(Engine, engine), Audio())
    engine.calls[1] = Call(1, Direction.INCOMING, "0401234567")
    engine.change(1, CallState.RINGING)
    assert softphone.ringing == 1 and softphone.current() is None

    softphone.answer(1)
    assert engine.answered == [1]
    assert softphone.ringing is None  # the headset button now hangs up, not answers again
    assert softphone.current() == 1

    engine.change(1, CallState.ACTIVE)
    assert softphone.current() == 1
    engine.change(1, CallState.ENDED)
    assert softphone.current() is None and softphone.ringing is None


def test_an_unanswered_ringing_call_is_not_what_the_buttons_act_on() -> None:
    engine = ScriptedEngine()
    softphone = Softphone(cast(Engine, engine), Audio())
    engine.calls[1] = Call(1, Direction.OUTGOING, "kollega", state=CallState.HELD)
    engine.calls[2] = Call(2, Direction.INCOMING, "0401234567")
    engine.change(2, CallState.RINGING)
    assert softphone.ringing == 2
    assert softphone.current() == 1  # the held call, not the one still ringing


def test_every_button_finds_its_call_through_the_controller() -> None:
    engine = ScriptedEngine()
    phone = Softphone(cast(Engine, engine), Audio())
    # Nothing to act on: every action says so and nothing reaches the engine.
    assert not any(
        (
            phone.answer(),
            phone.decline(),
            phone.hang_up(),
            phone.set_muted(True),
            phone.toggle_hold(),
            phone.send_dtmf("1"),
            phone.transfer("kollega", attended=False),
            phone.complete_transfer(),
            phone.dial("  "),
        )
    )
    assert engine.done == [] and engine.answered == []

    engine.calls[3] = Call(3, Direction.INCOMING, "0401234567")
    engine.change(3, CallState.RINGING)
    assert phone.decline() and engine.done == [("decline", 3)]
    engine.change(3, CallState.ENDED)

    engine.calls[4] = Call(4, Direction.INCOMING, "0409876543")
    engine.change(4, CallState.RINGING)
    assert phone.answer() and engine.answered == [4]
    engine.change(4, CallState.ACTIVE)
    engine.done.clear()
    assert phone.set_muted(True) and phone.send_dtmf("5") and phone.toggle_hold()
    engine.change(4, CallState.HELD)
    assert phone.toggle_hold()
    assert phone.transfer("kollega", attended=True)
    assert phone.transfer("0101234", attended=False)
    assert phone.complete_transfer() and phone.hang_up()
    assert engine.done == [
        ("set_muted", 4, True),
        ("send_dtmf", 4, "5"),
        ("hold", 4),
        ("resume", 4),
        ("consult", 4, "kollega"),
        ("transfer", 4, "0101234"),
        ("complete_transfer", 4),
        ("hangup", 4),
    ]


def test_dialling_needs_a_registered_phone() -> None:
    engine = ScriptedEngine()
    phone = Softphone(cast(Engine, engine), Audio())
    assert phone.dial(" 0401234567 ") and engine.done == [("dial", "0401234567")]
    engine.registration = Registration.FAILED
    with pytest.raises(SoftphoneError):
        phone.dial("0401234567")
