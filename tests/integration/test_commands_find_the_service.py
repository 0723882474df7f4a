"""The backend's commands find the service they manage: the settings file the server (or
the demo) keeps, the database named on stderr, a data directory that does not exist or a
database with no contacts refused with a clear message and exit 2 (no traceback); a
desktop started by hand learns the SIP registrar from the backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.helpers import ROOT, BackendProcess, free_port


def command(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m backend ARGS`` as IT types it: no LUUKKU_* in the environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LUUKKU_")}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_commands_read_the_settings_file_and_name_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    backend = BackendProcess(
        data, free_port(), demo=True, extra_env={"LUUKKU_SIP_REGISTRAR": "127.0.0.1:5070"}
    )
    backend.start()
    try:
        # A desktop with no registrar of its own is told the backend's.
        with urllib.request.urlopen(backend.http + "/api/identity", timeout=5) as answer:
            assert json.load(answer)["sip_registrar"] == "127.0.0.1:5070"
        # The demo writes luukku.env where it runs; a command run there finds its service.
        here = tmp_path / "where-the-demo-runs"
        here.mkdir()
        (here / "luukku.env").write_text(
            f"# the demo's\nLUUKKU_DATA_DIR={data}\nLUUKKU_DEMO=1\nLUUKKU_PORT={backend.port}\n",
            "utf-8",
        )
        listed = command(here, "users", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert "hoitaja" in {u["username"] for u in json.loads(listed.stdout)}
        assert str(data / "luukku.db") in listed.stderr and "luukku.env" in listed.stderr
        # The environment wins over the file.
        other = tmp_path / "elsewhere"
        missing = command(here, "users", "list", LUUKKU_DATA_DIR=str(other))
        assert missing.returncode == 2 and "Traceback" not in missing.stderr
        assert f"the data directory {other} does not exist" in missing.stderr
        # A report from a database with no contacts is refused, naming where to look.
        (tmp_path / "new").mkdir()
        empty = command(
            here, "report", "--from", "2026-11-30", "--to", "2026-12-06",
            LUUKKU_DATA_DIR=str(tmp_path / "new"),
        )  # fmt: skip
        assert empty.returncode == 2 and "Traceback" not in empty.stderr
        assert "has no contacts yet" in empty.stderr
    finally:
        backend.stop()
