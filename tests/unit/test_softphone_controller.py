"""The softphone controller's choice of which call the buttons act on, without SIP."""

from __future__ import annotations

from typing import cast

from desktop.softphone.controller import Softphone
from desktop.softphone.engine import Engine, Listener, PhoneEvent, PhoneEventKind
from desktop.softphone.model import Call, CallState, Direction


class Audio:
    def __init__(self) -> None:
        self.ringing = False

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def ring(self, on: bool) -> None:
        self.ringing = on


class ScriptedEngine:
    """What the controller reads from the engine: its calls, events and answer()."""

    def __init__(self) -> None:
        self.calls: dict[int, Call] = {}
        self.answered: list[int] = []
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def answer(self, handle: int) -> None:
        self.answered.append(handle)

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
