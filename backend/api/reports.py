"""A report as a file over HTTP, for the supervisor's desktop (Export…): supervisors
only, with a staff session as a bearer token; per-person figures access-logged."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from backend.auth import token_hash
from backend.centre.records import is_supervisor_role
from backend.domain.figures import Grain
from backend.hub import Hub
from backend.reports.files import INTERVAL_HEADER, ForPeople, raw_intervals, to_json, write_xlsx
from backend.reports.service import ReportError, make_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def report_file(request: Request) -> Response:
    hub: Hub = request.app.state.hub
    auth = request.headers.get("authorization", "")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    session = await hub.store.session(token_hash(token), hub.clock()) if token else None
    if session is None:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    user = await hub.store.user(session[0])
    if user is None or not user.active or not is_supervisor_role(user.role):
        return JSONResponse({"error": "forbidden"}, status_code=403)
    q = request.query_params
    try:
        first = date.fromisoformat(q.get("from", ""))
        last = date.fromisoformat(q.get("to", ""))
        grain = Grain(q.get("interval", "60"))
        fmt = q.get("format", "xlsx")
        if fmt not in ("xlsx", "csv", "json"):
            raise ValueError("format: xlsx, csv or json")
        result = await make_report(
            hub.store,
            hub.config,
            first=first,
            last=last,
            grain=grain,
            queues=q.getlist("queue"),
            now=hub.clock(),
            per_person=q.get("staff") == "1",
        )
    except (ValueError, ReportError) as exc:
        return JSONResponse({"error": "bad_request", "detail": str(exc)}, status_code=400)
    if result.staff is not None:
        await hub.store.log_access(user.username, "-", "staff_figures", hub.clock())
    name = f"luukku-{first}-{last}"
    asked = q.get("lang", "")
    lang = asked if asked in ("fi", "sv", "en") else hub.config.phone.language
    people = ForPeople(lang, {queue.id: queue.names for queue in hub.config.queues})
    if fmt == "json":
        return Response(await asyncio.to_thread(to_json, result), media_type="application/json")
    if fmt == "csv":
        return Response(
            people.csv(INTERVAL_HEADER, raw_intervals(result), result),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{name}.csv"'},
        )
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    path = Path(handle.name)
    await asyncio.to_thread(write_xlsx, result, path, people)
    return FileResponse(
        path,
        media_type=XLSX,
        filename=f"{name}.xlsx",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )
