"""Staff passwords (argon2) and session tokens (random, stored only as a hash)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the username is unknown, so a wrong username costs the same time
# as a wrong password and does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """False for an account without a password (one from the organisation's provider)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def _yield_to_the_live_work() -> None:
    """A verification is ~0.3 s of a core (measured on the 2-core machine): a shift
    logging in at 8:00 kept both cores busy for half a minute and the chats already
    open waited behind it. The verifier threads run at a lower priority (Linux nice +10):
    the event loop, and so every open chat, goes first; log-ins take what is left."""
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            me = threading.get_native_id()
            own = os.getpriority(os.PRIO_PROCESS, me)
            os.setpriority(os.PRIO_PROCESS, me, min(19, own + VERIFIER_NICE))


VERIFIER_NICE = 10
# argon2 is memory-hard on purpose (64 MiB a verification with the defaults): a morning
# log-in rush, or a flood of wrong passwords, would otherwise run as many at once as the
# default thread pool allows and spike memory by hundreds of megabytes.
VERIFIERS = 2
verifier_pool = ThreadPoolExecutor(
    max_workers=VERIFIERS,
    thread_name_prefix="luukku-argon2",
    initializer=_yield_to_the_live_work,
)


async def verify_password_async(password_hash: str | None, password: str) -> bool:
    """Verify off the event loop, ``VERIFIERS`` at a time, below the loop's priority."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(verifier_pool, verify_password, password_hash, password)


async def hash_password_async(password: str) -> str:
    """Hash off the event loop, sharing the verifications' threads."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(verifier_pool, hash_password, password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
