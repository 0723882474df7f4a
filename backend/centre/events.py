"""What happened in the live centre, told to the parts that asked to hear it.

A part publishes a fact once it has done its own share (the sessions after her
connection is attached, routing after her status changed); subscribers react in their own
state and never write the publisher's. Subscribers of one kind must not depend on each
other's order: each reads only the fact and its own records.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from backend.centre.records import Link
from backend.config import ServiceConfig
from protocol.messages import QueueFigures, StaffStatus

log = logging.getLogger("luukku.events")


@dataclass(frozen=True)
class StaffAttached:
    """Her socket is attached and has her profile, status and log-in frame."""

    username: str
    link: Link


@dataclass(frozen=True)
class StaffLeft:
    """Her socket is gone (she is Offline; her chats stay hers until she returns)."""

    username: str


@dataclass(frozen=True)
class AccountEnded:
    """Her account was disabled or removed: what she held goes back to others."""

    username: str


@dataclass(frozen=True)
class StatusChanged:
    username: str
    status: StaffStatus
    reason: str | None
    since: datetime


@dataclass(frozen=True)
class MeterComputed:
    """The round's figures, computed once and sent to the desktops."""

    figures: list[QueueFigures]


@dataclass(frozen=True)
class ConfigReloaded:
    config: ServiceConfig


Event = StaffAttached | StaffLeft | AccountEnded | StatusChanged | MeterComputed | ConfigReloaded
E = TypeVar(
    "E", StaffAttached, StaffLeft, AccountEnded, StatusChanged, MeterComputed, ConfigReloaded
)
Handler = Callable[[Any], Awaitable[None] | None]


class Events:
    def __init__(self) -> None:
        self._handlers: dict[type[Any], list[Handler]] = {}

    def subscribe(self, kind: type[E], handler: Callable[[E], Awaitable[None] | None]) -> None:
        self._handlers.setdefault(kind, []).append(handler)

    async def publish(self, event: Event) -> None:
        """Each subscriber in turn; one that fails is logged and the others still hear."""
        for handler in self._handlers.get(type(event), []):
            try:
                result = handler(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("%s subscriber failed", type(event).__name__)
