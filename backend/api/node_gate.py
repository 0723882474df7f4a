"""A standby node answers only its health: everything else is the active node's.

The front (HAProxy) sends traffic to the node whose ``/api/health`` says active; this gate
covers the moments in between (a node taking over, handing over, or started by hand
beside the active): a page request gets 503 with ``Retry-After``, a socket is refused
before it opens, and the client's usual reconnect finds the active node.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.node.role import Node

# Open on every node: the front's health check, and the monitoring's view of each node.
OPEN_PATHS = frozenset({"/api/health"})
# RFC 6455's "try again later": the socket closes before it opens.
TRY_AGAIN_LATER = 1013


class StandbyGate:
    def __init__(self, app: ASGIApp, node: Node) -> None:
        self.app = app
        self.node = node

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan" or self.node.serving or scope.get("path") in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        if kind == "websocket":
            await send({"type": "websocket.close", "code": TRY_AGAIN_LATER, "reason": "standby"})
            return
        body = json.dumps({"error": "standby", **self.node.facts()}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 503,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"retry-after", b"1"),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
