"""Every frame that leaves the backend: to one socket, to many at once (serialised once),
or to a staff member if she is online.

A send never raises: a socket that died mid-send is cleaned up by its own receive loop
(``backend/api/sockets.py``), and one slow peer is that socket's own bounded queue's
problem, never the sender's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from backend.centre.records import Link, Online
from protocol.messages import Frame

log = logging.getLogger("luukku.outbox")


class Outbox:
    def __init__(self, online: Online) -> None:
        self.online = online

    async def send_to(self, link: Link | None, frame: Frame) -> None:
        if link is None:
            return
        try:
            await link.send(frame)
        except Exception:
            log.debug("send failed", exc_info=True)

    def send_each(self, links: Iterable[Link], frame: Frame) -> None:
        """One frame to many sockets, serialised once (a colleagues list to every desktop
        was a hundred serialisations of the same hundred lines)."""
        text = frame.model_dump_json()
        for link in links:
            try:
                link.send_text(text)
            except Exception:
                log.debug("send failed", exc_info=True)

    async def send_staff(self, username: str | None, frame: Frame) -> None:
        """To one staff member if she is online."""
        await self.send_to(self.online.link_of(username), frame)

    def send_all_staff(self, frame: Frame) -> None:
        self.send_each([conn.link for conn in self.online.staff.values()], frame)
