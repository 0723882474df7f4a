"""Builds the ASGI app from settings: wiring only."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import signal
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import FileResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from backend.api import identification, web_page
from backend.api.headers import SecurityHeaders
from backend.api.http import client_picture, health, identity, queues
from backend.api.node_gate import StandbyGate
from backend.api.reports import report_file
from backend.api.sockets import TransportInScope, client_socket, gateway_socket, staff_socket
from backend.api.wallboard import metrics, wallboard_figures
from backend.config import ServiceConfig, load_service_config
from backend.config_base import ConfigError
from backend.domain.ratelimit import MessageLimits
from backend.hub import Hub, ReloadRefused
from backend.node.lease import Lease
from backend.node.role import Leaving, Node, OneNodeLock, default_name
from backend.settings import Settings
from backend.store.connect import is_postgresql
from backend.store.migrate import sync_url, upgrade
from backend.store.repository import Store

if TYPE_CHECKING:
    from backend.suomifi import SuomiFi

WEB = Path(__file__).parent / "web"
log = logging.getLogger("luukku")


async def reload_service_file(hub: Hub) -> None:
    """SIGHUP: the service file read again and validated first. A bad file keeps the one
    running and logs which field is wrong (``systemctl reload luukku-backend``)."""
    try:
        config = load_service_config(hub.settings.service_file, hub.settings.demo)
        await hub.reload(config)
    except (ConfigError, ReloadRefused) as exc:
        log.error("service file not reloaded; the running one stays: %s", exc)


def suomifi(settings: Settings, config: ServiceConfig) -> SuomiFi | None:
    """Suomi.fi identification where the service file and the keys say so; a queue that
    requires it without them is refused at start (a client would meet a dead end)."""
    wanted = config.identification
    if wanted is None:
        return None
    xmlsec = shutil.which("xmlsec1")
    if settings.saml_key is None or settings.saml_cert is None or xmlsec is None:
        raise ConfigError(
            "[identification] needs LUUKKU_SAML_KEY, LUUKKU_SAML_CERT and xmlsec1 installed"
        )
    from backend.suomifi import SuomiFi  # pysaml2: loaded only where it is used

    return SuomiFi(wanted, settings.saml_key, settings.saml_cert, xmlsec)


def build_node(settings: Settings) -> tuple[Node, OneNodeLock | None]:
    """PostgreSQL: a node of a pair, active only while it holds the lease (even alone: a
    second node started by mistake waits as standby instead of running a second centre).
    SQLite: the one node, and a second process on the same file is refused."""
    url = settings.database_url
    name = settings.node_name or default_name(settings.port)
    if is_postgresql(url):
        return Node(name, Lease(url, name, settings.lease_ttl_s)), None
    if settings.node_name:
        raise ConfigError(
            "LUUKKU_NODE_NAME is for two nodes on one PostgreSQL database; SQLite serves one "
            "node (unset LUUKKU_NODE_NAME, or set LUUKKU_DATABASE_URL=postgresql+psycopg://…)"
        )
    database = make_url(sync_url(url)).database
    lock = OneNodeLock(Path(database)) if database and database != ":memory:" else None
    return Node(name, None), lock


def log_leaving(why: Leaving) -> None:
    log.error("node leaving (%s): restart the backend to serve again", why.value)


def create_app(
    settings: Settings,
    config: ServiceConfig | None = None,
    leave: Callable[[Leaving], None] = log_leaving,
) -> Starlette:
    """``leave`` stops the server when the node loses or hands over the lease (serve
    starts the process again as standby)."""
    service = config or load_service_config(settings.service_file, settings.demo)
    node, one_node = build_node(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        if one_node is not None:
            one_node.take()
        upgrade(settings.database_url)
        store = Store(
            settings.database_url,
            app_name=node.lease.app_name if node.lease is not None else "luukku",
        )
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()

        def later(job: Coroutine[Any, Any, None]) -> None:
            task = loop.create_task(job)
            tasks.add(task)  # held until done (the loop keeps only weak references)
            task.add_done_callback(tasks.discard)

        if node.lease is not None:
            store.writer.fence = node.lease.fence
            store.writer.on_fenced = lambda: later(node.fenced())

        async def activate() -> None:
            if settings.demo:
                from backend.demo.seed import seed_demo_handbook, seed_demo_staff

                await seed_demo_staff(store)
                await seed_demo_handbook(store)
            hub = Hub(settings, service, store, suomifi=suomifi(settings, service))
            hub.metrics.read_node(node.figures)
            await hub.start()
            app.state.hub = hub

        async def deactivate() -> None:
            hub: Hub | None = getattr(app.state, "hub", None)
            if hub is not None:
                await hub.stop()
            await store.drain()

        def on_sighup() -> None:
            hub: Hub | None = getattr(app.state, "hub", None)
            if hub is not None:
                later(reload_service_file(hub))

        await node.begin(activate, deactivate, leave)
        loop.add_signal_handler(signal.SIGHUP, on_sighup)
        try:
            yield
        finally:
            loop.remove_signal_handler(signal.SIGHUP)
            await node.stop()
            await store.close()
            if one_node is not None:
                one_node.release()

    async def index(_request: object) -> FileResponse:
        return FileResponse(WEB / "index.html")

    async def wallboard_page(_request: object) -> FileResponse:
        return FileResponse(WEB / "wallboard.html")

    routes = [
        Route("/", index),
        Route("/api/health", health),
        Route("/api/queues", queues),
        Route("/api/identity", identity),
        Route("/saml/metadata", identification.metadata),
        Route("/saml/login", identification.login),
        Route("/saml/acs", identification.acs, methods=["POST"]),
        Route("/saml/logout", identification.logout),
        Route("/saml/sls", identification.single_logout),
        Route("/wallboard", wallboard_page),
        Route("/api/wallboard", wallboard_figures),
        Route("/metrics", metrics),
        Route("/api/report", report_file),
        Route("/api/chat/picture", client_picture, methods=["POST"]),
        Route("/api/page", web_page.page),
        Route("/api/message", web_page.leave_message, methods=["POST"]),
        Route("/api/feedback", web_page.feedback, methods=["POST"]),
        Route("/brand.css", web_page.brand_css),
        Route("/brand/logo", web_page.logo),
        Route("/accessibility", web_page.accessibility),
        WebSocketRoute("/ws/client", client_socket),
        WebSocketRoute("/ws/staff", staff_socket),
        WebSocketRoute("/ws/gateway", gateway_socket),
        Mount("/static", StaticFiles(directory=WEB), name="static"),
    ]
    middleware = [
        Middleware(TransportInScope),
        Middleware(SecurityHeaders),
        Middleware(StandbyGate, node=node),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.node = node
    statement = service.web.accessibility
    if statement.review_overdue(datetime.now(service.tz).date()):
        log.warning(
            "web.accessibility.reviewed is %s: the accessibility statement is due its yearly "
            "review (Act on the Provision of Digital Services 306/2019)",
            statement.reviewed,
        )
    app.state.logo = logo_file(service, settings.service_file)
    app.state.message_limits = MessageLimits(
        service.web.messages_per_address_per_hour, service.web.messages_per_number_per_day
    )
    return app


def logo_file(service: ServiceConfig, service_file: Path | None) -> Path | None:
    """The organisation's logo (``web.logo``), relative to the service file; checked at
    start so a wrong path stops the backend with the field named, not a broken image."""
    if service.web.logo is None:
        return None
    base = service_file.parent if service_file is not None else Path.cwd()
    path = (base / service.web.logo).resolve()
    if path.suffix.lower() not in {".png", ".svg"}:
        raise ConfigError(f"web.logo: {service.web.logo!r} is not a .png or .svg file")
    if not path.is_file():
        raise ConfigError(f"web.logo: no file {path}")
    return path
