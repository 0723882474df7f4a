"""A private PulseAudio server with devices a test can hear and speak through.

``headset`` is a null sink (paced by PulseAudio's own clock) recorded from its monitor by a
``parec`` process, so what Qt plays on it can be read back from ``speaker.raw``;
``headset_mic`` is a pipe source: PCM written to ``mic.fifo`` is what Qt records. Both are
48 kHz mono s16le, the bridge's format. Extra sinks can be plugged and unplugged with
:meth:`PulseServer.plug` / :meth:`unplug` to test hot-plug.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from desktop.softphone.tones import ToneStream


class PulseServer:
    def __init__(self, loopback_microphone: bool = False) -> None:
        self.loopback_microphone = loopback_microphone
        self.dir = Path(tempfile.mkdtemp(prefix="luukku-pulse-"))
        self.socket = self.dir / "native"
        self.speaker_raw = self.dir / "speaker.raw"
        self.recorder: subprocess.Popen[bytes] | None = None
        self.mic_fifo = self.dir / "mic.fifo"
        self.proc: subprocess.Popen[bytes] | None = None
        self._stop = threading.Event()
        self.microphone = ToneStream()  # set .hz to speak a tone into the microphone
        self._threads: list[threading.Thread] = []

    @property
    def env(self) -> dict[str, str]:
        return {"PULSE_SERVER": f"unix:{self.socket}"}

    def start(self) -> None:
        script = self.dir / "default.pa"
        script.write_text(
            f"load-module module-native-protocol-unix socket={self.socket} auth-anonymous=1\n"
            "load-module module-null-sink sink_name=headset rate=48000 channels=1 "
            "sink_properties=device.description=headset\n"
            f"load-module module-pipe-source source_name=headset_mic file={self.mic_fifo} "
            "format=s16le rate=48000 channels=1\n"
            "load-module module-null-sink sink_name=ringer\n"
            + (
                # A microphone that hears the headset: the bench's acoustic loop.
                "load-module module-remap-source master=headset.monitor source_name=loop_mic "
                "source_properties=device.description=loop_mic\n"
                if self.loopback_microphone
                else ""
            )
            + "set-default-sink headset\nset-default-source headset_mic\n"
        )
        env = dict(os.environ, HOME=str(self.dir), XDG_RUNTIME_DIR=str(self.dir))
        self.proc = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "-F", str(script), "--log-target=stderr", "--log-level=error"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not (self.socket.exists() and self.mic_fifo.exists()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("pulseaudio did not start")
            time.sleep(0.05)
        # In its own process: a thread here would compete for the GIL with the app under
        # test and fall behind real time.
        with open(self.speaker_raw, "wb") as out:
            self.recorder = subprocess.Popen(
                ["parec", "--raw", "--format=s16le", "--rate=48000", "--channels=1",
                 "--latency-msec=20", "-d", "headset.monitor"],
                env=dict(os.environ, **self.env), stdout=out, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        thread = threading.Thread(target=self._feed, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _feed(self) -> None:
        """Speak into the microphone in real time: a tone when ``microphone.hz`` is set."""
        with open(self.mic_fifo, "wb", buffering=0) as fifo:
            next_at = time.monotonic()
            while not self._stop.is_set():
                pcm = self.microphone.read(1920)
                try:
                    fifo.write(pcm)
                except BrokenPipeError:
                    return
                next_at += 0.02
                time.sleep(max(0.0, next_at - time.monotonic()))

    def heard(self, ms: int) -> bytes:
        """The last ``ms`` of what was played on the headset."""
        n = 48000 * 2 * ms // 1000
        with open(self.speaker_raw, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - n - size % 2))
            return f.read(n)

    def pactl(self, *args: str) -> str:
        return subprocess.run(
            ["pactl", *args], env=dict(os.environ, **self.env), check=True, capture_output=True,
            text=True, timeout=10,
        ).stdout.strip()  # fmt: skip

    def plug(self, name: str) -> str:
        """A new output device appears (a USB headset plugged in); returns the module id."""
        return self.pactl("load-module", "module-null-sink", f"sink_name={name}",
                          f"sink_properties=device.description={name}")  # fmt: skip

    def unplug(self, module: str) -> None:
        self.pactl("unload-module", module)

    def close(self) -> None:
        self._stop.set()
        if self.recorder is not None:
            self.recorder.terminate()
            self.recorder.wait(5)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
