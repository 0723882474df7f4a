"""All database access of the backend, as small async methods over a synchronous engine.

Every write commits before it returns: the chat channel acknowledges a message or tells a client
"you are in the queue" only after the row is durable.

Writes run on one dedicated thread (SQLite has one writer at a time; queueing them here
avoids SQLite's sleeping busy handler), reads on a small pool beside it (WAL lets readers
run while the writer commits). Chat messages are group-committed: all appends that
arrive while a commit is under way go into the next transaction together, so a burst of
200 conversations costs a few commits, not 200, and each sender still gets its ack only
after the commit that holds its message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session, sessionmaker

from backend.store.connect import session_args
from backend.store.migrate import sync_url
from backend.store.tables import (
    AccessLog,
    Base,
    Conversation,
    Message,
    StaffSession,
    StaffUser,
    UTCDateTime,
)
from backend.store.transactions import commit_all

T = TypeVar("T")
MAX_BATCH = 500
SQLITE_MMAP_BYTES = 256 * 1024 * 1024


# The hot writes, built once: SQLAlchemy caches their compiled form, and building a
# statement (or flushing ORM objects) a call was most of what the writer thread did for a
# start or an accept.
def table_of(model: type[Base]) -> Table:
    """A mapped class's table, for statements built once (Core, not the ORM)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


_CONVERSATIONS = table_of(Conversation)
_MESSAGES = table_of(Message)
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
_LINES_AFTER = (
    select(
        _MESSAGES.c.seq,
        _MESSAGES.c.author,
        _MESSAGES.c.author_name,
        _MESSAGES.c.text,
        _MESSAGES.c.at,
        _MESSAGES.c.kind,
        _MESSAGES.c.picture_id,
    )
    .where(_MESSAGES.c.conversation_id == bindparam("cid"), _MESSAGES.c.seq > bindparam("after"))
    .order_by(_MESSAGES.c.seq)
)


def conversation_in(s: Session, conversation_id: str) -> Row[Any] | None:
    """The conversation's row (its columns by name) inside the caller's read."""
    return s.connection().execute(_CONVERSATION_BY_ID, {"cid": conversation_id}).first()


def lines_in(s: Session, conversation_id: str, after_seq: int = 0) -> list[StoredLine]:
    """Its lines after ``after_seq``, in order, inside the caller's read."""
    rows = s.connection().execute(_LINES_AFTER, {"cid": conversation_id, "after": after_seq})
    return [StoredLine(*r) for r in rows]


@dataclass(frozen=True)
class StoredLine:
    seq: int
    author: str
    author_name: str | None
    text: str
    at: datetime
    kind: str = "text"
    picture_id: int | None = None


@dataclass(frozen=True)
class NewLine:
    conversation_id: str
    author: str
    text: str
    at: datetime
    client_msg_id: str | None
    author_name: str | None
    staff_username: str | None
    kind: str = "text"


