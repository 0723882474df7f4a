"""A conversation's lines: stored in batches on the store's writer thread (the hot path:
every chat line of the centre passes here), one at a time inside another change (a
transfer, a picture), and read back in order.

A line's sequence number is reserved on its conversation row in the same transaction, so
the numbers of one conversation never repeat or go back, whichever node wrote them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, select, tuple_, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from backend.store.tables import Conversation, Message, table_of

_MESSAGES = table_of(Message)


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


def lines_in(s: Session, conversation_id: str, after_seq: int = 0) -> list[StoredLine]:
    """Its lines after ``after_seq``, in order, inside the caller's read."""
    rows = s.connection().execute(_LINES_AFTER, {"cid": conversation_id, "after": after_seq})
    return [StoredLine(*r) for r in rows]


def settle_lines(
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


def append_all(
    conn: Connection, batch: list[NewLine], seen: dict[str, set[tuple[str, str]]]
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
