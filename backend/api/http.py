"""Plain HTTP: health, opening hours and the public meter (no personal data), and the
client's picture upload."""

from __future__ import annotations

import asyncio
import secrets
import time

from starlette.requests import Request
from starlette.responses import JSONResponse

from backend.auth import token_hash
from backend.domain.pictures import MAX_BYTES, PictureRefused
from backend.hub import Hub
from backend.node.role import Node

TICK_STALE_S = 5.0


async def health(request: Request) -> JSONResponse:
    """200 only on the active node while the database answers, its lease is fresh and the
    hub's tick runs (offers lapse, the meter goes out, abandoned clients are counted): a
    stalled tick is an outage too. A standby answers 503 with ``"status": "standby"`` and
    who is active: the front (HAProxy) sends traffic by this status code."""
    node: Node = request.app.state.node
    if not node.serving:
        return JSONResponse({"status": node.role.value, **node.facts()}, status_code=503)
    hub: Hub = request.app.state.hub
    tick_age = None if hub.last_tick is None else asyncio.get_running_loop().time() - hub.last_tick
    body: dict[str, object] = {
        "status": "ok",
        "database": "ok",
        "tick_age_s": tick_age,
        "tick_longest_s": round(hub.tick_longest_s, 4),
        **node.facts(),
    }
    if node.lease is not None:
        # The lease renewed within its time is the database answering; a ping would queue
        # behind the readers (a big report) and a slow answer here moves the front away.
        if not node.lease_fresh:
            body.update(status="degraded", database="unreachable", lease="not renewed")
    else:
        try:
            await hub.store.ping()
        except Exception:
            body.update(status="degraded", database="unreachable")
    if tick_age is None or tick_age > TICK_STALE_S:
        body["status"] = "degraded"
    return JSONResponse(body, status_code=200 if body["status"] == "ok" else 503)


async def queues(request: Request) -> JSONResponse:
    """What the client page needs: queues, open now, next opening, estimated wait."""
    hub: Hub = request.app.state.hub
    emergency = hub.config.emergency
    return JSONResponse(
        {
            "queues": [q.model_dump(mode="json") for q in hub.meter.queue_infos()],
            "emergency": {"number": emergency.number, "on_call_advice": emergency.on_call_advice},
        }
    )


async def identity(request: Request) -> JSONResponse:
    """How staff sign in here, for the desktop's log-in dialog (before any log-in)."""
    hub: Hub = request.app.state.hub
    oidc = hub.config.identity.oidc
    body: dict[str, object] = {
        "local_passwords": hub.config.identity.local_passwords,
        "organisation": oidc.organisation if oidc is not None else None,
    }
    if hub.settings.sip_registrar:
        # Where the softphones register: a desktop started by hand needs no setting.
        body["sip_registrar"] = hub.settings.sip_registrar
    return JSONResponse(body)


async def client_picture(request: Request) -> JSONResponse:
    """A picture from the client's page: the raw bytes as the body, the conversation and
    its token in headers (never in the URL, which proxies log). Answers with the line's
    ``seq`` or an ``error`` code the page shows in the client's language."""
    hub: Hub = request.app.state.hub
    conversation_id = request.headers.get("x-luukku-conversation", "")
    token = request.headers.get("x-luukku-token", "")
    row = await hub.store.conversation(conversation_id) if conversation_id else None
    if row is None or not secrets.compare_digest(row.client_token_hash, token_hash(token)):
        return JSONResponse({"error": "not_found"}, status_code=404)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BYTES:
        return JSONResponse({"error": "too_large"}, status_code=413)
    # Admitted before a byte of the body is read: memory is bounded by the gate, not by
    # how many clients upload at once.
    address = request.client.host if request.client else "-"
    gate = hub.collab.uploads
    refused = gate.admit(conversation_id, address, time.monotonic())
    if refused is not None:
        # Read and dropped, never kept: the page gets its answer, not a reset connection.
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > MAX_BYTES:
                break
        return JSONResponse({"error": refused}, status_code=429, headers={"Retry-After": "5"})
    try:
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BYTES:
                # Stop reading: a client that lies about its length sends no more than this.
                return JSONResponse({"error": "too_large"}, status_code=413)
        seq = await hub.collab.client_picture(conversation_id, bytes(body))
    except PictureRefused as exc:
        status = {"too_large": 413, "ended": 409, "too_many": 409}.get(exc.code, 415)
        return JSONResponse({"error": exc.code}, status_code=status)
    finally:
        gate.done(conversation_id, address)
    return JSONResponse({"seq": seq})
