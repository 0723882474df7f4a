"""The service number's SIP legs (baresip): the caller's call and the call to the
professional, each with what it sends (a prompt ``Playback`` or the other leg's voice),
and a caller's session. A leg hands its stack events to the gateway
(``GatewaySide``) and keeps its send buffer fed when the gateway's pump asks: nothing
here decides.

The stack delivers every event on the gateway's event loop, so no locking is needed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from baresip import AudioNotActive, AudioRestarted, BaresipError, Call, DigitEvent, StackEvent
from baresip.events import Event

from backend.domain.ivr import IvrCall
from backend.telephony.audio import BYTES_PER_S, Playback
from protocol.gateway import CallCallback, Deliver

log = logging.getLogger("luukku.gateway")

# A prompt is written this far ahead into the stack's send buffer and topped up every
# FEED_EVERY pump rounds (100 ms): a key press still stops it at once (the buffer is
# flushed), and a hundred queued callers cost the loop a tenth of what every round would.
AHEAD_BYTES = BYTES_PER_S * 300 // 1000
FEED_EVERY = 5
READ_MAX = BYTES_PER_S // 2


class GatewaySide(Protocol):
    """What the legs tell the gateway (``backend/telephony/gateway.py``)."""

    def established(self, leg: Leg) -> None: ...
    def digit(self, leg: Leg, key: str) -> None: ...
    def closed(self, leg: Leg, status: int) -> None: ...
    def played(self, leg: Leg, playback: Playback) -> None: ...


def caller_number(remote_uri: str) -> str | None:
    match = re.search(r"sips?:([^@;>]+)@", remote_uri)
    return match.group(1) if match else None


def close_status(reason: str | None) -> int:
    """The SIP status of a close reason ("486 Busy Here"); 0 where none was answered."""
    head = (reason or "").split(" ", 1)[0]
    return int(head) if len(head) == 3 and head.isdigit() else 0


class Leg:
    def __init__(self, side: GatewaySide, call: Call) -> None:
        self.side = side
        self.call = call
        self.playback: Playback | None = None
        self.peer: Leg | None = None  # bridged: what the peer says is what this leg sends
        self.up = False
        self.gone = False
        self.generation = 0  # counts what it was told to send (a late prompt is stale)
        self._turn = id(self) % FEED_EVERY  # spreads the legs' top-ups over the rounds
        self._tasks: set[asyncio.Task[Any]] = set()
        call.on(self._on_event)
        call.on_dtmf(self._on_digit)

    # --- events from the stack -----------------------------------------------------------

    def _on_event(self, event: StackEvent) -> None:
        if event.event is Event.CALL_ESTABLISHED and not self.up:
            self.up = True
            self.side.established(self)
        elif event.event is Event.CALL_CLOSED and not self.gone:
            self.gone = True
            if self.up and (stats := self.call.final_stats) is not None:
                # How the sound went (no number, no address): frames the pump left the
                # send buffer short, and the jitter the far end measured in what it got.
                log.info(
                    "%s leg media: %d s, %d frames sent short, far end's jitter %.1f ms",
                    "staff" if isinstance(self, StaffLeg) else "caller",
                    stats.duration_s,
                    stats.audio_tx_starved_frames,
                    stats.tx_jitter_ms,
                )
            self.playback = None
            self.peer = None
            self.side.closed(self, close_status(event.text))

    def _on_digit(self, digit: DigitEvent) -> None:
        if not self.gone:
            self.side.digit(self, digit.digit)

    # --- what it sends -------------------------------------------------------------------

    def play(self, playback: Playback | None) -> None:
        """Send these prompts from now on (None: silence); what was still buffered of the
        previous ones is dropped, so a new prompt starts at once."""
        self.playback = playback
        self.generation += 1
        with contextlib.suppress(AudioNotActive, AudioRestarted):
            self.call.audio.flush_tx()

    def bridge(self, peer: Leg | None) -> None:
        self.playback = None
        self.generation += 1
        self.peer = peer
        with contextlib.suppress(AudioNotActive, AudioRestarted):
            self.call.audio.flush_tx()
            if peer is not None:
                peer.call.audio.read(READ_MAX)  # what was said before she answered

    def pump(self) -> None:
        """Keep the send buffer fed: the peer's voice, or the next of the prompts."""
        if self.gone or not self.up:
            return
        try:
            if self.peer is not None:
                if not self.peer.gone:
                    voice = self.peer.call.audio.read(READ_MAX)
                    if voice:
                        self.call.audio.write(voice)
                return
            playback = self.playback
            self._turn = (self._turn + 1) % FEED_EVERY
            if playback is None or self._turn:
                return
            info = self.call.audio.info()
            if not info.tx_ready:
                return
            if not playback.exhausted:
                room = min(AHEAD_BYTES, info.tx_capacity) - info.tx_buffered
                if room > AHEAD_BYTES // 3:
                    self.call.audio.write(playback.take(room))
            elif info.tx_buffered == 0:
                self.playback = None
                self.side.played(self, playback)
        except (AudioNotActive, AudioRestarted):
            return  # media not (or no longer) up, or renegotiated: the next round binds anew

    # --- actions -------------------------------------------------------------------------

    def hang_up(self) -> None:
        if not self.gone:
            self.spawn(self.call.hangup())

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(_quietly(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


async def _quietly(work: Coroutine[Any, Any, Any]) -> None:
    try:
        await work
    except BaresipError as exc:
        # The call ended under us (StaleHandleError and kin): its close event follows.
        log.info("SIP action not taken: %s", type(exc).__name__)


class CallerLeg(Leg):
    session: Session | None = None


class StaffLeg(Leg):
    def __init__(
        self, side: GatewaySide, call: Call, session: Session, frame: Deliver, secure: bool
    ) -> None:
        super().__init__(side, call)
        self.session = session
        self.frame = frame
        self.user = frame.username
        self.secure = secure  # offered as RTP/SAVP (SRTP only)
        self.cancelled = False


@dataclass(eq=False)
class Session:
    id: str
    leg: CallerLeg
    ivr: IvrCall
    caller: str | None
    arrived_at: datetime
    timer: asyncio.TimerHandle | None = None
    announce: asyncio.TimerHandle | None = None
    staff: StaffLeg | None = None
    ringing: bool = False  # a delivery is being dialled (before its leg exists)
    answered_by: str | None = None
    ended: bool = False
    pending_callback: CallCallback | None = None
