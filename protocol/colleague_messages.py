"""Messages between colleagues: the staff help channel and direct messages. (The frames'
``type`` values, ``staff_chat…``, are the wire's names from before and stay: desktops of
the previous version still speak them.)"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import MAX_INT, Frame, Ident, Text

# "help", "dm:<colleague>" (sending), or a channel as the server names it ("dm:<a>|<b>").
StaffChannel = Annotated[
    str, Field(pattern=r"^(help|dm:[A-Za-z0-9_.:-]{1,64}(\|[A-Za-z0-9_.:-]{1,64})?)$")
]


HELP_CHANNEL = "help"


def dm_channel(a: str, b: str) -> str:
    """The server's name for two colleagues' direct channel (both ends name it alike)."""
    first, second = sorted((a, b))
    return f"dm:{first}|{second}"


def channel_members(channel: str) -> tuple[str, str] | None:
    """The two ends of a direct channel; None for the help channel (everyone)."""
    if not channel.startswith("dm:"):
        return None
    first, _, second = channel.removeprefix("dm:").partition("|")
    return first, second


class ColleagueMessageSend(Frame):
    """A message in the staff help channel (``help``) or to one colleague (``dm:name``)."""

    type: Literal["staff_chat"] = "staff_chat"
    channel: StaffChannel
    client_msg_id: Ident
    text: Text


class ColleagueMessagesRead(Frame):
    type: Literal["staff_chat_read"] = "staff_chat_read"
    channel: StaffChannel
    up_to: int = Field(ge=0, le=MAX_INT)


class ColleagueMessage(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int
    channel: str  # "help", or "dm:<a>|<b>" (usernames sorted)
    sender: str
    sender_name: str
    text: str
    at: datetime


class ToStaffColleagueMessage(Frame):
    type: Literal["staff_chat"] = "staff_chat"
    message: ColleagueMessage
    client_msg_id: str | None = None  # on the sender's copy: her ack


class ToStaffColleagueHistory(Frame):
    """At login: recent help-channel and direct messages, and how far she has read each."""

    type: Literal["staff_chat_history"] = "staff_chat_history"
    messages: list[ColleagueMessage]
    read: dict[str, int]
