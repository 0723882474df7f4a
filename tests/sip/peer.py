"""A second SIP party in its own process: the desktop's own engine, driven by JSON lines.

One pjsua2 Endpoint per process is all pjsua2 allows, so a colleague or a client in a test
runs here. Commands arrive on stdin, one JSON object a line; each gets one JSON line back.
It can play a tone into its calls and tell which frequency it hears.
"""

from __future__ import annotations

import json
import os
import select
import sys
import threading
import time
from typing import Any

from desktop.softphone.engine import Engine
from desktop.softphone.model import PhoneEvent, SipSettings
from desktop.softphone.tones import ToneStream, dominant, rms


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.chunks: list[tuple[float, bytes]] = []

    def __call__(self, data: bytes, at: float) -> None:
        with self.lock:
            self.chunks.append((at, data))
            if len(self.chunks) > 500:  # ten seconds
                del self.chunks[:100]

    def onset_after(self, since: float, threshold: float = 1000.0) -> float | None:
        """When the first loud frame arrived after ``since`` (monotonic), if one has."""
        with self.lock:
            for at, data in self.chunks:
                if at >= since and rms(data) > threshold:
                    return at
        return None

    def last(self, ms: int) -> bytes:
        with self.lock:
            since = time.monotonic() - ms / 1000
            return b"".join(d for t, d in self.chunks if t >= since)


def ping(engine: Engine, tone: ToneStream, recorder: Recorder, hz: float) -> float | None:
    """Start a tone and time until it comes back (the far end loops audio back).

    Waits for 300 ms of quiet first, so that the tail of an earlier ping is not taken for
    this one's return."""
    began = quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < 0.3:
        engine.poll()
        if rms(recorder.last(20)) > 1000.0:
            quiet_since = time.monotonic()
        if time.monotonic() - began > 5:
            return None
        time.sleep(0.005)
    start = time.monotonic()
    tone.hz = hz
    try:
        while time.monotonic() - start < 2.0:
            engine.poll()
            at = recorder.onset_after(start)
            if at is not None:
                return (at - start) * 1000
            time.sleep(0.002)
        return None
    finally:
        tone.hz = 0


def continuity(engine: Engine, tone: ToneStream, recorder: Recorder, ms: float) -> float:
    """Play a tone for ``ms`` while the far end loops it back; the share of 20 ms frames
    that came back silent after the first half second (dropouts on the way)."""
    start = time.monotonic()
    tone.hz = 1000
    try:
        while time.monotonic() - start < ms / 1000:
            engine.poll()
            time.sleep(0.002)
    finally:
        tone.hz = 0
    with recorder.lock:
        frames = [d for t, d in recorder.chunks if start + 0.5 <= t <= start + ms / 1000]
    if not frames:
        return 1.0
    return sum(1 for d in frames if rms(d) < 1000.0) / len(frames)


def main() -> None:
    engine = Engine(log_level=int(os.environ.get("LUUKKU_PEER_LOG", "0")), max_calls=32)
    events: list[dict[str, Any]] = []
    auto_answer = False
    tone = ToneStream()
    recorder = Recorder()

    to_answer: list[int] = []

    def on_event(event: PhoneEvent) -> None:
        events.append(
            {
                "kind": event.kind.value,
                "call": event.call_id,
                "detail": event.detail,
                "state": engine.calls[event.call_id].state.value if event.call_id else "",
                "t": time.monotonic(),  # system-wide on Linux: comparable across processes
            }
        )
        call = engine.calls.get(event.call_id or -1)
        # Answered after the callback returns, as a click would be.
        if (
            auto_answer
            and call is not None
            and call.state.value == "ringing"
            and not call.end_reason
            and call.id not in to_answer
        ):
            to_answer.append(call.id)

    engine.subscribe(on_event)
    # pjsua2 prints to fd 1 from C; keep the protocol on a private copy of it.
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    buffer = b""
    while True:
        engine.poll()
        while to_answer:
            handle = to_answer.pop(0)
            if handle in engine.calls and engine.calls[handle].state.value == "ringing":
                engine.answer(handle)
        ready, _, _ = select.select([sys.stdin], [], [], 0.005)
        if not ready:
            continue
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            cmd = json.loads(line)
            op = cmd.pop("op")
            reply: dict[str, Any] = {"ok": True}
            try:
                if op == "start":
                    engine.start(SipSettings(**cmd))
                    port = engine.port()
                    assert port is not None
                    port.microphone = tone  # type: ignore[assignment]
                    port.tap = recorder
                elif op == "auto_answer":
                    auto_answer = bool(cmd["on"])
                elif op == "state":
                    reply["registration"] = engine.registration.value
                    reply["calls"] = [
                        {
                            "id": c.id,
                            "state": c.state.value,
                            "remote": c.remote,
                            "dtmf": c.dtmf_received,
                            "reason": c.end_reason,
                            "direction": c.direction.value,
                        }
                        for c in engine.calls.values()
                    ]
                    reply["events"] = events[-50:]
                elif op == "tone":
                    tone.hz = float(cmd["hz"])
                elif op == "hear":
                    pcm = recorder.last(int(cmd.get("ms", 1000)))
                    hz, share = dominant(pcm, [float(f) for f in cmd["candidates"]])
                    reply.update(hz=hz, share=share, rms=rms(pcm), bytes=len(pcm))
                elif op == "echo":
                    # Send back what arrives, inside pjmedia's bridge: the baseline a
                    # round trip through the desktop's audio bridge is compared with.
                    audio = engine._slots[int(cmd["handle"])].audio
                    audio.startTransmit(audio)
                elif op == "ping":
                    reply["ms"] = ping(engine, tone, recorder, float(cmd.get("hz", 1000)))
                elif op == "continuity":
                    reply["gaps"] = continuity(engine, tone, recorder, float(cmd["ms"]))
                elif op == "stop":
                    engine.stop(fast=True)
                    out.write(json.dumps(reply) + "\n")
                    out.flush()
                    return
                else:
                    method = getattr(engine, op)
                    result = method(**cmd)
                    reply["result"] = result
            except Exception as exc:  # reported to the test, which decides
                reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            out.write(json.dumps(reply) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
