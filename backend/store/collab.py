"""Storage for working together on a conversation: transfers, consultants, internal notes.

Each change is one transaction with the chat line that reports it (and its access-log
row), so a crash leaves the conversation transferred or not, joined or not: never both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from backend.store.lines import StoredLine, add_line
from backend.store.repository import Store
from backend.store.tables import AccessLog, Conversation, Participant, StaffNoteRow, table_of


@dataclass(frozen=True)
class NoteRow:
    id: int
    kind: str
    author: str
    author_name: str
    text: str
    at: datetime


def _note(row: StaffNoteRow) -> NoteRow:
    return NoteRow(row.id, row.kind, row.author, row.author_name, row.text, row.at)


_NOTES = table_of(StaffNoteRow)
_NOTES_OF = (
    select(
        _NOTES.c.id,
        _NOTES.c.kind,
        _NOTES.c.author,
        _NOTES.c.author_name,
        _NOTES.c.text,
        _NOTES.c.at,
    )
    .where(_NOTES.c.conversation_id == bindparam("cid"))
    .order_by(_NOTES.c.id)
)


def notes_in(s: Session, conversation_id: str) -> list[NoteRow]:
    """A conversation's notes, oldest first, inside the caller's read (a staff view reads
    the conversation, its lines and its notes in one go)."""
    return [NoteRow(*r) for r in s.connection().execute(_NOTES_OF, {"cid": conversation_id})]


class Conflict(Exception):
    """The conversation is not in the state the change expects (someone else moved it)."""


class CollabStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def transfer(
        self,
        conversation_id: str,
        *,
        by: str,
        by_name: str,
        queue: str,
        note: str,
        at: datetime,
    ) -> tuple[NoteRow, StoredLine]:
        """Her active conversation goes back to waiting, in ``queue``, with her note."""

        def write(s: Session) -> tuple[NoteRow, StoredLine]:
            moved = s.execute(  # type: ignore[attr-defined]
                update(Conversation)
                .where(
                    Conversation.id == conversation_id,
                    Conversation.state == "active",
                    Conversation.answered_by == by,
                )
                .values(state="queued", queue=queue, answered_by=None)
            ).rowcount
            if moved != 1:
                raise Conflict(conversation_id)
            # Consultants leave with her: the receiver invites whom she needs.
            s.execute(
                update(Participant)
                .where(
                    Participant.conversation_id == conversation_id,
                    Participant.left_at.is_(None),
                )
                .values(left_at=at)
            )
            row = StaffNoteRow(
                conversation_id=conversation_id,
                kind="transfer",
                author=by,
                author_name=by_name,
                text=note,
                at=at,
            )
            s.add(row)
            s.add(AccessLog(at=at, username=by, conversation_id=conversation_id, action="transfer"))
            line = add_line(s, conversation_id, author="system", text="transferred", at=at)
            s.flush()
            return _note(row), line

        return await self.store.transaction(write)

    async def add_note(
        self, conversation_id: str, *, by: str, by_name: str, text: str, at: datetime
    ) -> NoteRow:
        def write(s: Session) -> NoteRow:
            row = StaffNoteRow(
                conversation_id=conversation_id,
                kind="note",
                author=by,
                author_name=by_name,
                text=text,
                at=at,
            )
            s.add(row)
            s.flush()
            return _note(row)

        return await self.store.transaction(write)

    async def join(
        self, conversation_id: str, *, username: str, name: str, invited_by: str, at: datetime
    ) -> StoredLine:
        def write(s: Session) -> StoredLine:
            s.add(
                Participant(
                    conversation_id=conversation_id,
                    username=username,
                    invited_by=invited_by,
                    joined_at=at,
                )
            )
            s.add(
                AccessLog(
                    at=at, username=username, conversation_id=conversation_id, action="consult"
                )
            )
            return add_line(
                s, conversation_id, author="system", text=f"consult_joined:{name}", at=at
            )

        return await self.store.transaction(write)

    async def leave(
        self, conversation_id: str, *, username: str, name: str, at: datetime
    ) -> StoredLine:
        def write(s: Session) -> StoredLine:
            s.execute(
                update(Participant)
                .where(
                    Participant.conversation_id == conversation_id,
                    Participant.username == username,
                    Participant.left_at.is_(None),
                )
                .values(left_at=at)
            )
            return add_line(s, conversation_id, author="system", text=f"consult_left:{name}", at=at)

        return await self.store.transaction(write)

    async def consultants(self) -> dict[str, set[str]]:
        """Open consultations, for the chat channel's restore after a restart."""

        def read(s: Session) -> dict[str, set[str]]:
            result: dict[str, set[str]] = {}
            rows = s.execute(
                select(Participant.conversation_id, Participant.username).where(
                    Participant.left_at.is_(None)
                )
            )
            for conversation_id, username in rows:
                result.setdefault(conversation_id, set()).add(username)
            return result

        return await self.store.query(read)
