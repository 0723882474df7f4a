"""A conversation as staff see it: its lines with thumbnails, the notes, who takes part,
what this reader may do, and (when she identified) who the client is, which is written
to the access log as opened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from backend.centre.records import Live, chat_line, client_lang
from backend.store.collab import NoteRow, notes_in
from backend.store.identities import IdentityStore
from backend.store.lines import lines_in
from backend.store.pictures import PictureStore
from backend.store.repository import Store, conversation_in
from protocol.messages import ClientIdentity, ConversationView, StaffNoteView

# How staff see a conversation's notes (the working-together feature decides their order).
Notes = Callable[[list[NoteRow]], list[StaffNoteView]]


async def staff_view(
    store: Store,
    pictures_store: PictureStore,
    identities: IdentityStore,
    live: Live | None,
    conversation_id: str,
    username: str,
    notes: Notes,
    clock: Callable[[], datetime],
) -> ConversationView:
    """``live`` is the open conversation, or None for a closed one (read only)."""
    # One read for the three (every accept opens a view): the row, its lines, its notes.
    row, stored, note_rows = await store.query(
        lambda s: (
            conversation_in(s, conversation_id),
            lines_in(s, conversation_id),
            notes_in(s, conversation_id),
        )
    )
    assert row is not None
    pictures = (
        await pictures_store.meta(conversation_id)
        if any(line.picture_id is not None for line in stored)
        else {}
    )
    owner = live.owner if live is not None else row.answered_by
    consultants = sorted(live.consultants) if live is not None else []
    role: Literal["owner", "consultant", "reader"] = "reader"
    if live is not None and live.state == "active":
        role = (
            "owner" if owner == username else "consultant" if username in consultants else "reader"
        )
    identity = None
    if row.identified:
        held = await identities.of(row.id)
        if held is not None:
            identity = ClientIdentity(name=held[0], hetu=held[1])
            # Who saw who she is: her name and identity code are health data's key.
            await store.log_access(username, row.id, "identity", clock())
    return ConversationView(
        conversation_id=row.id,
        queue=row.queue,
        state=row.state,
        client_name=row.client_name,
        client_phone=row.client_phone,
        started_at=row.arrived_at,
        lines=[chat_line(line, pictures) for line in stored],
        lang=client_lang(row.lang),
        notes=notes(note_rows),
        owner=owner,
        consultants=consultants,
        role=role,
        identified=row.identified,
        identity=identity,
    )
