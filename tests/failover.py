"""Two backend nodes on one PostgreSQL behind the shipped HAProxy file, and a chat load
that keeps going through a takeover as real clients and desktops do (reconnect, resume,
resend what was not acknowledged, once). Used by tests/integration/test_failover.py and
bench/failover.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import psycopg
import websockets

from backend.store.connect import connect_args
from tests.helpers import ROOT, BackendProcess, die_with_parent, free_port

HAPROXY_CFG = ROOT / "installer" / "server" / "haproxy-luukku.cfg"
PASSWORD = "failover"
# Tables whose writes the audit trigger records with the writing session's name.
AUDITED = ("messages", "conversations", "access_log", "staff_state_log", "staff_sessions")


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
    )


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """``LUUKKU_TEST_PG`` if set, else a throwaway server (scripts/pg_test_server.sh)."""
    named = os.environ.get("LUUKKU_TEST_PG")
    if named:
        yield named
        return
    folder = Path(tempfile.mkdtemp(prefix="luukku-pg-"))
    folder.chmod(0o755)
    script = str(ROOT / "scripts" / "pg_test_server.sh")
    try:
        url = subprocess.run(
            ["bash", script, "start", str(folder), str(free_port())],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        yield url
    finally:
        subprocess.run(["bash", script, "stop", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(server: str) -> str:
    """An empty database on ``server``, migrated, with staff ``nurse0``… and the write
    audit; its SQLAlchemy URL."""
    name = f"luukku_pair_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = server.replace("postgresql://", "postgresql+psycopg://") + "/" + name
    from backend.store.migrate import upgrade

    upgrade(url)
    with psycopg.connect(server + "/" + name, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE write_audit (at timestamptz NOT NULL DEFAULT clock_timestamp(), "
            "app text NOT NULL, tbl text NOT NULL)"
        )
        conn.execute(
            "CREATE FUNCTION audit_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "INSERT INTO write_audit (app, tbl) "
            "VALUES (current_setting('application_name'), TG_TABLE_NAME); RETURN NULL; END $$"
        )
        for table in AUDITED:
            conn.execute(
                f"CREATE TRIGGER audit_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION audit_write()"
            )
    return url


def seed_staff(url: str, count: int, capacity: int) -> None:
    from backend.auth import hash_password

    password_hash = hash_password(PASSWORD)
    with psycopg.connect(**connect_args(url), autocommit=True) as conn:
        for i in range(count):
            conn.execute(
                "INSERT INTO staff_users (username, display_name, password_hash, role, skills, "
                "chat_capacity, chat_while_on_call, active, created_at) "
                "VALUES (%s, %s, %s, 'nurse', 'neuvola', %s, false, true, now())",
                (f"nurse{i}", f"Nurse {i}", password_hash, capacity),
            )


def sql(url: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(**connect_args(url), autocommit=True) as conn:
        return [tuple(r) for r in conn.execute(query, params).fetchall()]  # type: ignore[arg-type]


def health(port: int, timeout: float = 2.0) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")
    except OSError:
        return 0, {}


@dataclass
class Pair:
    """Nodes a and b on one database, and HAProxy in front."""

    folder: Path
    url: str
    ttl_s: float = 3.0
    extra_env: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, BackendProcess] = field(default_factory=dict)
    front_port: int = 0
    haproxy: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        for name in ("a", "b"):
            folder = self.folder / name
            folder.mkdir(parents=True, exist_ok=True)
            node = BackendProcess(
                folder,
                free_port(),
                demo=False,
                extra_env={
                    "LUUKKU_NODE_NAME": name,
                    "LUUKKU_LEASE_TTL_S": str(self.ttl_s),
                    "LUUKKU_ENV_FILE": "none",
                    **self.extra_env,
                },
            )
            node.database_url = self.url
            self.nodes[name] = node
        self.nodes["a"].start()
        self.wait_active("a", 30)
        self.nodes["b"].start()
        self.start_front()

    def start_front(self) -> None:
        binary = haproxy_binary()
        assert binary is not None, "haproxy is installed by scripts/setup.sh test"
        self.front_port = free_port()
        a, b = self.nodes["a"].port, self.nodes["b"].port
        # The shipped file, with only the listening address, node addresses and the
        # system paths of a test run changed (no TLS: the nginx test covers it).
        cfg = (
            HAPROXY_CFG.read_text()
            .replace("    log /dev/log local0 notice\n", "")
            .replace("    bind :443 ssl crt /etc/haproxy/luukku.pem alpn http/1.1\n", "")
            .replace("    bind :80\n", f"    bind 127.0.0.1:{self.front_port}\n")
            .replace("    http-request redirect scheme https code 301 unless { ssl_fc }\n", "")
            .replace("10.0.0.11:8765", f"127.0.0.1:{a}")
            .replace("10.0.0.12:8765", f"127.0.0.1:{b}")
            .replace("bind 127.0.0.1:8404", f"bind 127.0.0.1:{free_port()}")
        )
        if not Path("/etc/haproxy/errors/503.http").exists():
            cfg = cfg.replace("    errorfile 503 /etc/haproxy/errors/503.http\n", "")
        path = self.folder / "haproxy.cfg"
        path.write_text(cfg)
        check = subprocess.run([binary, "-c", "-f", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        with (self.folder / "haproxy.log").open("ab") as log:
            self.haproxy = subprocess.Popen(
                [binary, "-db", "-f", str(path)],
                stdout=log,
                stderr=log,
                preexec_fn=die_with_parent,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if health(self.front_port)[0] == 200:
                return
            time.sleep(0.1)
        raise RuntimeError("HAProxy did not reach the active node")

    @property
    def front(self) -> str:
        return f"ws://127.0.0.1:{self.front_port}"

    def active(self) -> str | None:
        # A short wait: a frozen node does not answer at all.
        for name, node in self.nodes.items():
            if health(node.port, 0.3)[0] == 200:
                return name
        return None

    def wait_active(self, name: str | None, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.active()
            if now is not None and (name is None or now == name):
                return now
            time.sleep(0.05)
        raise AssertionError(f"no active node ({name or 'any'}) within {timeout} s")

    def role(self, name: str) -> str:
        return str(health(self.nodes[name].port)[1].get("role", "down"))

    def other(self, name: str) -> str:
        return "b" if name == "a" else "a"

    def pid(self, name: str) -> int:
        proc = self.nodes[name].proc
        assert proc is not None
        return proc.pid

    def stop(self) -> None:
        if self.haproxy is not None:
            self.haproxy.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.haproxy.wait(5)
        for node in self.nodes.values():
            if node.proc is not None and node.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(node.proc.pid, signal.SIGCONT)
            node.kill()

    def logs(self) -> str:
        return "\n".join(
            f"--- {name}\n{node.log_path.read_text(errors='replace')[-4000:]}"
            for name, node in self.nodes.items()
        )


async def until(check: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {timeout} s: {what}")


def strike(pair: Pair, event: str, name: str) -> None:
    """``kill`` (SIGKILL), ``freeze`` (SIGSTOP) or ``step-down`` (the command) on a node."""
    if event == "kill":
        pair.nodes[name].kill()
    elif event == "freeze":
        os.kill(pair.pid(name), signal.SIGSTOP)
    elif event == "step-down":
        subprocess.Popen(
            [sys.executable, "-m", "backend", "step-down"],
            cwd=ROOT,
            env=pair.nodes[name].env,
            stdout=subprocess.DEVNULL,
        )
    else:
        raise ValueError(event)


@contextlib.contextmanager
def running_pair(
    server: str, folder: Path, nurses: int, capacity: int, extra_env: dict[str, str] | None = None
) -> Iterator[Pair]:
    """A fresh database with ``nurses`` seeded, two nodes on it and HAProxy in front."""
    url = new_database(server)
    seed_staff(url, nurses, capacity)
    pair = Pair(folder, url, extra_env=extra_env or {})
    pair.start()
    try:
        yield pair
    finally:
        pair.stop()


# --- the load --------------------------------------------------------------------------


@dataclass
class Tally:
    """What the load saw: acks by (conversation, client_msg_id), and when lines were
    served (an ack arrived) by whom, to measure the gap after an event."""

    acked: set[tuple[str, str]] = field(default_factory=set)
    served: dict[str, list[float]] = field(default_factory=dict)  # who -> ack times
    resumed: dict[str, int] = field(default_factory=dict)  # who -> resumes done
    held: dict[str, set[str]] = field(default_factory=dict)  # nurse -> chats she holds
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    # (who, connection lost, resumed on a serving node): what the user sees as "reconnecting"
    outages: list[tuple[str, float, float]] = field(default_factory=list)

    def serve(self, who: str) -> None:
        self.served.setdefault(who, []).append(time.monotonic())

    def silences(self, since: float, who: set[str]) -> list[float]:
        """Per party: the longest time between two of its acknowledged lines since
        ``since`` (a client writes every second: a second is no outage)."""
        out = []
        for name in who:
            times = [t for t in self.served.get(name, []) if t >= since - 2]
            out.append(max((b - a for a, b in pairwise(times)), default=0.0))
        return out

    def cut_off(self, since: float, who: set[str]) -> list[float]:
        """Per party cut off since ``since``: seconds from losing its socket to being
        resumed by a serving node (the longest, if more than once)."""
        longest: dict[str, float] = {}
        for name, lost, back in self.outages:
            if name in who and lost >= since - 0.5:
                longest[name] = max(longest.get(name, 0.0), back - lost)
        return list(longest.values())

    def gaps_after(self, t0: float) -> dict[str, float]:
        """Per party: seconds from ``t0`` to its first line acknowledged after it."""
        gaps = {}
        for who, times in self.served.items():
            later = [t for t in times if t > t0]
            if later:
                gaps[who] = later[0] - t0
        return gaps


class Party:
    """One socket that comes back: reconnect every ``retry_s`` (with jitter), say who
    it is again, resend what was not acknowledged."""

    retry_s = 0.25

    def __init__(self, url: str, who: str, tally: Tally, stop: asyncio.Event) -> None:
        self.url = url
        self.who = who
        self.tally = tally
        self.stop = stop
        self.unacked: dict[str, str] = {}  # client_msg_id -> text
        self.ws: Any = None
        self.n = 0

    async def send(self, **frame: Any) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.send(json.dumps({"v": 1, **frame}))

    async def run(self) -> None:
        first = True
        dropped: float | None = None
        while not self.stop.is_set():
            try:
                async with websockets.connect(self.url, open_timeout=3) as ws:
                    self.ws = ws
                    if not await self.hello(first):
                        continue
                    if not first:
                        self.tally.resumed[self.who] = self.tally.resumed.get(self.who, 0) + 1
                    if dropped is not None:
                        self.tally.outages.append((self.who, dropped, time.monotonic()))
                        dropped = None
                    first = False
                    await self.resend()
                    talker = asyncio.create_task(self.talk())
                    try:
                        async for raw in ws:
                            await self.on_frame(json.loads(raw))
                    finally:
                        talker.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await talker
            except (OSError, websockets.exceptions.WebSocketException, TimeoutError):
                pass
            finally:
                self.ws = None
                if not first and dropped is None:
                    dropped = time.monotonic()
            await asyncio.sleep(self.retry_s * random.uniform(0.8, 1.2))

    async def hello(self, first: bool) -> bool:
        raise NotImplementedError

    async def resend(self) -> None:
        raise NotImplementedError

    async def talk(self) -> None:
        """Lines while connected."""

    async def on_frame(self, frame: dict[str, Any]) -> None:
        raise NotImplementedError

    async def expect(self, *types: str) -> dict[str, Any] | None:
        async with asyncio.timeout(5):
            while True:
                frame = json.loads(await self.ws.recv())
                if frame["type"] in types:
                    return frame
                if frame["type"] == "error":
                    return None


class Client(Party):
    """A client: starts a chat once, then a line every ``pause_s``; resumes after a cut."""

    def __init__(self, url: str, who: str, tally: Tally, stop: asyncio.Event, pause_s: float):
        super().__init__(url + "/ws/client", who, tally, stop)
        self.pause_s = pause_s
        self.conversation: str | None = None
        self.token = ""
        self.last_seq = 0

    async def hello(self, first: bool) -> bool:
        if self.conversation is None:
            await self.send(type="start", queue="neuvola", name=self.who)
            frame = await self.expect("started")
            if frame is None:
                return False
            self.conversation, self.token = frame["conversation_id"], frame["token"]
            return True
        await self.send(
            type="resume",
            conversation_id=self.conversation,
            token=self.token,
            last_seq=self.last_seq,
        )
        frame = await self.expect("resumed")
        if frame is None:
            return False
        for line in frame["missed"]:
            self.last_seq = max(self.last_seq, line["seq"])
        return True

    async def resend(self) -> None:
        for msg_id, text in list(self.unacked.items()):
            await self.send(type="message", client_msg_id=msg_id, text=text)

    async def talk(self) -> None:
        await asyncio.sleep(random.uniform(0, self.pause_s))
        while True:
            self.n += 1
            msg_id = f"{self.who}-{self.n}"
            self.unacked[msg_id] = msg_id
            await self.send(type="message", client_msg_id=msg_id, text=msg_id)
            await asyncio.sleep(self.pause_s)

    async def on_frame(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "ack":
            self.unacked.pop(frame["client_msg_id"], None)
            assert self.conversation is not None
            self.tally.acked.add((self.conversation, frame["client_msg_id"]))
            self.last_seq = max(self.last_seq, frame["seq"])
            self.tally.serve(self.who)
        elif kind == "message":
            self.last_seq = max(self.last_seq, frame["line"]["seq"])
        elif kind == "error" and frame.get("code") != "rate_limited":
            self.tally.errors.append(f"{self.who}: {frame.get('code')}")


class Nurse(Party):
    """A nurse: Ready, accepts what she is offered up to her capacity, answers each
    client line; resumes her session after a cut."""

    def __init__(
        self, url: str, who: str, tally: Tally, stop: asyncio.Event, capacity: int
    ) -> None:
        super().__init__(url + "/ws/staff", who, tally, stop)
        self.capacity = capacity
        self.session_token: str | None = None
        tally.held[who] = set()

    async def hello(self, first: bool) -> bool:
        if self.session_token is None:
            await self.send(type="login", username=self.who, password=PASSWORD)
        else:
            await self.send(type="resume_session", session_token=self.session_token)
        frame = await self.expect("logged_in")
        if frame is None:
            if self.session_token is None:
                await asyncio.sleep(random.uniform(0.2, 0.6))  # the log-in throttle
            return False
        self.session_token = frame["session_token"]
        # Her chats come back in `conversation` frames; until then she holds none here.
        self.tally.held[self.who] = set()
        if frame["status"] != "ready":
            await self.send(type="set_status", status="ready")
        return True

    async def resend(self) -> None:
        for msg_id, (cid, text) in list(self.pending.items()):
            await self.send(type="send", conversation_id=cid, client_msg_id=msg_id, text=text)

    @property
    def pending(self) -> dict[str, tuple[str, str]]:
        return self.__dict__.setdefault("_pending", {})

    async def on_frame(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        held = self.tally.held[self.who]
        if kind == "offer":
            if len(held) < self.capacity:
                await self.send(type="accept", conversation_id=frame["conversation_id"])
        elif kind == "conversation":
            held.add(frame["conversation"]["conversation_id"])
            if len(held) > self.capacity:
                self.tally.violations.append(f"{self.who} holds {len(held)} > {self.capacity}")
            for other, theirs in self.tally.held.items():
                if other != self.who and frame["conversation"]["conversation_id"] in theirs:
                    self.tally.violations.append(
                        f"{frame['conversation']['conversation_id']}: {self.who} and {other}"
                    )
        elif kind in ("closed", "withdrawn"):
            held.discard(frame.get("conversation_id", ""))
        elif kind == "message" and frame["line"]["author"] == "client":
            self.n += 1
            msg_id = f"{self.who}-{self.n}"
            cid = frame["conversation_id"]
            self.pending[msg_id] = (cid, "re:" + frame["line"]["text"])
            await self.send(
                type="send", conversation_id=cid, client_msg_id=msg_id, text=self.pending[msg_id][1]
            )
        elif kind == "ack":
            sent = self.pending.pop(frame["client_msg_id"], None)
            if sent is not None:
                self.tally.acked.add((sent[0], frame["client_msg_id"]))
                self.tally.serve(self.who)
        elif kind == "error" and frame.get("code") not in ("rate_limited", "not_available"):
            self.tally.errors.append(f"{self.who}: {frame.get('code')}")


@dataclass
class ChatLoad:
    url: str
    clients: int = 100
    nurses: int = 10
    capacity: int = 4
    pause_s: float = 1.0
    tally: Tally = field(default_factory=Tally)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def start(self) -> None:
        for i in range(self.nurses):
            nurse = Nurse(self.url, f"nurse{i}", self.tally, self.stop, self.capacity)
            self.tasks.append(asyncio.create_task(nurse.run()))
        await asyncio.sleep(1.0)
        for i in range(self.clients):
            client = Client(self.url, f"c{i}", self.tally, self.stop, self.pause_s)
            self.tasks.append(asyncio.create_task(client.run()))
            await asyncio.sleep(0.01)

    async def steady(self, timeout: float = 30) -> None:
        """Every nurse is logged in and every client has had a line acknowledged in the
        last two seconds. (The nurses log in one at a time from the front's one address:
        a nurse still logging in at the strike would log in anew, not resume.)"""
        deadline = time.monotonic() + timeout
        everyone = {f"c{i}" for i in range(self.clients)}
        nurses = {f"nurse{i}" for i in range(self.nurses)}
        while time.monotonic() < deadline:
            recent = {
                who for who, times in self.tally.served.items() if times[-1] > time.monotonic() - 2
            }
            if everyone <= recent and nurses <= set(self.tally.held):
                return
            await asyncio.sleep(0.2)
        raise AssertionError(f"not steady: {len(everyone - set(self.tally.served))} never served")

    async def finish(self) -> None:
        self.stop.set()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


@dataclass(frozen=True)
class Outcome:
    gaps: list[float]  # per client: event -> first line served again
    lost: int
    duplicated: int
    stored: int


def check_lines(url: str, tally: Tally) -> Outcome:
    """Every acknowledged line stored once, none twice."""
    rows = sql(
        url,
        "SELECT conversation_id, client_msg_id, count(*) FROM messages "
        "WHERE client_msg_id IS NOT NULL GROUP BY conversation_id, client_msg_id",
    )
    stored = {(str(c), str(m)): int(n) for c, m, n in rows}
    lost = sum(1 for key in tally.acked if key not in stored)
    duplicated = sum(1 for n in stored.values() if n > 1)
    return Outcome([], lost, duplicated, len(stored))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


# --- PostgreSQL's own failover ---------------------------------------------------------


def _as_postgres(args: list[str]) -> list[str]:
    """initdb and the server refuse root: as root, run them as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _pg_bin(tool: str) -> str:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return str(versions[-1] / tool)


