"""The HTTP protocol the server speaks: uvicorn's httptools protocol, which leaves nothing
behind a connection, upgraded or reset.

1. The protocol and its parser point at each other (the parser calls the protocol's
   ``on_url``, ``on_header``… methods). uvicorn breaks that cycle in ``connection_lost``,
   but an upgraded connection hands its transport to the WebSocket protocol and never gets
   there: every chat and desktop socket left ~25 objects that only the garbage collector's
   cycle search could free, and at 2,000 chats a young pass found 5,000–20,000 of them at
   once (README "Benchmarks"; docs/upstream/uvicorn-upgrade-cycle.md).
2. uvicorn cancels the keep-alive timer only when a connection closes cleanly; one closed
   with a reset (HAProxy closes idle connections so) stayed alive, with its request's
   headers, until the timer fired.
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class CentreHttpProtocol(HttpToolsProtocol):
    def handle_websocket_upgrade(self) -> None:
        super().handle_websocket_upgrade()
        # The transport now reads into the WebSocket protocol; this one parses no more.
        self.parser = None  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        if self.timeout_keep_alive_task is not None:
            self.timeout_keep_alive_task.cancel()
            self.timeout_keep_alive_task = None
