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

from desktop.softphone.engine import Engine, PhoneEvent
from desktop.softphone.model import SipSettings
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

    def last(self, ms: int) -> bytes:
        with self.lock:
            since = time.monotonic() - ms / 1000
            return b"".join(d for t, d in self.chunks if t >= since)


def main() -> None:
    engine = Engine(log_level=int(os.environ.get("LUUKKU_PEER_LOG", "0")), max_calls=32)
    events: list[dict[str, Any]] = []
    auto_answer = False
    tone = ToneStream()
    recorder = Recorder()

    to_answer: list[int] = []

    def on_event(event: PhoneEvent) -> None:
        events.append({"kind": event.kind.value, "call": event.call_id, "detail": event.detail})
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
