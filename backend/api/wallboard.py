"""The team room's wallboard: a read-only page and the figures it polls.

No client data: queues, colours, waiting, longest wait, today's service level, callbacks
left, staff Ready. ``/metrics`` (``backend/metrics.py``) is let in the same way. Access with
the wallboard link (``python -m backend wallboard-link``)
or a staff session. The link carries its key in the URL *fragment* (``#key=…``), which
browsers never send, so the key is in no proxy or server log; the page sends it as a
bearer token.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from backend.auth import token_hash
from backend.hub import Hub
from backend.metrics import CONTENT_TYPE
from protocol.messages import StaffStatus

KEY_FILE = "wallboard.key"


def wallboard_key(data_dir: Path, new: bool = False) -> str:
    """The wallboard link's key, made on first use; ``new`` replaces it (old links stop)."""
    path = data_dir / KEY_FILE
    if new or not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(32)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(key, "ascii")
        tmp.chmod(0o600)
        tmp.replace(path)
        return key
    return path.read_text("ascii").strip()


async def allowed(request: Request, hub: Hub) -> bool:
    """The wallboard link's key or a staff session as a bearer token (the wallboard and
    /metrics: figures without client data, still not for the public)."""
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        return False
    token = auth[7:].strip()
    if not token or len(token) > 200:
        return False
    key_path = hub.settings.data_dir / KEY_FILE
    if key_path.exists() and secrets.compare_digest(
        token.encode(), key_path.read_text("ascii").strip().encode()
    ):
        return True
    return await hub.store.session(token_hash(token), hub.clock()) is not None


async def wallboard_figures(request: Request) -> JSONResponse:
    hub: Hub = request.app.state.hub
    if not await allowed(request, hub):
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    figures = hub.meter.figures()
    now: datetime = hub.clock()
    ready = sum(
        1
        for a in hub.routing.router.agents.values()
        if a.status is StaffStatus.READY and a.username in hub.online.staff
    )
    online = sum(1 for a in hub.routing.router.agents.values() if a.username in hub.online.staff)
    names = {q.id: q.names for q in hub.config.queues}
    return JSONResponse(
        {
            "version": 1,
            "at": now.isoformat(),
            "timezone": hub.config.timezone,
            "staff_ready": ready,
            "staff_online": online,
            "queues": [
                {
                    "id": f.queue,
                    "names": names[f.queue],
                    "channel": f.channel,
                    "open": f.open_now,
                    "level": f.level.value,
                    "waiting": f.waiting,
                    "longest_wait_s": round(f.longest_wait_s),
                    "service_level": f.service_level_today,
                    "below_target": f.below_target,
                    "target_s": f.target_s,
                    "answered": f.answered_today,
                    "staff_ready": f.staff_ready,
                    "callbacks_open": f.callbacks_open,
                    "callbacks_overdue": f.callbacks_overdue,
                }
                for f in figures
            ],
        },
        headers={"cache-control": "no-store"},
    )


async def metrics(request: Request) -> Response:
    """Prometheus scrapes with the wallboard key as its bearer token (credentials_file)."""
    hub: Hub = request.app.state.hub
    if not await allowed(request, hub):
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    return Response(
        hub.metrics.text(),
        media_type=CONTENT_TYPE,
        headers={"cache-control": "no-store"},
    )
