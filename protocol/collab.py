"""Working together on a conversation: transfer, consultants, internal notes, pictures,
video, and the colleagues list."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import MAX_INT, Frame, Ident, StaffStatus
from protocol.chat import StaffNoteView

Note = Annotated[str, Field(min_length=1, max_length=2000)]


class StaffTransfer(Frame):
    """Hand her conversation on: to a queue, to a named colleague, or to a colleague in
    another queue. The note is shown to the receiver first; the client is not shown it."""

    type: Literal["transfer"] = "transfer"
    conversation_id: Ident
    queue: Ident | None = None
    to_user: Ident | None = None
    note: Note


class StaffInvite(Frame):
    """Invite a colleague into her conversation as a consultant (she stays responsible)."""

    type: Literal["invite"] = "invite"
    conversation_id: Ident
    username: Ident


class StaffConsultEnd(Frame):
    """A consultant leaves (``username`` None: herself), or the owner lets one go."""

    type: Literal["consult_end"] = "consult_end"
    conversation_id: Ident
    username: Ident | None = None


class StaffNote(Frame):
    """An internal note on a conversation: staff only, never on a client path."""

    type: Literal["note"] = "note"
    conversation_id: Ident
    text: Note


class StaffVideoLink(Frame):
    """Move to video: the backend makes a meeting link and posts it in the conversation."""

    type: Literal["video_link"] = "video_link"
    conversation_id: Ident


class StaffPictureRequest(Frame):
    """Ask the client for a picture (the page then offers its picture button)."""

    type: Literal["picture_request"] = "picture_request"
    conversation_id: Ident


class StaffPictureOpen(Frame):
    type: Literal["picture_open"] = "picture_open"
    picture_id: int = Field(ge=1, le=MAX_INT)


class Colleague(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    online: bool
    status: StaffStatus
    # Could take one more chat now (Ready, skill aside, with a free slot): transfer targets.
    free: bool


class ToStaffNote(Frame):
    type: Literal["note"] = "note"
    conversation_id: str
    note: StaffNoteView


class ToStaffParticipants(Frame):
    """Who takes part changed (a consultant joined or left)."""

    type: Literal["participants"] = "participants"
    conversation_id: str
    owner: str | None
    consultants: list[str]


class ToStaffLeft(Frame):
    """The conversation is no longer hers on this desktop (transferred on, or her consult
    ended): the tab closes without an outcome."""

    type: Literal["left"] = "left"
    conversation_id: str
    reason: Literal["transferred", "consult_ended"]


class ToStaffPicture(Frame):
    type: Literal["picture"] = "picture"
    picture_id: int
    conversation_id: str
    mime: Literal["image/jpeg", "image/png"]
    data: str  # base64


class ToStaffColleagues(Frame):
    type: Literal["colleagues"] = "colleagues"
    items: list[Colleague]
