"""The service number's spoken prompts: WAV files per language in a folder an admin can
replace (a file that exists is never overwritten), generated when missing with espeak-ng
(nothing is downloaded). Prompts that carry a value (a queue position, a phone number's
digits, the next opening time) are generated on first use and cached in ``cache/``;
the numbers a queue announces (positions, minutes, digits) are made ahead (``prepare``) by
the installer and, at nice 19, by a starting gateway, so that no caller's INVITE waits
behind a speech synthesiser.

    .venv/bin/python -m backend.telephony.prompts DIR     # every language's prompts
    .venv/bin/python -m backend.telephony.prompts DIR --language fi --positions 200
"""

from __future__ import annotations

import argparse
import array
import hashlib
import math
import os
import shutil
import struct
import subprocess
import sys
import wave
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "welcome": "Tervetuloa lasten, nuorten ja perheiden neuvontapalveluun.",
        "menu_main": (
            "Asiakaspalvelu, paina 1. "
            "Äitiysneuvola, perhesuunnittelu, lastenneuvola tai koulu- ja "
            "opiskeluterveydenhuolto, paina 2. "
            "Mielenterveys- ja päihdepalvelut, paina 3."
        ),
        "menu_2": (
            "Äitiysneuvola ja perhesuunnittelu, paina 1. "
            "Lastenneuvola, koulu- ja opiskeluterveydenhuolto, paina 2."
        ),
        "no_input": "Emme saaneet valintaasi.",
        "invalid": "Valinta ei ole käytössä.",
        "closed": "Palvelumme on nyt suljettu. Olemme avoinna arkisin kello 8 – 15.",
        "emergency": (
            "Hätätilanteessa soita 112. Kiireellisissä terveysasioissa soita päivystysapuun, "
            "numeroon 116 117."
        ),
        "goodbye": "Kiitos soitostasi. Näkemiin.",
        "queued": "Kiitos. Olet jonossa, vastaamme mahdollisimman pian.",
        "callback_offer": (
            "Voit myös jättää soittopyynnön painamalla 5. Soitamme sinulle takaisin."
        ),
        "cb_confirm_pre": "Soitamme sinulle numeroon",
        "cb_confirm_post": (
            "Jos numero on oikein, paina 1. Jos haluat antaa toisen numeron, paina 2."
        ),
        "cb_enter": "Näppäile puhelinnumerosi ja lopuksi risuaita.",
        "cb_done_today": "Kiitos. Soittopyyntösi on vastaanotettu. Soitamme sinulle tänään.",
        "cb_done_next": (
            "Kiitos. Soittopyyntösi on vastaanotettu. Soitamme sinulle seuraavana arkipäivänä."
        ),
        "position": "Olet jonossa sijalla {n}.",
        "minutes": "Arvioitu odotusaika on noin {n} minuuttia.",
        "digit": "{n}",
        "next_open": "Avaamme seuraavan kerran {day} kello {hour}.",
    },
    "sv": {
        "welcome": "Välkommen till rådgivningen för barn, unga och familjer.",
        "menu_main": (
            "Kundtjänst, tryck 1. Mödrarådgivning, familjeplanering, barnrådgivning eller "
            "skol- och studerandehälsovård, tryck 2. Mentalvårds- och missbrukartjänster, tryck 3."
        ),
        "menu_2": (
            "Mödrarådgivning och familjeplanering, tryck 1. "
            "Barnrådgivning, skol- och studerandehälsovård, tryck 2."
        ),
        "no_input": "Vi fick inget val.",
        "invalid": "Valet används inte.",
        "closed": "Vi har stängt nu. Vi har öppet vardagar klockan 8 – 15.",
        "emergency": "I en nödsituation, ring 112. I brådskande hälsoärenden, ring 116 117.",
        "goodbye": "Tack för samtalet. Hej då.",
        "queued": "Tack. Du står i kö, vi svarar så snart som möjligt.",
        "callback_offer": "Du kan också lämna en begäran om återuppringning genom att trycka 5.",
        "cb_confirm_pre": "Vi ringer dig på numret",
        "cb_confirm_post": "Om numret är rätt, tryck 1. Om du vill ge ett annat nummer, tryck 2.",
        "cb_enter": "Slå ditt telefonnummer och avsluta med fyrkant.",
        "cb_done_today": "Tack. Din begäran har tagits emot. Vi ringer dig i dag.",
        "cb_done_next": "Tack. Din begäran har tagits emot. Vi ringer dig nästa vardag.",
        "position": "Du är nummer {n} i kön.",
        "minutes": "Den uppskattade väntetiden är cirka {n} minuter.",
        "digit": "{n}",
        "next_open": "Vi öppnar nästa gång {day} klockan {hour}.",
    },
    "en": {
        "welcome": "Welcome to the child, youth and family advice service.",
        "menu_main": (
            "Customer service, press 1. Maternity clinic, family planning, child clinic or "
            "school and student health, press 2. Mental health and substance abuse, press 3."
        ),
        "menu_2": (
            "Maternity clinic and family planning, press 1. "
            "Child clinic, school and student health, press 2."
        ),
        "no_input": "We did not get your choice.",
        "invalid": "That choice is not in use.",
        "closed": "We are closed now. We are open on weekdays from 8 to 15.",
        "emergency": "In an emergency, call 112. For urgent health matters, call 116 117.",
        "goodbye": "Thank you for calling. Goodbye.",
        "queued": "Thank you. You are in the queue; we will answer as soon as we can.",
        "callback_offer": "You can also leave a callback request by pressing 5.",
        "cb_confirm_pre": "We will call you back at",
        "cb_confirm_post": "If the number is right, press 1. To give another number, press 2.",
        "cb_enter": "Key in your phone number and then the hash key.",
        "cb_done_today": "Thank you. Your callback request is received. We will call you today.",
        "cb_done_next": (
            "Thank you. Your callback request is received. We will call you on the next "
            "working day."
        ),
        "position": "You are number {n} in the queue.",
        "minutes": "The estimated wait is about {n} minutes.",
        "digit": "{n}",
        "next_open": "We open next on {day} at {hour}.",
    },
}
VOICES = {"fi": "fi", "sv": "sv", "en": "en"}
WEEKDAYS = {
    "fi": [
        "maanantaina",
        "tiistaina",
        "keskiviikkona",
        "torstaina",
        "perjantaina",
        "lauantaina",
        "sunnuntaina",
    ],
    "sv": [
        "på måndag",
        "på tisdag",
        "på onsdag",
        "på torsdag",
        "på fredag",
        "på lördag",
        "på söndag",
    ],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
# Every prompt is kept as mono 16-bit PCM at the line's rate (G.711, the only codecs the
# gateway offers): played as they are, never resampled while callers wait.
LINE_RATE = 8000
# Made ahead: a queue's positions up to the gateway's callers, estimated waits up to an
# hour (a longer one is made when first said), a callback number's digits.
MINUTES_AHEAD = 60
STATIC = [k for k in TEXTS["fi"] if "{" not in TEXTS["fi"][k]]
COMFORT = "comfort"


class Prompts:
    def __init__(self, folder: Path, language: str = "fi", tz: str = "Europe/Helsinki") -> None:
        self.folder = folder
        self.language = language
        self.tz = ZoneInfo(tz)
        self.espeak = shutil.which("espeak-ng")
        self.nice = shutil.which("nice")

    def ensure(self, languages: tuple[str, ...] | None = None) -> list[Path]:
        """Write the missing static prompts (and the comfort audio); returns what was made."""
        made = []
        for language in languages or (self.language,):
            for key in STATIC:
                path = self.folder / language / f"{key}.wav"
                if not path.exists():
                    self._speak(TEXTS[language][key], path, language)
                    made.append(path)
        comfort = self.folder / f"{COMFORT}.wav"
        if not comfort.exists():
            write_comfort(comfort)
            made.append(comfort)
        # Converted to the playing format now, not while a caller waits on the first call.
        for key in (*STATIC, COMFORT):
            self.path(key)
        return made

    def prepare(self, positions: int, minutes: int = MINUTES_AHEAD) -> int:
        """Make the numbered prompts a queue announces, smallest first (a queue reaches
        position 3 before 30); returns how many had to be made."""
        keys = [f"digit:{d}" for d in range(10)]
        for n in range(1, max(positions, minutes) + 1):
            keys += [f"position:{n}"] if n <= positions else []
            keys += [f"minutes:{n}"] if n <= minutes else []
        made = 0
        for key in keys:
            made += not self._where(key)[0].exists()
            self.path(key)
        return made

    def prepare_in_background(self, positions: int) -> subprocess.Popen[bytes]:
        """``prepare`` (``main``) in a process of its own at the lowest priority, for a
        starting gateway: the installer made everything already where it ran; a new
        language or an emptied folder is made here, so that no caller's INVITE waits
        behind espeak-ng."""
        command = [sys.executable, "-m", "backend.telephony.prompts", str(self.folder)]
        command += ["--language", self.language, "--tz", str(self.tz)]
        command += ["--positions", str(positions)]
        if self.nice:
            command = [self.nice, "-n", "19", *command]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL)

    def path(self, key: str) -> Path:
        """The WAV for a prompt key (``"menu_main"``, ``"position:3"``…), made if needed,
        in the one format the gateway sends (``LINE_RATE`` mono, 16-bit)."""
        return self._normalised(self._source(key))

    def _source(self, key: str) -> Path:
        path, text = self._where(key)
        if text is not None and not path.exists():
            self._speak(text, path, self.language)
        return path

    def _where(self, key: str) -> tuple[Path, str | None]:
        """Where a prompt's own file is, and what is said in it (None: not spoken)."""
        if key == COMFORT:
            return self.folder / f"{COMFORT}.wav", None
        name, _, value = key.partition(":")
        if not value:
            return self.folder / self.language / f"{name}.wav", TEXTS[self.language][name]
        text = self._dynamic_text(name, value)
        digest = hashlib.sha1(f"{self.language}:{text}".encode()).hexdigest()[:16]
        return self.folder / "cache" / self.language / f"{name}-{digest}.wav", text

    def _normalised(self, path: Path) -> Path:
        with wave.open(str(path)) as src:
            fmt = (src.getframerate(), src.getnchannels(), src.getsampwidth())
            if fmt == (LINE_RATE, 1, 2):
                return path
            stat = path.stat()
            digest = hashlib.sha1(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
            out = self.folder / "cache" / "8k" / f"{path.stem}-{digest.hexdigest()[:12]}.wav"
            if out.exists():
                return out
            if fmt[2] != 2:
                raise ValueError(f"{path}: only 16-bit PCM WAV prompts are supported")
            frames = src.readframes(src.getnframes())
        samples = array.array("h", frames)[:: fmt[1]]  # the first channel
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f"{out.stem}.{os.getpid()}.tmp")
        with wave.open(str(tmp), "wb") as dst:
            dst.setnchannels(1)
            dst.setsampwidth(2)
            dst.setframerate(LINE_RATE)
            dst.writeframes(resample(samples, fmt[0], LINE_RATE).tobytes())
        tmp.replace(out)
        return out

    def _dynamic_text(self, name: str, value: str) -> str:
        template = TEXTS[self.language][name]
        if name == "next_open":
            when = datetime.fromisoformat(value).astimezone(self.tz)
            day = WEEKDAYS[self.language][when.weekday()]
            return template.format(day=f"{day} {when.day}.{when.month}.", hour=when.hour)
        if not value.isdigit():
            raise ValueError(f"prompt {name} needs a number, not {value!r}")
        return template.format(n=int(value))

    def _speak(self, text: str, path: Path, language: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Per process: gateways of a pool may make the same prompt at the same moment.
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        if self.espeak is None:
            # No speech synthesiser: a short beep keeps the call flow working.
            write_tone(tmp, [(660.0, 0.3)])
        else:
            # Below the calls' priority: a prompt with a new value is made while the
            # gateway's SIP and audio threads serve a hundred callers on the same cores.
            nice = [self.nice, "-n", "10"] if self.nice else []
            subprocess.run(
                [*nice, self.espeak, "-v", VOICES[language], "-s", "150", "-w", str(tmp), text],
                check=True,
                capture_output=True,
                timeout=30,
            )
        tmp.replace(path)  # whole or not at all: a half-written prompt is never played


def resample(samples: array.array[int], rate: int, target: int) -> array.array[int]:
    """Linear interpolation: plenty for speech prompts on a phone line."""
    if rate == target or not samples:
        return samples
    count = max(1, len(samples) * target // rate)
    step = (len(samples) - 1) / max(1, count - 1)
    out = array.array("h", bytes(2 * count))
    last = len(samples) - 1
    for i in range(count):
        pos = i * step
        j = int(pos)
        frac = pos - j
        nxt = samples[j + 1] if j < last else samples[j]
        out[i] = int(samples[j] + (nxt - samples[j]) * frac)
    return out


def write_tone(path: Path, notes: list[tuple[float, float]], rate: int = 16000) -> None:
    frames = bytearray()
    for freq, seconds in notes:
        count = int(rate * seconds)
        for i in range(count):
            fade = min(1.0, i / (rate * 0.02), (count - i) / (rate * 0.05))
            value = 0.0 if freq == 0 else 0.25 * fade * math.sin(2 * math.pi * freq * i / rate)
            frames += struct.pack("<h", int(value * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


def write_comfort(path: Path) -> None:
    """Calm comfort audio: a slow, soft arpeggio with pauses (made here, not downloaded)."""
    notes = [
        (523.25, 0.45),
        (659.25, 0.45),
        (783.99, 0.6),
        (0, 0.5),
        (587.33, 0.45),
        (698.46, 0.45),
        (880.0, 0.6),
        (0, 1.0),
    ]
    write_tone(path, notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the service number's prompts.")
    parser.add_argument("folder", nargs="?", default="prompts", type=Path)
    parser.add_argument("--language", choices=sorted(TEXTS), help="one language (default all)")
    parser.add_argument("--tz", default="Europe/Helsinki")
    parser.add_argument(
        "--positions", type=int, default=200, help="queue positions made ahead (0: none)"
    )
    args = parser.parse_args(argv)
    made = 0
    for language in (args.language,) if args.language else tuple(TEXTS):
        prompts = Prompts(args.folder, language, args.tz)
        made += len(prompts.ensure((language,)))
        if args.positions > 0:
            made += prompts.prepare(args.positions)
    print(f"{made} prompts written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
