"""Staff accounts as stored, with the record of every change made to them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from backend.store.repository import Store
from backend.store.tables import AccountChange, StaffSession, StaffUser


class AccountStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def all(self) -> list[StaffUser]:
        return await self.store.query(
            lambda s: list(s.scalars(select(StaffUser).order_by(StaffUser.username)))
        )

    async def add(self, user: StaffUser, by: str, detail: str, at: datetime) -> bool:
        """False when the username is taken (nothing written)."""

        def write(s: Session) -> bool:
            if s.scalar(select(StaffUser.id).where(StaffUser.username == user.username)):
                return False
            s.add(user)
            s.add(AccountChange(at=at, by=by, username=user.username, action="add", detail=detail))
            return True

        return await self.store.transaction(write)

    async def change(
        self, username: str, values: dict[str, Any], by: str, action: str, detail: str, at: datetime
    ) -> bool:
        """Set ``values`` on her account and record it, in one transaction; False when there
        is no such account. Disabling her or a new password ends her sessions in the same
        transaction."""

        def write(s: Session) -> bool:
            done = s.execute(
                update(StaffUser).where(StaffUser.username == username).values(**values)
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                return False
            # A disabled account or a new password ends every session of the old state.
            if values.get("active") is False or "password_hash" in values:
                s.execute(delete(StaffSession).where(StaffSession.username == username))
            s.add(AccountChange(at=at, by=by, username=username, action=action, detail=detail))
            return True

        return await self.store.transaction(write)

    async def remove(self, username: str, by: str, at: datetime) -> bool:
        """Her account goes; what she did stays under her username (records name who)."""

        def write(s: Session) -> bool:
            s.execute(delete(StaffSession).where(StaffSession.username == username))
            gone = s.execute(delete(StaffUser).where(StaffUser.username == username))
            if gone.rowcount != 1:  # type: ignore[attr-defined]
                return False
            s.add(AccountChange(at=at, by=by, username=username, action="remove", detail=""))
            return True

        return await self.store.transaction(write)

    async def changes(self, username: str | None = None) -> list[AccountChange]:
        def read(s: Session) -> list[AccountChange]:
            query = select(AccountChange).order_by(AccountChange.id)
            if username is not None:
                query = query.where(AccountChange.username == username)
            return list(s.scalars(query))

        return await self.store.query(read)

    async def live_sessions(self, token_hashes: list[str]) -> set[str]:
        """Which of these sessions still exist (another process may have ended them)."""
        if not token_hashes:
            return set()
        return set(
            await self.store.query(
                lambda s: list(
                    s.scalars(
                        select(StaffSession.token_hash).where(
                            StaffSession.token_hash.in_(token_hashes)
                        )
                    )
                )
            )
        )
