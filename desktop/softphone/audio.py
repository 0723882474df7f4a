"""The sound-card side of the audio bridge: Qt Multimedia, no widgets.

The pjsua2 wheel has no sound devices of its own, so the engine's bridge port fills and
drains two PCM FIFOs and this module connects them to real devices:

    call audio → BridgePort → speaker pipe → QAudioSink (chosen speaker)
    QAudioSource (chosen microphone) → microphone pipe → BridgePort → call audio

Both Qt streams run in push mode driven by one 10 ms timer on the GUI thread; Qt's own
audio thread then plays from its buffer. Devices come from QMediaDevices, whose change
signals give hot-plug: if the chosen device disappears mid-call the stream moves to the
system default without touching the call, and when it comes back :attr:`returned` fires so
the UI can offer to switch back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QIODevice, QObject, QThread, QTimer, Signal
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QAudioSource,
    QMediaDevices,
    QtAudio,
)

from desktop.softphone.devices import DeviceChoice, Fallbacks
from desktop.softphone.pipe import RATE, SAMPLE_BYTES, PcmPipe, ms_to_bytes
from desktop.softphone.tones import ring_pattern

log = logging.getLogger("luukku.softphone.audio")

# The sink's queue is most of what the bridge adds (bench/softphone.py, one way with the
# sound device: 20 ms → 35–38 ms, 30 ms → 46 ms, 60 ms → 77 ms). 20 ms meets the 40 ms aim;
# the sink is fed from the GUI thread, so a stall longer than this is heard as a gap.
SINK_BUFFER_MS = 20


def pcm_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def device_key(device: QAudioDevice) -> str:
    """A stable text key for a device, fit for QSettings."""
    return bytes(device.id().data()).decode("utf-8", "replace")


class _Reader(QIODevice):
    """What a sink pulls from. Qt's audio thread calls :meth:`readData` when the device
    wants more, so playback does not depend on the GUI loop being prompt."""

    def __init__(self, source: PcmPipe | _Loop) -> None:
        super().__init__()
        self.source = source
        self.open(QIODevice.OpenModeFlag.ReadOnly)

    def readData(self, maxlen: int) -> bytes:
        # All that is there (Qt pulls once per period; capping a pull starves the sink),
        # and a little silence when nothing is, so that the device never stalls.
        size = min(maxlen, max(self.source.available(), ms_to_bytes(10)))
        return self.source.read(size - size % SAMPLE_BYTES)

    def writeData(self, data: bytes | bytearray | memoryview, len: int) -> int:
        return -1

    def bytesAvailable(self) -> int:
        return ms_to_bytes(40) + super().bytesAvailable()

    def isSequential(self) -> bool:
        return True


class _Loop:
    """Endless playback of one buffer (the ring signal)."""

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm
        self.pos = 0

    def available(self) -> int:
        return ms_to_bytes(40)

    def read(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            take = min(size - len(out), len(self.pcm) - self.pos)
            out += self.pcm[self.pos : self.pos + take]
            self.pos = (self.pos + take) % len(self.pcm)
        return bytes(out)


@dataclass
class BridgeLatency:
    """What the bridge adds on the way to the ear: FIFO depth plus the sink's queue."""

    samples: int = 0
    queued_ms_sum: float = 0.0

    @property
    def sink_ms(self) -> float:
        return self.queued_ms_sum / self.samples if self.samples else 0.0


