"""The lease that makes one backend node the active one, held in PostgreSQL.

Two nodes share one database; the node holding the lease holds the live centre (queues,
offers, the round, the gateways), the other waits as standby. The lease is a row
(``node_lease``) with an expiry in the database's clock, renewed every fraction of its
time to live. A row and not only an advisory lock: a frozen process (SIGSTOP, a hung
virtual machine) keeps its connection, and with it a session lock, for as long as it is
frozen; a row that expires lets the standby take over anyway. The advisory lock is kept
beside it as the quick signal: when it comes free, the holder's connection is gone (a
killed process, a lost network), and the standby need not wait out the expiry.

Fencing: each write transaction of the active first reads its token ``FOR SHARE``
(``fence``). A takeover bumps the token, and ends the old holder's database sessions
first (``pg_terminate_backend``, so a frozen transaction cannot hold the row), so once the
takeover commits, no transaction of the old holder can commit: its check finds another
token and it learns it lost.

Everything here blocks; the node calls it on a thread of its own (``backend/node/role.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import Connection

from backend.store.connect import TCP_LIVENESS, connect_args
from backend.store.transactions import Fenced

log = logging.getLogger("luukku.node")

LEASE = "centre"
# The advisory lock's key (any constant shared by the nodes of one database).
LOCK_KEY = 0x4C55554B4B55


class LeaseLost(Fenced):
    """A write of a node whose lease another node has taken: refused, nothing stored."""


class Renewal(Enum):
    KEPT = "kept"
    STEP_DOWN = "step_down"  # kept, and `python -m backend step-down` asked to hand over
    LOST = "lost"  # another node holds it now
    UNREACHABLE = "unreachable"  # the database did not answer: not known either way


@dataclass(frozen=True)
class Holder:
    """Who holds the lease, as the database says."""

    node: str
    token: int
    since: datetime | None
    live: bool  # unexpired


class Lease:
    """One node's side of the lease, on a connection of its own (the advisory lock is
    the connection's)."""

    def __init__(self, url: str, node: str, ttl_s: float) -> None:
        self.node = node
        # The name its database sessions carry; a takeover ends the old holder's by it.
        self.app_name = f"luukku:{node}:{os.getpid()}"[:63]
        self.ttl_s = ttl_s
        self._params = connect_args(url)
        self._conn: psycopg.Connection[Any] | None = None
        self._locked = False
        # Read on the store's writer thread (fence), written here.
        self._token: int | None = None
        self._token_lock = threading.Lock()

    @property
    def token(self) -> int | None:
        with self._token_lock:
            return self._token

    def _set_token(self, token: int | None) -> None:
        with self._token_lock:
            self._token = token

    # --- the connection ------------------------------------------------------------------

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is not None and not self._conn.closed and not self._conn.broken:
            return self._conn
        self._drop()
        conn = psycopg.connect(
            **self._params,
            **TCP_LIVENESS,
            autocommit=True,
            application_name=self.app_name,
            connect_timeout=max(1, round(self.ttl_s)),
        )
        # A takeover waits for the active's in-flight writes, never for long.
        conn.execute("SET lock_timeout = '1s'")
        conn.execute("SET statement_timeout = '2s'")
        conn.execute(
            "INSERT INTO node_lease (name, holder, holder_app, token, step_down) "
            "VALUES (%s, '', '', 0, false) ON CONFLICT DO NOTHING",
            (LEASE,),
        )
        self._conn = conn
        return conn

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None
        self._locked = False  # a session lock ends with its connection

    def _try_lock(self, conn: psycopg.Connection[Any]) -> None:
        if not self._locked:
            row = conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()
            self._locked = bool(row and row[0])

    def close(self) -> None:
        self._drop()

    # --- standby -------------------------------------------------------------------------

    def try_take(self) -> int | None:
        """Take the lease if it is free, expired, or its holder's connection is gone;
        the new fencing token, or None (someone live holds it, or no database)."""
        try:
            conn = self._connection()
            self._try_lock(conn)
            row = conn.execute(
                "SELECT holder_app, expires_at IS NULL OR expires_at < clock_timestamp() "
                "FROM node_lease WHERE name = %s",
                (LEASE,),
            ).fetchone()
            assert row is not None
            old_app, expired = str(row[0]), bool(row[1])
            if not (expired or self._locked):
                return None
            if old_app and old_app != self.app_name:
                # The old holder is dead, frozen or cut off: its sessions end, so that a
                # transaction it left open cannot hold the lease row (or commit later).
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = %s",
                    (old_app,),
                )
            with conn.transaction():
                row = conn.execute(
                    "SELECT holder_app, expires_at IS NULL OR expires_at < clock_timestamp() "
                    "FROM node_lease WHERE name = %s FOR UPDATE",
                    (LEASE,),
                ).fetchone()
                assert row is not None
                if not (bool(row[1]) or self._locked):
                    return None  # renewed meanwhile: its holder lives
                taken = conn.execute(
                    "UPDATE node_lease SET holder = %s, holder_app = %s, token = token + 1, "
                    "since = clock_timestamp(), "
                    "expires_at = clock_timestamp() + make_interval(secs => %s), "
                    "step_down = false WHERE name = %s RETURNING token",
                    (self.node, self.app_name, self.ttl_s, LEASE),
                ).fetchone()
            assert taken is not None
            token = int(taken[0])
            self._set_token(token)
            return token
        except psycopg.Error as exc:
            log.info("lease not taken: %s", type(exc).__name__)
            self._drop()
            return None

    def holder(self) -> Holder | None:
        try:
            return read_holder(self._connection())
        except psycopg.Error:
            self._drop()
            return None

    def peers(self) -> int:
        """Other nodes connected to the database now (each keeps its lease connection open,
        named ``luukku:<node>:<pid>``): with none, a hand-over has nobody to wait for."""
        try:
            row = (
                self._connection()
                .execute(
                    "SELECT count(DISTINCT application_name) FROM pg_stat_activity "
                    "WHERE application_name LIKE 'luukku:%%' AND application_name <> %s",
                    (self.app_name,),
                )
                .fetchone()
            )
        except psycopg.Error:
            self._drop()
            return 0
        return int(row[0]) if row is not None else 0

    # --- active --------------------------------------------------------------------------

    def renew(self) -> Renewal:
        token = self.token
        if token is None:
            return Renewal.LOST
        try:
            conn = self._connection()
            self._try_lock(conn)
            # The token alone decides: a lease that expired while the database was away,
            # and that nobody took meanwhile, is still this node's.
            row = conn.execute(
                "UPDATE node_lease "
                "SET expires_at = clock_timestamp() + make_interval(secs => %s) "
                "WHERE name = %s AND token = %s RETURNING step_down",
                (self.ttl_s, LEASE, token),
            ).fetchone()
        except psycopg.Error as exc:
            log.warning("lease not renewed: %s", type(exc).__name__)
            self._drop()
            return Renewal.UNREACHABLE
        if row is None:
            self._set_token(None)
            return Renewal.LOST
        return Renewal.STEP_DOWN if row[0] else Renewal.KEPT

    def release(self) -> None:
        """Hand the lease over: free at once for the standby (after the last write)."""
        token = self.token
        self._set_token(None)
        if token is None:
            return
        try:
            conn = self._connection()
            conn.execute(
                "UPDATE node_lease SET expires_at = NULL, holder_app = '', step_down = false "
                "WHERE name = %s AND token = %s",
                (LEASE, token),
            )
            conn.execute("SELECT pg_advisory_unlock_all()")
            self._locked = False
        except psycopg.Error as exc:
            log.warning("lease not released (it expires by itself): %s", type(exc).__name__)
            self._drop()

    def fence(self, conn: Connection) -> None:
        """On the store's writer thread, first in every write transaction: refuse the
        transaction unless this node still holds the lease, and keep the lease row from
        changing hands until it commits."""
        token = self.token
        held = (
            token is not None
            and conn.execute(
                text("SELECT 1 FROM node_lease WHERE name = :name AND token = :token FOR SHARE"),
                {"name": LEASE, "token": token},
            ).first()
            is not None
        )
        if not held:
            self._set_token(None)
            raise LeaseLost(f"node {self.node} no longer holds the lease")


