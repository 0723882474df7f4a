"""What reports read (contacts, callbacks, staff states) and the staff-state log's writes.

Reads select plain columns, not ORM objects: a month of a national service is ~80,000
contacts and is read in one pass.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from backend.domain.callbacks import CallbackFacts, CallbackState
from backend.domain.figures import ContactRecord, StateChange
from backend.domain.roster import RosterRow, week_version
from backend.store.repository import Store
from backend.store.tables import (
    Callback,
    Conversation,
    PhoneCall,
    RosterShift,
    StaffNoteRow,
    StaffStateRow,
    SupervisorAction,
)


class ReportStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def log_state(self, username: str, at: datetime, state: str, reason: str) -> None:
        row = StaffStateRow(username=username, at=at, state=state, reason=reason[:64])
        await self.store.transaction(lambda s: s.add(row))

    async def close_open_states(self, at: datetime) -> int:
        """An ``offline`` row at ``at`` for everyone whose last row is not one (a backend
        start: nobody is connected yet). Returns how many."""

        def write(s: Session) -> int:
            last = (
                select(StaffStateRow.username, func.max(StaffStateRow.id).label("id"))
                .group_by(StaffStateRow.username)
                .subquery()
            )
            open_users = list(
                s.scalars(
                    select(StaffStateRow.username)
                    .join(last, StaffStateRow.id == last.c.id)
                    .where(StaffStateRow.state != "offline", StaffStateRow.at <= at)
                )
            )
            for username in open_users:
                s.add(StaffStateRow(username=username, at=at, state="offline", reason="restart"))
            return len(open_users)

        return await self.store.transaction(write)

    async def roster(self, first: date, last: date) -> list[RosterRow]:
        return await self.store.query(lambda s: _roster(s, first, last))

    async def replace_roster(self, rows: list[RosterRow], by: str, at: datetime) -> None:
        """The imported shifts replace the roster of the days they cover."""
        days = sorted({r.day for r in rows})
        await self.store.transaction(lambda s: _replace(s, days, rows, by, at))

    async def replace_week(
        self, monday: date, version: str, rows: list[RosterRow], by: str, at: datetime
    ) -> str | None:
        """The week from ``monday`` becomes ``rows`` if it is still at ``version`` (read and
        written in one transaction); returns the new version, or ``None`` when a colleague
        changed the week meanwhile."""
        days = [monday + timedelta(days=i) for i in range(7)]

        def write(s: Session) -> str | None:
            if week_version(_roster(s, days[0], days[-1])) != version:
                return None
            _replace(s, days, rows, by, at)
            return week_version(rows)

        return await self.store.transaction(write)

    async def supervisor_action(
        self, at: datetime, by: str, target: str, action: str, reason: str
    ) -> None:
        row = SupervisorAction(at=at, by=by, target=target, action=action, reason=reason[:200])
        await self.store.transaction(lambda s: s.add(row))

    async def contacts(
        self, start: datetime, end: datetime, queues: Collection[str]
    ) -> list[ContactRecord]:
        """Chats and queued calls that arrived in ``[start, end)`` in those queues."""

        def read(s: Session) -> list[ContactRecord]:
            chats = s.execute(
                select(
                    Conversation.id,
                    Conversation.queue,
                    Conversation.arrived_at,
                    Conversation.answered_at,
                    Conversation.closed_at,
                    Conversation.abandoned,
                    Conversation.outcome,
                    Conversation.answered_by,
                ).where(
                    Conversation.arrived_at >= start,
                    Conversation.arrived_at < end,
                    Conversation.queue.in_(queues),
                )
            )
            moved = dict(
                s.execute(
                    select(StaffNoteRow.conversation_id, func.count())
                    .join(Conversation, Conversation.id == StaffNoteRow.conversation_id)
                    .where(
                        StaffNoteRow.kind == "transfer",
                        Conversation.arrived_at >= start,
                        Conversation.arrived_at < end,
                    )
                    .group_by(StaffNoteRow.conversation_id)
                ).all()
            )
            out = [
                ContactRecord(r[0], "chat", *r[1:], transfers=int(moved.get(r[0], 0)))
                for r in chats
            ]
            calls = s.execute(
                select(
                    PhoneCall.id,
                    PhoneCall.queue,
                    PhoneCall.arrived_at,
                    PhoneCall.answered_at,
                    PhoneCall.ended_at,
                    PhoneCall.outcome,
                    PhoneCall.handling_outcome,
                    PhoneCall.answered_by,
                ).where(
                    PhoneCall.arrived_at >= start,
                    PhoneCall.arrived_at < end,
                    PhoneCall.queue.in_(queues),
                )
            )
            for r in calls:
                out.append(
                    ContactRecord(
                        id=r[0],
                        channel="phone",
                        queue=r[1] or "",
                        arrived=r[2],
                        answered=r[3],
                        ended=r[4],
                        abandoned=r[5] == "abandoned",  # as the meter counts it
                        outcome=r[6],
                        handled_by=r[7],
                    )
                )
            return out

        return await self.store.query(read)

    async def callbacks(
        self, start: datetime, end: datetime, queues: Collection[str]
    ) -> list[CallbackFacts]:
        def read(s: Session) -> list[CallbackFacts]:
            rows = s.execute(
                select(
                    Callback.queue,
                    Callback.created_at,
                    Callback.due_at,
                    Callback.state,
                    Callback.done_at,
                ).where(
                    Callback.created_at >= start,
                    Callback.created_at < end,
                    Callback.queue.in_(queues),
                )
            )
            return [CallbackFacts(r[0], r[1], r[2], CallbackState(r[3]), r[4]) for r in rows]

        return await self.store.query(read)

    async def state_changes(self, start: datetime, end: datetime) -> list[StateChange]:
        """The changes in ``[start, end)``, and each person's last change before ``start``
        (her state when the range begins), in time order."""

        def read(s: Session) -> list[StateChange]:
            last_before = (
                select(StaffStateRow.username, func.max(StaffStateRow.at).label("at"))
                .where(StaffStateRow.at < start)
                .group_by(StaffStateRow.username)
                .subquery()
            )
            opening = s.execute(
                select(
                    StaffStateRow.username,
                    StaffStateRow.at,
                    StaffStateRow.state,
                    StaffStateRow.reason,
                ).join(
                    last_before,
                    and_(
                        StaffStateRow.username == last_before.c.username,
                        StaffStateRow.at == last_before.c.at,
                    ),
                )
            )
            inside = s.execute(
                select(
                    StaffStateRow.username,
                    StaffStateRow.at,
                    StaffStateRow.state,
                    StaffStateRow.reason,
                )
                .where(StaffStateRow.at >= start, StaffStateRow.at < end)
                .order_by(StaffStateRow.at, StaffStateRow.id)
            )
            first = {r[0]: StateChange(r[0], r[1], r[2], r[3]) for r in opening}
            return sorted(first.values(), key=lambda c: c.at) + [
                StateChange(r[0], r[1], r[2], r[3]) for r in inside
            ]

        return await self.store.query(read)


def _roster(s: Session, first: date, last: date) -> list[RosterRow]:
    rows = s.execute(
        select(
            RosterShift.name,
            RosterShift.day,
            RosterShift.start,
            RosterShift.end,
            RosterShift.skills,
        )
        .where(RosterShift.day >= first.isoformat(), RosterShift.day <= last.isoformat())
        .order_by(RosterShift.day, RosterShift.start, RosterShift.name)
    )
    return [
        RosterRow(
            r[0],
            date.fromisoformat(r[1]),
            time.fromisoformat(r[2]),
            time.fromisoformat(r[3]),
            frozenset(r[4].split(",")),
        )
        for r in rows
    ]


def _replace(
    s: Session, days: Collection[date], rows: list[RosterRow], by: str, at: datetime
) -> None:
    if days:
        s.execute(delete(RosterShift).where(RosterShift.day.in_([d.isoformat() for d in days])))
    for r in rows:
        s.add(
            RosterShift(
                name=r.name,
                day=r.day.isoformat(),
                start=r.start.strftime("%H:%M"),
                end=r.end.strftime("%H:%M"),
                skills=",".join(sorted(r.skills)),
                created_by=by,
                created_at=at,
            )
        )
