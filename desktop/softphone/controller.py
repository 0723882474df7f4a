"""The phone's one door for the panel, without Qt: every button's action finds its call
here (answer the ringing one, hang up the current one…), and what follows from call state
(ringing, call audio on or off, telling the backend she is on a call: routing then offers
her no chats and the meter counts her busy). ``desktop/ui`` never touches the engine.

Each action returns ``False`` when there is no call for it to act on and raises
``SoftphoneError`` (a message fit to show) when the engine refuses.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import date, tzinfo
from typing import Any, Protocol

from desktop.softphone.engine import Engine
from desktop.softphone.model import (
    Call,
    CallState,
    Direction,
    HistoryEntry,
    Listener,
    PhoneEvent,
    Registration,
    SoftphoneError,
)

log = logging.getLogger("luukku.softphone")


class AudioControl(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def ring(self, on: bool) -> None: ...


class Softphone:
    def __init__(
        self,
        engine: Engine,
        audio: AudioControl,
        report_on_call: Callable[[bool], Coroutine[Any, Any, None]] | None = None,
        auto_answer_s: float = 0.0,
    ) -> None:
        self.engine = engine
        self.audio = audio
        self.report_on_call = report_on_call
        self.auto_answer_s = auto_answer_s
        self._auto_answering: set[int] = set()
        # Answered here but not yet confirmed by the far end: pjsua2 reports the call as
        # ringing until the ACK arrives, and a hang-up pressed in that moment must still
        # reach it (the headset button pressed twice, a nurse who changes her mind).
        self._answered: set[int] = set()
        self._reported = False
        self._tasks: set[asyncio.Task[None]] = set()
        engine.subscribe(self._on_event)

    @property
    def ringing(self) -> int | None:
        """The incoming call waiting for an answer, if any."""
        for call in self.engine.calls.values():
            if (
                call.direction is Direction.INCOMING
                and call.state is CallState.RINGING
                and not call.end_reason
                and call.id not in self._answered
            ):
                return call.id
        return None

    # --- what the panel shows ----------------------------------------------------------

    @property
    def registration(self) -> Registration:
        return self.engine.registration

    @property
    def registration_detail(self) -> str:
        return self.engine.registration_detail

    @property
    def needs_password(self) -> bool:
        return self.engine.needs_password

    def call(self, handle: int | None) -> Call | None:
        return self.engine.calls.get(handle) if handle is not None else None

    def history_today(self, day: date, zone: tzinfo | None = None) -> list[HistoryEntry]:
        return self.engine.history.today(day, zone)

    def subscribe(self, listener: Listener) -> None:
        self.engine.subscribe(listener)

    def set_password(self, password: str) -> None:
        self.engine.set_password(password)

    # --- what her buttons do ------------------------------------------------------------

    def answer(self, handle: int | None = None) -> bool:
        """The ringing call (or the one given: auto-answer)."""
        handle = self.ringing if handle is None else handle
        if handle is None:
            return False
        self._answered.add(handle)
        self.engine.answer(handle)
        return True

    def decline(self) -> bool:
        handle = self.ringing
        if handle is None:
            return False
        self.engine.decline(handle)
        return True

    def hang_up(self) -> bool:
        return self._on_current(self.engine.hangup)

    def dial(self, target: str) -> bool:
        target = target.strip()
        if not target:
            return False
        if self.engine.registration is not Registration.REGISTERED:
            raise SoftphoneError("the phone is not connected")
        self.engine.dial(target)
        return True

    def set_muted(self, on: bool) -> bool:
        return self._on_current(lambda h: self.engine.set_muted(h, on))

    def toggle_hold(self) -> bool:
        """Hold the current call, or take it back if it is held."""
        call = self.call(self.current())
        if call is None:
            return False
        if call.state is CallState.HELD:
            self.engine.resume(call.id)
        else:
            self.engine.hold(call.id)
        return True

    def send_dtmf(self, keys: str) -> bool:
        return self._on_current(lambda h: self.engine.send_dtmf(h, keys))

    def transfer(self, target: str, attended: bool) -> bool:
        """Blind: the caller goes to ``target`` at once. Attended: she talks to ``target``
        first (a consultation) and completes it with ``complete_transfer``."""
        if attended:
            return self._on_current(lambda h: self.engine.consult(h, target))
        return self._on_current(lambda h: self.engine.transfer(h, target))

    def complete_transfer(self) -> bool:
        return self._on_current(self.engine.complete_transfer)

    def _on_current(self, act: Callable[[int], object]) -> bool:
        handle = self.current()
        if handle is None:
            return False
        act(handle)
        return True

    def current(self) -> int | None:
        """The call the buttons act on: the active one, else one being answered, else a
        dialling or held one."""
        newest_first = sorted(self.engine.calls.values(), key=lambda c: -c.id)
        for state in (CallState.ACTIVE, CallState.RINGING, CallState.DIALING, CallState.HELD):
            for call in newest_first:
                if call.state is not state or call.end_reason:
                    continue
                if state is CallState.RINGING and call.id not in self._answered:
                    continue
                return call.id
        return None

    def poll(self) -> None:
        """Called by the GUI loop's timer every few milliseconds (see engine.py on threads)."""
        try:
            self.engine.poll()
        except Exception:
            log.exception("softphone poll")

    def _on_event(self, event: PhoneEvent) -> None:
        self._answered &= {c.id for c in self.engine.calls.values() if c.state is CallState.RINGING}
        ringing = self.ringing
        self.audio.ring(ringing is not None and not self._connected())
        if self.auto_answer_s > 0 and ringing is not None and ringing not in self._auto_answering:
            self._auto_answering.add(ringing)
            asyncio.get_event_loop().call_later(self.auto_answer_s, self._auto_answer, ringing)
        if self._connected():
            self.audio.start()
        else:
            self.audio.stop()
        on_call = self.engine.on_call
        if on_call != self._reported and self.report_on_call is not None:
            self._reported = on_call
            task: asyncio.Task[None] = asyncio.get_event_loop().create_task(
                self.report_on_call(on_call)
            )
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _auto_answer(self, handle: int) -> None:
        self._auto_answering.discard(handle)
        # Only a call still ringing, and never while she is already talking on another.
        if self.ringing == handle and not self._connected():
            try:
                self.answer(handle)
            except Exception:
                log.exception("auto-answer")

    def _connected(self) -> bool:
        return any(c.connected for c in self.engine.calls.values())