def _configure_sqlite(engine: Any) -> None:
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
            _configure_sqlite(self.write_engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._write_session = sessionmaker(self.write_engine, expire_on_commit=False)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="luukku-db-write")
        self._readers = ThreadPoolExecutor(4, thread_name_prefix="luukku-db-read")
        self._pending: list[tuple[NewLine, asyncio.Future[tuple[StoredLine, bool]]]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._writes: list[tuple[Callable[[Session], Any], asyncio.Future[Any]]] = []
        # Client message ids stored per open conversation: touched on the writer thread only.
        self._seen: dict[str, set[tuple[str, str]]] = {}
        # Told each batch commit's seconds (the backend's metrics), when set.
        self.on_commit: Callable[[float], None] | None = None
        # First in every write transaction, when set: the node's lease check (fencing,
        # backend/node/lease.py); it raises to refuse the whole transaction.
        self.fence: Callable[[Session], None] | None = None
        # Told when the fence refused a transaction (the node stops serving).
        self.on_fenced: Callable[[], None] | None = None

    async def drain(self) -> None:
        """Every write begun so far committed or failed (a node handing over)."""
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)

    async def close(self) -> None:
        if self._flusher is not None:
            await self._flusher
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        self.engine.dispose()
        self.write_engine.dispose()

    def _flush_soon(self) -> None:
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())

    async def _write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a committed transaction; what arrives while a commit runs shares
        the next one (a burst of starts, accepts and lines costs a few fsyncs, not one
        each), and each caller still returns only after the commit that holds its write."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._writes.append((fn, future))
        self._flush_soon()
        result: T = await future
        return result

    async def _flush(self) -> None:
        """One task commits everything waiting, writes and chat lines together, until
        nothing waits: one thread hop and one commit a round, whatever the mix."""
        loop = asyncio.get_running_loop()
        while self._writes or self._pending:
            batch, self._writes = self._writes[:MAX_BATCH], self._writes[MAX_BATCH:]
            lines, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
            fns = [fn for fn, _ in batch]
            if lines:
                news = [new for new, _ in lines]
                fns.append(lambda s: _append_all(s, news, self._seen))  # noqa: B023
            began = loop.time()
            try:
                outcomes, refused = await loop.run_in_executor(
                    self._writer, commit_all, self._write_session, fns, self.fence
                )
                if refused and self.on_fenced is not None:
                    self.on_fenced()
                if self.on_commit is not None:
                    self.on_commit(loop.time() - began)
            except BaseException as exc:  # the executor itself is gone (shutting down)
                failure = exc if isinstance(exc, Exception) else RuntimeError()
                outcomes = [(False, failure)] * len(fns)
            for (_, future), (ok, value) in zip(batch, outcomes, strict=False):
                if not future.done():
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
            if lines:
                _settle_lines(lines, outcomes[-1])

    async def _read(self, fn: Callable[[Session], T]) -> T:
        def run() -> T:
            with self._session() as s:
                return fn(s)

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
            # A new conversation has no lines: its first ones need no look-up of their ids.
            self._seen[row.id] = set()

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

    async def mark_answered(self, conversation_id: str, username: str, at: datetime) -> None:
        """Accepted: state, who and when, and the access-log row, in one transaction."""

        def write(s: Session) -> None:
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

        await self._write(write)

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
            # Its ids are forgotten (on the writer thread, where they are kept): a late
            # resend is checked against the database.
            self._seen.pop(conversation_id, None)

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
        future: asyncio.Future[tuple[StoredLine, bool]] = asyncio.get_running_loop().create_future()
        self._pending.append(
            (
                NewLine(
                    conversation_id,
                    author,
                    text,
                    at,
                    client_msg_id,
                    author_name,
                    staff_username,
                    kind,
                ),
                future,
            )
        )
        self._flush_soon()
        return await future

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


def _settle_lines(
    lines: list[tuple[NewLine, asyncio.Future[tuple[StoredLine, bool]]]],
    outcome: tuple[bool, Any],
) -> None:
    """Each waiting line told its own result: stored, or why not."""
    ok, value = outcome
    results = value if ok else [value] * len(lines)
    for (_, future), result in zip(lines, results, strict=True):
        if future.done():
            continue
        if isinstance(result, Exception):
            future.set_exception(result)
        else:
            future.set_result(result)


