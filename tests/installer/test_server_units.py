"""The server's systemd units and environment examples: systemd accepts the units, and
the examples name every setting the processes read."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

SERVER = ROOT / "installer" / "server"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize(
    ("unit", "installed_as"),
    [
        ("luukku-backend.service", "luukku-backend.service"),
        ("luukku-gateway@.service", "luukku-gateway@gw2.service"),
    ],
)
def test_systemd_accepts_the_unit(tmp_path: Path, unit: str, installed_as: str) -> None:
    # The python the unit names exists here only under this checkout's path.
    text = (SERVER / unit).read_text().replace("/opt/luukku/.venv/bin/python", sys.executable)
    (tmp_path / installed_as).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(tmp_path / installed_as)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        # Paths of the server that this machine lacks, and this container's own units.
        if "/etc/luukku" not in line and installed_as.split("@")[0] in line
    ]
    assert done.returncode == 0 and not problems, done.stdout + done.stderr


def settings_read(source: Path) -> set[str]:
    return set(re.findall(r"\"(LUUKKU_[A-Z_]+)\"", source.read_text()))


def test_the_examples_name_every_setting() -> None:
    backend_env = (SERVER / "backend.env.example").read_text()
    gateway_env = (SERVER / "gateway.env.example").read_text()
    gateway_reads: set[str] = set()
    for source in (ROOT / "backend" / "telephony").glob("*.py"):
        gateway_reads |= settings_read(source)
    assert "LUUKKU_GATEWAY_TOKEN" in gateway_reads
    # The instance name gives the id; the demo switch is not for a server.
    for name in gateway_reads - {"LUUKKU_GATEWAY_ID", "LUUKKU_DEMO"}:
        assert name in gateway_env, name
    assert "LUUKKU_GATEWAY_TOKEN" in backend_env
    unit = (SERVER / "luukku-gateway@.service").read_text()
    assert "Environment=LUUKKU_GATEWAY_ID=%i" in unit
    assert "ExecReload=/bin/kill -HUP $MAINPID" in (SERVER / "luukku-backend.service").read_text()


def test_the_server_set_up_installs_no_kamailio_or_espeak() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text()
    server = re.search(r"server_pkgs=\(([^)]*)\)", script)
    assert server is not None
    assert "kamailio" not in server[1] and "espeak" not in server[1]
    assert 'server) pkgs=("${server_pkgs[@]}")' in script
