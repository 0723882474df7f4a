"""Sign-in with the organisation's provider, the desktop's part (RFC 8252, as native apps
do): listen on a loopback port of this computer, have the system browser open the
provider's page, and take the code the provider sends back to the loopback address.

No Qt here: ``open_browser`` is given (``QDesktopServices.openUrl`` in the app, Chromium
in the tests). The backend starts the flow and exchanges the code (``backend/oidc.py``):
the code is worth nothing on any other connection than the one that started it.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("luukku.desktop.sign_in")

CALLBACK_PATH = "/callback"


class SignInFailed(Exception):
    """The browser came back without a code (she said no), or never came back."""


@dataclass(frozen=True)
class ProviderSignIn:
    """How this desktop signs in with the organisation: how to open a browser, what the
    browser tab says when the desktop got the code, how long she has."""

    open_browser: Callable[[str], object]
    done_text: str = "Kirjautuminen onnistui. Voit sulkea tämän välilehden ja palata Luukkuun."
    refused_text: str = "Kirjautuminen ei onnistunut. Palaa Luukkuun."
    timeout_s: float = 300.0


class LoopbackReceiver:
    """A one-request HTTP listener on 127.0.0.1 and a free port."""

    def __init__(self, sign_in: ProviderSignIn) -> None:
        self._sign_in = sign_in
        self._server: asyncio.Server | None = None
        self.result: asyncio.Future[tuple[str, str]] = asyncio.get_running_loop().create_future()
        self.port = 0

    @classmethod
    async def start(cls, sign_in: ProviderSignIn) -> LoopbackReceiver:
        receiver = cls(sign_in)
        receiver._server = await asyncio.start_server(receiver._serve, "127.0.0.1", 0)
        receiver.port = receiver._server.sockets[0].getsockname()[1]
        return receiver

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
            line = request.split(b"\r\n", 1)[0].decode("latin-1")
            method, target = line.split(" ")[:2]
            parts = urllib.parse.urlsplit(target)
            if method != "GET" or parts.path != CALLBACK_PATH:
                await _respond(writer, 404, "")
                return
            query = urllib.parse.parse_qs(parts.query)
            code, state = query.get("code", [""])[0], query.get("state", [""])[0]
            if code and state:
                await _respond(writer, 200, self._sign_in.done_text)
                if not self.result.done():
                    self.result.set_result((code, state))
            else:
                await _respond(writer, 200, self._sign_in.refused_text)
                if not self.result.done():
                    # The provider's error code only (access_denied, …): never her details.
                    error = query.get("error", ["no code"])[0][:60]
                    self.result.set_exception(SignInFailed(error))
        except (OSError, ValueError, asyncio.IncompleteReadError, TimeoutError) as exc:
            log.info("loopback request not understood: %s", type(exc).__name__)
        finally:
            writer.close()


async def _respond(writer: asyncio.StreamWriter, status: int, text: str) -> None:
    body = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Luukku</title></head>"
        f"<body><p>{html.escape(text)}</p></body></html>"
    ).encode()
    reason = "OK" if status == 200 else "Not Found"
    writer.write(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    await writer.drain()
