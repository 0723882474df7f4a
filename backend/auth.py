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


# argon2 is memory-hard on purpose (64 MiB a verification with the defaults): a morning
# log-in rush, or a flood of wrong passwords, would otherwise run as many at once as the
# default thread pool allows and spike memory by hundreds of megabytes.
VERIFIER_NICE = 10


def _lower_priority() -> None:
    """A verification is a tenth of a second of every core (four lanes): at nice 10 it
    takes what the event loop leaves, so 200 staff logging in at once do not hold up the
    clients starting their chats meanwhile (start p99 866 ms at nice 0, bench.handout
    --rush). A thread may lower its own priority without privilege (Linux: per thread);
    argon2's lane threads inherit it."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), VERIFIER_NICE)


verifier_threads = ThreadPoolExecutor(
    max_workers=2, thread_name_prefix="luukku-argon2", initializer=_lower_priority
)


async def verify_password_async(password_hash: str | None, password: str) -> bool:
    """Verify off the event loop, at most two at a time."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(verifier_threads, verify_password, password_hash, password)


async def hash_password_async(password: str) -> str:
    """Hash off the event loop, sharing the verifications' two threads."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(verifier_threads, hash_password, password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
