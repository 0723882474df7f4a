"""Answering from another program: the desktop runs as its own process on a real X display,
a caller rings it, and the system-wide hotkeys are pressed from outside (xdotool, XTEST)
while the keyboard focus is in a different program's window."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, running_backend
from tests.sip.peers import Kamailio, Peer

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.sip,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="installed by scripts/test.sh"),
]


@pytest.fixture
def kamailio() -> Iterator[Kamailio]:
    k = Kamailio()
    k.start()
    yield k
    k.close()


def xdotool(display: str, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=dict(os.environ, DISPLAY=display), check=True,
        capture_output=True, text=True, timeout=10,
    ).stdout.strip()  # fmt: skip


async def test_global_hotkeys_answer_and_hang_up_from_another_program(
    tmp_path: Path, display: str, kamailio: Kamailio
) -> None:
    with running_backend(tmp_path) as backend:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            LUUKKU_SIP_REGISTRAR=kamailio.address,
            LUUKKU_SIP_REGISTER_SECONDS="60",
            LUUKKU_MACHINE_CONFIG=str(tmp_path / "none.toml"),
        )
        desktop = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--backend", backend.http, "--demo"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # Another program with the keyboard focus: the hotkey must not need our window.
        other = subprocess.Popen(
            [sys.executable, "-c", "import tkinter as t; r=t.Tk(); r.title('other'); r.mainloop()"],
            env=env,
        ) if _has_tk() else None  # fmt: skip
        caller = Peer()
        try:
            await caller.register(kamailio.address, "asiakas")
            # The desktop is reachable once its phone has registered.
            for _ in range(60):
                caller.send("dial", target="hoitaja")
                await asyncio.sleep(0.5)
                state = caller.send("state")
                if any(c["state"] == "dialing" for c in state["calls"]):
                    break
            else:
                raise AssertionError(f"the desktop never rang: {state}")
            if other is not None:
                window = xdotool(display, "search", "--sync", "--name", "^other$")
                xdotool(display, "windowfocus", "--sync", window.splitlines()[0])
            xdotool(display, "key", "ctrl+shift+a")
            await caller.until(lambda s: any(c["state"] == "active" for c in s["calls"]))
            xdotool(display, "key", "ctrl+shift+e")
            await caller.until(
                lambda s: (
                    all(c["state"] == "ended" for c in s["calls"])
                    and any(c["reason"].startswith("200") for c in s["calls"])
                )
            )
            assert desktop.poll() is None
        finally:
            caller.close()
            if other is not None:
                other.terminate()
            desktop.terminate()
            desktop.wait(15)


def _has_tk() -> bool:
    try:
        import tkinter  # noqa: F401
    except ImportError:
        return False
    return True
