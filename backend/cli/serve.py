"""``python -m backend`` (serve): the server itself."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import socket
import sys
from types import FrameType

import uvicorn

from backend.api.http_protocol import CentreHttpProtocol
from backend.api.ws_protocol import CentreWebSocketProtocol
from backend.cli.logs import setup_logging
from backend.config import load_service_config
from backend.config_base import ConfigError
from backend.node.role import Leaving, Node, Role
from backend.settings import Settings


class NodeServer(uvicorn.Server):
    """uvicorn's server, but SIGTERM on the active node of a pair first hands the lease
    over (the standby serves before this node's sockets close); a second SIGTERM, or
    SIGINT, stops at once as before."""

    def __init__(self, config: uvicorn.Config, node: Node) -> None:
        super().__init__(config)
        self.node = node
        self.loop: asyncio.AbstractEventLoop | None = None

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        await super().serve(sockets)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if (
            sig == signal.SIGTERM
            and self.loop is not None
            and self.node.lease is not None
            and self.node.role is Role.ACTIVE
        ):
            self.loop.call_soon_threadsafe(self.node.hand_over_soon, Leaving.SHUTDOWN)
            return
        super().handle_exit(sig, frame)


def serve(settings: Settings, json_logs: bool) -> int:
    from backend.app import create_app

    try:
        config = load_service_config(settings.service_file, settings.demo)
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    setup_logging(json_logs or settings.json_logs)
    if settings.demo:
        logging.getLogger("luukku").warning("DEMO MODE: demo accounts with a known password")
    leaving: list[Leaving] = []
    server: NodeServer | None = None

    def leave(why: Leaving) -> None:
        leaving.append(why)
        if server is not None:
            server.should_exit = True

    try:
        app = create_app(settings, config, leave=leave)
    except ConfigError as exc:
        print(f"luukku-backend: {exc}", file=sys.stderr)
        return 2
    # The collector's full passes over a busy centre's objects stalled every socket for
    # 100+ ms at a time (round trip p99 166 ms at 500 chats, 70 ms without): what exists
    # at start is never collected. The hub's round runs the collector's passes
    # (backend/centre/collector.py); these thresholds are its backstop.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    server = NodeServer(
        uvicorn.Config(
            app,
            host=settings.host,
            port=settings.port,
            log_config=None,
            # Access logs would carry client IP addresses; the hub logs what matters, by id.
            access_log=False,
            # httptools' parser, without the garbage cycle an upgraded socket left
            # (backend/api/http_protocol.py).
            http=CentreHttpProtocol,
            # uvicorn's sans-I/O protocol, reading without a pause a frame and writing a
            # frame at once (backend/api/ws_protocol.py).
            ws=CentreWebSocketProtocol,
            ws_max_size=1024 * 1024,
            ws_ping_interval=20,
            ws_ping_timeout=20,
            # Frames are a few hundred bytes: compressing each cost more CPU than it saved.
            ws_per_message_deflate=False,
            ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
            ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
            proxy_headers=True,
            forwarded_allow_ips=settings.forwarded_allow_ips,
        ),
        app.state.node,
    )
    server.run()
    if leaving and leaving[-1] is not Leaving.SHUTDOWN:
        # Lost or handed over: the same process starts again, clean, as standby (the pid
        # stays, so systemd sees one service; a new version installed meanwhile runs).
        logging.getLogger("luukku").warning("node restarting as standby (%s)", leaving[-1].value)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    return 0
