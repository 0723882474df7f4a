"""After a backend restart, an office of 30 nurses behind one address comes back at once:
a session-token resume hashes nothing and never waits in the password queue (which keeps
its per-address limit for password log-ins)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backend.auth import new_token, token_hash
from backend.store.repository import Store
from backend.store.tables import StaffSession, StaffUser
from tests.helpers import BackendProcess, Peer, free_port

STAFF = 30


async def sessions_for(database_url: str) -> list[str]:
    """30 nurses with a session each, written as the backend writes them."""
    store = Store(database_url)
    tokens = []
    now = datetime.now(UTC)
    try:
        for n in range(STAFF):
            token = new_token()
            tokens.append(token)
            username = f"toimisto{n}"
            await store.add_user(
                StaffUser(
                    username=username,
                    display_name=f"Hoitaja {n}",
                    password_hash="",
                    role="nurse",
                    skills="neuvola",
                    chat_capacity=2,
                    created_at=now,
                    source="oidc",
                )
            )
            await store.transaction(
                lambda s, t=token, u=username: s.add(
                    StaffSession(
                        token_hash=token_hash(t),
                        username=u,
                        created_at=now,
                        expires_at=now + timedelta(hours=8),
                    )
                )
            )
    finally:
        await store.close()
    return tokens


async def resume(url: str, token: str) -> float:
    began = time.perf_counter()
    peer = await Peer.connect(url + "/ws/staff")
    try:
        await peer.send(type="resume_session", session_token=token)
        await peer.expect("logged_in", timeout=10)
        return time.perf_counter() - began
    finally:
        await peer.close()


async def test_thirty_resumes_from_one_address_after_a_restart(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    try:
        tokens = await sessions_for(backend.database_url)
        backend.stop()
        backend.start()  # the restart: every desktop comes back with its token
        began = time.perf_counter()
        took = await asyncio.gather(*(resume(backend.ws, t) for t in tokens))
        total = time.perf_counter() - began
        assert len(took) == STAFF and total < 5, (total, sorted(took)[-3:])
        # Password log-ins keep their per-address queue: a burst beyond it is refused.
        peers = [await Peer.connect(backend.ws + "/ws/staff") for _ in range(12)]
        for peer in peers:
            await peer.send(type="login", username="hoitaja", password="wrong password")
        answers = [await p.expect_any("error", timeout=15) for p in peers]
        codes = {a["code"] for a in answers}
        assert "rate_limited" in codes and codes <= {"rate_limited", "auth_failed"}, codes
        for peer in peers:
            await peer.close()
    finally:
        backend.stop()
