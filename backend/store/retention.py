"""The retention purge as stored: content past its period removed, the timing rows the
reports count kept, and each run's counts recorded (never what was deleted)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from backend.domain.retention import Kind
from backend.store.repository import Store
from backend.store.tables import (
    AccessLog,
    Callback,
    CallbackAttemptRow,
    ClientFeedbackRow,
    ClientIdentityRow,
    ColleagueMessageRow,
    Conversation,
    Message,
    Participant,
    PhoneCall,
    Picture,
    PurgeRun,
    StaffNoteRow,
    StaffStateRow,
)


def _conversations(s: Session, before: datetime, identified: bool, at: datetime) -> int:
    ids = list(
        s.scalars(
            select(Conversation.id).where(
                Conversation.closed_at < before,
                Conversation.identified.is_(identified),
                Conversation.purged_at.is_(None),
            )
        )
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        s.execute(delete(Message).where(Message.conversation_id.in_(chunk)))
        s.execute(delete(Picture).where(Picture.conversation_id.in_(chunk)))
        # Transfer rows stay (the reports count transfers); what anyone wrote goes.
        s.execute(
            update(StaffNoteRow)
            .where(StaffNoteRow.conversation_id.in_(chunk))
            .values(text="", author_name="")
        )
        s.execute(delete(Participant).where(Participant.conversation_id.in_(chunk)))
        s.execute(delete(ClientIdentityRow).where(ClientIdentityRow.conversation_id.in_(chunk)))
        s.execute(
            update(Conversation)
            .where(Conversation.id.in_(chunk))
            .values(
                client_name=None,
                client_phone=None,
                wrap_up=None,
                client_token_hash="",
                last_seq=0,
                purged_at=at,
            )
        )
    return len(ids)


def _calls(s: Session, before: datetime, at: datetime) -> int:
    calls = s.execute(
        update(PhoneCall)
        .where(PhoneCall.arrived_at < before, PhoneCall.purged_at.is_(None))
        .values(caller=None, wrap_up=None, purged_at=at)
    ).rowcount  # type: ignore[attr-defined]
    done = select(Callback.id).where(Callback.created_at < before, Callback.state == "done")
    s.execute(
        update(CallbackAttemptRow)
        .where(CallbackAttemptRow.callback_id.in_(done), CallbackAttemptRow.note != "")
        .values(note="")
    )
    callbacks = s.execute(
        update(Callback)
        .where(Callback.id.in_(done), Callback.number != "")
        .values(number="", reason="")
    ).rowcount  # type: ignore[attr-defined]
    return int(calls) + int(callbacks)


class RetentionStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def purge(self, cutoffs: dict[Kind, datetime], at: datetime) -> dict[Kind, int]:
        """Each kind in a transaction of its own (a long purge never holds everything);
        every kind purged records a run row, a count of 0 too: the record shows it ran."""
        counts: dict[Kind, int] = {}
        for kind, before in cutoffs.items():

            def write(s: Session, kind: Kind = kind, before: datetime = before) -> int:
                if kind is Kind.ANONYMOUS:
                    count = _conversations(s, before, False, at)
                    s.execute(delete(ColleagueMessageRow).where(ColleagueMessageRow.at < before))
                    s.execute(
                        update(ClientFeedbackRow)
                        .where(
                            ClientFeedbackRow.day < before.date(),
                            ClientFeedbackRow.comment.is_not(None),
                        )
                        .values(comment=None)
                    )
                elif kind is Kind.IDENTIFIED:
                    count = _conversations(s, before, True, at)
                elif kind is Kind.CALLS:
                    count = _calls(s, before, at)
                elif kind is Kind.ACCESS_LOG:
                    count = s.execute(delete(AccessLog).where(AccessLog.at < before)).rowcount  # type: ignore[attr-defined]
                else:
                    count = s.execute(
                        delete(StaffStateRow).where(StaffStateRow.at < before)
                    ).rowcount  # type: ignore[attr-defined]
                s.add(PurgeRun(at=at, kind=kind.value, before=before, count=int(count)))
                return int(count)

            counts[kind] = await self.store.transaction(write)
        return counts

    async def last_run(self) -> datetime | None:
        """When the last purge ran (a restart does not purge twice in a day)."""
        return await self.store.query(lambda s: s.scalar(select(func.max(PurgeRun.at))))

    async def runs(self) -> list[PurgeRun]:
        return await self.store.query(
            lambda s: list(s.scalars(select(PurgeRun).order_by(PurgeRun.id)))
        )
