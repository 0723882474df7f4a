"""This backend node's role: standby until it holds the lease, then active, until it hands
over (``step-down``, SIGTERM) or finds the lease taken (it was frozen or cut off).

The node owns the lease and the moments of its life; what "becoming active" and
"leaving" do (build the live centre from the database; stop the server) is given to it
by the app, so this module knows nothing of Starlette or the hub. On SQLite there is no
lease: the one node is active at once, and a second process on the same database file is
refused (``OneNodeLock``).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import IO, TypeVar

from backend.config_base import ConfigError
from backend.metrics import NodeFigures
from backend.node.lease import Holder, Lease, Renewal

log = logging.getLogger("luukku.node")
T = TypeVar("T")


class Role(Enum):
    STARTING = "starting"
    STANDBY = "standby"
    # The lease held (and renewed), the live centre being rebuilt from the database.
    ACTIVATING = "activating"
    ACTIVE = "active"
    HANDING_OVER = "handing_over"  # stepping down: the centre stopped, the lease released
    LEFT = "left"  # lost or handed over: the process restarts as standby


class Leaving(Enum):
    """Why the node leaves: the server stops (and, but for SHUTDOWN, starts again)."""

    LOST = "lost"
    HANDED_OVER = "handed_over"
    SHUTDOWN = "shutdown"


def default_name(port: int) -> str:
    return f"{socket.gethostname()}:{port}"


class OneNodeLock:
    """SQLite serves one node: a second backend on the same database file would be a
    second live centre with its own queues. The lock is the OS's (it ends with the
    process, killed or not)."""

    def __init__(self, database_file: Path) -> None:
        self.path = database_file.with_name(database_file.name + ".node-lock")
        self._file: IO[str] | None = None

    def take(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise ConfigError(
                f"another backend is serving the SQLite database beside {self.path}: SQLite "
                "serves one node; two nodes need PostgreSQL (LUUKKU_DATABASE_URL=postgresql"
                '+psycopg://…, README "Two nodes")'
            ) from exc
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class Node:
    """One backend process's role and the loop that keeps it."""

    def __init__(
        self,
        name: str,
        lease: Lease | None,
        *,
        renew_s: float | None = None,
        poll_s: float = 0.2,
    ) -> None:
        self.name = name
        self.lease = lease
        ttl = lease.ttl_s if lease is not None else 3.0
        self.renew_s = renew_s if renew_s is not None else ttl / 4
        self.poll_s = poll_s
        self.role = Role.STARTING
        self.active_since: datetime | None = None
        self.takeovers = 0
        self.last_renewed: float | None = None  # monotonic
        self.active_holder: Holder | None = None  # as last read while standby
        # One thread for the lease: its calls block, and must not wait behind the store.
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="luukku-lease")
        self._task: asyncio.Task[None] | None = None
        self._keeper: asyncio.Task[None] | None = None
        self._activate: Callable[[], Awaitable[None]] | None = None
        self._deactivate: Callable[[], Awaitable[None]] | None = None
        self._leave: Callable[[Leaving], None] | None = None
        self._handing: asyncio.Task[None] | None = None

    # --- what the app reads --------------------------------------------------------------

    @property
    def serving(self) -> bool:
        return self.role is Role.ACTIVE

    @property
    def lease_fresh(self) -> bool:
        """The active's last renewal is within the lease's time to live (always, without
        a lease): past it another node may have taken over, so it says it is not serving."""
        if self.lease is None:
            return True
        return (
            self.last_renewed is not None
            and time.monotonic() - self.last_renewed < self.lease.ttl_s
        )

    @property
    def token(self) -> int | None:
        return None if self.lease is None else self.lease.token

    def figures(self) -> NodeFigures:
        """For /metrics."""
        since = self.active_since.timestamp() if self.active_since is not None else None
        return NodeFigures(self.token, since, self.takeovers)

    def facts(self) -> dict[str, object]:
        """For /api/health and the log: this node, its role, and who is active since when."""
        facts: dict[str, object] = {"node": self.name, "role": self.role.value}
        if self.role is Role.ACTIVE:
            facts["active_node"] = self.name
            facts["active_since"] = self.active_since.isoformat() if self.active_since else None
            facts["lease_token"] = self.token
            facts["takeovers"] = self.takeovers
        elif self.active_holder is not None and self.active_holder.live:
            facts["active_node"] = self.active_holder.node
            since = self.active_holder.since
            facts["active_since"] = since.isoformat() if since else None
        return facts

    # --- life ----------------------------------------------------------------------------

    async def _blocking(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn)

    async def begin(
        self,
        activate: Callable[[], Awaitable[None]],
        deactivate: Callable[[], Awaitable[None]],
        leave: Callable[[Leaving], None],
    ) -> None:
        """``activate`` builds and starts the live centre; ``deactivate`` stops it and
        lets every write it began finish; ``leave`` stops the server. A free lease is
        taken before this returns, so a lone node serves from its first request."""
        self._activate, self._deactivate, self._leave = activate, deactivate, leave
        if self.lease is None:
            await self._become_active()
            return
        self.role = Role.STANDBY
        if await self._take():
            await self._activate_keeping()
        else:
            self.active_holder = await self._blocking(self.lease_holder)
            log.info("node %s: standby, waiting for the lease", self.name)
        self._task = asyncio.create_task(self._run(), name="node-role")

    async def _take(self) -> bool:
        assert self.lease is not None
        token = await self._blocking(self.lease.try_take)
        if token is None:
            return False
        self.last_renewed = time.monotonic()
        return True

    async def _activate_keeping(self) -> None:
        """The lease is renewed from the moment it is taken: rebuilding a big centre
        may take longer than the lease lives."""
        self.role = Role.ACTIVATING
        self._keeper = asyncio.create_task(self._keep(), name="node-lease-renewal")
        await self._become_active()

    async def _run(self) -> None:
        try:
            while self.role is Role.STANDBY:
                self.active_holder = await self._blocking(self.lease_holder)
                await asyncio.sleep(self.poll_s)
                if await self._take():
                    await self._activate_keeping()
            if self._keeper is not None:
                await self._keeper
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("node %s: the role loop failed; leaving", self.name)
            self._go(Leaving.LOST)

    def lease_holder(self) -> Holder | None:
        return None if self.lease is None else self.lease.holder()

    async def _become_active(self) -> None:
        assert self._activate is not None
        began = time.monotonic()
        self.active_since = datetime.now(UTC)
        await self._activate()
        if self.role not in (Role.STARTING, Role.ACTIVATING):
            return  # the lease was lost while the centre was rebuilt
        self.role = Role.ACTIVE
        if self.lease is not None:
            self.takeovers += 1
            log.warning(
                "node %s: active (lease token %s), the live centre rebuilt in %.2f s",
                self.name,
                self.token,
                time.monotonic() - began,
            )

    async def _keep(self) -> None:
        assert self.lease is not None
        holding = (Role.ACTIVATING, Role.ACTIVE)
        while self.role in holding:
            await asyncio.sleep(self.renew_s)
            if self.role not in holding:
                return
            renewal = await self._blocking(self.lease.renew)
            if renewal in (Renewal.KEPT, Renewal.STEP_DOWN):
                self.last_renewed = time.monotonic()
            # A step-down asked while the centre is still being rebuilt waits for it (the
            # request stays in the lease row).
            if renewal is Renewal.STEP_DOWN and self.role is Role.ACTIVE:
                log.warning("node %s: asked to step down; handing over", self.name)
                await self.hand_over(Leaving.HANDED_OVER)
                return
            if renewal is Renewal.LOST:
                log.error(
                    "node %s: another node holds the lease; this one stops serving", self.name
                )
                await self._lost()
                return

    async def fenced(self) -> None:
        """A write was refused by the fence: the lease is gone, whatever the loop thinks."""
        if self.role in (Role.ACTIVATING, Role.ACTIVE):
            log.error("node %s: a write was fenced off; this one stops serving", self.name)
            await self._lost()

    async def _lost(self) -> None:
        self.role = Role.LEFT
        assert self._deactivate is not None
        with contextlib.suppress(Exception):
            await self._deactivate()
        self._go(Leaving.LOST)

    def hand_over_soon(self, why: Leaving) -> None:
        """From a signal handler: the hand-over runs on the loop (held till done)."""
        if self._handing is None:
            self._handing = asyncio.get_running_loop().create_task(self.hand_over(why))

    async def hand_over(self, why: Leaving) -> None:
        """Planned: stop the centre, let its writes finish, free the lease, and leave once
        the other node serves (or after two lease times, if there is none): clients then
        reconnect straight to it."""
        if self.role is not Role.ACTIVE:
            if self.role in (Role.STANDBY, Role.STARTING):
                self._go(why)
            return
        self.role = Role.HANDING_OVER
        assert self._deactivate is not None and self.lease is not None
        began = time.monotonic()
        try:
            await self._deactivate()
        finally:
            await self._blocking(self.lease.release)
        waited_for = await self._blocking(self.lease.peers)
        deadline = began + (2 * self.lease.ttl_s if waited_for else 0.0)
        while time.monotonic() < deadline:
            holder = await self._blocking(self.lease.holder)
            if holder is not None and holder.live and holder.node != self.name:
                log.warning(
                    "node %s: handed over to %s in %.2f s",
                    self.name,
                    holder.node,
                    time.monotonic() - began,
                )
                # The front's health checks need a moment to see the new active.
                await asyncio.sleep(HEALTH_SETTLE_S)
                break
            await asyncio.sleep(0.05)
        self._go(why)

    def _go(self, why: Leaving) -> None:
        self.role = Role.LEFT
        assert self._leave is not None
        self._leave(why)

    async def stop(self) -> None:
        """At shutdown (the server is stopping): the centre stops if it still runs, the
        loop ends, the lease is freed after the last write."""
        if self.role in (Role.ACTIVATING, Role.ACTIVE):
            self.role = Role.LEFT
            assert self._deactivate is not None
            await self._deactivate()
        for task in (self._task, self._keeper):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self.lease is not None:
            lease = self.lease
            await self._blocking(lease.release)
            await self._blocking(lease.close)
        self._thread.shutdown(wait=True)


# The shipped HAProxy front checks every 250 ms and needs one good answer: half a second
# covers a check and its answer.
HEALTH_SETTLE_S = 0.5
