"""What a caller of the service number hears and can do: a state machine, no I/O.

The gateway feeds it events (``start``, ``digit``, ``prompt_done``, ``timeout``,
``position``, ``callback_stored``, ``delivery``…) and carries out the actions it returns
(play prompts, wait for a key, queue the call, store a callback, hang up). Prompts are
keys: static ones name a WAV file ("menu_main"), dynamic ones carry a value
("digit:4", "position:3", "minutes:5", "next_open:2026-11-23T08:00:00+02:00").

The path through the menu, as the seeds promise it:

* closed: the closed message with the next opening time and emergency guidance, then
  hang-up;
* open: welcome and the menu (1, 2 → 1 / 2, 3); no key: the menu again, and after
  ``no_input_repeats`` repeats the default line; a key with no line: "not in use" and the
  menu again;
* queued: an announcement (position or wait, and the callback key) at once and every
  ``announce_every_s``, comfort audio between;
* callback key: the caller's number is read back to confirm (1) or replaced (2, then the
  number and #); the callback is stored by the backend, and only then confirmed to the
  caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class Play:
    prompts: tuple[str, ...]
    # After the last prompt: "listen" (start the no-input timer), "comfort" (loop the
    # comfort audio), "hangup".
    then: str = "listen"


@dataclass(frozen=True)
class Enqueue:
    queue: str


@dataclass(frozen=True)
class Report:
    menu: str
    choice: str


@dataclass(frozen=True)
class LeaveCallback:
    queue: str
    number: str


@dataclass(frozen=True)
class Hangup:
    reason: str


Action = Play | Enqueue | Report | LeaveCallback | Hangup


class Step(StrEnum):
    CLOSED = "closed"
    MENU = "menu"
    QUEUED = "queued"
    CB_CONFIRM = "cb_confirm"
    CB_ENTER = "cb_enter"
    CB_WAIT = "cb_wait"
    RINGING = "ringing"
    CONNECTED = "connected"
    ENDED = "ended"


@dataclass(frozen=True)
class MenuRules:
    menu: dict[str, str]  # "1" -> queue, "2.1" -> queue
    default_queue: str
    no_input_repeats: int = 2
    callback_key: str = "5"


def _digits(number: str | None) -> str | None:
    """A caller id worth reading back: digits, optionally a leading +, 5–15 long."""
    if not number:
        return None
    plain = number.strip()
    body = plain[1:] if plain.startswith("+") else plain
    if not body.isdigit() or not 5 <= len(body) <= 15:
        return None
    return plain


@dataclass
class IvrCall:
    rules: MenuRules
    caller: str | None
    step: Step = Step.MENU
    path: str = ""  # "" top menu, "2" the submenu behind 2
    no_input: int = 0
    queue: str | None = None
    number: str | None = None  # the callback number being confirmed
    typed: str = ""
    position: int | None = None
    estimated_wait_s: float | None = None
    history: list[str] = field(default_factory=list)

    # --- prompts -------------------------------------------------------------------------

    def _menu_prompt(self) -> str:
        return "menu_main" if not self.path else f"menu_{self.path}"

    def announcement(self) -> Play:
        prompts: list[str] = []
        if self.position is not None:
            prompts.append(f"position:{self.position}")
        if self.estimated_wait_s is not None and self.estimated_wait_s >= 60:
            prompts.append(f"minutes:{round(self.estimated_wait_s / 60)}")
        prompts.append("callback_offer")
        return Play(tuple(prompts), then="comfort")

    # --- events --------------------------------------------------------------------------

    def start(self, open_now: bool, next_opening: datetime | None) -> list[Action]:
        if not open_now:
            self.step = Step.CLOSED
            prompts = ["closed"]
            if next_opening is not None:
                prompts.append(f"next_open:{next_opening.isoformat()}")
            prompts += ["emergency", "goodbye"]
            return [Play(tuple(prompts), then="hangup")]
        self.step = Step.MENU
        return [Play(("welcome", "menu_main"))]

    def prompt_done(self, then: str) -> list[Action]:
        if then == "hangup":
            reason = "closed" if self.step is Step.CLOSED else "callback"
            self.step = Step.ENDED
            return [Hangup(reason)]
        return []

    def timeout(self) -> list[Action]:
        """No key within the no-input time after a prompt that listens."""
        if self.step is Step.MENU:
            self.no_input += 1
            if self.no_input > self.rules.no_input_repeats:
                return [
                    Report(self.path or "main", "no_input_default"),
                    *self._enqueue(self.rules.default_queue),
                ]
            return [
                Report(self.path or "main", "no_input"),
                Play(("no_input", self._menu_prompt())),
            ]
        if self.step in (Step.CB_CONFIRM, Step.CB_ENTER):
            # Undecided: back to waiting, keeping the place in the queue.
            self.step = Step.QUEUED
            self.typed = ""
            return [Play(("no_input",), then="comfort"), self.announcement()]
        return []

    def digit(self, key: str) -> list[Action]:
        if self.step is Step.MENU:
            return self._menu_key(key)
        if self.step is Step.QUEUED and key == self.rules.callback_key:
            return self._offer_number(_digits(self.caller))
        if self.step is Step.CB_CONFIRM:
            if key == "1" and self.number and self.queue:
                self.step = Step.CB_WAIT
                return [LeaveCallback(self.queue, self.number)]
            if key == "2":
                self.step = Step.CB_ENTER
                self.typed = ""
                return [Play(("cb_enter",))]
            return [Play(("invalid", *self._confirm_prompts()))]
        if self.step is Step.CB_ENTER:
            if key == "#":
                return self._offer_number(_digits(self.typed), entered=True)
            if key.isdigit() and len(self.typed) < 15:
                self.typed += key
            return []
        return []

    def _menu_key(self, key: str) -> list[Action]:
        wanted = f"{self.path}.{key}" if self.path else key
        menu = self.rules.menu
        if wanted in menu:
            return [Report(self.path or "main", key), *self._enqueue(menu[wanted])]
        if any(p.startswith(wanted + ".") for p in menu):
            self.path = wanted
            self.no_input = 0
            return [Report("main", key), Play((self._menu_prompt(),))]
        return [Report(self.path or "main", "invalid"), Play(("invalid", self._menu_prompt()))]

    def _enqueue(self, queue: str) -> list[Action]:
        self.step = Step.QUEUED
        self.queue = queue
        return [Enqueue(queue), Play(("queued",), then="comfort")]

    def _confirm_prompts(self) -> tuple[str, ...]:
        digits = tuple(f"digit:{d}" for d in (self.number or "") if d.isdigit())
        return ("cb_confirm_pre", *digits, "cb_confirm_post")

    def _offer_number(self, number: str | None, entered: bool = False) -> list[Action]:
        if number is None:
            self.step = Step.CB_ENTER
            self.typed = ""
            prompts = ("invalid", "cb_enter") if entered else ("cb_enter",)
            return [Play(prompts)]
        self.step = Step.CB_CONFIRM
        self.number = number
        return [Play(self._confirm_prompts())]

    def callback_stored(self, due_today: bool) -> list[Action]:
        self.step = Step.CB_WAIT
        done = "cb_done_today" if due_today else "cb_done_next"
        return [Play((done, "goodbye"), then="hangup")]

    def position_changed(self, position: int, estimated_wait_s: float | None) -> None:
        self.position, self.estimated_wait_s = position, estimated_wait_s

    def delivering(self) -> None:
        self.step = Step.RINGING

    def delivery_over(self) -> list[Action]:
        """Her phone did not take it: back to waiting (the backend keeps the place)."""
        if self.step is Step.RINGING:
            self.step = Step.QUEUED
        return []

    def connected(self) -> None:
        self.step = Step.CONNECTED
