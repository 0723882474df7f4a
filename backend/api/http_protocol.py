"""The HTTP protocol the server speaks: uvicorn's httptools protocol, which leaves no garbage
cycle behind a connection upgraded to a WebSocket.

The protocol and its parser point at each other (the parser calls the protocol's
``on_url``, ``on_header``… methods). uvicorn breaks that cycle in ``connection_lost``, but
an upgraded connection hands its transport to the WebSocket protocol and never gets there:
every chat and desktop socket left ~25 objects that only the collector's cycle search
could free. At 2,000 chats a young-generation pass then found 5,000–20,000 of them at once
and held every socket for 10–74 ms (README "Benchmarks").
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class CentreHttpProtocol(HttpToolsProtocol):
    def handle_websocket_upgrade(self) -> None:
        super().handle_websocket_upgrade()
        # The transport now reads into the WebSocket protocol; this one parses no more.
        self.parser = None  # type: ignore[assignment]
