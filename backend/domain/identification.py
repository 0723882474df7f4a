"""Identified clients' rules, without SAML or I/O: the levels of assurance, what a client
proved, and the one-time tickets that carry it from Suomi.fi's answer to the chat start.
``backend/suomifi.py`` speaks SAML (pysaml2)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Suomi.fi's levels of assurance (and eIDAS's, for European identities).
LOA = {
    "substantial": [
        "http://ftn.ficora.fi/2017/loa2",
        "http://ftn.ficora.fi/2017/loa3",
        "http://eidas.europa.eu/LoA/substantial",
        "http://eidas.europa.eu/LoA/high",
    ],
    "high": ["http://ftn.ficora.fi/2017/loa3", "http://eidas.europa.eu/LoA/high"],
}
HETU = "urn:oid:1.2.246.21"  # nationalIdentificationNumber
DISPLAY_NAME = "urn:oid:2.16.840.1.113730.3.1.241"
GIVEN_NAME = "urn:oid:2.5.4.42"
SURNAME = "urn:oid:2.5.4.4"
CN = "urn:oid:2.5.4.3"
SIGALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
# A ticket or a started identification not used in this long is gone.
TICKET_S = 600


class IdentificationRefused(Exception):
    """Why an identification was refused (no personal data in the message)."""


@dataclass(frozen=True)
class Identity:
    """What the client proved. Only ``name`` and ``hetu`` reach staff, and only the
    professional who opens her conversation."""

    name: str
    hetu: str
    loa: str
    name_id: str
    session_index: str


@dataclass
class Started:
    queue: str
    lang: str
    at_s: float


@dataclass
class Tickets:
    """One-time tickets in memory: the page's start takes its identity once."""

    identities: dict[str, tuple[Identity, float]] = field(default_factory=dict)
    started: dict[str, Started] = field(default_factory=dict)
    # Logout tickets: the page may end her Suomi.fi session after the chat.
    logouts: dict[str, tuple[Identity, float]] = field(default_factory=dict)

    def prune(self, now_s: float) -> None:
        for store in (self.identities, self.logouts):
            for key in [k for k, (_i, at) in store.items() if now_s - at > TICKET_S * 6]:
                del store[key]
        for key in [k for k, s in self.started.items() if now_s - s.at_s > TICKET_S]:
            del self.started[key]