@dataclass
class Replicated:
    """A primary and a synchronous streaming replica on 127.0.0.1, as Patroni or
    pg_auto_failover would run them, with the promotion done by hand."""

    folder: Path
    ports: tuple[int, int] = (0, 0)

    def run(self, *args: str) -> None:
        subprocess.run(_as_postgres(list(args)), check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.folder.chmod(0o755)
        self.ports = (free_port(), free_port())
        primary, replica = self.folder / "primary", self.folder / "replica"
        self.run(
            _pg_bin("initdb"),
            "-D",
            str(primary),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        with (primary / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {self.ports[0]}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.folder}'\n"
                "wal_level = replica\nmax_wal_senders = 5\n"
                # An acknowledged line is on both servers before the backend hears "done".
                "synchronous_standby_names = 'replica'\nsynchronous_commit = on\n"
            )
        self.pg_ctl(primary, "start")
        self.run(
            _pg_bin("pg_basebackup"),
            "-D", str(replica), "-R", "-X", "stream",
            "-d", f"host=127.0.0.1 port={self.ports[0]} user=postgres application_name=replica",
        )  # fmt: skip
        with (replica / "postgresql.conf").open("a") as conf:
            # Promoted, it has no replica of its own: commits must not wait for one (what
            # Patroni's synchronous_mode does when the last replica is gone).
            conf.write(f"port = {self.ports[1]}\nsynchronous_standby_names = ''\n")
        self.pg_ctl(replica, "start")

    def pg_ctl(self, data: Path, action: str, *extra: str) -> None:
        self.run(_pg_bin("pg_ctl"), "-D", str(data), "-l", str(data) + ".log", "-w", *extra, action)

    def url(self, database: str) -> str:
        a, b = self.ports
        return (
            f"postgresql+psycopg://postgres@/{database}?host=127.0.0.1:{a}&host=127.0.0.1:{b}"
            "&target_session_attrs=read-write"
        )

    def primary_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.ports[0]}"

    def crash_primary(self) -> None:
        self.pg_ctl(self.folder / "primary", "stop", "-m", "immediate")

    def promote_replica(self) -> None:
        self.pg_ctl(self.folder / "replica", "promote")

    def stop(self) -> None:
        for name in ("primary", "replica"):
            with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
                self.pg_ctl(self.folder / name, "stop", "-m", "immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
