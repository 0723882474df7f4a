"""What a channel does with what routing decides: one protocol, the same meaning for the
chat (``backend/channels/chat.py``) and the phone (``backend/channels/phone.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from backend.domain.routing import Offer


class Desk(Protocol):
    async def deliver(self, offer: Offer, now: datetime) -> None:
        """Routing offered this contact to her: a banner on her desktop, or her phone rings."""

    async def withdraw(self, username: str, contact_id: str, reason: str) -> None:
        """The offer is no longer hers ("timeout" or "taken"): the banner goes, the ringing
        stops."""

    async def tick(self, now: datetime) -> None:
        """What runs by the clock (a client gone too long leaves the queue, a call whose
        gateway never came back is lost)."""

    async def positions(self) -> None:
        """Tell each waiting contact whose place changed (once a round)."""

    def holds(self, contact_id: str) -> bool:
        """A contact of this channel (queued, offered or answered)."""
