"""The colleagues' chat slice of the workstation state: messages by channel, how far she
read each, and her messages not yet confirmed. Pure: frames in, events out
(``COLLEAGUE_MESSAGE_FRAMES``, assembled in ``desktop/chat/state.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.events import Event, EventKind
from protocol.messages import (
    ColleagueMessage,
    Frame,
    ToStaffColleagueHistory,
    ToStaffColleagueMessage,
    channel_members,
)


@dataclass
class PendingColleagueMessage:
    channel: str
    client_msg_id: str
    text: str


def channel_peer(channel: str, me: str) -> str | None:
    """The colleague at the other end of a direct channel (None: the help channel)."""
    ends = channel_members(channel)
    if ends is None:
        return None
    return ends[1] if ends[0] == me else ends[0]


@dataclass
class ColleagueMessagesState:
    """The help channel and direct messages: messages by channel, and how far she read."""

    messages: dict[str, list[ColleagueMessage]] = field(default_factory=dict)
    read: dict[str, int] = field(default_factory=dict)
    pending: list[PendingColleagueMessage] = field(default_factory=list)

    def add(self, message: ColleagueMessage) -> None:
        items = self.messages.setdefault(message.channel, [])
        if any(m.id == message.id for m in items):
            return
        items.append(message)
        items.sort(key=lambda m: m.id)

    def unread(self, channel: str, me: str) -> int:
        last = self.read.get(channel, 0)
        return sum(1 for m in self.messages.get(channel, []) if m.id > last and m.sender != me)

    def total_unread(self, me: str) -> int:
        return sum(self.unread(channel, me) for channel in self.messages)

    def mark_read(self, channel: str) -> int | None:
        """Everything in ``channel`` read; the id to tell the server, if it moved."""
        items = self.messages.get(channel, [])
        if not items or self.read.get(channel, 0) >= items[-1].id:
            return None
        self.read[channel] = items[-1].id
        return items[-1].id

    def on_history(self, frame: ToStaffColleagueHistory) -> list[Event]:
        self.messages = {}
        for message in frame.messages:
            self.add(message)
        self.read = dict(frame.read)
        return [Event(EventKind.COLLEAGUE_MESSAGES)]

    def on_message(self, frame: ToStaffColleagueMessage) -> list[Event]:
        self.add(frame.message)
        if frame.client_msg_id is not None:
            self.pending = [p for p in self.pending if p.client_msg_id != frame.client_msg_id]
            self.read[frame.message.channel] = max(
                frame.message.id, self.read.get(frame.message.channel, 0)
            )
        return [Event(EventKind.COLLEAGUE_MESSAGES, detail=frame.message.channel)]


COLLEAGUE_MESSAGE_FRAMES: dict[
    type[Frame], Callable[[ColleagueMessagesState, Any], list[Event]]
] = {
    ToStaffColleagueHistory: ColleagueMessagesState.on_history,
    ToStaffColleagueMessage: ColleagueMessagesState.on_message,
}
