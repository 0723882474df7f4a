"""The call's side of the audio: a pjsua2 conference port whose frames go to and come
from two PCM FIFOs (the sound card's side is ``audio.py``). Runs on pjmedia's clock
thread; no Qt."""

from __future__ import annotations

import ctypes
import logging
import time
from collections.abc import Callable
from typing import Any

import pjsua2 as pj

from desktop.softphone.pipe import FRAME_BYTES, PcmPipe

log = logging.getLogger("luukku.softphone")


def _frame_reader() -> Callable[[Any], bytes]:
    """How to copy a MediaFrame's audio out, chosen once.

    The wheel's ``MediaFrame.buf`` getter drops a reference to ``None`` on every call
    (measured: about one per read); at 50 frames a second that frees ``None`` within minutes
    and the interpreter aborts ("none_dealloc"). So the bytes are copied straight from the
    frame's ``std::vector`` (begin/end pointers after the 4-byte type field and padding),
    after checking that layout on a probe frame; only if the check fails is the getter used.
    """
    offset = ctypes.sizeof(ctypes.c_void_p)

    def direct(frame: Any) -> bytes:
        address = int(frame.this)
        begin = ctypes.c_void_p.from_address(address + offset).value
        end = ctypes.c_void_p.from_address(address + 2 * offset).value
        if not begin or not end or end < begin:
            return b""
        return ctypes.string_at(begin, end - begin)

    probe = pj.MediaFrame()
    expected = b"luukku frame layout probe"
    probe.buf = pj.ByteVector(expected)
    try:
        if direct(probe) == expected:
            return direct
    except (ValueError, TypeError, OSError):
        pass
    log.warning("MediaFrame layout not as expected: reading audio through the slow getter")
    return lambda frame: bytes(frame.buf)


class BridgePort(pj.AudioMediaPort):  # type: ignore[misc]
    """A conference port whose audio goes to and comes from two PCM FIFOs.

    Runs on pjmedia's clock thread: nothing here may touch pjsua2 objects or the GUI.
    """

    def __init__(self, speaker: PcmPipe, microphone: PcmPipe) -> None:
        super().__init__()
        self.speaker = speaker
        self.microphone = microphone
        self.frames_in = 0
        self.frames_out = 0
        # A test or the bench may read what arrives (frame bytes, monotonic time).
        self.tap: Callable[[bytes, float], None] | None = None
        self._read = _frame_reader()

    def onFrameReceived(self, frame: Any) -> None:
        try:
            data = self._read(frame)
            self.frames_in += 1
            self.speaker.write(data)
            if self.tap is not None:
                self.tap(data, time.monotonic())
        except Exception:
            log.exception("audio frame from the call")

    def onFrameRequested(self, frame: Any) -> None:
        try:
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
            frame.buf = pj.ByteVector(self.microphone.read(FRAME_BYTES))
            frame.size = FRAME_BYTES
            self.frames_out += 1
        except Exception:
            log.exception("audio frame to the call")
