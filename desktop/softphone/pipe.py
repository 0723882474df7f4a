"""A bounded PCM FIFO between two clocks: pjmedia's 20 ms tick and the sound card's.

Both sides run on their own threads (pjmedia's clock thread, Qt's audio thread), so every
access takes the lock. The depth is capped: when one clock runs faster than the other the
oldest audio is dropped instead of letting the delay grow without end, and a reader that
finds too little gets silence (a click is better than a call that lags further and further).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

RATE = 48_000  # Hz; what sound cards and Windows' shared mode take without resampling
SAMPLE_BYTES = 2  # signed 16-bit little-endian, mono
FRAME_MS = 20
FRAME_BYTES = RATE * SAMPLE_BYTES * FRAME_MS // 1000


def ms_to_bytes(ms: float) -> int:
    n = int(RATE * SAMPLE_BYTES * ms / 1000)
    return n - n % SAMPLE_BYTES


@dataclass
class PipeStats:
    written: int = 0  # bytes
    read: int = 0
    dropped: int = 0  # bytes thrown away because the reader fell behind
    padded: int = 0  # bytes of silence handed out because the writer fell behind
    depth_sum: int = 0  # sum of the depth seen at each read, for the mean
    reads: int = 0

    @property
    def mean_depth_ms(self) -> float:
        if not self.reads:
            return 0.0
        return self.depth_sum / self.reads / (RATE * SAMPLE_BYTES) * 1000


class PcmPipe:
    def __init__(self, max_ms: float = 80, start_ms: float = 20) -> None:
        self._buf = bytearray()
        self._lock = threading.Lock()
        self._max = ms_to_bytes(max_ms)
        # Reading starts only once this much has arrived, so that jitter between the two
        # clocks does not turn into a click every frame.
        self._start = ms_to_bytes(start_ms)
        self._primed = False
        self.stats = PipeStats()

    def write(self, data: bytes) -> None:
        with self._lock:
            self._buf += data
            self.stats.written += len(data)
            excess = len(self._buf) - self._max
            if excess > 0:
                excess += excess % SAMPLE_BYTES
                del self._buf[:excess]
                self.stats.dropped += excess

    def read(self, size: int) -> bytes:
        """Exactly ``size`` bytes: audio where there is some, silence for the rest."""
        size -= size % SAMPLE_BYTES
        with self._lock:
            depth = len(self._buf)
            self.stats.reads += 1
            self.stats.depth_sum += depth
            if not self._primed:
                if depth < self._start:
                    self.stats.padded += size
                    return bytes(size)
                self._primed = True
            chunk = bytes(self._buf[:size])
            del self._buf[:size]
            if len(chunk) < size:
                self.stats.padded += size - len(chunk)
                self._primed = False  # wait for the cushion again
                chunk += bytes(size - len(chunk))
            self.stats.read += size
            return chunk

    def available(self) -> int:
        with self._lock:
            return len(self._buf)

    def clear(self) -> None:
        with self._lock:
            self._buf.clear()
            self._primed = False
