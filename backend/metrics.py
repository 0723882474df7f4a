"""Metrics in the Prometheus text format at ``/metrics`` (prometheus_client), for the
organisation's monitoring and alerts (examples: ``installer/server/luukku-alerts.yml``).

Two kinds: counters the live centre bumps as things happen (offers made, lapsed,
accepted; client lines acked; the database's commit time), and figures read at scrape
time from what the centre already holds (each queue's waiting, longest wait, colour and
today's service level; staff by state; open sockets; callbacks open and overdue; the
round's longest tick). One registry per backend, not the library's global one: tests run
several backends in one process. No client data and no names: queues, states, counts.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from protocol.messages import Level, QueueFigures

LEVELS = {Level.GREEN: 0, Level.YELLOW: 1, Level.RED: 2}
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(frozen=True)
class Snapshot:
    """What the centre holds now, as the scrape reads it."""

    meter: list[QueueFigures]
    staff_states: Iterable[str]  # one status per connected staff member
    sockets: dict[str, int]  # open sockets by kind: staff, client, gateway
    longest_tick_s: float


class _Live(Collector):
    def __init__(self, read: Callable[[], Snapshot]) -> None:
        self.read = read

    def collect(self) -> Iterable[Metric]:
        now = self.read()
        waiting = GaugeMetricFamily(
            "luukku_queue_waiting", "Contacts waiting in the queue now", labels=["queue", "channel"]
        )
        longest = GaugeMetricFamily(
            "luukku_queue_longest_wait_seconds", "The longest current wait", labels=["queue"]
        )
        level = GaugeMetricFamily(
            "luukku_queue_level",
            "The meter's colour now: 0 green, 1 yellow, 2 red",
            labels=["queue"],
        )
        service = GaugeMetricFamily(
            "luukku_queue_service_level_today",
            "Today's share answered within target (absent before any contact)",
            labels=["queue"],
        )
        callbacks = GaugeMetricFamily(
            "luukku_callbacks", "Callbacks not done yet", labels=["queue", "state"]
        )
        for f in now.meter:
            waiting.add_metric([f.queue, f.channel], f.waiting)
            longest.add_metric([f.queue], f.longest_wait_s)
            level.add_metric([f.queue], LEVELS[f.level])
            if f.service_level_today is not None:
                service.add_metric([f.queue], f.service_level_today)
            callbacks.add_metric([f.queue, "open"], f.callbacks_open)
            callbacks.add_metric([f.queue, "overdue"], f.callbacks_overdue)
        staff = GaugeMetricFamily("luukku_staff", "Staff logged in, by state", labels=["state"])
        for state, count in sorted(Tally(now.staff_states).items()):
            staff.add_metric([state], count)
        sockets = GaugeMetricFamily("luukku_sockets", "Open sockets by kind", labels=["kind"])
        for kind, count in sorted(now.sockets.items()):
            sockets.add_metric([kind], count)
        tick = GaugeMetricFamily(
            "luukku_round_longest_seconds",
            "The live centre's longest round since start (the time it held the event loop)",
        )
        tick.add_metric([], now.longest_tick_s)
        yield from (waiting, longest, level, service, callbacks, staff, sockets, tick)


@dataclass(frozen=True)
class NodeFigures:
    """This node of a pair (backend/node/): the lease's fencing token, which rises by one
    at every takeover anywhere in the pair, and this process's own takeovers."""

    lease_token: int | None
    active_since_unix: float | None
    takeovers: int


class _Node(Collector):
    def __init__(self, read: Callable[[], NodeFigures]) -> None:
        self.read = read

    def collect(self) -> Iterable[Metric]:
        now = self.read()
        if now.lease_token is not None:
            token = GaugeMetricFamily(
                "luukku_lease_token", "The active node's fencing token (one more a takeover)"
            )
            token.add_metric([], now.lease_token)
            yield token
        if now.active_since_unix is not None:
            since = GaugeMetricFamily(
                "luukku_node_active_since_seconds", "When this node became active (Unix time)"
            )
            since.add_metric([], now.active_since_unix)
            yield since
        takeovers = CounterMetricFamily(
            "luukku_node_takeovers", "Times this process took the lease over"
        )
        takeovers.add_metric([], now.takeovers)
        yield takeovers


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.offers = Counter(
            "luukku_offers", "Offers made to staff", ["channel"], registry=self.registry
        )
        self.lapses = Counter(
            "luukku_offer_lapses", "Offers that lapsed unanswered", registry=self.registry
        )
        self.accepts = Counter(
            "luukku_offer_accepts", "Chat offers accepted", registry=self.registry
        )
        self.lines_acked = Counter(
            "luukku_client_lines_acked",
            "Client lines stored and acknowledged",
            registry=self.registry,
        )
        self.commit_seconds = Histogram(
            "luukku_db_commit_seconds",
            "Time of one database commit of the line writer",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
            registry=self.registry,
        )

    def read_live(self, read: Callable[[], Snapshot]) -> None:
        self.registry.register(_Live(read))

    def read_node(self, read: Callable[[], NodeFigures]) -> None:
        self.registry.register(_Node(read))

    def text(self) -> bytes:
        return generate_latest(self.registry)
