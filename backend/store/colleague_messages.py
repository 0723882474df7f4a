"""Staff-to-staff messages and how far each reader has got in each channel."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.store.repository import Store
from backend.store.tables import ColleagueMessageRow, ColleagueReadRow


def _detach(s: Session, row: ColleagueMessageRow) -> ColleagueMessageRow:
    s.expunge(row)
    return row


class ColleagueMessageStore:
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
    ) -> ColleagueMessageRow:
        """Store once: a resend after a reconnect returns the stored message."""

        def write(s: Session) -> ColleagueMessageRow:
            row = ColleagueMessageRow(
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
                    select(ColleagueMessageRow).where(
                        ColleagueMessageRow.sender == sender,
                        ColleagueMessageRow.client_msg_id == client_msg_id,
                    )
                )
                assert existing is not None
                return _detach(s, existing)
            return _detach(s, row)

        return await self.store.transaction(write)

    async def history(self, username: str, limit: int = 200) -> list[ColleagueMessageRow]:
        """The latest help-channel messages and her direct messages, oldest first."""

        # Usernames may hold "_", a LIKE wildcard.
        name = username.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")

        def read(s: Session) -> list[ColleagueMessageRow]:
            rows = list(
                s.scalars(
                    select(ColleagueMessageRow)
                    .where(
                        or_(
                            ColleagueMessageRow.channel == "help",
                            ColleagueMessageRow.channel.like(f"dm:{name}|%", escape="\\"),
                            ColleagueMessageRow.channel.like(f"dm:%|{name}", escape="\\"),
                        )
                    )
                    .order_by(ColleagueMessageRow.id.desc())
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
                    select(ColleagueReadRow).where(ColleagueReadRow.username == username)
                )
            }
        )

    async def set_read(self, username: str, channel: str, up_to: int) -> None:
        def write(s: Session) -> None:
            row = s.get(ColleagueReadRow, (username, channel))
            if row is None:
                s.add(ColleagueReadRow(username=username, channel=channel, up_to=up_to))
            elif up_to > row.up_to:
                row.up_to = up_to

        await self.store.transaction(write)
