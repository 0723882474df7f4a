"""Identified clients' identities as stored, one row beside each such conversation."""

from __future__ import annotations

from datetime import datetime

from backend.store.repository import Store
from backend.store.tables import ClientIdentityRow


class IdentityStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(self, conversation_id: str, name: str, hetu: str, loa: str, at: datetime) -> None:
        row = ClientIdentityRow(
            conversation_id=conversation_id, name=name, hetu=hetu, loa=loa, at=at
        )
        await self.store.transaction(lambda s: s.add(row))

    async def of(self, conversation_id: str) -> tuple[str, str] | None:
        row = await self.store.query(lambda s: s.get(ClientIdentityRow, conversation_id))
        return None if row is None else (row.name, row.hetu)
