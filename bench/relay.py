"""The reference for the chat-load figures: a minimal durable relay.

It does only the hot path a chat centre cannot skip, with the same durability as Luukku:
client frame -> SQLite (WAL, ``synchronous=FULL``, one writer thread, group commit) ->
ack -> the staff socket -> the staff echo -> stored the same way -> the client. Chats are
handed to the staff member with the fewest. No routing rules, meter, positions, access
log, rate limits or validation beyond JSON: whatever Luukku costs above this is the price
of those.

It speaks just enough of protocol v1 for ``bench.chat_load``'s generator (login,
set_status, start, offer/accept/joined, message/send, ack, leave).

    .venv/bin/python -m bench.relay --port 8799 --db /tmp/relay.db
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import secrets
import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, token TEXT, arrived_at TEXT);
CREATE TABLE IF NOT EXISTS messages (
    conversation_id TEXT, seq INTEGER, author TEXT, client_msg_id TEXT, text TEXT, at TEXT,
    PRIMARY KEY (conversation_id, seq));
"""


class Writer:
    """Group commit: every write that arrives while a commit runs goes into the next one."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self.thread = ThreadPoolExecutor(1)
        self.pending: list[tuple[str, tuple[Any, ...], asyncio.Future[None]]] = []
        self.flusher: asyncio.Task[None] | None = None

    async def write(self, sql: str, params: tuple[Any, ...]) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.pending.append((sql, params, future))
        if self.flusher is None or self.flusher.done():
            self.flusher = asyncio.create_task(self.flush())
        await future

    def _commit(self, batch: list[tuple[str, tuple[Any, ...]]]) -> None:
        self.db.execute("BEGIN")
        for sql, params in batch:
            self.db.execute(sql, params)
        self.db.execute("COMMIT")

    async def flush(self) -> None:
        loop = asyncio.get_running_loop()
        while self.pending:
            batch, self.pending = self.pending, []
            await loop.run_in_executor(self.thread, self._commit, [(s, p) for s, p, _ in batch])
            for _, _, future in batch:
                future.set_result(None)


class Relay:
    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.staff: dict[str, ServerConnection] = {}
        self.load: dict[str, int] = {}
        self.clients: dict[str, ServerConnection] = {}
        self.owner: dict[str, str] = {}
        self.seq: dict[str, int] = {}

    def now(self) -> str:
        return datetime.now(UTC).isoformat()

    async def store_and_ack(
        self, ws: ServerConnection, cid: str, author: str, frame: dict[str, Any]
    ) -> int:
        """The line committed, then its ack to the sender; returns its seq."""
        seq = self.seq[cid] = self.seq.get(cid, 0) + 1
        at = self.now()
        msg_id, text = frame["client_msg_id"], frame["text"]
        await self.writer.write(
            "INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", (cid, seq, author, msg_id, text, at)
        )
        ack = {"v": 1, "type": "ack", "client_msg_id": msg_id, "seq": seq, "at": at}
        await ws.send(json.dumps(ack))
        return seq

    async def client(self, ws: ServerConnection) -> None:
        cid = None
        async for raw in ws:
            frame = json.loads(raw)
            kind = frame.get("type")
            if kind == "start" and cid is None:
                cid, token = secrets.token_hex(8), secrets.token_hex(16)
                await self.writer.write(
                    "INSERT INTO conversations VALUES (?, ?, ?)", (cid, token, self.now())
                )
                self.clients[cid] = ws
                await ws.send(
                    json.dumps(
                        {
                            "v": 1,
                            "type": "started",
                            "conversation_id": cid,
                            "token": token,
                            "queue": frame.get("queue"),
                            "position": 1,
                            "estimated_wait_s": None,
                        }
                    )
                )
                username = min(self.staff, key=lambda u: self.load[u])
                self.load[username] += 1
                await self.staff[username].send(
                    json.dumps({"v": 1, "type": "offer", "conversation_id": cid})
                )
            elif kind == "message" and cid is not None:
                seq = await self.store_and_ack(ws, cid, "client", frame)
                owner = self.owner.get(cid)
                if owner in self.staff:
                    await self.staff[owner].send(
                        json.dumps(
                            {
                                "v": 1,
                                "type": "message",
                                "conversation_id": cid,
                                "line": {"seq": seq, "author": "client", "text": frame["text"]},
                            }
                        )
                    )
            elif kind == "leave":
                await ws.send(json.dumps({"v": 1, "type": "closed"}))
        if cid is not None:
            self.clients.pop(cid, None)

    async def staff_member(self, ws: ServerConnection) -> None:
        username = ""
        async for raw in ws:
            frame = json.loads(raw)
            kind = frame.get("type")
            if kind == "login":
                username = frame["username"]
                self.staff[username] = ws
                self.load.setdefault(username, 0)
                await ws.send(json.dumps({"v": 1, "type": "logged_in", "username": username}))
            elif kind == "set_status":
                await ws.send(json.dumps({"v": 1, "type": "status", "status": frame["status"]}))
            elif kind == "accept":
                cid = frame["conversation_id"]
                self.owner[cid] = username
                await ws.send(json.dumps({"v": 1, "type": "conversation", "conversation_id": cid}))
                client = self.clients.get(cid)
                if client is not None:
                    await client.send(
                        json.dumps({"v": 1, "type": "joined", "staff_name": username})
                    )
            elif kind == "send":
                cid = frame["conversation_id"]
                seq = await self.store_and_ack(ws, cid, "staff", frame)
                client = self.clients.get(cid)
                if client is not None:
                    await client.send(
                        json.dumps(
                            {
                                "v": 1,
                                "type": "message",
                                "line": {"seq": seq, "author": "staff", "text": frame["text"]},
                            }
                        )
                    )
        self.staff.pop(username, None)

    async def handle(self, ws: ServerConnection) -> None:
        path = ws.request.path if ws.request is not None else ""
        try:
            if path == "/ws/staff":
                await self.staff_member(ws)
            else:
                await self.client(ws)
        except Exception:  # a generator that hung up mid-frame: nothing to keep
            return


async def main_async(args: argparse.Namespace) -> None:
    relay = Relay(Writer(args.db))
    async with serve(relay.handle, "127.0.0.1", args.port, compression=None, max_queue=None):
        print(f"relay listening on 127.0.0.1:{args.port}", flush=True)
        await asyncio.Future()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        try:
            import uvloop
        except ImportError:
            asyncio.run(main_async(args))
        else:
            # The loop the backend runs on (uvicorn picks uvloop when installed): the
            # reference must not be slower for a reason Luukku does not share.
            uvloop.run(main_async(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
