"""Clients' feedback as stored: one answer per conversation, kept apart from it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.domain.feedback import FeedbackAnswer
from backend.store.repository import Store
from backend.store.tables import ClientFeedbackRow, Conversation


class FeedbackStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def give(
        self, conversation_id: str, queue: str, day: date, score: int | None, comment: str | None
    ) -> bool:
        """Store the answer; False when this conversation has answered already. The mark
        and the answer are one transaction, so two answers sent at once store one."""

        def write(s: Session) -> bool:
            marked = s.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id, Conversation.feedback_given.is_(False))
                .values(feedback_given=True)
            )
            if marked.rowcount != 1:  # type: ignore[attr-defined]
                return False
            s.add(ClientFeedbackRow(queue=queue, day=day, score=score, comment=comment))
            return True

        return await self.store.transaction(write)

    async def between(self, first: date, last: date, queues: set[str]) -> list[FeedbackAnswer]:
        rows = await self.store.query(
            lambda s: list(
                s.scalars(
                    select(ClientFeedbackRow).where(
                        ClientFeedbackRow.day >= first, ClientFeedbackRow.day <= last
                    )
                )
            )
        )
        return [
            FeedbackAnswer(r.queue, r.day, r.score, r.comment) for r in rows if r.queue in queues
        ]