class NoStandby(Exception):
    """Nobody to hand over to: stepping down would only restart the active node."""


def ask_to_step_down(url: str) -> str | None:
    """``python -m backend step-down``: ask the active node to hand over; its name, or
    None when no node holds the lease. Refused (``NoStandby``) when no other node is
    connected to take over."""
    holder = current_holder(url)
    if holder is None or not holder.live:
        return None
    with psycopg.connect(**connect_args(url), autocommit=True, connect_timeout=5) as conn:
        others = conn.execute(
            "SELECT count(DISTINCT application_name) FROM pg_stat_activity "
            "WHERE application_name LIKE 'luukku:%%' AND application_name <> "
            "(SELECT holder_app FROM node_lease WHERE name = %s)",
            (LEASE,),
        ).fetchone()
        if others is not None and int(others[0]) == 0:
            raise NoStandby("no standby node is running")
        row = conn.execute(
            "UPDATE node_lease SET step_down = true WHERE name = %s "
            "AND expires_at IS NOT NULL AND expires_at > clock_timestamp() RETURNING holder",
            (LEASE,),
        ).fetchone()
    return None if row is None else str(row[0])


def read_holder(conn: psycopg.Connection[Any]) -> Holder | None:
    """Who holds the lease, as the database says (None: the row is not there yet)."""
    row = conn.execute(
        "SELECT holder, token, since, "
        "expires_at IS NOT NULL AND expires_at > clock_timestamp() "
        "FROM node_lease WHERE name = %s",
        (LEASE,),
    ).fetchone()
    return None if row is None else Holder(str(row[0]), int(row[1]), row[2], bool(row[3]))


def current_holder(url: str) -> Holder | None:
    with psycopg.connect(**connect_args(url), autocommit=True, connect_timeout=5) as conn:
        return read_holder(conn)
