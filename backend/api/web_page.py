"""What the client's web page reads and sends besides the chat socket: the organisation's
page settings and topics, its colours, the accessibility statement, a message or callback
request left on the web, and feedback after a chat.

Nothing here logs what a client wrote, her number or her address.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
import time
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response

from backend.auth import token_hash
from backend.config import ServiceConfig
from backend.config_base import LANGS
from backend.domain.feedback import check_answer
from backend.domain.phone_numbers import NumberRefused, normalise
from backend.domain.ratelimit import MessageLimits
from backend.hub import Hub
from backend.store.feedback import FeedbackStore
from protocol.messages import CallbackCreate

log = logging.getLogger("luukku.web")
BODY_MAX = 8 * 1024
DESCRIPTION_MAX = 2000


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "fi")
    return lang if lang in LANGS else "fi"


def _text(texts: dict[str, str] | None, lang: str) -> str:
    if not texts:
        return ""
    return texts.get(lang) or texts["fi"]


def _hours(config: ServiceConfig, queue_id: str) -> dict[str, Any]:
    queue = config.queue(queue_id)
    assert queue is not None
    return {"days": list(config.open_days), "window": queue.hours or config.weekdays}


def message_offered(config: ServiceConfig, open_now: bool, wait_s: float | None) -> bool:
    """Leave a message or ask for a callback: when the topic is closed, nobody answers it
    just now, or the wait is over the service's limit."""
    limit = config.web.message_when_wait_over_s
    if limit == 0:
        return False
    return not open_now or wait_s is None or wait_s > limit


async def page(request: Request) -> JSONResponse:
    """The page's settings and topics: chat topics (open ones first, each with its hours
    and estimate) and the phone lines as information only."""
    hub: Hub = request.app.state.hub
    config = hub.config
    web = config.web
    infos = {q.id: q for q in hub.meter.queue_infos()}
    topics = []
    phone_lines = []
    for q in config.queues:
        info = infos[q.id]
        if q.channel == "phone":
            phone_lines.append({"id": q.id, "names": q.names, "hours": _hours(config, q.id)})
            continue
        topics.append(
            {
                **info.model_dump(mode="json"),
                "hours": _hours(config, q.id),
                "message": message_offered(config, info.open_now, info.estimated_wait_s),
                # Suomi.fi identification: "off", "optional" or "required" (and only
                # where the backend can do it).
                "identification": q.identification if hub.suomifi is not None else "off",
            }
        )
    topics.sort(key=lambda t: not t["open_now"])
    return JSONResponse(
        {
            "organisation": web.organisation,
            "title": web.title,
            "intro": web.intro,
            "logo": web.logo is not None,
            "privacy_url": web.privacy_url,
            "phone_number": web.phone_number,
            "feedback": web.feedback,
            "topics": topics,
            "phone_lines": phone_lines,
            "emergency": {
                "number": config.emergency.number,
                "on_call_advice": config.emergency.on_call_advice,
            },
        }
    )


async def brand_css(request: Request) -> Response:
    colours = request.app.state.hub.config.web.colours
    body = (
        f":root {{ --accent: {colours.accent}; --accent-text: {colours.accent_text}; "
        f"--fg: {colours.text}; --bg: {colours.background}; }}\n"
    )
    return Response(body, media_type="text/css")


async def logo(request: Request) -> Response:
    path: Path | None = request.app.state.logo
    if path is None:
        return JSONResponse({"error": "not_found"}, status_code=404)
    return FileResponse(path)


async def _json_body(request: Request) -> dict[str, Any] | None:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > BODY_MAX:
            return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "-"


async def leave_message(request: Request) -> JSONResponse:
    """A callback request from the web page, through the one creation call the staff and
    the service number use: confirmed only once it is stored."""
    hub: Hub = request.app.state.hub
    data = await _json_body(request)
    if data is None:
        return JSONResponse({"error": "bad_request"}, status_code=400)
    fields: dict[str, str] = {}
    queue = hub.config.queue(str(data.get("queue", "")))
    if queue is None or queue.channel != "chat":
        fields["queue"] = "unknown"
    number = None
    try:
        number = normalise(str(data.get("number", "")))
    except NumberRefused as exc:
        fields["number"] = exc.reason
    description = str(data.get("description", "")).strip()
    if not description:
        fields["description"] = "empty"
    elif len(description) > DESCRIPTION_MAX:
        fields["description"] = "too_long"
    if fields:
        return JSONResponse({"error": "invalid", "fields": fields}, status_code=422)
    assert queue is not None and number is not None
    limits: MessageLimits = request.app.state.message_limits
    if not limits.allow(_address(request), number, time.monotonic()):
        return JSONResponse(
            {"error": "rate_limited"}, status_code=429, headers={"Retry-After": "3600"}
        )
    row = await hub.callbacks.add(
        CallbackCreate(request_id=0, queue=queue.id, number=number, reason=description),
        source="web",
        created_by="client",
    )
    return JSONResponse(
        {"id": row.id, "due_at": row.due_at.isoformat() if row.due_at else None},
        status_code=201,
    )


