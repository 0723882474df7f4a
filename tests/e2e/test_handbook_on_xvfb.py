"""A handbook page in a real X window (Xvfb), opened by the --handbook-page link; screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.test_desktop_on_xvfb import pytestmark
from tests.helpers import ROOT, running_backend


def test_rendered_handbook_page_on_xvfb(tmp_path: Path, display: str, artifacts: str) -> None:
    from PIL import ImageGrab

    with running_backend(tmp_path) as backend:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        desktop = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--backend",
                backend.http,
                "--demo",
                "--handbook-page",
                "ajanvaraus-lastenneuvola",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            lines: list[str] = []
            assert desktop.stdout is not None
            reader = threading.Thread(target=lambda: lines.extend(desktop.stdout), daemon=True)  # type: ignore[arg-type]
            reader.start()
            deadline = time.monotonic() + 20
            wanted = "handbook page ajanvaraus-lastenneuvola shown"
            while time.monotonic() < deadline and not any(wanted in line for line in lines):
                time.sleep(0.2)
            assert any(wanted in line for line in lines), "".join(lines)[-2000:]
            time.sleep(0.5)  # let the window paint
            shot = ImageGrab.grab(xdisplay=display)
            shot.save(os.path.join(artifacts, "handbook-xvfb.png"))
            # A rendered page: many distinct greys from anti-aliased text, not a blank window.
            assert len(shot.getcolors(maxcolors=1 << 20) or []) > 50
        finally:
            desktop.terminate()
            desktop.wait(10)


pytestmark = [*pytestmark, pytest.mark.e2e]
