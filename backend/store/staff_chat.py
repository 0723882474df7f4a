"""Staff-to-staff messages and how far each reader has got in each channel."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.store.repository import Store
from backend.store.tables import StaffChatReadRow, StaffChatRow


def _detach(s: Session, row: StaffChatRow) -> StaffChatRow:
    s.expunge(row)
    return row


class StaffChatStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(
        self,
        channel: str,
        sender: str,
        sender_name: str,
        client_msg_id: str,
        text: str,
        at: datetime,
    ) -> StaffChatRow:
        """Store once: a resend after a reconnect returns the stored message."""

        def write(s: Session) -> StaffChatRow:
            row = StaffChatRow(
                channel=channel,
                sender=sender,
                sender_name=sender_name,
                client_msg_id=client_msg_id,
                text=text,
                at=at,
            )
            try:
                with s.begin_nested():
                    s.add(row)
                    s.flush()
            except IntegrityError:
                existing = s.scalar(
                    select(StaffChatRow).where(
                        StaffChatRow.sender == sender,
                        StaffChatRow.client_msg_id == client_msg_id,
                    )
                )
                assert existing is not None
                return _detach(s, existing)
            return _detach(s, row)

        return await self.store.transaction(write)

    async def history(self, username: str, limit: int = 200) -> list[StaffChatRow]:
        """The latest help-channel messages and her direct messages, oldest first."""

        # Usernames may hold "_", a LIKE wildcard.
        name = username.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")

        def read(s: Session) -> list[StaffChatRow]:
            rows = list(
                s.scalars(
                    select(StaffChatRow)
                    .where(
                        or_(
                            StaffChatRow.channel == "help",
                            StaffChatRow.channel.like(f"dm:{name}|%", escape="\\"),
                            StaffChatRow.channel.like(f"dm:%|{name}", escape="\\"),
                        )
                    )
                    .order_by(StaffChatRow.id.desc())
                    .limit(limit)
                )
            )
            for row in rows:
                s.expunge(row)
            return rows[::-1]

        return await self.store.query(read)

    async def reads(self, username: str) -> dict[str, int]:
        return await self.store.query(
            lambda s: {
                r.channel: r.up_to
                for r in s.scalars(
                    select(StaffChatReadRow).where(StaffChatReadRow.username == username)
                )
            }
        )

    async def set_read(self, username: str, channel: str, up_to: int) -> None:
        def write(s: Session) -> None:
            row = s.get(StaffChatReadRow, (username, channel))
            if row is None:
                s.add(StaffChatReadRow(username=username, channel=channel, up_to=up_to))
            elif up_to > row.up_to:
                row.up_to = up_to

        await self.store.transaction(write)