def _append_all(
    s: Session, batch: list[NewLine], seen: dict[str, set[tuple[str, str]]]
) -> list[tuple[StoredLine, bool] | Exception]:
    """Store a batch in the caller's transaction; one result (or error) per line, in order.

    The hot path. ``seen`` holds, per conversation, the
    (author, client_msg_id) pairs this process stored (the writer thread's alone), so the
    usual line, never seen before, costs no look-up: the database is asked only about a
    conversation's ids the first time this process writes to it, and about a line that
    looks resent. An ``UPDATE ... RETURNING`` a conversation reserves its sequence
    numbers and one ``executemany`` stores the lines (``_line_sql``).
    """
    messages = Message.__table__
    assert isinstance(messages, Table)
    conn = s.connection()
    results: list[tuple[StoredLine, bool] | Exception | None] = [None] * len(batch)

    # (Not ``set - seen.keys()``: that walks every open conversation's entry each batch.)
    unknown = {
        n.conversation_id for n in batch if n.client_msg_id and n.conversation_id not in seen
    }
    if unknown:
        loaded: dict[str, set[tuple[str, str]]] = {cid: set() for cid in unknown}
        for r in conn.execute(
            select(messages.c.conversation_id, messages.c.author, messages.c.client_msg_id).where(
                messages.c.conversation_id.in_(sorted(unknown)),
                messages.c.client_msg_id.is_not(None),
            )
        ):
            loaded[r.conversation_id].add((r.author, r.client_msg_id))
        seen.update(loaded)
    suspects = {
        (n.conversation_id, n.author, n.client_msg_id)
        for n in batch
        if n.client_msg_id and (n.author, n.client_msg_id) in seen[n.conversation_id]
    }
    stored: dict[tuple[str, str, str | None], StoredLine] = {}
    if suspects:
        rows = conn.execute(
            select(
                messages.c.conversation_id,
                messages.c.author,
                messages.c.client_msg_id,
                messages.c.seq,
                messages.c.author_name,
                messages.c.text,
                messages.c.at,
                messages.c.kind,
                messages.c.picture_id,
            ).where(
                tuple_(messages.c.conversation_id, messages.c.author, messages.c.client_msg_id).in_(
                    list(suspects)
                )
            )
        )
        for r in rows:
            stored[(r.conversation_id, r.author, r.client_msg_id)] = StoredLine(
                r.seq, r.author, r.author_name, r.text, r.at, r.kind, r.picture_id
            )

    fresh: dict[str, list[int]] = {}
    first_in_batch: dict[tuple[str, str, str | None], int] = {}
    repeats: list[tuple[int, int]] = []
    for i, new in enumerate(batch):
        key = (new.conversation_id, new.author, new.client_msg_id)
        if new.client_msg_id is not None:
            if key in stored:
                results[i] = (stored[key], False)
                continue
            if key in first_in_batch:
                repeats.append((i, first_in_batch[key]))
                continue
            first_in_batch[key] = i
        fresh.setdefault(new.conversation_id, []).append(i)

    rows_to_insert: list[tuple[Any, ...]] = []
    sql = _line_sql(conn)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for conversation_id, indexes in fresh.items():
            cursor.execute(sql.reserve, (len(indexes), conversation_id))
            row = cursor.fetchone()
            if row is None:
                for i in indexes:
                    results[i] = LookupError(conversation_id)
                continue
            last = int(row[0])
            for offset, i in enumerate(indexes):
                new = batch[i]
                seq = last - len(indexes) + 1 + offset
                rows_to_insert.append(
                    (
                        new.conversation_id,
                        seq,
                        new.author,
                        new.author_name,
                        new.staff_username,
                        new.client_msg_id,
                        new.text,
                        sql.at(new.at),
                        new.kind,
                    )
                )
                if new.client_msg_id is not None:
                    # Kept even if this transaction fails: a kept id only costs a look-up.
                    seen[conversation_id].add((new.author, new.client_msg_id))
                results[i] = (
                    StoredLine(seq, new.author, new.author_name, new.text, new.at, new.kind),
                    True,
                )
        if rows_to_insert:
            cursor.executemany(sql.insert, rows_to_insert)
    finally:
        cursor.close()
    for i, first in repeats:
        earlier = results[first]
        results[i] = (earlier[0], False) if isinstance(earlier, tuple) else earlier
    return [r if r is not None else LookupError("unprocessed") for r in results]


@dataclass(frozen=True)
class _LineSql:
    """The hot path's two statements, written once per database kind and run on the
    driver's own cursor: SQLAlchemy building and compiling them for every batch was most
    of the writer thread's time, and that thread holds the GIL against the event loop."""

    reserve: str
    insert: str
    at: Callable[[datetime], Any]


_LINE_SQL: dict[str, _LineSql] = {}


def _line_sql(conn: Connection) -> _LineSql:
    dialect = conn.dialect
    known = _LINE_SQL.get(dialect.name)
    if known is not None:
        return known
    reserve = "UPDATE conversations SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq"
    insert_sql = (
        "INSERT INTO messages (conversation_id, seq, author, author_name, staff_username,"
        " client_msg_id, text, at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    if dialect.paramstyle != "qmark":
        reserve, insert_sql = reserve.replace("?", "%s"), insert_sql.replace("?", "%s")
    # The column's own conversion (aware UTC; SQLite's text form), as SQLAlchemy would bind it.
    bind = Message.__table__.c.at.type.bind_processor(dialect)

    def at(value: datetime) -> Any:
        return bind(value) if bind is not None else value

    known = _LINE_SQL[dialect.name] = _LineSql(reserve, insert_sql, at)
    return known


def add_line(
    s: Session,
    conversation_id: str,
    *,
    author: str,
    text: str,
    at: datetime,
    author_name: str | None = None,
    staff_username: str | None = None,
    kind: str = "text",
    picture_id: int | None = None,
) -> StoredLine:
    """One line inside the caller's transaction (a transfer, a picture): the line commits
    with the change it reports, or neither does."""
    conversations = Conversation.__table__
    assert isinstance(conversations, Table)
    seq = s.execute(
        update(conversations)
        .where(conversations.c.id == conversation_id)
        .values(last_seq=conversations.c.last_seq + 1)
        .returning(conversations.c.last_seq)
    ).scalar()
    if seq is None:
        raise LookupError(conversation_id)
    s.add(
        Message(
            conversation_id=conversation_id,
            seq=seq,
            author=author,
            author_name=author_name,
            staff_username=staff_username,
            text=text,
            at=at,
            kind=kind,
            picture_id=picture_id,
        )
    )
    return StoredLine(seq, author, author_name, text, at, kind, picture_id)
