"""The service number's prompts: made with espeak-ng when missing, never over an admin's
recording, values spoken on first use and cached."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from backend.telephony.prompts import LINE_RATE, STATIC, Prompts, main, write_tone

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng missing")


def seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def test_missing_prompts_are_spoken_and_recordings_are_kept(tmp_path: Path) -> None:
    mine = tmp_path / "fi" / "welcome.wav"
    write_tone(mine, [(500.0, 0.2)])
    made = Prompts(tmp_path).ensure()
    assert mine not in made and seconds(mine) == pytest.approx(0.2, abs=0.01)
    assert {p.stem for p in made} >= set(STATIC) - {"welcome"}
    assert seconds(tmp_path / "fi" / "menu_main.wav") > 5  # the whole menu, spoken
    assert (tmp_path / "comfort.wav").exists()


def test_values_are_spoken_once_and_cached(tmp_path: Path) -> None:
    prompts = Prompts(tmp_path)
    first = prompts.path("position:3")
    assert seconds(first) > 0.5
    # Kept at the line's rate whatever espeak-ng wrote: sent as it is, never resampled
    # while callers wait.
    with wave.open(str(first)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (LINE_RATE, 1, 2)
    stamp = first.stat().st_mtime_ns
    assert prompts.path("position:3") == first and first.stat().st_mtime_ns == stamp
    assert prompts.path("position:4") != first
    opening = prompts.path("next_open:2026-11-23T06:00:00+00:00")
    assert seconds(opening) > 1
    with pytest.raises(ValueError):
        prompts.path("position:three")


def test_an_admins_recording_in_another_format_is_played_converted(tmp_path: Path) -> None:
    mine = tmp_path / "fi" / "goodbye.wav"
    mine.parent.mkdir(parents=True)
    with wave.open(str(mine), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(b"\x10\x00\x20\x00" * 44100)
    played = Prompts(tmp_path).path("goodbye")
    assert played != mine and mine.exists()  # her file stays as she left it
    with wave.open(str(played)) as w:
        assert (w.getframerate(), w.getnchannels()) == (LINE_RATE, 1)
        assert abs(w.getnframes() - LINE_RATE) < 5


def test_the_numbers_a_queue_announces_are_made_ahead_smallest_first(tmp_path: Path) -> None:
    prompts = Prompts(tmp_path)
    assert prompts.prepare(positions=3, minutes=2) == 10 + 3 + 2  # digits, positions, minutes
    cached = sorted((tmp_path / "cache" / "fi").glob("*.wav"))
    assert len(cached) == 15
    assert prompts.prepare(positions=3, minutes=2) == 0  # a restart makes nothing again
    with wave.open(str(prompts.path("position:2"))) as w:
        assert w.getframerate() == LINE_RATE  # ready to send


def test_the_installers_command_writes_one_languages_prompts_and_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "--language", "sv", "--positions", "2"]) == 0
    assert (tmp_path / "sv" / "menu_main.wav").exists() and not (tmp_path / "fi").exists()
    assert len(list((tmp_path / "cache" / "sv").glob("position-*.wav"))) == 2
    assert "prompts written" in capsys.readouterr().out
