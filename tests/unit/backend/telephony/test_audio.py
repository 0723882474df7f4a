"""What a leg sends: prompts one after another, looped comfort audio, and prompt WAVs
converted to the line's rate once."""

from __future__ import annotations

import wave
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from backend.telephony.audio import Playback, PromptSounds
from backend.telephony.legs import close_status
from backend.telephony.prompts import LINE_RATE, Prompts, write_tone

sounds = st.lists(st.binary(min_size=0, max_size=64).map(lambda b: b[: len(b) // 2 * 2]))
reads = st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=40)


@given(sounds, reads)
def test_a_playback_sends_every_prompt_once_in_order_and_then_nothing(
    parts: list[bytes], sizes: list[int]
) -> None:
    playback = Playback(parts, "listen")
    sent = b"".join(playback.take(n) for n in sizes)
    rest = playback.take(10**6)
    assert sent + rest == b"".join(parts)
    assert playback.exhausted and playback.take(100) == b""


@given(st.lists(st.integers(min_value=2, max_value=50)))
def test_comfort_audio_loops_without_a_gap(sizes: list[int]) -> None:
    tune = b"abcdefgh"
    playback = Playback([tune], "loop")
    sent = b"".join(playback.take(n) for n in sizes)
    assert not playback.exhausted
    assert len(sent) == sum(n - n % 2 for n in sizes)
    assert sent == (tune * (len(sent) // len(tune) + 1))[: len(sent)]


def test_a_playback_of_nothing_is_over_at_once_and_a_loop_of_nothing_is_silence() -> None:
    assert Playback([b"", b""], "listen").exhausted
    assert Playback([], "loop").take(100) == b""


def test_prompts_are_converted_to_the_line_rate_once(tmp_path: Path) -> None:
    write_tone(tmp_path / "fi" / "goodbye.wav", [(440.0, 0.5)], rate=16000)
    write_tone(tmp_path / "fi" / "welcome.wav", [(440.0, 0.25)], rate=44100)
    sounds = PromptSounds(Prompts(tmp_path))
    assert not sounds.ready(["goodbye", "welcome"])
    sounds.make(["goodbye", "welcome"])
    assert sounds.ready(["goodbye", "welcome"])
    playback = sounds.playback(["goodbye", "welcome"], "listen")
    pcm = playback.take(10**6)
    assert abs(len(pcm) / 2 / LINE_RATE - 0.75) < 0.01  # 0.5 s + 0.25 s at 8 kHz
    # Once read, a replaced file is not read again (a restart picks it up, README).
    write_tone(tmp_path / "fi" / "goodbye.wav", [(440.0, 2.0)], rate=16000)
    again = sounds.playback(["goodbye"], "listen").take(10**6)
    assert abs(len(again) / 2 / LINE_RATE - 0.5) < 0.01
    with wave.open(str(tmp_path / "fi" / "goodbye.wav")) as changed:
        assert changed.getnframes() == 32000


def test_a_close_reason_gives_the_sip_status_or_none() -> None:
    assert close_status("486 Busy Here") == 486
    assert close_status("488 Not Acceptable Here") == 488
    assert close_status("Connection reset by peer") == 0
    assert close_status(None) == 0
