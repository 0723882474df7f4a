"""The record entry and the hand-off links, filled from a contact (pure: no Qt, no I/O).

The entry is plain text for the patient record: the service file's template in her
language, its placeholders filled in one pass (a client who writes "{identity_code}" gets
that text, never the value), and a line whose placeholder has no value left out (an
anonymous client has no identity line). A hand-off link is an https template; a
placeholder with no value makes the link unusable, with the reason named, rather than
sending an empty value to the booking system.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from urllib.parse import quote

from protocol.messages import LINK_PLACEHOLDERS, RECORD_PLACEHOLDERS, HandoffLink

# Characters that have no place in a record system's text field (a client could paste
# terminal escapes or other control characters); newlines and tabs stay.
_CONTROL = {c: None for c in range(32) if chr(c) not in "\n\t"} | {0x7F: None}


def clean(text: str) -> str:
    return text.translate(_CONTROL).strip()


@dataclass(frozen=True)
class TranscriptLine:
    at: datetime
    who: str  # "Asiakas", "Hanna", … in her language, from the view
    text: str


@dataclass(frozen=True)
class Contact:
    """What an entry is about, in her words already (channel, queue and outcome names
    translated by the view); the identity only for a client identified with Suomi.fi."""

    contact_id: str
    started_at: datetime
    channel: str
    queue: str
    handled_by: str
    client: str
    reason: str = ""
    consultants: tuple[str, ...] = ()
    identity_code: str = ""
    outcome: str = ""
    wrap_up: str = ""
    callbacks: tuple[str, ...] = ()
    transcript: tuple[TranscriptLine, ...] = ()
    clinic: str = ""  # the client's own clinic (a callback left for it), for links
    queue_id: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template's lines with their placeholders filled; a line with a placeholder
    that has no value is left out (unknown placeholders were refused at start)."""
    out = []
    for line in template.split("\n"):
        parts = list(string.Formatter().parse(line))
        names = [name for _text, name, _spec, _conv in parts if name]
        if any(not values.get(name, "") for name in names):
            continue
        out.append("".join(text + (values[name] if name else "") for text, name, _s, _c in parts))
    return "\n".join(out)


def entry(contact: Contact, template: str, zone: tzinfo, transcript: str = "full") -> str:
    """The record entry: the service's time zone, the transcript with times (or, with
    ``transcript = "summary"``, only her own summary)."""
    at = contact.started_at.astimezone(zone)
    lines = "".join(
        f"\n{line.at.astimezone(zone):%H:%M} {clean(line.who)}: {clean(line.text)}"
        for line in (contact.transcript if transcript == "full" else ())
    )
    values = {
        "date": f"{at.day}.{at.month}.{at.year}",
        "time": f"{at:%H:%M}",
        "channel": contact.channel,
        "queue": contact.queue,
        "handled_by": clean(contact.handled_by),
        "consultants": ", ".join(clean(c) for c in contact.consultants),
        "client": clean(contact.client),
        "identity_code": clean(contact.identity_code),
        "reason": clean(contact.reason),
        "outcome": contact.outcome,
        "wrap_up": clean(contact.wrap_up),
        "callbacks": "; ".join(clean(c) for c in contact.callbacks),
        "transcript": lines,
    }
    assert set(values) == RECORD_PLACEHOLDERS
    return fill(template, values)


@dataclass(frozen=True)
class Link:
    """A hand-off link for one contact: its URL, or the placeholders that have no value."""

    link: HandoffLink
    url: str | None
    missing: tuple[str, ...] = ()


def link_for(link: HandoffLink, contact: Contact) -> Link:
    values = {
        "identity_code": contact.identity_code,
        "queue": contact.queue_id,
        "conversation_id": contact.contact_id,
        "clinic": contact.clinic,
    }
    assert set(values) == LINK_PLACEHOLDERS
    used = [name for _t, name, _s, _c in string.Formatter().parse(link.url) if name]
    missing = tuple(name for name in used if not values.get(name))
    if missing or not link.url.startswith("https://"):
        return Link(link, None, missing)
    # Each value is quoted whole: a value can never add a parameter or change the host.
    url = "".join(
        text + (quote(values[name], safe="") if name else "")
        for text, name, _s, _c in string.Formatter().parse(link.url)
    )
    return Link(link, url)