async def feedback(request: Request) -> JSONResponse:
    """One answer per conversation, after it ended for the client; stored without a
    link to the conversation."""
    hub: Hub = request.app.state.hub
    if not hub.config.web.feedback:
        return JSONResponse({"error": "off"}, status_code=404)
    conversation_id = request.headers.get("x-luukku-conversation", "")
    token = request.headers.get("x-luukku-token", "")
    row = await hub.store.conversation(conversation_id) if conversation_id else None
    if row is None or not secrets.compare_digest(row.client_token_hash, token_hash(token)):
        return JSONResponse({"error": "not_found"}, status_code=404)
    live = hub.chat.live.get(row.id)
    if live is not None and not live.client_left:
        return JSONResponse({"error": "not_ended"}, status_code=409)
    data = await _json_body(request)
    if data is None:
        return JSONResponse({"error": "bad_request"}, status_code=400)
    score = data.get("score")
    comment = data.get("comment")
    if (score is not None and (not isinstance(score, int) or isinstance(score, bool))) or (
        comment is not None and not isinstance(comment, str)
    ):
        return JSONResponse({"error": "bad_request"}, status_code=400)
    comment = (comment or "").strip() or None
    problem = check_answer(score, comment)
    if problem is not None:
        return JSONResponse({"error": problem}, status_code=422)
    day = hub.clock().astimezone(hub.config.tz).date()
    stored = await FeedbackStore(hub.store).give(row.id, row.queue, day, score, comment)
    if not stored:
        return JSONResponse({"error": "given"}, status_code=409)
    return JSONResponse({"ok": True}, status_code=201)


# The statement's fixed words in the three languages; what varies comes from the file.
STATEMENT: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "statement_texts.json").read_text("utf-8")
)


def statement_html(config: ServiceConfig, lang: str) -> str:
    """The accessibility statement, in one language, from the service file's section."""
    a = config.web.accessibility
    words = STATEMENT[lang]
    e = html.escape
    org = _text(a.organisation, lang)
    contact = a.feedback
    link = f"mailto:{contact}" if "@" in contact and "://" not in contact else contact
    contact_html = f'<a href="{e(link)}">{e(contact)}</a>'
    authority = (
        f'<a href="{e(a.enforcement_url)}">{e(_text(a.enforcement, lang))}</a>'
        f" ({e(a.enforcement_url.removeprefix('https://'))})"
    )
    exceptions = (
        "<ul>" + "".join(f"<li>{e(_text(x, lang))}</li>" for x in a.exceptions) + "</ul>"
        if a.exceptions
        else f"<p>{e(words['none'])}</p>"
    )
    date_text = a.reviewed.strftime("%-d.%-m.%Y") if lang != "en" else a.reviewed.isoformat()
    langs = " ".join(
        f'<a href="/accessibility?lang={code}" lang="{code}"'
        + (' aria-current="page"' if code == lang else "")
        + f">{name}</a>"
        for code, name in (("fi", "Suomi"), ("sv", "Svenska"), ("en", "English"))
    )
    back = f'<a href="/?lang={lang}">{e(words["back"])}</a>'
    privacy = f'<a href="{e(config.web.privacy_url)}">{e(words["privacy"])}</a>'
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(words["title"])} – {e(_text(config.web.title, lang))}</title>
<link rel="stylesheet" href="/brand.css">
<link rel="stylesheet" href="/static/chat.css">
</head>
<body>
<header class="top"><p class="org">{e(_text(config.web.organisation, lang))}</p>
<nav aria-label="Kieli / Språk / Language" class="langs">{langs}</nav></header>
<main class="statement">
<h1>{e(words["title"])}</h1>
<p>{e(words["intro"].format(org=org))}</p>
<h2>{e(words["state"])}</h2>
<p>{e(words["partial"] if a.exceptions else words["full"])}</p>
<h2>{e(words["exceptions"])}</h2>
{exceptions}
<h2>{e(words["feedback"])}</h2>
<p>{e(words["feedback_text"]).format(contact=contact_html, days=a.answer_within_days)}</p>
<h2>{e(words["enforcement"])}</h2>
<p>{e(words["enforcement_text"]).format(days=a.answer_within_days, authority=authority)}</p>
<p>{e(words["reviewed"].format(date=date_text))}</p>
<p>{back} · {privacy}</p>
</main>
</body>
</html>
"""


async def accessibility(request: Request) -> HTMLResponse:
    hub: Hub = request.app.state.hub
    return HTMLResponse(statement_html(hub.config, _lang(request)))
