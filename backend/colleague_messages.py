"""The staff help channel and direct messages between colleagues.

Only staff sockets reach this: the client socket's protocol has no staff-chat frame, so a
client cannot send or read one. A direct-message channel is named by both usernames,
sorted ("dm:anna|pekka"), so both ends name the same channel.
"""

from __future__ import annotations

import logging

from backend.centre.events import Events, StaffAttached
from backend.centre.outbox import Outbox
from backend.centre.records import Online
from backend.centre.service import Service
from backend.store.colleague_messages import ColleagueMessageStore
from backend.store.repository import Store
from backend.store.tables import ColleagueMessageRow
from protocol.messages import (
    HELP_CHANNEL,
    ColleagueMessage,
    ColleagueMessageSend,
    ColleagueMessagesRead,
    ErrorCode,
    ProtocolError,
    ToStaffColleagueHistory,
    ToStaffColleagueMessage,
    channel_members,
    dm_channel,
)

log = logging.getLogger("luukku.colleague_messages")


def message(row: ColleagueMessageRow) -> ColleagueMessage:
    return ColleagueMessage(
        id=row.id,
        channel=row.channel,
        sender=row.sender,
        sender_name=row.sender_name,
        text=row.text,
        at=row.at,
    )


class ColleagueMessages:
    def __init__(
        self, service: Service, db: Store, online: Online, outbox: Outbox, events: Events
    ) -> None:
        self.service = service
        self.db = db
        self.online = online
        self.outbox = outbox
        self.store = ColleagueMessageStore(db)
        events.subscribe(StaffAttached, lambda event: self.send_history(event.username))

    async def _channel(self, username: str, wanted: str) -> str:
        if wanted == HELP_CHANNEL:
            return HELP_CHANNEL
        other = wanted.removeprefix("dm:")
        if "|" in other:
            ends = channel_members(wanted)
            if ends is None or username not in ends:
                raise ProtocolError(ErrorCode.FORBIDDEN, "not your conversation", ref=wanted)
            return dm_channel(*ends)
        if other == username or await self.db.user(other) is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such colleague", ref=other)
        return dm_channel(username, other)

    async def send(self, username: str, frame: ColleagueMessageSend) -> None:
        channel = await self._channel(username, frame.channel)
        profile = self.online.profiles[username]
        row = await self.store.add(
            channel,
            username,
            profile.display_name,
            frame.client_msg_id,
            frame.text,
            self.service.clock(),
        )
        out = message(row)
        ends = channel_members(channel)
        targets = (
            list(self.online.staff) if ends is None else [e for e in ends if e in self.online.staff]
        )
        log.info("staff message %s in %s", row.id, "help" if ends is None else "direct")
        for target in targets:
            await self.outbox.send_staff(
                target,
                ToStaffColleagueMessage(
                    message=out, client_msg_id=frame.client_msg_id if target == username else None
                ),
            )
        # Her own message is read by her.
        await self.store.set_read(username, channel, row.id)

    async def read(self, username: str, frame: ColleagueMessagesRead) -> None:
        channel = await self._channel(username, frame.channel)
        await self.store.set_read(username, channel, frame.up_to)

    async def send_history(self, username: str) -> None:
        rows = await self.store.history(username)
        await self.outbox.send_staff(
            username,
            ToStaffColleagueHistory(
                messages=[message(r) for r in rows], read=await self.store.reads(username)
            ),
        )
