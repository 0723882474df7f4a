"""Security headers on every HTTP response, set by the backend itself: the same whether
uvicorn terminates TLS or a proxy does (installer/server/nginx-luukku.conf adds only HSTS).

The client page loads only its own script and style; it shows the client's own picture
from a ``blob:`` URL before upload and thumbnails as ``data:``; it talks to its own origin
(the websocket too: CSP's 'self' covers ws:/wss: of the same host). Nobody may frame it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
COMMON = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def cache_control(path: str) -> bytes:
    """API answers and pictures are never stored by a browser or proxy (a shared family
    computer); the page and its files are revalidated, so a fix reaches everyone."""
    if path.startswith("/api/"):
        return b"no-store"
    return b"no-cache"


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [*COMMON, (b"cache-control", cache_control(scope.get("path", "")))]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
