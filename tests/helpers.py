"""Shared test helpers: a real backend process, and a protocol peer over a real socket."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import websockets

from backend.store.tables import Conversation

ROOT = Path(__file__).resolve().parent.parent
OPEN_ALWAYS = ROOT / "tests" / "data" / "open_always.toml"


def die_with_parent() -> None:
    """Linux: the backend gets SIGKILL when the test process dies, even if pytest aborts."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh_database_url(data_dir: Path) -> str:
    """SQLite in ``data_dir``; or, when ``LUUKKU_TEST_PG`` names a PostgreSQL server, a new
    empty database on it (scripts/test.sh runs the storage and routing tests both ways)."""
    server = os.environ.get("LUUKKU_TEST_PG")
    if not server:
        return f"sqlite:///{data_dir / 'luukku.db'}"
    import uuid

    import psycopg

    name = f"luukku_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.replace("postgresql://", "postgresql+psycopg://") + "/" + name


@dataclass
class BackendProcess:
    data_dir: Path
    port: int
    service_file: Path = OPEN_ALWAYS
    demo: bool = True
    extra_env: dict[str, str] = field(default_factory=dict)
    scheme: str = "http"
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path = field(init=False)
    database_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.log_path = self.data_dir / "backend.log"
        self.database_url = fresh_database_url(self.data_dir)

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Read the backend's database (SQLite or PostgreSQL) with positional ``?`` params."""
        return self._sql(sql, params, commit=False)

    def execute(self, sql: str, *params: Any) -> None:
        """Change the backend's database (a test's setup), committed; ``?`` params."""
        self._sql(sql, params, commit=True)

    def _sql(self, sql: str, params: tuple[Any, ...], commit: bool) -> list[tuple[Any, ...]]:
        from sqlalchemy import create_engine, text

        names = {f"p{i}": value for i, value in enumerate(params)}
        for i in range(len(params)):
            sql = sql.replace("?", f":p{i}", 1)
        engine = create_engine(self.database_url.replace("+aiosqlite", ""))
        try:
            with engine.begin() if commit else engine.connect() as conn:
                result = conn.execute(text(sql), names)
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            engine.dispose()

    @property
    def http(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"{self.scheme.replace('http', 'ws')}://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            LUUKKU_DATA_DIR=str(self.data_dir),
            LUUKKU_PORT=str(self.port),
            LUUKKU_SERVICE_FILE=str(self.service_file),
            LUUKKU_DATABASE_URL=self.database_url,
        )
        if self.demo:
            env["LUUKKU_DEMO"] = "1"
        env.update(self.extra_env)
        return env

    def start(self) -> None:
        env = self.env
        # The child writes through its own copy of the descriptor: ours closes at once.
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "backend"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=log,
                preexec_fn=die_with_parent,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"backend exited: {self.log_path.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("backend did not come up")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def digi_service(folder: Path, chat_meter: str, digi_agents: str, name: str) -> Path:
    """The test service with digi-agents: ``chat_meter`` replaces the chat meter's lines,
    the clinic nurses digi1 and digi2 belong to the Kalliola clinic, and ``digi_agents``
    is the ``[digi_agents]`` table's body."""
    text = OPEN_ALWAYS.read_text("utf-8").replace(
        "[meter.chat]\ntarget_s = 120", "[meter.chat]\n" + chat_meter
    )
    text = text.replace('nurses = ["sosiaali"]', 'nurses = ["sosiaali", "digi1", "digi2"]')
    path = folder / name
    path.write_text(text + '\n[digi_agents]\nroles = ["clinic_nurse"]\n' + digi_agents, "utf-8")
    return path


@contextmanager
def running_backend(data_dir: Path, service_file: Path = OPEN_ALWAYS) -> Iterator[BackendProcess]:
    backend = BackendProcess(data_dir, free_port(), service_file)
    backend.start()
    try:
        yield backend
    finally:
        backend.stop()


def cli(backend: BackendProcess, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m backend ARGS`` against this backend's database and service file."""
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        cwd=ROOT,
        env=backend.env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


class Peer:
    """A protocol speaker on a real websocket: sends frames, waits for frames by type."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.seen: list[dict[str, Any]] = []

    @classmethod
    async def connect(cls, url: str) -> Peer:
        return cls(await websockets.connect(url, max_size=2**21))

    async def send(self, **frame: Any) -> None:
        await self.conn.send(json.dumps({"v": 1, **frame}))

    async def send_raw(self, raw: str | bytes) -> None:
        await self.conn.send(raw)

    async def expect(self, type_: str, timeout: float = 5.0, **match: Any) -> dict[str, Any]:
        """The next frame of ``type_`` (others are kept in ``seen`` and skipped)."""
        async with asyncio.timeout(timeout):
            while True:
                frame = json.loads(await self.conn.recv())
                self.seen.append(frame)
                if frame["type"] == type_ and all(frame.get(k) == v for k, v in match.items()):
                    return frame

    async def expect_any(self, *types: str, timeout: float = 5.0) -> dict[str, Any]:
        """The next frame of any of ``types`` (an answer that may be a refusal)."""
        async with asyncio.timeout(timeout):
            while True:
                frame = json.loads(await self.conn.recv())
                self.seen.append(frame)
                if frame["type"] in types:
                    return frame

    async def close(self) -> None:
        await self.conn.close()


async def staff(url: str, username: str, password: str = "demo", ready: bool = True) -> Peer:
    peer = await Peer.connect(url + "/ws/staff")
    await peer.send(type="login", username=username, password=password)
    await peer.expect("logged_in")
    if ready:
        await peer.send(type="set_status", status="ready")
        await peer.expect("status", status="ready")
    return peer


def service_today() -> str:
    """Today in the test services' zone (Helsinki), as the backend counts days: a UTC
    machine between 22:00 and 24:00 is already in tomorrow there."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Helsinki")).date().isoformat()


def queued_conversation(cid: str) -> Conversation:
    """A chat conversation's row as a start stores it (the store's tests)."""
    return Conversation(
        id=cid,
        queue="neuvola",
        channel="chat",
        state="queued",
        client_token_hash="x" * 64,
        lang="fi",
        arrived_at=datetime.now(UTC),
        last_seq=0,
    )
