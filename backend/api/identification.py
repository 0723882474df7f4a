"""The web page's Suomi.fi identification over HTTP: the service provider's metadata, the
way out to Suomi.fi, the signed answer back (/saml/acs), and single logout both ways.

Every answer to the browser is a redirect to the page with what it needs in the address's
fragment (never sent to a server or a proxy log): a one-time ticket, or what went wrong.
Nothing here logs a name, an identity code or an address.
"""

from __future__ import annotations

import logging
import urllib.parse
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from backend.hub import Hub

if TYPE_CHECKING:
    from backend.suomifi import SuomiFi
from backend.domain.identification import IdentificationRefused

log = logging.getLogger("luukku.identification")

# A SAML response is a few kilobytes (encrypted and signed, with certificates).
MAX_BODY = 256 * 1024
# Started identifications held at once: a flood of /saml/login cannot grow memory.
MAX_STARTED = 10_000


def _suomifi(request: Request) -> SuomiFi | None:
    hub: Hub = request.app.state.hub
    return hub.suomifi


def _page(lang: str, fragment: str) -> RedirectResponse:
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    return RedirectResponse(f"/?lang={lang}#{fragment}", status_code=303)


async def metadata(request: Request) -> Response:
    sp = _suomifi(request)
    if sp is None:
        return PlainTextResponse("identification is not set up", status_code=404)
    return Response(sp.metadata(), media_type="application/samlmetadata+xml")


async def login(request: Request) -> Response:
    sp = _suomifi(request)
    queue_id = request.query_params.get("queue", "")
    lang = request.query_params.get("lang", "fi")
    hub: Hub = request.app.state.hub
    queue = hub.config.queue(queue_id)
    if sp is None or queue is None or queue.identification == "off":
        return _page(lang, "identification_failed")
    if len(sp.tickets.started) >= MAX_STARTED:
        return PlainTextResponse("busy; try again in a moment", status_code=429)
    try:
        location = sp.begin(queue.id, lang if lang in ("fi", "sv", "en") else "fi")
    except IdentificationRefused as exc:
        log.warning("identification not started: %s", exc)
        return _page(lang, "identification_failed")
    return RedirectResponse(location, status_code=303)


async def acs(request: Request) -> Response:
    """Suomi.fi's signed answer, posted by her browser."""
    sp = _suomifi(request)
    if sp is None:
        return PlainTextResponse("identification is not set up", status_code=404)
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_BODY:
        return PlainTextResponse("too large", status_code=413)
    body = await request.body()
    if len(body) > MAX_BODY:
        return PlainTextResponse("too large", status_code=413)
    form = urllib.parse.parse_qs(body.decode("ascii", "replace"))
    answer = form.get("SAMLResponse", [""])[0]
    relay = form.get("RelayState", [""])[0]
    try:
        ticket, started = sp.finish(answer, relay)
    except IdentificationRefused as exc:
        log.warning("identification refused: %s", exc)
        return _page("fi", "identification_failed")
    query = urllib.parse.urlencode({"identified": ticket, "queue": started.queue})
    return _page(started.lang, query)


async def logout(request: Request) -> Response:
    """She ends her Suomi.fi session after the chat (SP-initiated single logout)."""
    sp = _suomifi(request)
    lang = request.query_params.get("lang", "fi")
    if sp is None:
        return _page(lang, "logged_out")
    try:
        location = sp.logout(request.query_params.get("t", ""))
    except IdentificationRefused as exc:
        log.warning("single logout not started: %s", exc)
        return _page(lang, "logout_failed")
    return RedirectResponse(location, status_code=303) if location else _page(lang, "logged_out")


async def single_logout(request: Request) -> Response:
    """Suomi.fi's logout message: its answer to ours, or its own request (she logged out
    in another service): then her identified chats end and Suomi.fi gets our answer."""
    sp = _suomifi(request)
    if sp is None:
        return PlainTextResponse("identification is not set up", status_code=404)
    query = {k: v for k, v in request.query_params.items()}
    try:
        name_id, location = sp.logout_answer(query)
    except IdentificationRefused as exc:
        log.warning("single logout refused: %s", exc)
        return _page("fi", "logout_failed")
    if name_id is None or location is None:
        return _page("fi", "logged_out")
    hub: Hub = request.app.state.hub
    ended = await hub.chat.end_identified(name_id)
    log.info("single logout from the identity provider ended %d chats", ended)
    return RedirectResponse(location, status_code=303)
