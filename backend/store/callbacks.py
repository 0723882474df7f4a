"""Callback storage: requests and their attempts. Every change is one transaction, so a
crash leaves a callback either as it was or with its attempt recorded, never half."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.domain.callbacks import AttemptOutcome, CallbackRules, CallbackState, after_attempt
from backend.store.repository import Store
from backend.store.tables import Callback, CallbackAttemptRow


class CallbackStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(self, row: Callback) -> Callback:
        def write(s: Session) -> Callback:
            s.add(row)
            s.flush()
            s.expunge(row)
            return row

        return await self.store.transaction(write)

    async def get(self, callback_id: int) -> Callback | None:
        def read(s: Session) -> Callback | None:
            row = s.get(Callback, callback_id)
            if row is not None:
                s.expunge(row)
            return row

        return await self.store.query(read)

    async def not_done(self) -> list[Callback]:
        def read(s: Session) -> list[Callback]:
            rows = list(s.scalars(select(Callback).where(Callback.state != "done")))
            for row in rows:
                s.expunge(row)
            return rows

        return await self.store.query(read)

    async def attempts(self, callback_id: int) -> list[CallbackAttemptRow]:
        def read(s: Session) -> list[CallbackAttemptRow]:
            rows = list(
                s.scalars(
                    select(CallbackAttemptRow)
                    .where(CallbackAttemptRow.callback_id == callback_id)
                    .order_by(CallbackAttemptRow.id)
                )
            )
            for row in rows:
                s.expunge(row)
            return rows

        return await self.store.query(read)

    async def attempt(
        self,
        callback_id: int,
        username: str,
        outcome: AttemptOutcome,
        note: str,
        at: datetime,
        rules: CallbackRules,
    ) -> Callback:
        """Record one attempt and apply it; ValueError if the callback is gone or done."""

        def write(s: Session) -> Callback:
            row = s.get(Callback, callback_id)
            if row is None:
                raise ValueError("no such callback")
            state, failed = after_attempt(
                CallbackState(row.state), row.failed_attempts, outcome, rules
            )
            row.state, row.failed_attempts = state.value, failed
            if state is CallbackState.DONE:
                row.done_at = at
            s.add(
                CallbackAttemptRow(
                    callback_id=callback_id, at=at, by=username, outcome=outcome.value, note=note
                )
            )
            s.flush()
            s.expunge(row)
            return row

        return await self.store.transaction(write)

    async def created_between(self, start: datetime, end: datetime) -> list[Callback]:
        def read(s: Session) -> list[Callback]:
            rows = list(
                s.scalars(
                    select(Callback).where(Callback.created_at >= start, Callback.created_at < end)
                )
            )
            for row in rows:
                s.expunge(row)
            return rows

        return await self.store.query(read)
