"""Call state and today's call history: plain data, no pjsua2 and no Qt.

The engine fills these from SIP events; widgets read them. Keeping them apart from the
engine lets the call panel and the history be tested without a SIP stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import Literal


class Registration(StrEnum):
    DISABLED = "disabled"  # no registrar configured
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"  # will retry by itself


class CallState(StrEnum):
    RINGING = "ringing"  # incoming, not answered yet
    DIALING = "dialing"  # outgoing, not answered yet
    ACTIVE = "active"
    HELD = "held"
    ENDED = "ended"


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


Transport = Literal["udp", "tcp", "tls"]
Srtp = Literal["disabled", "optional", "mandatory"]


@dataclass(frozen=True)
class SipSettings:
    registrar: str  # "host[:port]"; empty disables the softphone
    user: str
    password: str = ""
    transport: Transport = "udp"
    srtp: Srtp = "optional"
    register_seconds: int = 300
    retry_seconds: int = 5
    local_port: int = 0  # 0 = any free port
    # With TLS: the CA file the registrar's certificate must chain to. Empty = no check
    # (then the line is encrypted but anyone could pose as the registrar).
    tls_ca: str = ""
    # The local address RTP uses (and the SDP names); empty = the stack's choice.
    media_address: str = ""

    @property
    def domain(self) -> str:
        return self.registrar.split(";")[0]

    def uri(self, target: str) -> str:
        """A SIP URI for what she typed: a full URI, a user name or a phone number."""
        target = target.strip()
        if target.startswith(("sip:", "sips:")):
            return target
        number = normalise_number(target) if looks_like_number(target) else target
        suffix = "" if self.transport == "udp" else f";transport={self.transport}"
        return f"sip:{number}@{self.domain}{suffix}"


_NUMBER = re.compile(r"^\+?[0-9 ()\-]{2,30}$")


def looks_like_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def normalise_number(text: str) -> str:
    """Digits (and a leading +) only: what a PBX expects in the user part."""
    text = text.strip()
    plus = "+" if text.startswith("+") else ""
    return plus + re.sub(r"[^0-9]", "", text)


_USER = re.compile(r"sips?:([^@;>]+)")
_DISPLAY = re.compile(r'^\s*"?([^"<]*?)"?\s*<')


def caller_number(remote_uri: str) -> str:
    """The user part of ``"Name" <sip:0401234567@host>``: the number to show and call back."""
    match = _USER.search(remote_uri)
    return match.group(1) if match else remote_uri


def caller_name(remote_uri: str) -> str:
    match = _DISPLAY.match(remote_uri)
    return match.group(1).strip() if match else ""


def headers(message: str) -> dict[str, str]:
    """Header fields of a SIP message (lower-case names; the first of a repeated name)."""
    head = message.split("\r\n\r\n", 1)[0].split("\n\n", 1)[0]
    found: dict[str, str] = {}
    for line in head.splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            found.setdefault(name.strip().lower(), value.strip())
    return found


@dataclass(frozen=True)
class ServiceInfo:
    """What the service number tells about a call it delivers (absent for direct calls)."""

    queue: str | None = None
    waited_s: int | None = None
    call_id: str | None = None  # the backend's record of the call, for its outcome
    # The caller's number, where the service number asserts it (its own address is From).
    caller: str | None = None

    @classmethod
    def from_headers(cls, fields: dict[str, str]) -> ServiceInfo:
        call_id = fields.get("x-luukku-call") or None
        if call_id is not None and not re.fullmatch(r"[A-Za-z0-9_.:-]{1,64}", call_id):
            call_id = None
        caller: str | None = None
        if call_id is not None:
            asserted = caller_number(fields.get("p-asserted-identity", ""))
            caller = asserted if re.fullmatch(r"\+?[0-9]{3,20}", asserted) else None
        queue = fields.get("x-luukku-queue") or None
        if queue is not None and not re.fullmatch(r"[A-Za-z0-9_.\-]{1,64}", queue):
            queue = None  # never show arbitrary header text from the network
        waited: int | None = None
        raw = fields.get("x-luukku-waited", "")
        if raw.isdigit() and len(raw) < 7:
            waited = int(raw)
        return cls(queue, waited, call_id, caller)


@dataclass
class Call:
    id: int  # the engine's handle
    direction: Direction
    remote: str  # number or user part
    name: str = ""
    service: ServiceInfo = field(default_factory=ServiceInfo)
    state: CallState = CallState.RINGING
    started: datetime | None = None
    answered: datetime | None = None
    ended: datetime | None = None
    muted: bool = False
    end_reason: str = ""
    dtmf_received: str = ""
    consult_for: int | None = None  # this call is a consultation about that call

    @property
    def live(self) -> bool:
        return self.state is not CallState.ENDED

    @property
    def connected(self) -> bool:
        return self.state in (CallState.ACTIVE, CallState.HELD)

    def talk_seconds(self, now: datetime) -> int:
        if self.answered is None:
            return 0
        return int(((self.ended or now) - self.answered).total_seconds())


class Outcome(StrEnum):
    ANSWERED = "answered"
    MISSED = "missed"
    OUTGOING = "outgoing"
    UNANSWERED = "unanswered"  # outgoing that nobody picked up


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    outcome: Outcome
    remote: str
    queue: str | None
    talk_s: int


@dataclass
class History:
    """Today's calls, newest first; yesterday's fall away at the first call of a new day."""

    entries: list[HistoryEntry] = field(default_factory=list)

    def record(self, call: Call, now: datetime) -> HistoryEntry:
        self.entries = [e for e in self.entries if e.at.date() == now.date()]
        if call.direction is Direction.INCOMING:
            outcome = Outcome.ANSWERED if call.answered else Outcome.MISSED
        else:
            outcome = Outcome.OUTGOING if call.answered else Outcome.UNANSWERED
        entry = HistoryEntry(
            at=call.started or now,
            outcome=outcome,
            remote=call.remote,
            queue=call.service.queue,
            talk_s=call.talk_seconds(now),
        )
        self.entries.insert(0, entry)
        return entry

    def today(self, day: date, zone: tzinfo | None = None) -> list[HistoryEntry]:
        """The calls of ``day`` in ``zone`` (the service's); a naive time is taken as is."""
        return [e for e in self.entries if (e.at.astimezone(zone) if zone else e.at).date() == day]


def format_duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SoftphoneError(Exception):
    """An operation pjsua2 refused; the message is fit to show (no SIP internals)."""


class PhoneEventKind(StrEnum):
    REGISTRATION = "registration"
    CALL = "call"  # a call appeared or changed state
    DTMF = "dtmf"
    TRANSFER = "transfer"  # detail: the transfer's progress ("accepted", "done", "failed")
    ENDED = "ended"  # a call ended and went into the history


@dataclass(frozen=True)
class PhoneEvent:
    kind: PhoneEventKind
    call_id: int | None = None
    detail: str = ""


Listener = Callable[[PhoneEvent], None]
