"""What the window and its sections ask of the backend connection
(``desktop/chat/connection.py`` implements it; tests may stand in for it)."""

from __future__ import annotations

from typing import Protocol

from desktop.ui.callbacks import CallbackCommands
from desktop.ui.colleague_messages import ColleagueMessagesCommands
from desktop.ui.handbook_page import HandbookCommands
from desktop.ui.my_figures import MyFiguresCommands
from desktop.ui.room import SupervisorCommands
from desktop.ui.work_queue import ConversationCommands
from protocol.messages import StaffStatus


class Actions(
    ConversationCommands,
    HandbookCommands,
    CallbackCommands,
    ColleagueMessagesCommands,
    SupervisorCommands,
    MyFiguresCommands,
    Protocol,
):
    """What the window asks of the backend connection."""

    async def open(self, conversation_id: str) -> None: ...
    async def set_status(self, status: StaffStatus, reason: str | None = None) -> None: ...
    async def accept(self, conversation_id: str) -> None: ...
    async def answer_call_in(self, call_in: int, minutes: int | None, reason: str) -> None: ...
    async def digi_leave(self) -> None: ...
