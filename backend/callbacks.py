"""Callback requests on the staff socket: create, list, open, record attempts.

Who sees a callback: the staff who serve its queue (by skill), the colleague it is named
for, and supervisors. The list carries no reason text (it may hold health details); opening
one shows the reason and is written to the access log, like opening a conversation.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from typing import TYPE_CHECKING

from backend.domain.callbacks import (
    AttemptOutcome,
    CallbackRules,
    CallbackState,
    due_at,
    is_overdue,
)
from backend.store.callbacks import CallbackStore
from backend.store.tables import Callback
from protocol.messages import (
    CallbackAttempt,
    CallbackAttemptInfo,
    CallbackCreate,
    CallbackOpen,
    CallbackSummary,
    ErrorCode,
    ProtocolError,
    ToStaffCallback,
    ToStaffCallbackCreated,
    ToStaffCallbacks,
)

if TYPE_CHECKING:
    from backend.hub import Hub

log = logging.getLogger("luukku.callbacks")


def access_key(callback_id: int) -> str:
    """How an opened callback appears in the access log."""
    return f"callback:{callback_id}"


class Callbacks:
    def __init__(self, hub: Hub, store: CallbackStore) -> None:
        self.hub = hub
        self.store = store
        cfg = hub.config.callbacks
        self.rules = CallbackRules(time.fromisoformat(cfg.cutoff), cfg.max_failed_attempts)
        # The not-done callbacks' queue and due time, for the meter (read at every tick,
        # so kept here rather than queried): loaded at start, kept up to date on changes.
        self._pending: dict[int, tuple[str, datetime | None]] = {}

    async def load(self) -> None:
        self._pending = {r.id: (r.queue, r.due_at) for r in await self.store.not_done()}

    def counts(self, queue: str, now: datetime) -> tuple[int, int]:
        """(not done, overdue) for the meter."""
        dues = [due for q, due in self._pending.values() if q == queue]
        return len(dues), sum(1 for due in dues if due is not None and now >= due)

    def _may_see(self, username: str, row: Callback) -> bool:
        profile = self.hub.profiles.get(username)
        if profile is None:
            return False
        return row.nurse == username or row.queue in self.hub._serves(profile)

    def _summary(self, row: Callback) -> CallbackSummary:
        state = CallbackState(row.state)
        return CallbackSummary(
            id=row.id,
            queue=row.queue,
            number=row.number,
            priority="urgent" if row.priority == "urgent" else "normal",
            nurse=row.nurse,
            created_at=row.created_at,
            due_at=row.due_at,
            state=state.value,
            failed_attempts=row.failed_attempts,
            overdue=is_overdue(row.due_at, state, self.hub.clock()),
        )

    async def create(self, username: str, frame: CallbackCreate, source: str = "manual") -> int:
        queue = self.hub.config.queue(frame.queue)
        profile = self.hub.profiles.get(username)
        if queue is None or profile is None or frame.queue not in self.hub._serves(profile):
            raise ProtocolError(ErrorCode.FORBIDDEN, "not a queue you serve", ref=frame.queue)
        if frame.nurse is not None and await self.hub.store.user(frame.nurse) is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such colleague", ref=frame.nurse)
        if frame.conversation_id is not None:
            conversation = await self.hub.store.conversation(frame.conversation_id)
            if conversation is None or conversation.answered_by != username:
                raise ProtocolError(
                    ErrorCode.FORBIDDEN, "not your conversation", ref=frame.conversation_id
                )
            source = "chat"
        now = self.hub.clock()
        row = await self.store.add(
            Callback(
                queue=frame.queue,
                number=frame.number,
                reason=frame.reason,
                priority=frame.priority,
                nurse=frame.nurse,
                source=source,
                conversation_id=frame.conversation_id,
                created_at=now,
                created_by=username,
                due_at=due_at(now, self.hub.hours[frame.queue], self.rules.cutoff),
                state=CallbackState.OPEN.value,
                failed_attempts=0,
            )
        )
        log.info("callback %s created by %s in %s (%s)", row.id, username, row.queue, source)
        self._pending[row.id] = (row.queue, row.due_at)
        await self.hub._to_staff(
            username, ToStaffCallbackCreated(request_id=frame.request_id, callback_id=row.id)
        )
        await self.push()
        return row.id

    async def send_list(self, username: str) -> None:
        rows = await self.store.not_done()
        await self.hub._to_staff(username, self._list_frame(username, rows))

    def _list_frame(self, username: str, rows: list[Callback]) -> ToStaffCallbacks:
        items = [self._summary(r) for r in rows if self._may_see(username, r)]
        far = self.hub.clock().replace(year=9999)
        items.sort(key=lambda c: (not c.overdue, c.priority != "urgent", c.due_at or far, c.id))
        return ToStaffCallbacks(items=items)

    async def push(self) -> None:
        """Everyone's list after a change (each sees only hers), and the meter."""
        rows = await self.store.not_done()
        for username in list(self.hub.staff):
            await self.hub._to_staff(username, self._list_frame(username, rows))
        await self.hub.broadcast_meter()

    async def _visible(self, username: str, callback_id: int) -> Callback:
        row = await self.store.get(callback_id)
        # The same answer for "missing" and "not yours": no probing for callbacks.
        if row is None or not self._may_see(username, row):
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such callback", ref=str(callback_id))
        return row

    async def open(self, username: str, frame: CallbackOpen) -> None:
        row = await self._visible(username, frame.callback_id)
        now = self.hub.clock()
        await self.hub.store.log_access(username, access_key(row.id), "open_callback", now)
        attempts = [
            CallbackAttemptInfo(at=a.at, by=a.by, outcome=a.outcome, note=a.note)
            for a in await self.store.attempts(row.id)
        ]
        await self.hub._to_staff(
            username,
            ToStaffCallback(
                summary=self._summary(row),
                reason=row.reason,
                conversation_id=row.conversation_id,
                attempts=attempts,
            ),
        )

    async def attempt(self, username: str, frame: CallbackAttempt) -> None:
        await self._visible(username, frame.callback_id)
        try:
            row = await self.store.attempt(
                frame.callback_id,
                username,
                AttemptOutcome(frame.outcome),
                frame.note,
                self.hub.clock(),
                self.rules,
            )
        except ValueError as exc:
            raise ProtocolError(ErrorCode.CONFLICT, str(exc), ref=str(frame.callback_id)) from exc
        if row.state == CallbackState.DONE.value:
            self._pending.pop(row.id, None)
        await self.push()