class AudioPath(QObject):
    """Speaker, microphone and ringer on the chosen (or default) devices."""

    devices_changed = Signal()
    fell_back = Signal(str)  # "microphone" | "speaker" | "ringer": chosen device vanished
    returned = Signal(str)  # the chosen device is back; the UI may offer to switch
    # Carries work to the thread this object lives in (queued when sent from another).
    _invoke = Signal(object)

    def __init__(self, speaker: PcmPipe, microphone: PcmPipe, parent: QObject | None = None):
        super().__init__(parent)
        self.speaker_pipe = speaker
        self.microphone_pipe = microphone
        self.latency = BridgeLatency()
        self._media = QMediaDevices(self)
        self._media.audioInputsChanged.connect(self._on_devices)
        self._media.audioOutputsChanged.connect(self._on_devices)
        self._sink: QAudioSink | None = None
        self._sink_io: _Reader | None = None
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._ring_sink: QAudioSink | None = None
        self._ring_io: _Reader | None = None
        self._ring = _Loop(ring_pattern())
        self.fallbacks = Fallbacks()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._sample_latency)
        # What the GUI asked for; the streams follow on the audio thread.
        self._want_call = False
        self._want_ring = False
        self._invoke.connect(self._run)
        self._presence: Callable[[], tuple[set[str], set[str]]] = self._qt_presence

    def use_presence(self, presence: Callable[[], tuple[set[str], set[str]]]) -> None:
        """Where the device lists come from, when Qt's own are not to be trusted."""
        self._presence = presence

    def recheck_devices(self) -> None:
        """Something says devices changed (callable from any thread)."""
        self._invoke.emit(self._on_devices)

    def _qt_presence(self) -> tuple[set[str], set[str]]:
        return {device_key(d) for d in self.inputs()}, {device_key(d) for d in self.outputs()}

    def run_in(self, thread: QThread) -> None:
        """Play and record on ``thread`` (its own event loop): a busy GUI thread then no
        longer starves the sound card (bench: 20 % dropouts with 100 ms GUI stalls twice
        a second, against none here)."""
        self.moveToThread(thread)

    def _run(self, work: Callable[[], None]) -> None:
        work()

    def shutdown(self, timeout: float = 2.0) -> None:
        """Close every stream and wait until it is done (before the app exits)."""
        done = threading.Event()

        def close() -> None:
            self._do_stop()
            self._do_ring(False)
            done.set()

        self._want_call = self._want_ring = False
        self._invoke.emit(close)
        done.wait(timeout)

    # --- devices ---------------------------------------------------------------------------

    @staticmethod
    def inputs() -> list[QAudioDevice]:
        return list(QMediaDevices.audioInputs())

    @staticmethod
    def outputs() -> list[QAudioDevice]:
        return list(QMediaDevices.audioOutputs())

    def _pick(self, kind: str, key: str) -> QAudioDevice:
        devices = self.inputs() if kind == "microphone" else self.outputs()
        for device in devices:
            if key and device_key(device) == key:
                return device
        return (
            QMediaDevices.defaultAudioInput()
            if kind == "microphone"
            else QMediaDevices.defaultAudioOutput()
        )

    @property
    def choice(self) -> DeviceChoice:
        return self.fallbacks.choice

    def choose(self, choice: DeviceChoice) -> None:
        """Use these devices from now on; streams in use move at once."""

        def apply() -> None:
            self.fallbacks.choose(choice)
            for role in ("microphone", "speaker", "ringer"):
                self._restart(role)

        self._invoke.emit(apply)

    def _on_devices(self) -> None:
        self.devices_changed.emit()
        change = self.fallbacks.update(*self._presence())
        for kind in change.fell_back:
            log.info("%s device gone, using the default", kind)
            self._restart(kind)
            self.fell_back.emit(kind)
        for kind in change.returned:
            self.returned.emit(kind)

    def switch_back(self, kind: str) -> None:
        def apply() -> None:
            self.fallbacks.switch_back(kind)
            self._restart(kind)

        self._invoke.emit(apply)

    def _restart(self, kind: str) -> None:
        if kind == "ringer":
            if self._ring_sink is not None:
                self._do_ring(False)
                self._do_ring(True)
        elif self._sink is not None:
            if kind == "speaker":
                self._stop_sink()
                self._start_sink()
            else:
                self._stop_source()
                self._start_source()

    # --- call audio ------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._want_call

    @property
    def ringing(self) -> bool:
        return self._want_ring

    def start(self) -> None:
        if not self._want_call:
            self._want_call = True
            self._invoke.emit(self._do_start)

    def stop(self) -> None:
        if self._want_call:
            self._want_call = False
            self._invoke.emit(self._do_stop)

    def _do_start(self) -> None:
        if self._sink is not None:
            return
        self.speaker_pipe.clear()
        self.microphone_pipe.clear()
        self._start_sink()
        self._start_source()
        self._timer.start()

    def _do_stop(self) -> None:
        self._stop_sink()
        self._stop_source()
        self._timer.stop()

    def _start_sink(self) -> None:
        device = self._pick("speaker", self.fallbacks.key("speaker"))
        sink = QAudioSink(device, pcm_format(), self)
        sink.setBufferSize(ms_to_bytes(SINK_BUFFER_MS))
        sink.stateChanged.connect(self._check_sink)
        self._sink = sink
        self._sink_io = _Reader(self.speaker_pipe)
        sink.start(self._sink_io)
        log.info("speaker: %s", device.description() or "(none)")

    def _stop_sink(self) -> None:
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
        self._sink = self._sink_io = None

    def _start_source(self) -> None:
        device = self._pick("microphone", self.fallbacks.key("microphone"))
        source = QAudioSource(device, pcm_format(), self)
        # Read on the GUI loop: room for a busy moment there without losing her voice.
        source.setBufferSize(ms_to_bytes(200))
        self._source = source
        self._source_io = source.start()
        if self._source_io is not None:
            self._source_io.readyRead.connect(self._mic_ready)
        log.info("microphone: %s", device.description() or "(none)")

    def _stop_source(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = self._source_io = None

    def _check_sink(self) -> None:
        sink = self._sink
        if sink is not None and sink.error() in (
            QtAudio.Error.FatalError,
            QtAudio.Error.OpenError,
        ):
            # The device went away under us before QMediaDevices said so.
            log.info("speaker error %s, moving to the default", sink.error())
            news = self.fallbacks.lost("speaker")
            self._stop_sink()
            self._start_sink()
            if news:
                self.fell_back.emit("speaker")

    def _mic_ready(self) -> None:
        if self._source_io is not None:
            data = self._source_io.readAll()
            self.microphone_pipe.write(bytes(data.data()))

    def _sample_latency(self) -> None:
        if self._sink is not None:
            queued = self._sink.bufferSize() - self._sink.bytesFree()
            self.latency.samples += 1
            self.latency.queued_ms_sum += queued / (RATE * SAMPLE_BYTES) * 1000

    # --- ringer ----------------------------------------------------------------------------

    def ring(self, on: bool) -> None:
        if on != self._want_ring:
            self._want_ring = on
            self._invoke.emit(lambda: self._do_ring(on))

    def _do_ring(self, on: bool) -> None:
        if on and self._ring_sink is None:
            device = self._pick("ringer", self.fallbacks.key("ringer"))
            sink = QAudioSink(device, pcm_format(), self)
            sink.setBufferSize(ms_to_bytes(200))
            self._ring.pos = 0
            self._ring_sink = sink
            self._ring_io = _Reader(self._ring)
            sink.start(self._ring_io)
        elif not on and self._ring_sink is not None:
            self._ring_sink.stop()
            self._ring_sink.deleteLater()
            self._ring_sink = self._ring_io = None
