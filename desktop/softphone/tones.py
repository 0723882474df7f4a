"""Tones as 16-bit PCM and a detector for them: the ring signal, and proof in tests and the
bench that audio really crossed the bridge (energy at the expected frequency)."""

from __future__ import annotations

import math
from array import array

from desktop.softphone.pipe import RATE, SAMPLE_BYTES


def sine(hz: float, ms: float, amplitude: float = 0.3, rate: int = RATE, phase: int = 0) -> bytes:
    n = int(rate * ms / 1000)
    peak = amplitude * 32767
    step = 2 * math.pi * hz / rate
    return array("h", (int(peak * math.sin(step * (i + phase))) for i in range(n))).tobytes()


class ToneStream:
    """An endless sine read in pieces, phase kept between reads (0 Hz = silence): a test
    microphone, a caller's voice in the bench."""

    def __init__(self, hz: float = 0.0) -> None:
        self.hz = hz
        self._phase = 0

    def read(self, size: int) -> bytes:
        n = size // SAMPLE_BYTES
        pcm = sine(self.hz, n * 1000 / RATE, phase=self._phase) if self.hz else bytes(size)
        self._phase += n
        return pcm


def ring_pattern(rate: int = RATE) -> bytes:
    """A Finnish-style ring: 425 Hz with a 450 Hz overtone, 1 s on and 4 s off."""
    n = rate
    on = array(
        "h",
        (
            int(
                6000 * math.sin(2 * math.pi * 425 * i / rate)
                + 3000 * math.sin(2 * math.pi * 450 * i / rate)
            )
            for i in range(n)
        ),
    )
    return on.tobytes() + bytes(4 * rate * SAMPLE_BYTES)


def samples(pcm: bytes) -> array[int]:
    values = array("h")
    values.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    return values


def goertzel(values: array[int], hz: float, rate: int = RATE) -> float:
    """Power of one frequency in the block (Goertzel), normalised by the block length."""
    if not values:
        return 0.0
    coeff = 2 * math.cos(2 * math.pi * hz / rate)
    s1 = s2 = 0.0
    for v in values:
        s0 = v + coeff * s1 - s2
        s2, s1 = s1, s0
    return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / (len(values) ** 2)


def dominant(pcm: bytes, candidates: list[float], rate: int = RATE) -> tuple[float, float]:
    """Which candidate frequency carries the most power, and its share of the total."""
    values = samples(pcm)
    powers = {hz: goertzel(values, hz, rate) for hz in candidates}
    total = sum(powers.values()) or 1.0
    best = max(powers, key=lambda hz: powers[hz])
    return best, powers[best] / total


def peak(pcm: bytes) -> int:
    """The largest absolute sample: full scale (32,767) means clipped."""
    return max((abs(v) for v in samples(pcm)), default=0)


def rms(pcm: bytes) -> float:
    values = samples(pcm)
    if not values:
        return 0.0
    return math.sqrt(sum(v * v for v in values) / len(values))
