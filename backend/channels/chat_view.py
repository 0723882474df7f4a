"""A conversation as staff see it: its lines with thumbnails, the notes, who takes part,
what this reader may do, and (when she identified) who the client is, which is written
to the access log as opened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Row
from sqlalchemy.orm import Session

from backend.centre.records import Live, chat_line, client_lang
from backend.store.collab import NoteRow, notes_in
from backend.store.identities import IdentityStore
from backend.store.lines import StoredLine, lines_in
from backend.store.pictures import PictureStore
from backend.store.repository import Store, conversation_in
from protocol.messages import ClientIdentity, ConversationView, StaffNoteView

# How staff see a conversation's notes (the working-together feature decides their order).
Notes = Callable[[list[NoteRow]], list[StaffNoteView]]
# What a view reads: the conversation's row (None while it is open: its live record has
# the columns), its lines and its notes.
Read = tuple[Row[Any] | None, list[StoredLine], list[NoteRow]]


def view_read(conversation_id: str, live: Live | None) -> Callable[[Session], Read]:
    """The view's reads, in one transaction of the caller's (an accept reads them in
    the transaction that marks it answered: no read thread's hop, and no line committed
    in between shows twice)."""
    return lambda s: (
        None if live is not None else conversation_in(s, conversation_id),
        lines_in(s, conversation_id),
        notes_in(s, conversation_id),
    )


async def staff_view(
    store: Store,
    pictures_store: PictureStore,
    identities: IdentityStore,
    live: Live | None,
    conversation_id: str,
    username: str,
    notes: Notes,
    clock: Callable[[], datetime],
    read: Read | None = None,
) -> ConversationView:
    """``live`` is the open conversation, or None for a closed one (read only);
    ``read``: what ``view_read`` returned, when the caller read it already."""
    # An open conversation's row is not read: reading it was a third of the read
    # threads' time in a 1,000-chat run.
    row, stored, note_rows = (
        read if read is not None else await store.query(view_read(conversation_id, live))
    )
    about = About.of_live(live) if live is not None else About.of_row(row)
    pictures = (
        await pictures_store.meta(conversation_id)
        if any(line.picture_id is not None for line in stored)
        else {}
    )
    consultants = sorted(live.consultants) if live is not None else []
    role: Literal["owner", "consultant", "reader"] = "reader"
    if live is not None and live.state == "active":
        role = (
            "owner"
            if about.owner == username
            else "consultant"
            if username in consultants
            else "reader"
        )
    identity = None
    if about.identified:
        held = await identities.of(conversation_id)
        if held is not None:
            identity = ClientIdentity(name=held[0], hetu=held[1])
            # Who saw who she is: her name and identity code are health data's key.
            await store.log_access(username, conversation_id, "identity", clock())
    return ConversationView(
        conversation_id=conversation_id,
        queue=about.queue,
        state=about.state,
        client_name=about.client_name,
        client_phone=about.client_phone,
        started_at=about.arrived_at,
        lines=[chat_line(line, pictures) for line in stored],
        lang=client_lang(about.lang),
        notes=notes(note_rows),
        owner=about.owner,
        consultants=consultants,
        role=role,
        identified=about.identified,
        identity=identity,
    )


@dataclass(frozen=True)
class About:
    """What the view shows of the conversation itself, from its live record or its row."""

    queue: str
    state: str
    client_name: str | None
    client_phone: str | None
    arrived_at: datetime
    lang: str
    owner: str | None
    identified: bool

    @classmethod
    def of_live(cls, live: Live) -> About:
        return cls(
            live.queue,
            live.state,
            live.client_name,
            live.client_phone,
            live.arrived_at,
            live.lang,
            live.owner,
            live.identified,
        )

    @classmethod
    def of_row(cls, row: Row[Any] | None) -> About:
        if row is None:
            raise LookupError("no such conversation")
        return cls(
            row.queue,
            row.state,
            row.client_name,
            row.client_phone,
            row.arrived_at,
            row.lang,
            row.answered_by,
            row.identified,
        )
