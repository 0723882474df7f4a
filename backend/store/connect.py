"""How the backend connects to its database: the libpq parameters a URL stands for, and
the settings every PostgreSQL session of a node carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import make_url

from backend.store.migrate import sync_url

# A database cut off without a word (packets dropped) fails a query in seconds instead of
# the kernel's quarter of an hour.
TCP_LIVENESS: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 5000,
}


def is_postgresql(url: str) -> bool:
    return make_url(sync_url(url)).get_backend_name() == "postgresql"


def connect_args(url: str) -> dict[str, Any]:
    """libpq's parameters for a SQLAlchemy URL, multi-host lists included
    (``?host=a:5432&host=b:5432&target_session_attrs=read-write``)."""
    parsed = make_url(sync_url(url))
    _args, params = parsed.get_dialect()().create_connect_args(parsed)
    return dict(params)


def session_args(app_name: str) -> dict[str, Any]:
    """For the store's pooled PostgreSQL sessions."""
    return {
        # Named, so that a node taking the lease over can end this node's sessions.
        "application_name": app_name,
        # A transaction left open by a frozen process ends by itself.
        "options": "-c idle_in_transaction_session_timeout=10000",
        **TCP_LIVENESS,
    }
