"""What a call leg sends: prompts as PCM at the line's rate, played one after another
(``Playback``), and the prompt sounds kept in memory once read (``PromptSounds``).

Plain bytes and arithmetic: the legs (``backend/telephony/legs.py``) hand the bytes to
the SIP stack; nothing here touches it."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

from backend.telephony.prompts import LINE_RATE, Prompts

BYTES_PER_S = LINE_RATE * 2  # 16-bit mono


class Playback:
    """Prompts to send, in order; ``then`` says what follows the last one (see
    ``backend.domain.ivr.Play``; ``"loop"`` starts again from the first)."""

    def __init__(self, sounds: list[bytes], then: str) -> None:
        self.sounds = [s for s in sounds if s]
        self.then = then
        self._index = 0
        self._offset = 0

    @property
    def loops(self) -> bool:
        return self.then == "loop"

    @property
    def exhausted(self) -> bool:
        return not self.loops and self._index >= len(self.sounds)

    def take(self, count: int) -> bytes:
        """Up to ``count`` bytes (whole samples) of what comes next."""
        count -= count % 2
        out = bytearray()
        while len(out) < count and self.sounds:
            if self._index >= len(self.sounds):
                if not self.loops:
                    break
                self._index = 0
            sound = self.sounds[self._index]
            part = sound[self._offset : self._offset + count - len(out)]
            out += part
            self._offset += len(part)
            if self._offset >= len(sound):
                self._index += 1
                self._offset = 0
        return bytes(out)


class PromptSounds:
    """Each prompt's WAV (made by ``Prompts`` at the line's rate) as PCM, read once.

    Making a prompt may take a speech synthesiser a second: the gateway asks ``ready``
    first and has the missing ones ``make``-d in a worker thread, never on its loop."""

    def __init__(self, prompts: Prompts) -> None:
        self.prompts = prompts
        self._cache: dict[str, bytes] = {}
        self._making = threading.Lock()  # one synthesis at a time (they share temp names)

    def ready(self, keys: tuple[str, ...] | list[str]) -> bool:
        return all(key in self._cache for key in keys)

    def make(self, keys: tuple[str, ...] | list[str]) -> None:
        if self.ready(keys):
            return  # never waits on a synthesis of other prompts
        with self._making:
            for key in keys:
                if key not in self._cache:
                    self._cache[key] = self._read(self.prompts.path(key))

    def playback(self, keys: tuple[str, ...] | list[str], then: str) -> Playback:
        """The prompts (made here if ``ready`` was not asked) and what follows them."""
        self.make(keys)
        return Playback([self._cache[key] for key in keys], then)

    @staticmethod
    def _read(path: Path) -> bytes:
        with wave.open(str(path)) as src:
            if (src.getframerate(), src.getnchannels(), src.getsampwidth()) != (LINE_RATE, 1, 2):
                raise ValueError(f"{path}: not {LINE_RATE} Hz mono 16-bit")  # Prompts.path's
            pcm: bytes = src.readframes(src.getnframes())
            return pcm
