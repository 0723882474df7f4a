"""The staff password lives in the OS keyring (Windows Credential Manager, Secret Service).

Never in a file: when no keyring is available, the password is simply not remembered.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

log = logging.getLogger("luukku.desktop.credentials")
SERVICE = "luukku"


def _key(backend_url: str, username: str) -> str:
    return f"{username}@{backend_url}"


def recall(backend_url: str, username: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _key(backend_url, username))
    except KeyringError:
        return None


def remember(backend_url: str, username: str, password: str) -> bool:
    """Store the password; False when this computer has no usable keyring."""
    try:
        keyring.set_password(SERVICE, _key(backend_url, username), password)
    except KeyringError:
        log.info("no keyring available: password not remembered")
        return False
    return True


def forget(backend_url: str, username: str) -> None:
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _key(backend_url, username))
