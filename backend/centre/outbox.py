"""Every frame that leaves the backend: to one socket, to many at once (serialised once),
or to a staff member if she is online.

A send never raises: a socket that died mid-send is cleaned up by its own receive loop
(``backend/api/sockets.py``), and one slow peer is that socket's own bounded queue's
problem, never the sender's.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence

from backend.centre.records import Link, Online
from protocol.messages import Frame

log = logging.getLogger("luukku.outbox")

# Sockets written between two turns of the event loop in a round's fan-out: the meter and
# the colleagues list to 200 desktops took 8-10 ms in one go, and every line arriving
# meanwhile waited that long (p99 at 2,000 chats); a slice is about a millisecond.
FAN_OUT_SLICE = 25


class Outbox:
    def __init__(self, online: Online) -> None:
        self.online = online
        # Seconds the fan-outs have let the event loop turn (other work ran meanwhile):
        # the hub leaves them out of how long its round held the loop.
        self.paused_s = 0.0

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
        self._write(links, frame.model_dump_json())

    async def fan_out(self, links: Sequence[Link], frame: Frame) -> None:
        """``send_each`` for a round's big fan-out: serialised once, written a slice of
        sockets at a time, letting the event loop turn in between."""
        text = frame.model_dump_json()
        for start in range(0, len(links), FAN_OUT_SLICE):
            if start:
                paused = time.perf_counter()
                await asyncio.sleep(0)
                self.paused_s += time.perf_counter() - paused
            self._write(links[start : start + FAN_OUT_SLICE], text)

    @staticmethod
    def _write(links: Iterable[Link], text: str) -> None:
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
