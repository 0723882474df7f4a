"""The live centre's records: an open socket (``Link``), an open conversation (``Live``),
a staff member's connection (``StaffConn``) and who is online (``Online``), with the few
rules every part reads them by (who is a supervisor, which queues she serves).

Each record has one owner that writes it: ``Live`` the chat channel
(``backend/channels/chat.py``), ``Online`` the sessions (``backend/centre/sessions.py``).
Everyone else reads.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from backend.config import ServiceConfig
from backend.store.lines import StoredLine
from backend.store.pictures import PictureMeta
from backend.store.tables import Conversation
from protocol.messages import (
    Author,
    ChatLine,
    Frame,
    PictureInfo,
    StaffProfile,
)

# Roles that may open any conversation (supervision, audit); others only their skills'.
SUPERVISOR_ROLES = frozenset({"supervisor"})


def is_supervisor(profile: StaffProfile | None) -> bool:
    """The one supervisor rule: the board, reports, call-ins, any conversation."""
    return profile is not None and is_supervisor_role(profile.role)


def is_supervisor_role(role: str) -> bool:
    return role in SUPERVISOR_ROLES


def serves(config: ServiceConfig, profile: StaffProfile) -> set[str]:
    """The queues she works in (a supervisor: all of them)."""
    if is_supervisor(profile):
        return {q.id for q in config.queues}
    return {q.id for q in config.queues if q.skill in profile.skills}


class Link(Protocol):
    """One open socket, as the live centre sees it."""

    async def send(self, frame: Frame) -> None: ...

    def send_text(self, text: str) -> None:
        """A frame already serialised: a fan-out to many sockets serialises it once."""

    async def close(self, code: int = 1000, reason: str = "") -> None: ...


@dataclass
class Live:
    """An open conversation (queued or active)."""

    id: str
    queue: str
    state: str  # "queued" | "active"
    arrived_at: datetime
    client_name: str | None
    client_phone: str | None
    owner: str | None = None
    answered_at: datetime | None = None
    client: Link | None = None
    client_gone_at: datetime | None = None
    client_left: bool = False
    lang: str = "fi"
    # The client's first line while queued: the offer shows it (roles in first_line_roles).
    first_line: str | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Colleagues invited in by the owner (backend/collab.py).
    consultants: set[str] = field(default_factory=set)
    # A transfer waiting for its receiver: (sender's name, note), shown with the offer.
    transfer: tuple[str, str] | None = None
    # She identified with Suomi.fi; name_id is her session there (its single logout).
    identified: bool = False
    name_id: str | None = None

    @classmethod
    def restored(cls, row: Conversation, now: datetime, consultants: set[str]) -> Live:
        """An open conversation as the database has it after a (re)start: her socket is
        gone since ``now`` (she has her grace to come back)."""
        return cls(
            id=row.id,
            queue=row.queue,
            state=row.state,
            arrived_at=row.arrived_at,
            client_name=row.client_name,
            client_phone=row.client_phone,
            owner=row.answered_by,
            answered_at=row.answered_at,
            client_gone_at=now,
            consultants=consultants,
            lang=row.lang,
            identified=row.identified,
        )

    def staff_members(self) -> list[str]:
        """Everyone on the staff side of the conversation (the owner first)."""
        return ([self.owner] if self.owner else []) + sorted(self.consultants)


@dataclass
class StaffConn:
    profile: StaffProfile
    link: Link
    token_hash: str = ""
    # When her session ends: the socket is closed then (she logs in again by herself).
    expires_at: datetime | None = None


@dataclass
class Online:
    """Who is connected now (``staff``) and the profile of everyone who logged in since
    the start (``profiles``: names stay known after she leaves). Written by the sessions
    alone."""

    staff: dict[str, StaffConn] = field(default_factory=dict)
    profiles: dict[str, StaffProfile] = field(default_factory=dict)

    def link_of(self, username: str | None) -> Link | None:
        conn = self.staff.get(username) if username else None
        return conn.link if conn is not None else None


def first_name(display_name: str) -> str:
    # Clients see the professional's first name only.
    return display_name.split()[0] if display_name.strip() else display_name


def chat_line(line: StoredLine, pictures: dict[int, PictureMeta] | None = None) -> ChatLine:
    """The protocol's line. With ``pictures`` (staff only) a picture line carries its
    thumbnail; without, just its size (the client sent it, and has it)."""
    picture = None
    if line.picture_id is not None:
        meta = (pictures or {}).get(line.picture_id)
        picture = PictureInfo(
            id=line.picture_id,
            width=meta.width if meta else 0,
            height=meta.height if meta else 0,
            bytes=meta.size if meta else 0,
            thumb=(
                "data:image/jpeg;base64," + base64.b64encode(meta.thumb).decode()
                if meta and pictures is not None
                else None
            ),
        )
    return ChatLine(
        seq=line.seq,
        author=Author(line.author),
        author_name=line.author_name,
        text=line.text,
        at=line.at,
        kind="picture" if line.kind == "picture" else "video" if line.kind == "video" else "text",
        picture=picture,
    )


def client_lang(code: str) -> Literal["fi", "sv", "en"]:
    """A client's language as the protocol names it (Finnish unless Swedish or English)."""
    return "sv" if code == "sv" else "en" if code == "en" else "fi"
