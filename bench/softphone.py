"""Softphone figures: the desktop's phone, as the app builds it, against real SIP parties.

    .venv/bin/python -m bench.softphone [--calls 50]

Kamailio is the registrar, pjsua2 peers in their own processes are the callers, and a
private PulseAudio is the sound card. Its headset's monitor is offered as a microphone, so
what the desktop plays comes straight back into it (an acoustic loop without acoustics).

- INVITE → incoming-call panel visible: the caller's dial (monotonic clock, system-wide on
  Linux) to the moment the panel is shown, through Kamailio.
- answer → 200 OK at the caller: from ``answer()`` to the caller's call turning active.
- the bridge's latency: a tone's round trip caller → desktop → (bridge, sound card, bridge)
  → caller, minus the same round trip through a peer that loops audio back inside pjmedia;
  half the difference is the one-way cost of the bridge plus the sound device. Beside it the
  bridge's own buffering (FIFO depth + Qt sink queue) as the desktop sees it.
- CPU (share of one core) and RSS idle and during one call.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from desktop.app import Options, _stop_phone, start_phone
from desktop.config import Resolved
from desktop.softphone.audio import device_key
from desktop.softphone.devices import DeviceChoice
from desktop.softphone.model import CallState, Registration
from desktop.ui.phone import PhonePanel
from tests.sip.peers import Kamailio, Peer
from tests.sip.pulse import PulseServer


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def pump(app: QApplication, until: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        app.processEvents()
        time.sleep(0.0005)


def idle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    pump(app, lambda: time.monotonic() > end, seconds + 1)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, values: list[float], unit: str = "ms") -> None:
    print(
        f"{name:44s} p50 {pct(values, 0.5):7.2f} {unit}  p99 {pct(values, 0.99):7.2f} {unit}"
        f"  (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--pings", type=int, default=20)
    args = parser.parse_args()

    pulse = PulseServer(loopback_microphone=True)
    pulse.start()
    os.environ.update(pulse.env)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kamailio = Kamailio()
    kamailio.start()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    settings = {
        "sip_registrar": Resolved(kamailio.address, "bench"),
        "sip_user": Resolved("hoitaja", "bench"),
        "srtp": Resolved("disabled", "bench"),
    }
    options = Options("http://127.0.0.1:1", "hoitaja", "fi", False, False, settings=settings)
    phone = start_phone(options, "hoitaja")
    engine = phone.engine
    loop_mic = next(d for d in phone.audio.inputs() if "loop" in d.description())
    phone.audio.choose(DeviceChoice(microphone=device_key(loop_mic)))
    panel = PhonePanel(phone.softphone, phone.audio, lambda q: q)
    panel.show()
    shown: list[float] = []

    def on_event(_event: object) -> None:
        panel.on_event(_event)  # type: ignore[arg-type]
        if panel.incoming.isVisible() and len(shown) == seen[0]:
            shown.append(time.monotonic())

    seen = [0]
    engine.subscribe(on_event)
    caller, echo = Peer(), Peer()
    try:
        pump(app, lambda: engine.registration is Registration.REGISTERED)
        caller.start(kamailio.address, "asiakas", srtp="disabled")
        echo.start(kamailio.address, "kaiku", srtp="disabled")
        for peer in (caller, echo):
            while peer.send("state")["registration"] != "registered":
                idle(app, 0.05)
        idle(app, 2)
        rss_idle = rss_mb()
        cpu0, t0 = cpu_s(), time.monotonic()
        idle(app, 5)
        cpu_idle = (cpu_s() - cpu0) / (time.monotonic() - t0) * 100

        # INVITE → panel, declined each time so that the next call rings at once.
        to_panel: list[float] = []
        for _ in range(args.calls):
            seen[0] = len(shown)
            dialled = time.monotonic()
            caller.send("dial", target="hoitaja")
            pump(app, lambda: len(shown) > seen[0])
            to_panel.append((shown[-1] - dialled) * 1000)
            ringing = phone.softphone.ringing
            assert ringing is not None
            engine.decline(ringing)
            pump(app, lambda: not engine.live_calls())
            while any(c["state"] != "ended" for c in caller.send("state")["calls"]):
                idle(app, 0.01)

        # Answer → 200 OK at the caller, then the call stays up for audio figures.
        answered: list[float] = []
        for i in range(10):
            seen[0] = len(shown)
            caller.send("dial", target="hoitaja")
            pump(app, lambda: phone.softphone.ringing is not None)
            ringing = phone.softphone.ringing
            assert ringing is not None
            clicked = time.monotonic()
            engine.answer(ringing)
            pump(app, lambda r=ringing: engine.calls[r].state is CallState.ACTIVE)
            deadline = time.monotonic() + 5
            active_at = None
            while active_at is None and time.monotonic() < deadline:
                events = caller.send("state")["events"]
                active_at = next(
                    (e["t"] for e in events if e["state"] == "active" and e["t"] >= clicked),
                    None,
                )
                idle(app, 0.005)
            assert active_at is not None
            answered.append((active_at - clicked) * 1000)
            if i < 9:
                engine.hangup(ringing)
                pump(app, lambda: not engine.live_calls())

        idle(app, 1.5)
        phone.audio.latency.samples = 0
        phone.audio.latency.queued_ms_sum = 0.0
        engine.speaker.stats = type(engine.speaker.stats)()
        rtt_app: list[float] = []
        cpu0, t0 = cpu_s(), time.monotonic()
        for _ in range(args.pings):
            ms = caller.send("ping", meanwhile=lambda: idle(app, 0.002))["ms"]
            if ms is not None:
                rtt_app.append(ms)
            idle(app, 0.3)
        cpu_call = (cpu_s() - cpu0) / (time.monotonic() - t0) * 100
        gaps = caller.send("continuity", ms=4000, meanwhile=lambda: idle(app, 0.002))["gaps"]

        def stalling() -> None:
            # The GUI thread busy for 100 ms twice a second (a long page render, say).
            idle(app, 0.4)
            time.sleep(0.1)

        gaps_stalled = caller.send("continuity", ms=4000, meanwhile=stalling)["gaps"]
        rss_call = rss_mb()
        fifo_ms = engine.speaker.stats.mean_depth_ms
        spk = engine.speaker.stats
        underrun = spk.padded / max(1, spk.padded + spk.read) * 100
        sink_ms = phone.audio.latency.sink_ms
        current = phone.softphone.current()
        assert current is not None
        engine.hangup(current)
        pump(app, lambda: not engine.live_calls())

        # Baseline: the same round trip through a peer that loops audio inside pjmedia.
        handle = caller.send("dial", target="kaiku")["result"]
        echo_call = None
        while echo_call is None:
            calls = echo.send("state")["calls"]
            echo_call = next((c["id"] for c in calls if c["state"] == "ringing"), None)
            idle(app, 0.01)
        echo.send("answer", handle=echo_call)
        while not any(c["state"] == "active" for c in echo.send("state")["calls"]):
            idle(app, 0.01)
        idle(app, 0.5)
        echo.send("echo", handle=echo_call)
        idle(app, 1.0)
        rtt_echo = [
            ms
            for ms in (
                caller.send("ping", meanwhile=lambda: idle(app, 0.002))["ms"]
                for _ in range(args.pings)
            )
            if ms is not None
        ]
        caller.send("hangup", handle=handle)

        print(f"softphone bench: {args.calls} calls via Kamailio, {args.pings} tone round trips")
        line("INVITE -> incoming-call panel visible", to_panel)
        line("answer -> 200 OK at the caller (call active)", answered)
        line("tone round trip through the desktop", rtt_app)
        line("tone round trip through a pjmedia echo", rtt_echo)
        added = (statistics.median(rtt_app) - statistics.median(rtt_echo)) / 2
        print(f"{'bridge + sound device, one way (median)':44s} {added:7.1f} ms")
        print(
            f"{'of which bridge buffering (FIFO + Qt sink)':44s} {fifo_ms + sink_ms:7.1f} ms"
            f"  (FIFO {fifo_ms:.1f}, sink queue {sink_ms:.1f})"
        )
        print(f"{'speaker underruns (silence handed out)':44s} {underrun:7.1f} %")
        print(
            f"{'dropouts in a looped tone: calm / GUI stalls':44s} {gaps * 100:7.1f} % / "
            f"{gaps_stalled * 100:.1f} %  (100 ms stall twice a second)"
        )
        print(f"{'CPU idle / in one call (one core)':44s} {cpu_idle:7.1f} % / {cpu_call:.1f} %")
        print(f"{'RSS idle / in one call':44s} {rss_idle:7.0f} MB / {rss_call:.0f} MB")
    finally:
        caller.close()
        echo.close()
        _stop_phone(phone, fast=True)
        kamailio.close()
        pulse.close()


if __name__ == "__main__":
    main()
