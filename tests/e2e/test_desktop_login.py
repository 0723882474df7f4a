"""Log-in from the desktop: a wrong password asks again; a right one is kept in the OS
keyring (here an in-memory keyring backend), never in a file."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication

from desktop.app import Options, amain
from desktop.chat import credentials
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from tests.e2e.workstation import until
from tests.helpers import BackendProcess, running_backend

pytestmark = [pytest.mark.e2e, pytest.mark.qt]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("login")) as b:
        yield b


def visible(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


async def test_login_retry_and_keyring(
    backend: BackendProcess, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    # A wrong password is in the keyring from before: it must be dropped and asked again.
    credentials.remember(backend.http, "hoitaja", "old-wrong")
    options = Options(backend=backend.http, username="hoitaja", lang="fi", demo=False, smoke=False)
    app_task = asyncio.ensure_future(amain(options))

    await until(lambda: visible(LoginDialog), timeout=15, what="login dialog after bad password")
    dialog = visible(LoginDialog)[0]
    assert dialog.error.isVisible() and dialog.username.text() == "hoitaja"
    assert memory_keyring.items == {}  # the bad one was forgotten
    dialog.password.setText("demo")
    dialog.remember.setChecked(True)
    dialog.accept()

    await until(
        lambda: any(w.state.profile for w in visible(MainWindow)),
        timeout=15,
        what="logged-in window",
    )
    assert memory_keyring.items == {("luukku", f"hoitaja@{backend.http}"): "demo"}
    # Nothing written to disk holds the password.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"demo" not in path.read_bytes()

    QApplication.instance().aboutToQuit.emit()  # type: ignore[union-attr]
    assert await asyncio.wait_for(app_task, 10) == 0
