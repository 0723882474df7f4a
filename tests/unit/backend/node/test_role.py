"""The node's life without a database: standby until the lease is taken, active until it
is lost or handed over, and what it tells the app at each step."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any, cast

from backend.node.lease import Holder, Lease, Renewal
from backend.node.role import Leaving, Node, Role


class FakeLease:
    """The lease's answers, scripted."""

    def __init__(self, takes: list[int | None], renewals: list[Renewal]) -> None:
        self.ttl_s = 0.2
        self.app_name = "luukku:test"
        self.token: int | None = None
        self.takes = takes
        self.renewals = renewals
        self.released = 0
        self.holder_node = "other"

    def try_take(self) -> int | None:
        self.token = self.takes.pop(0) if self.takes else None
        return self.token

    def renew(self) -> Renewal:
        return self.renewals.pop(0) if self.renewals else Renewal.KEPT

    def release(self) -> None:
        self.released += 1
        self.token = None

    def holder(self) -> Holder:
        return Holder(self.holder_node, 9, datetime.now(UTC), True)

    def peers(self) -> int:
        return 1

    def close(self) -> None:
        pass


class App:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.left: list[Leaving] = []

    async def activate(self) -> None:
        self.calls.append("activate")

    async def deactivate(self) -> None:
        self.calls.append("deactivate")

    def leave(self, why: Leaving) -> None:
        self.left.append(why)


def node(lease: FakeLease | None) -> Node:
    return Node("a", cast(Lease, lease), renew_s=0.01, poll_s=0.01)


async def settle(app: App, want: int = 1) -> None:
    for _ in range(300):
        if len(app.left) >= want:
            return
        await asyncio.sleep(0.01)


async def test_without_a_lease_the_node_is_active_at_once() -> None:
    app, one = App(), node(None)
    await one.begin(app.activate, app.deactivate, app.leave)
    assert one.role is Role.ACTIVE and one.serving and one.lease_fresh
    assert app.calls == ["activate"]
    assert one.takeovers == 0  # a lone node takes nothing over
    await one.stop()


async def test_a_free_lease_is_taken_before_the_first_request() -> None:
    app, one = App(), node(FakeLease([1], []))
    await one.begin(app.activate, app.deactivate, app.leave)
    assert one.role is Role.ACTIVE and one.token == 1 and one.takeovers == 1
    facts: dict[str, Any] = one.facts()
    assert facts["role"] == "active" and facts["active_node"] == "a"
    await one.stop()


async def test_standby_until_the_lease_comes_free() -> None:
    app, one = App(), node(FakeLease([None, None, None, 4], []))
    await one.begin(app.activate, app.deactivate, app.leave)
    assert one.role is Role.STANDBY and not one.serving and app.calls == []
    assert one.facts()["active_node"] == "other"
    for _ in range(100):
        if one.serving:
            break
        await asyncio.sleep(0.01)
    assert one.role is Role.ACTIVE and app.calls == ["activate"]
    await one.stop()


async def test_a_lost_lease_stops_the_centre_and_leaves() -> None:
    app, one = App(), node(FakeLease([1], [Renewal.KEPT, Renewal.LOST]))
    await one.begin(app.activate, app.deactivate, app.leave)
    await settle(app)
    assert app.left == [Leaving.LOST]
    assert app.calls == ["activate", "deactivate"]
    assert not one.serving
    await one.stop()


async def test_an_unreachable_database_is_not_a_loss_but_the_lease_goes_stale() -> None:
    lease = FakeLease([1], [Renewal.UNREACHABLE] * 100)
    app, one = App(), node(lease)
    await one.begin(app.activate, app.deactivate, app.leave)
    await asyncio.sleep(lease.ttl_s + 0.1)
    assert one.role is Role.ACTIVE and app.left == []
    assert not one.lease_fresh  # /api/health says degraded: the front stops sending here
    await one.stop()


async def test_step_down_hands_over_then_leaves() -> None:
    lease = FakeLease([1], [Renewal.STEP_DOWN])
    app, one = App(), node(lease)
    await one.begin(app.activate, app.deactivate, app.leave)
    await settle(app)
    assert app.left == [Leaving.HANDED_OVER]
    assert app.calls == ["activate", "deactivate"]
    assert lease.released >= 1
    await one.stop()


async def test_a_fenced_write_makes_the_node_leave() -> None:
    app, one = App(), node(FakeLease([1], []))
    await one.begin(app.activate, app.deactivate, app.leave)
    await one.fenced()
    assert app.left == [Leaving.LOST] and not one.serving
    await one.fenced()  # told twice (two refused batches): leaves once
    assert app.left == [Leaving.LOST]
    await one.stop()


async def test_the_lease_is_renewed_while_a_big_centre_is_rebuilt() -> None:
    lease = FakeLease([1], [])
    renewed: list[Role] = []
    one = node(lease)

    def renew() -> Renewal:
        renewed.append(one.role)
        return Renewal.KEPT

    lease.renew = renew  # type: ignore[method-assign]
    app = App()

    async def slow_activate() -> None:
        await asyncio.sleep(lease.ttl_s * 2)  # longer than the lease lives
        app.calls.append("activate")

    await one.begin(slow_activate, app.deactivate, app.leave)
    assert one.role is Role.ACTIVE and app.calls == ["activate"]
    assert renewed.count(Role.ACTIVATING) >= 5  # not a moment without a renewal
    assert one.lease_fresh
    await one.stop()


async def test_a_lease_lost_while_rebuilding_never_serves() -> None:
    lease = FakeLease([1], [Renewal.LOST])
    app, one = App(), node(lease)

    async def slow_activate() -> None:
        await asyncio.sleep(0.2)

    await one.begin(slow_activate, app.deactivate, app.leave)
    assert app.left == [Leaving.LOST] and not one.serving
    await one.stop()
