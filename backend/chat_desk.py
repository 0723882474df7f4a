"""The chat channel's desk: how a routed chat reaches a professional (an offer banner on
her desktop), how an offer is taken back, and each waiting client's place in the queue.

The hub routes (``backend/domain/routing.py``) and calls a channel's desk through
``Desk`` (``backend/centre.py``); the phone's desk is ``backend/phone.py``.
"""

from __future__ import annotations

from datetime import datetime

from backend.centre import Centre, client_lang
from backend.domain.routing import Offer
from protocol.messages import ToClientQueue, ToStaffOffer, ToStaffOfferWithdrawn


def shown_wait(position: int, wait: float | None) -> tuple[int, int | None]:
    """What the page shows of a place in the queue: a change of this is worth a frame."""
    return position, None if wait is None else round(wait / 60)


class ChatDesk:
    def __init__(self, hub: Centre) -> None:
        self.hub = hub
        # The place and estimate (whole minutes, None: unknown) each waiting client was
        # last told: only a change is sent.
        self.told: dict[str, tuple[int, int | None]] = {}

    async def deliver(self, offer: Offer, now: datetime) -> None:
        hub = self.hub
        live = hub.live[offer.contact_id]
        profile = hub.profiles.get(offer.username)
        preview = profile is not None and profile.role in hub.config.routing.first_line_roles
        await hub.send_staff(
            offer.username,
            ToStaffOffer(
                conversation_id=offer.contact_id,
                queue=offer.queue,
                client_name=live.client_name,
                waited_s=(now - live.arrived_at).total_seconds(),
                expires_in_s=hub.router.offer_timeout.total_seconds(),
                transferred_by=live.transfer[0] if live.transfer else None,
                transfer_note=live.transfer[1] if live.transfer else None,
                lang=client_lang(live.lang),
                first_line=live.first_line if preview else None,
                identified=live.identified,
            ),
        )

    async def withdraw(self, username: str, contact_id: str, reason: str) -> None:
        await self.hub.send_staff(
            username,
            ToStaffOfferWithdrawn(
                conversation_id=contact_id,
                reason="timeout" if reason == "timeout" else "taken",
            ),
        )

    async def tick(self, now: datetime) -> None:
        """Nothing runs by the clock here (the hub's tick abandons gone clients)."""

    async def positions(self) -> None:
        """Tell each waiting client whose place in the queue or estimate (as the page
        shows it: whole minutes, or unknown) changed (one pass a queue)."""
        hub = self.hub
        for queue in hub.router.queue_skills:
            waiting = hub.router.waiting(queue)
            if not waiting:
                continue
            estimate = hub.estimator(queue)
            for position, contact in enumerate(waiting, start=1):
                if contact.channel != "chat":
                    continue
                wait = estimate(position)
                shown = shown_wait(position, wait)
                if self.told.get(contact.id) == shown:
                    continue
                live = hub.live.get(contact.id)
                if live is None or live.client is None:
                    continue
                self.told[contact.id] = shown
                await hub.send_to(
                    live.client, ToClientQueue(position=position, estimated_wait_s=wait)
                )
