"""The record entry and the hand-off links, on the backend's side: the access log.

The desktop builds the entry (``desktop/chat/record.py``) and opens the links in the
system browser; what leaves Luukku that way is health data, so each copy and each
hand-off is written to the access log like opening the conversation: who, which contact,
when, and which link. She may do it only for a contact she may open (a chat of her queues,
one she handled or consults in, a call she answered).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backend.channels.chat import ChatChannel
from backend.store.phone import PhoneStore
from backend.store.repository import Store
from protocol.messages import ErrorCode, ProtocolError, StaffHandoffUsed, StaffRecordCopied


class RecordAccess:
    def __init__(self, store: Store, chat: ChatChannel, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.chat = chat
        self.calls = PhoneStore(store)
        self.clock = clock

    async def may_see(self, username: str, contact_id: str) -> bool:
        """A chat she may open, or a call she answered."""
        row = await self.store.conversation(contact_id)
        if row is not None:
            return self.chat.may_open(username, row.id, row.queue, row.answered_by)
        return await self.calls.answered_by(contact_id) == username

    async def copied(self, username: str, frame: StaffRecordCopied) -> None:
        await self._log(username, frame.contact, "record_copy")

    async def handoff(self, username: str, frame: StaffHandoffUsed) -> None:
        await self._log(username, frame.contact, f"handoff:{frame.link}")

    async def _log(self, username: str, contact: str, action: str) -> None:
        if not await self.may_see(username, contact):
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such contact of yours", ref=contact)
        await self.store.log_access(username, contact, action, self.clock())
