"""Digi-agents' call-ins as stored: each call for help, each step per digi-agent, and
what the reports read back (minutes covered per week and clinic, how fast help came)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from backend.domain.callin import CallInRecord, HelpRecord
from backend.store.repository import Store
from backend.store.tables import CallInEventRow, CallInRow, Conversation, PhoneCall


class CallInStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def next_id(self) -> int:
        top = await self.store.query(lambda s: s.scalar(select(func.max(CallInRow.id))))
        return int(top or 0) + 1

    async def opened(
        self,
        call_in: int,
        queues: tuple[str, ...],
        trigger: str,
        by: str | None,
        wanted: int,
        at: datetime,
    ) -> None:
        row = CallInRow(
            id=call_in,
            queues=",".join(queues),
            trigger=trigger,
            by=by,
            wanted=wanted,
            opened_at=at,
        )
        await self.store.transaction(lambda s: s.add(row))

    async def closed(self, call_in: int, why: str, at: datetime) -> None:
        await self.store.transaction(
            lambda s: s.execute(
                update(CallInRow)
                .where(CallInRow.id == call_in)
                .values(closed_at=at, closed_why=why)
            )
        )

    async def close_all_open(self, at: datetime) -> None:
        """A backend start: nothing asked before it is still being asked."""
        await self.store.transaction(
            lambda s: s.execute(
                update(CallInRow)
                .where(CallInRow.closed_at.is_(None))
                .values(closed_at=at, closed_why="restart")
            )
        )

    async def event(
        self,
        call_in: int,
        username: str,
        clinic: str,
        kind: str,
        at: datetime,
        *,
        minutes: float | None = None,
        contacts: int | None = None,
        reason: str = "",
    ) -> None:
        row = CallInEventRow(
            call_in_id=call_in,
            username=username,
            clinic=clinic,
            kind=kind,
            at=at,
            minutes=minutes,
            contacts=contacts,
            reason=reason[:200],
        )
        await self.store.transaction(lambda s: s.add(row))

    async def minutes_since(self, since: datetime) -> dict[str, float]:
        """Minutes each digi-agent covered since ``since`` (the fair order's measure)."""

        def read(s: Session) -> dict[str, float]:
            rows = s.execute(
                select(CallInEventRow.username, func.sum(CallInEventRow.minutes))
                .where(CallInEventRow.kind == "released", CallInEventRow.at >= since)
                .group_by(CallInEventRow.username)
            )
            return {u: float(m or 0) for u, m in rows}

        return await self.store.query(read)

    async def contacts_handled(self, username: str, since: datetime, until: datetime) -> int:
        """Chats and calls she answered in ``since``–``until``."""

        def read(s: Session) -> int:
            chats = s.scalar(
                select(func.count())
                .select_from(Conversation)
                .where(
                    Conversation.answered_by == username,
                    Conversation.answered_at >= since,
                    Conversation.answered_at <= until,
                )
            )
            calls = s.scalar(
                select(func.count())
                .select_from(PhoneCall)
                .where(
                    PhoneCall.answered_by == username,
                    PhoneCall.answered_at >= since,
                    PhoneCall.answered_at <= until,
                )
            )
            return int(chats or 0) + int(calls or 0)

        return await self.store.query(read)

    async def history(
        self, start: datetime, end: datetime
    ) -> tuple[list[CallInRecord], list[HelpRecord]]:
        """Call-ins opened in ``start``–``end`` with their first join, and the help given."""

        def read(s: Session) -> tuple[list[CallInRecord], list[HelpRecord]]:
            first_join = (
                select(CallInEventRow.call_in_id, func.min(CallInEventRow.at).label("at"))
                .where(CallInEventRow.kind == "joined")
                .group_by(CallInEventRow.call_in_id)
                .subquery()
            )
            calls = [
                CallInRecord(r[0], tuple(r[1].split(",")), r[2], r[3], r[4])
                for r in s.execute(
                    select(
                        CallInRow.id,
                        CallInRow.queues,
                        CallInRow.trigger,
                        CallInRow.opened_at,
                        first_join.c.at,
                    )
                    .outerjoin(first_join, first_join.c.call_in_id == CallInRow.id)
                    .where(CallInRow.opened_at >= start, CallInRow.opened_at < end)
                    .order_by(CallInRow.opened_at)
                )
            ]
            help_given = [
                HelpRecord(r[0], r[1], r[2], float(r[3] or 0), int(r[4] or 0))
                for r in s.execute(
                    select(
                        CallInEventRow.username,
                        CallInEventRow.clinic,
                        CallInEventRow.at,
                        CallInEventRow.minutes,
                        CallInEventRow.contacts,
                    ).where(
                        CallInEventRow.kind == "released",
                        CallInEventRow.at >= start,
                        CallInEventRow.at < end,
                    )
                )
            ]
            return calls, help_given

        return await self.store.query(read)
