"""The workstation fits the screens nurses have: 1920×1080 at 150 % (1280×720 logical
pixels, the usual health-care desktop) and 1366×768, in Finnish and Swedish. A nurse with
two chats and a call, the handbook, every page of the supervisor's room and a digi-agent on
standby: no view is wider or taller than the screen, nothing scrolls sideways, and every
queue name in the meter is whole. Real windows on Xvfb (xcb), measured from inside by
``window_fit.py``; the screenshots go to artifacts/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import start_xvfb
from tests.helpers import ROOT, BackendProcess, running_backend

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is installed by scripts/test.sh"),
]

SCREENS = [("1920x1080", "1.5", (1280, 720)), ("1366x768", "1", (1366, 768))]


@pytest.fixture
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    # Each run her own: the nurse takes two chats in every screen and language.
    with running_backend(tmp_path_factory.mktemp("fit")) as b:
        yield b


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize(("size", "scale", "logical"), SCREENS)
def test_every_view_fits_the_screen(
    backend: BackendProcess,
    artifacts: str,
    tmp_path: Path,
    size: str,
    scale: str,
    logical: tuple[int, int],
    lang: str,
) -> None:
    server, display = start_xvfb(size)
    try:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            QT_SCALE_FACTOR=scale,
            HOME=str(tmp_path),  # her own settings: the default text size
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            LUUKKU_MACHINE_CONFIG=str(tmp_path / "none.toml"),
        )
        env.pop("QT_QPA_PLATFORMTHEME", None)
        done = subprocess.run(
            [
                *(sys.executable, "-m", "tests.e2e.window_fit"),
                *("--backend", backend.http, "--lang", lang, "--out", artifacts),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        server.terminate()
        server.wait(10)
    assert done.returncode == 0, done.stderr[-3000:]
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    views = {r["view"] for r in reports}
    assert {"nurse", "handbook", "digi-standby"} <= views
    assert sum(v.startswith("supervisor-") for v in views) == 5
    width, height = logical
    problems = []
    for report in reports:
        assert report["screen"][0] <= width and report["screen"][1] <= height, report
        assert Path(report["shot"]).exists()
        what = f"{report['view']} ({lang}, {size} at {scale})"
        if report["min"][0] > report["screen"][0]:
            problems.append(f"{what} is wider than the screen: {report['min']}")
        if report["min"][1] > report["screen"][1]:
            problems.append(f"{what} is taller than the screen: {report['min']}")
        if report["size"][0] > report["screen"][0]:
            problems.append(f"{what} did not fit: {report['size']}")
        if report["sideways"]:
            problems.append(f"{what} scrolls sideways: {report['sideways']}")
        if report["cut_names"]:
            problems.append(f"{what} cuts queue names: {report['cut_names']}")
    assert not problems, "\n".join(problems)
