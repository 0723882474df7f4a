"""The PyInstaller build of the desktop: built here, started offscreen with --smoke against a
real backend, logs in with a test account, shows the meter, exits 0; licences shipped."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.helpers import ROOT, running_backend

pytestmark = pytest.mark.e2e
BINARY = ROOT / "dist" / "luukku" / "luukku"


@pytest.fixture(scope="module")
def frozen_app() -> Iterator[Path]:
    # Always rebuilt from the working tree: a stale dist would test old code.
    subprocess.run(
        ["bash", "installer/build.sh"], cwd=ROOT, check=True, timeout=900, stdout=subprocess.DEVNULL
    )
    assert BINARY.exists()
    yield BINARY


def smoke(frozen_app: Path, tmp_path: Path, password: str) -> subprocess.CompletedProcess[str]:
    """The bundle against a real backend, logging in as hoitaja with ``password``."""
    with running_backend(tmp_path) as backend:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LUUKKU_TEST_PASSWORD=password)
        return subprocess.run(
            [
                str(frozen_app),
                "--backend",
                backend.http,
                "--user",
                "hoitaja",
                "--password-env",
                "LUUKKU_TEST_PASSWORD",
                "--smoke",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )


def test_frozen_desktop_logs_in_and_shows_the_meter(frozen_app: Path, tmp_path: Path) -> None:
    run = smoke(frozen_app, tmp_path, "demo")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "smoke ok: logged in as hoitaja, meter with" in run.stdout


def test_frozen_desktop_refuses_a_wrong_password(frozen_app: Path, tmp_path: Path) -> None:
    run = smoke(frozen_app, tmp_path, "wrong")
    assert run.returncode == 3, run.stdout + run.stderr


def test_bundle_carries_licences_and_version(frozen_app: Path) -> None:
    bundle = frozen_app.parent
    assert (bundle / "VERSION").read_text().strip() == version("luukku")
    licences = bundle / "licenses"
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "LUUKKU-LICENSE.txt").read_text()
    summary = (licences / "THIRD-PARTY-LICENSES.txt").read_text()
    for package in ("PySide6_Essentials", "pydantic", "websockets", "keyring", "qasync"):
        assert package in summary
    assert "No licence file" not in summary
    pyside = next(p for p in licences.iterdir() if p.name.startswith("PySide6_Essentials-"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (pyside / "LGPL-3.0.txt").read_text()
