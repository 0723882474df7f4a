"""Service-number calls and their events. Each change of a call and its event row are one
transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.store.repository import Store
from backend.store.tables import CallEvent, PhoneCall


class PhoneStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def arrived(self, call_id: str, gateway: str, caller: str | None, at: datetime) -> None:
        def write(s: Session) -> None:
            if s.get(PhoneCall, call_id) is None:
                s.add(PhoneCall(id=call_id, gateway=gateway, caller=caller, arrived_at=at))
            s.add(CallEvent(call_id=call_id, at=at, kind="arrived", detail=""))

        await self.store.transaction(write)

    async def change(
        self, call_id: str, at: datetime, kind: str, detail: str = "", **values: Any
    ) -> None:
        def write(s: Session) -> None:
            if values:
                s.execute(update(PhoneCall).where(PhoneCall.id == call_id).values(**values))
            s.add(CallEvent(call_id=call_id, at=at, kind=kind, detail=detail[:100]))

        await self.store.transaction(write)

    async def record_outcome(
        self, call_id: str, username: str, outcome: str, wrap_up: str, at: datetime
    ) -> bool:
        """Her outcome for a call she answered; False if she did not answer that call."""

        def write(s: Session) -> bool:
            done = s.execute(
                update(PhoneCall)
                .where(PhoneCall.id == call_id, PhoneCall.answered_by == username)
                .values(handling_outcome=outcome, wrap_up=wrap_up)
            )
            if not done.rowcount:  # type: ignore[attr-defined]
                return False
            s.add(CallEvent(call_id=call_id, at=at, kind="outcome", detail=outcome))
            return True

        return await self.store.transaction(write)

    async def answered_by(self, call_id: str) -> str | None:
        """Who answered the call (None: nobody, or no such call)."""

        def read(s: Session) -> str | None:
            return s.scalar(select(PhoneCall.answered_by).where(PhoneCall.id == call_id))

        return await self.store.query(read)

    async def open_of(self, gateway: str) -> list[PhoneCall]:
        def read(s: Session) -> list[PhoneCall]:
            rows = list(
                s.scalars(
                    select(PhoneCall).where(
                        PhoneCall.gateway == gateway, PhoneCall.ended_at.is_(None)
                    )
                )
            )
            for row in rows:
                s.expunge(row)
            return rows

        return await self.store.query(read)

    async def since(self, at: datetime) -> list[PhoneCall]:
        def read(s: Session) -> list[PhoneCall]:
            rows = list(s.scalars(select(PhoneCall).where(PhoneCall.arrived_at >= at)))
            for row in rows:
                s.expunge(row)
            return rows

        return await self.store.query(read)

    async def events(self, call_id: str) -> list[tuple[str, str]]:
        return await self.store.query(
            lambda s: [
                (e.kind, e.detail)
                for e in s.scalars(
                    select(CallEvent).where(CallEvent.call_id == call_id).order_by(CallEvent.id)
                )
            ]
        )
