"""Plain HTTP: health, opening hours and the public meter (no personal data)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from backend.hub import Hub


async def health(request: Request) -> JSONResponse:
    hub: Hub = request.app.state.hub
    try:
        await hub.store.ping()
    except Exception:
        return JSONResponse({"status": "degraded", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


async def queues(request: Request) -> JSONResponse:
    """What the client page needs: queues, open now, next opening, estimated wait."""
    hub: Hub = request.app.state.hub
    emergency = hub.config.emergency
    return JSONResponse(
        {
            "queues": [q.model_dump(mode="json") for q in hub.queue_infos()],
            "emergency": {"number": emergency.number, "on_call_advice": emergency.on_call_advice},
        }
    )
