"""All database access of the backend, as small async methods over a synchronous engine.

Every write commits before it returns: the chat channel acknowledges a message or tells a client
"you are in the queue" only after the row is durable.

Writes run on one dedicated thread (``backend/store/writer.py``: SQLite has one writer at
a time; queueing them there avoids SQLite's sleeping busy handler), reads on a small pool
beside it (WAL lets readers run while the writer commits). Chat messages are
group-committed: all appends that arrive while a commit is under way go into the next
transaction together, so a burst of 200 conversations costs a few commits, not 200, and
each sender still gets its ack only after the commit that holds its message.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session, sessionmaker

from backend.store.checkpoint import Checkpointer
from backend.store.connect import session_args
from backend.store.lines import NewLine, StoredLine, lines_in
from backend.store.migrate import sync_url
from backend.store.tables import (
    AccessLog,
    Conversation,
    StaffSession,
    StaffUser,
    UTCDateTime,
    table_of,
)
from backend.store.writer import Writer

T = TypeVar("T")
SQLITE_MMAP_BYTES = 256 * 1024 * 1024


# The hot writes, built once: SQLAlchemy caches their compiled form, and building a
# statement (or flushing ORM objects) a call was most of what the writer thread did for a
# start or an accept.
_CONVERSATIONS = table_of(Conversation)
_ADD_CONVERSATION = insert(_CONVERSATIONS)
# A transferred conversation keeps its first answer time: the service level measures how
# long the client waited for the first professional.
_ANSWERED = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.id == bindparam("cid"))
    .values(
        state="active",
        # The column's own type: a bare parameter would skip its UTC conversion.
        answered_at=func.coalesce(_CONVERSATIONS.c.answered_at, bindparam("at", type_=UTCDateTime)),
        answered_by=bindparam("by"),
    )
)
_CLOSED = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.id == bindparam("cid"))
    .values(
        state="closed",
        closed_at=bindparam("at"),
        outcome=bindparam("how"),
        wrap_up=bindparam("note"),
        abandoned=bindparam("gone"),
    )
)
_ADD_ACCESS = insert(table_of(AccessLog))
_CONVERSATION_BY_ID = select(_CONVERSATIONS).where(_CONVERSATIONS.c.id == bindparam("cid"))


def conversation_in(s: Session, conversation_id: str) -> Row[Any] | None:
    """The conversation's row (its columns by name) inside the caller's read."""
    return s.connection().execute(_CONVERSATION_BY_ID, {"cid": conversation_id}).first()


def _configure_sqlite(engine: Any, *, checkpoints: bool = True) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        # WAL + FULL: a committed (acknowledged) message survives a killed process and a
        # power cut; readers do not block the writer.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        # Pages read through a map, not a read(2) each: a chat centre reads the pages of
        # its open conversations over and over.
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        if not checkpoints:
            # Not in the writer's commits: backend/store/checkpoint.py.
            cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()


class Store:
    def __init__(self, url: str, app_name: str = "luukku") -> None:
        url = sync_url(url)
        sqlite = url.startswith("sqlite")
        connect = {"check_same_thread": False} if sqlite else session_args(app_name)
        # PostgreSQL's pre_ping: after the database's own failover, a dead pooled
        # connection is replaced before use instead of failing one write.
        self.engine = create_engine(
            url, connect_args=connect, pool_size=6, pool_pre_ping=not sqlite
        )
        # The writer thread's own connection: its page cache stays warm from one commit to
        # the next (taking any pooled connection, it re-read the pages other connections
        # had last used: 150,000 reads in a 1,000-chat run against the relay's 3,000).
        self.write_engine = create_engine(
            url, connect_args=connect, pool_size=1, max_overflow=1, pool_pre_ping=not sqlite
        )
        if sqlite:
            _configure_sqlite(self.engine)
            _configure_sqlite(self.write_engine, checkpoints=False)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._sqlite = sqlite
        # Made on the writer thread at its first transaction, and only used there.
        self._writer_session: Session | None = None
        self._writer_connection: Connection | None = None
        self._readers = ThreadPoolExecutor(4, thread_name_prefix="luukku-db-read")
        self._reader_sessions = threading.local()
        self.checkpointer = Checkpointer(self.engine) if sqlite else None
        self.writer = Writer(
            self._transaction,
            self._line_transaction,
            self.checkpointer.start if self.checkpointer else None,
        )

    async def drain(self) -> None:
        """Every write begun so far committed or failed (a node handing over)."""
        await self.writer.drain()

    async def close(self) -> None:
        await self.writer.drain()
        self.writer.close()
        if self._writer_connection is not None:  # the thread has ended: nobody uses it
            self._writer_connection.close()
        if self.checkpointer is not None:
            self.checkpointer.stop()
        self._readers.shutdown(wait=True)
        self.engine.dispose()
        self.write_engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """On the writer thread: one transaction of the writer's one session (a session
        made for every commit was a fifth of that thread's Python time). Nothing is kept
        from one transaction to the next: each starts with an empty identity map."""
        if self._writer_session is None:
            bind = self._kept_connection() or self.write_engine
            self._writer_session = Session(bind, expire_on_commit=False)
        s = self._writer_session
        try:
            with s.begin():
                yield s
        finally:
            s.expunge_all()

    @contextmanager
    def _line_transaction(self) -> Iterator[Connection]:
        """On the writer thread: a transaction without a session, for a batch of lines
        alone (most commits of a busy centre): a session's begin and end cost more than
        the lines' own statements."""
        kept = self._kept_connection()
        if kept is not None:
            with kept.begin():
                yield kept
        else:
            with self.write_engine.begin() as conn:
                yield conn

    def _kept_connection(self) -> Connection | None:
        """SQLite: the writer thread's one connection, kept open from one commit to the
        next (the pool's check-out, reset and check-in for every commit cost about as
        much CPU as the commit). PostgreSQL: None, each transaction takes a pooled
        connection, pinged first, so one that died in a database failover is replaced."""
        if self._sqlite and self._writer_connection is None:
            self._writer_connection = self.write_engine.connect()
        return self._writer_connection

    async def _write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a committed transaction on the writer thread (shared with what
        else waits: ``Writer``); returns only after the commit that holds it."""
        result: T = await self.writer.write(fn)
        return result

    async def _read(self, fn: Callable[[Session], T]) -> T:
        def run() -> T:
            # Each read thread keeps one session (as the writer does): making one a read
            # was a quarter of a staff view's read.
            s: Session | None = getattr(self._reader_sessions, "session", None)
            if s is None:
                s = self._reader_sessions.session = self._session()
            try:
                with s.begin():
                    return fn(s)
            finally:
                s.expunge_all()

        return await asyncio.get_running_loop().run_in_executor(self._readers, run)

    # Public for the other repositories (backend/store/handbook.py) sharing these threads.
    async def transaction(self, fn: Callable[[Session], T]) -> T:
        return await self._write(fn)

    async def query(self, fn: Callable[[Session], T]) -> T:
        return await self._read(fn)

    async def ping(self) -> bool:
        return await self._read(lambda s: s.execute(select(1)).scalar() == 1)

    # --- staff ---------------------------------------------------------------------------

    async def add_user(self, user: StaffUser) -> None:
        await self._write(lambda s: s.add(user))

    async def active_users(self) -> list[StaffUser]:
        return await self._read(
            lambda s: list(s.scalars(select(StaffUser).where(StaffUser.active.is_(True))))
        )

    async def user(self, username: str) -> StaffUser | None:
        return await self._read(
            lambda s: s.scalar(select(StaffUser).where(StaffUser.username == username))
        )

    async def set_password_hash(self, username: str, password_hash: str) -> None:
        await self._write(
            lambda s: s.execute(
                update(StaffUser)
                .where(StaffUser.username == username)
                .values(password_hash=password_hash)
            )
        )

    async def add_session(self, row: StaffSession) -> None:
        await self._write(lambda s: s.add(row))

    async def session(self, token_hash: str, now: datetime) -> tuple[str, datetime] | None:
        """Whose session this is and when it ends; None if unknown, ended or expired."""
        row = await self._read(lambda s: s.get(StaffSession, token_hash))
        if row is None or row.expires_at <= now:
            return None
        return row.username, row.expires_at

    async def end_session(self, token_hash: str) -> None:
        await self._write(
            lambda s: s.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))
        )

    async def end_sessions_of(self, username: str) -> None:
        """Every session of hers (a new password, a disabled account)."""
        await self._write(
            lambda s: s.execute(delete(StaffSession).where(StaffSession.username == username))
        )

    # --- conversations -------------------------------------------------------------------

    async def add_conversation(self, row: Conversation) -> None:
        # Core, not the unit of work: a burst of starts shares one commit, and the ORM's
        # flush was most of the writer thread's time for them (the thread holds the GIL).
        values = {key: value for key, value in vars(row).items() if key in _CONVERSATIONS.c}

        def write(s: Session) -> None:
            s.connection().execute(_ADD_CONVERSATION, values)
            self.writer.opened(row.id)

        await self._write(write)

    async def conversation(self, conversation_id: str) -> Conversation | None:
        return await self._read(lambda s: s.get(Conversation, conversation_id))

    async def open_conversations(self) -> list[Conversation]:
        return await self._read(
            lambda s: list(
                s.scalars(
                    select(Conversation)
                    .where(Conversation.state.in_(("queued", "active")))
                    .order_by(Conversation.arrived_at)
                )
            )
        )

    async def conversations_since(self, since: datetime) -> list[Conversation]:
        return await self._read(
            lambda s: list(s.scalars(select(Conversation).where(Conversation.arrived_at >= since)))
        )

    async def mark_answered(
        self, conversation_id: str, username: str, at: datetime, then: Callable[[Session], T]
    ) -> T:
        """Accepted: state, who and when, and the access-log row, in one transaction;
        ``then`` reads what the accepting professional is shown in that transaction."""

        def write(s: Session) -> T:
            conn = s.connection()
            conn.execute(_ANSWERED, {"cid": conversation_id, "at": at, "by": username})
            conn.execute(
                _ADD_ACCESS,
                {
                    "at": at,
                    "username": username,
                    "conversation_id": conversation_id,
                    "action": "accept",
                },
            )
            return then(s)

        return await self._write(write)

    async def mark_closed(
        self,
        conversation_id: str,
        at: datetime,
        *,
        outcome: str | None = None,
        wrap_up: str | None = None,
        abandoned: bool = False,
    ) -> None:
        def write(s: Session) -> None:
            s.connection().execute(
                _CLOSED,
                {
                    "cid": conversation_id,
                    "at": at,
                    "how": outcome,
                    "note": wrap_up,
                    "gone": abandoned,
                },
            )
            self.writer.closed(conversation_id)

        await self._write(write)

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
        kind: str = "text",
    ) -> tuple[StoredLine, bool]:
        """Store one message; returns it and whether it is new.

        A message resent with the same ``client_msg_id`` (the sender did not see the ack
        before a reconnect) returns the stored one, so it is kept and shown once.
        """
        return await self.writer.line(
            NewLine(
                conversation_id,
                author,
                text,
                at,
                client_msg_id,
                author_name,
                staff_username,
                kind,
            )
        )

    async def lines(self, conversation_id: str, after_seq: int = 0) -> list[StoredLine]:
        return await self._read(lambda s: lines_in(s, conversation_id, after_seq))

    # --- access log ----------------------------------------------------------------------

    async def log_access(
        self, username: str, conversation_id: str, action: str, at: datetime
    ) -> None:
        values = {
            "at": at,
            "username": username,
            "conversation_id": conversation_id,
            "action": action,
        }
        await self._write(lambda s: s.connection().execute(_ADD_ACCESS, values))

    async def access_log(self, conversation_id: str) -> list[AccessLog]:
        return await self._read(
            lambda s: list(
                s.scalars(
                    select(AccessLog)
                    .where(AccessLog.conversation_id == conversation_id)
                    .order_by(AccessLog.id)
                )
            )
        )
