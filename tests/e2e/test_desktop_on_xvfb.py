"""The desktop as its own process in a real X window (Xvfb), screenshotted from outside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ui.meter import LEVEL_COLOURS
from protocol.messages import Level
from tests.helpers import ROOT, BackendProcess, Peer, running_backend

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is installed by scripts/test.sh"),
]


def colour_count(image: object, rgb: tuple[int, int, int]) -> int:
    colours = image.getcolors(maxcolors=1 << 20)  # type: ignore[attr-defined]
    return sum(count for count, value in colours if tuple(value[:3]) == rgb)


async def test_desktop_window_on_xvfb_shows_the_meter(
    tmp_path: Path, display: str, artifacts: str
) -> None:
    from PIL import ImageGrab

    with running_backend(tmp_path) as backend:
        clients = [await Peer.connect(backend.ws + "/ws/client") for _ in range(2)]
        for client in clients:
            await client.send(type="start", queue="neuvola")
            await client.expect("started")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LUUKKU_LANG="fi")
        desktop = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--backend", backend.http, "--demo"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            # Two clients wait and the demo nurse is not Ready yet: the queue shows yellow.
            yellow = LEVEL_COLOURS[Level.YELLOW]
            want = (yellow.red(), yellow.green(), yellow.blue())
            deadline = time.monotonic() + 20
            shot = None
            while time.monotonic() < deadline:
                assert desktop.poll() is None, desktop.stdout.read().decode()  # type: ignore[union-attr]
                shot = ImageGrab.grab(xdisplay=display)
                if colour_count(shot, want) > 500:
                    break
                time.sleep(0.3)
            assert shot is not None
            shot.save(os.path.join(artifacts, "desktop-xvfb.png"))
            # The meter rows are painted in the level colour on the real X screen.
            assert colour_count(shot, want) > 500
        finally:
            desktop.terminate()
            desktop.wait(10)
            for client in clients:
                await client.close()
    assert isinstance(backend, BackendProcess)
