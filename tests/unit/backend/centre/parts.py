"""The live centre's parts built alone (no hub, no sockets), over a real SQLite file and a
fixed clock: what each part's unit tests stand on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from backend.centre.events import Events
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Online
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.config import load_service_config
from backend.demo.seed import seed_demo_staff
from backend.domain.routing import Offer
from backend.metrics import Metrics
from backend.settings import Settings
from backend.store.migrate import upgrade
from backend.store.repository import Store
from protocol.messages import Frame, parse_to_staff_frame
from tests.helpers import fresh_database_url

# Monday 23.11.2026, 10:00 Helsinki: every demo queue is open.
MONDAY_MORNING = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class Recorder:
    """A socket as the parts see it: what was sent, and how it was closed."""

    def __init__(self, fail: bool = False) -> None:
        self.frames: list[Any] = []
        self.texts: list[str] = []
        self.closed: int | None = None
        self.fail = fail

    async def send(self, frame: Frame) -> None:
        if self.fail:
            raise ConnectionError("gone")
        self.frames.append(frame)

    def send_text(self, text: str) -> None:
        if self.fail:
            raise ConnectionError("gone")
        self.texts.append(text)
        self.frames.append(parse_to_staff_frame(text))

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.closed = code

    def of(self, type_: str) -> list[Any]:
        return [f for f in self.frames if getattr(f, "type", None) == type_]


@dataclass
class Desk:
    """A channel's desk that only records what routing asked of it."""

    delivered: list[Offer] = field(default_factory=list)
    withdrawn: list[tuple[str, str, str]] = field(default_factory=list)
    mine: set[str] = field(default_factory=set)

    async def deliver(self, offer: Offer, now: datetime) -> None:
        self.delivered.append(offer)

    async def withdraw(self, username: str, contact_id: str, reason: str) -> None:
        self.withdrawn.append((username, contact_id, reason))

    async def tick(self, now: datetime) -> None:
        pass

    async def positions(self) -> None:
        pass

    def holds(self, contact_id: str) -> bool:
        return contact_id in self.mine


@dataclass
class Parts:
    now: list[datetime]
    store: Store
    service: Service
    events: Events
    online: Online
    outbox: Outbox
    due: MeterDue
    metrics: Metrics
    routing: Routing


async def build(tmp_path: Path) -> Parts:
    url = fresh_database_url(tmp_path)
    upgrade(url)
    store = Store(url)
    await seed_demo_staff(store)
    now = [MONDAY_MORNING]
    settings = Settings.from_env({"LUUKKU_DATA_DIR": str(tmp_path)})
    service = Service(settings, load_service_config(), lambda: now[0])
    events = Events()
    online = Online()
    outbox = Outbox(online)
    due = MeterDue()
    metrics = Metrics()
    routing = Routing(service, store, outbox, events, due, metrics)
    return Parts(now, store, service, events, online, outbox, due, metrics, routing)
