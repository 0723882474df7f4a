"""All database access of the backend, as small async methods.

Every write commits before it returns: the hub acknowledges a message or tells a client
"you are in the queue" only after the row is durable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)

from backend.store.tables import AccessLog, Conversation, Message, StaffSession, StaffUser


@dataclass(frozen=True)
class StoredLine:
    seq: int
    author: str
    author_name: str | None
    text: str
    at: datetime


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        # WAL + FULL: a committed (acknowledged) message survives a killed process and a
        # power cut; readers do not block the writer.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


class Store:
    def __init__(self, url: str) -> None:
        self.engine = create_async_engine(url)
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine)
        self._session = async_sessionmaker(self.engine, expire_on_commit=False)

    async def close(self) -> None:
        await self.engine.dispose()

    async def ping(self) -> bool:
        async with self._session() as s:
            await s.execute(select(1))
        return True

    # --- staff ---------------------------------------------------------------------------

    async def add_user(self, user: StaffUser) -> None:
        async with self._session() as s, s.begin():
            s.add(user)

    async def user(self, username: str) -> StaffUser | None:
        async with self._session() as s:
            return await s.scalar(select(StaffUser).where(StaffUser.username == username))

    async def users(self) -> list[StaffUser]:
        async with self._session() as s:
            return list(await s.scalars(select(StaffUser).order_by(StaffUser.username)))

    async def set_password_hash(self, username: str, password_hash: str) -> None:
        async with self._session() as s, s.begin():
            await s.execute(
                update(StaffUser)
                .where(StaffUser.username == username)
                .values(password_hash=password_hash)
            )

    async def add_session(self, row: StaffSession) -> None:
        async with self._session() as s, s.begin():
            s.add(row)

    async def session_user(self, token_hash: str, now: datetime) -> str | None:
        async with self._session() as s:
            row = await s.get(StaffSession, token_hash)
            if row is None or row.expires_at <= now:
                return None
            return row.username

    # --- conversations -------------------------------------------------------------------

    async def add_conversation(self, row: Conversation) -> None:
        async with self._session() as s, s.begin():
            s.add(row)

    async def conversation(self, conversation_id: str) -> Conversation | None:
        async with self._session() as s:
            return await s.get(Conversation, conversation_id)

    async def open_conversations(self) -> list[Conversation]:
        async with self._session() as s:
            rows = await s.scalars(
                select(Conversation)
                .where(Conversation.state.in_(("queued", "active")))
                .order_by(Conversation.arrived_at)
            )
            return list(rows)

    async def conversations_since(self, since: datetime) -> list[Conversation]:
        async with self._session() as s:
            rows = await s.scalars(select(Conversation).where(Conversation.arrived_at >= since))
            return list(rows)

    async def mark_answered(self, conversation_id: str, username: str, at: datetime) -> None:
        async with self._session() as s, s.begin():
            await s.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(state="active", answered_at=at, answered_by=username)
            )

    async def mark_closed(
        self,
        conversation_id: str,
        at: datetime,
        *,
        outcome: str | None = None,
        wrap_up: str | None = None,
        abandoned: bool = False,
    ) -> None:
        async with self._session() as s, s.begin():
            await s.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(
                    state="closed",
                    closed_at=at,
                    outcome=outcome,
                    wrap_up=wrap_up,
                    abandoned=abandoned,
                )
            )

    # --- messages ------------------------------------------------------------------------

    async def append_message(
        self,
        conversation_id: str,
        *,
        author: str,
        text: str,
        at: datetime,
        client_msg_id: str | None = None,
        author_name: str | None = None,
        staff_username: str | None = None,
    ) -> tuple[StoredLine, bool]:
        """Store one message; returns it and whether it is new.

        A message resent with the same ``client_msg_id`` (the sender did not see the ack
        before a reconnect) returns the stored one, so it is kept and shown once.
        """
        if client_msg_id is not None:
            existing = await self._find(conversation_id, author, client_msg_id)
            if existing is not None:
                return existing, False
        try:
            async with self._session() as s, s.begin():
                seq = await s.scalar(
                    update(Conversation)
                    .where(Conversation.id == conversation_id)
                    .values(last_seq=Conversation.last_seq + 1)
                    .returning(Conversation.last_seq)
                )
                if seq is None:
                    raise LookupError(conversation_id)
                s.add(
                    Message(
                        conversation_id=conversation_id,
                        seq=seq,
                        author=author,
                        author_name=author_name,
                        staff_username=staff_username,
                        client_msg_id=client_msg_id,
                        text=text,
                        at=at,
                    )
                )
        except IntegrityError:
            # Two copies of one message raced past the check above: the first one won.
            if client_msg_id is None:
                raise
            existing = await self._find(conversation_id, author, client_msg_id)
            if existing is None:
                raise
            return existing, False
        return StoredLine(seq, author, author_name, text, at), True

    async def _find(
        self, conversation_id: str, author: str, client_msg_id: str
    ) -> StoredLine | None:
        async with self._session() as s:
            row = await s.scalar(
                select(Message).where(
                    Message.conversation_id == conversation_id,
                    Message.author == author,
                    Message.client_msg_id == client_msg_id,
                )
            )
            return None if row is None else _line(row)

    async def lines(self, conversation_id: str, after_seq: int = 0) -> list[StoredLine]:
        async with self._session() as s:
            rows = await s.scalars(
                select(Message)
                .where(Message.conversation_id == conversation_id, Message.seq > after_seq)
                .order_by(Message.seq)
            )
            return [_line(r) for r in rows]

    # --- access log ----------------------------------------------------------------------

    async def log_access(
        self, username: str, conversation_id: str, action: str, at: datetime
    ) -> None:
        async with self._session() as s, s.begin():
            s.add(
                AccessLog(at=at, username=username, conversation_id=conversation_id, action=action)
            )

    async def access_log(self, conversation_id: str) -> list[AccessLog]:
        async with self._session() as s:
            rows = await s.scalars(
                select(AccessLog)
                .where(AccessLog.conversation_id == conversation_id)
                .order_by(AccessLog.id)
            )
            return list(rows)


def _line(row: Message) -> StoredLine:
    return StoredLine(row.seq, row.author, row.author_name, row.text, row.at)
