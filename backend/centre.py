"""The live contact centre's shared parts and the hub's public interface.

The hub (``backend/hub.py``) owns the routing state and the tick; the features it builds
(callbacks, collaboration, the handbook, the phone desk, colleagues' chat) reach it only
through ``Centre`` below, never through its private parts, and import this module, not
the hub: so the hub can import them without an import circle.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from backend.config import ServiceConfig, Settings
from backend.domain.hours import OpeningHours
from backend.domain.meter import DayCounts
from backend.domain.routing import Offer, Router
from backend.store.pictures import PictureMeta, PictureStore
from backend.store.repository import Store, StoredLine
from protocol.messages import (
    Author,
    ChatLine,
    ConversationView,
    Frame,
    PictureInfo,
    StaffProfile,
    StaffStatus,
)

# Roles that may open any conversation (supervision, audit); others only their skills'.
SUPERVISOR_ROLES = frozenset({"supervisor"})


def is_supervisor(profile: StaffProfile | None) -> bool:
    """The one supervisor rule: the board, reports, call-ins, any conversation."""
    return profile is not None and is_supervisor_role(profile.role)


def is_supervisor_role(role: str) -> bool:
    return role in SUPERVISOR_ROLES


class Link(Protocol):
    """One open socket, as the hub sees it."""

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


class Desk(Protocol):
    """A channel's way to the staff (chat: ``backend/chat_desk.py``; phone:
    ``backend/phone.py``): the hub routes, and calls the offer's channel's desk."""

    async def deliver(self, offer: Offer, now: datetime) -> None: ...
    async def withdraw(self, username: str, contact_id: str, reason: str) -> None: ...
    async def tick(self, now: datetime) -> None: ...
    async def positions(self) -> None: ...


class Centre(Protocol):
    """What a feature may use of the live contact centre."""

    settings: Settings
    config: ServiceConfig
    store: Store
    clock: Callable[[], datetime]
    router: Router
    hours: dict[str, OpeningHours]
    live: dict[str, Live]
    staff: dict[str, StaffConn]
    profiles: dict[str, StaffProfile]
    counts: dict[str, DayCounts]
    pictures: PictureStore

    # Sending: to one socket, to one staff member (if online), to a conversation.
    async def send_to(self, link: Link | None, frame: Frame) -> None: ...
    def send_each(self, links: Iterable[Link], frame: Frame) -> None: ...
    async def send_staff(self, username: str | None, frame: Frame) -> None: ...
    async def to_members(self, live: Live, frame: Frame, but: str | None = None) -> None: ...
    async def fan_line(
        self, live: Live, line: StoredLine, pictures: dict[int, PictureMeta] | None = None
    ) -> None: ...
    async def system_line(self, live: Live, text: str) -> None: ...

    # The live conversation, and who may touch it.
    def owned(self, username: str, conversation_id: str) -> Live: ...
    def member_of(self, username: str, conversation_id: str) -> Live: ...
    def serves(self, profile: StaffProfile) -> set[str]: ...
    async def view(self, conversation_id: str, username: str) -> ConversationView: ...

    # Status, routing and the meter.
    async def send_status(self, username: str) -> None: ...
    async def change_status(
        self, username: str, status: StaffStatus, reason: str | None = None
    ) -> None: ...
    async def wrap_up(self, username: str, now: datetime) -> None: ...
    async def withdraw_offer(self, username: str, contact_id: str, reason: str) -> None: ...
    async def route(self) -> None: ...
    async def meter_changed(self) -> None: ...
    def estimate(self, queue: str, position: int) -> float | None: ...
    def estimator(self, queue: str) -> Callable[[int], float | None]: ...
