"""How long a waiting contact is likely to wait, from who can take the queue now and the
day's figures (``backend/domain/meter.py`` computes; this gathers what it needs)."""

from __future__ import annotations

from collections.abc import Callable

from backend.centre.records import Online
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.domain.meter import StaffCapacity, estimated_wait_s
from protocol.messages import StaffStatus


class Estimates:
    def __init__(self, service: Service, online: Online, routing: Routing) -> None:
        self.service = service
        self.online = online
        self.routing = routing

    def capacity(self, queue: str) -> StaffCapacity:
        router = self.routing.router
        skill = router.queue_skills[queue]
        q = self.service.config.queue(queue)
        phone = q is not None and q.channel == "phone"
        ready = busy = free = slots = people = 0
        for agent in router.agents.values():
            if skill not in agent.skills or agent.username not in self.online.staff:
                continue
            if agent.status is StaffStatus.OFFLINE:
                continue
            people += 1
            # A phone line: one call at a time each; a chat queue: her chat slots.
            slots += 1 if phone else agent.chat_capacity
            if agent.chats or agent.on_call:
                busy += 1
            if agent.status is StaffStatus.READY:
                ready += 1
                if phone and agent.can_take(skill, "phone") and not agent.chats:
                    free += 1
                elif not phone and agent.can_take(skill, "chat"):
                    free += agent.chat_capacity - agent.load
        return StaffCapacity(
            ready=ready, busy=busy, free_slots=free, logged_in_slots=slots, logged_in=people
        )

    def estimate(self, queue: str, position: int) -> float | None:
        return self.estimator(queue)(position)

    def estimator(self, queue: str) -> Callable[[int], float | None]:
        """Estimates for many places in one queue: the staff are counted once."""
        config = self.service.config
        q = config.queue(queue)
        assert q is not None
        capacity = self.capacity(queue)
        counts = self.routing.counts[queue]
        thresholds = config.meter[q.channel].thresholds()
        return lambda position: estimated_wait_s(position, capacity, counts, thresholds)
