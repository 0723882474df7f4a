"""A backend with Suomi.fi identification against the test IdP (``tests/saml_idp.py``),
both real processes on 127.0.0.1, with their own keys and each other's metadata."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import OPEN_ALWAYS, ROOT, BackendProcess, die_with_parent, free_port
from tests.saml_idp import key_pair, write_metadata


@dataclass
class Identification:
    backend: BackendProcess
    idp: str  # the IdP's base address


def _wait_port(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text()[-2000:]) from None
            time.sleep(0.1)


@contextmanager
def identification(folder: Path) -> Iterator[Identification]:
    """neuvola: identification optional; mipa: required."""
    idp_port, backend_port = free_port(), free_port()
    idp_base = f"http://127.0.0.1:{idp_port}"
    sp_base = f"http://127.0.0.1:{backend_port}"
    idp_metadata = write_metadata(idp_base, folder)
    sp_key, sp_cert = key_pair(folder, "sp")
    service = (
        OPEN_ALWAYS.read_text()
        .replace('skill = "neuvola"\n', 'skill = "neuvola"\nidentification = "optional"\n', 1)
        .replace('skill = "mipa"\n', 'skill = "mipa"\nidentification = "required"\n', 1)
    )
    service += (
        "\n[identification]\n"
        f'idp_metadata = "{idp_metadata}"\n'
        f'entity_id = "{sp_base}/saml/metadata"\n'
        f'base_url = "{sp_base}"\n'
        'min_loa = "substantial"\n'
    )
    service_file = folder / "service.toml"
    service_file.write_text(service)
    backend = BackendProcess(
        folder,
        backend_port,
        service_file=service_file,
        extra_env={"LUUKKU_SAML_KEY": str(sp_key), "LUUKKU_SAML_CERT": str(sp_cert)},
    )
    backend.start()
    idp = None
    try:
        sp_metadata = folder / "sp-metadata.xml"
        with urllib.request.urlopen(sp_base + "/saml/metadata", timeout=10) as answer:
            sp_metadata.write_bytes(answer.read())
        log_path = folder / "idp.log"
        with open(log_path, "ab") as log:
            idp = subprocess.Popen(
                [
                    *(sys.executable, "-m", "tests.saml_idp", "--port", str(idp_port)),
                    *("--folder", str(folder), "--sp-metadata", str(sp_metadata)),
                ],
                cwd=ROOT,
                stdout=log,
                stderr=log,
                preexec_fn=die_with_parent,
            )
        _wait_port(idp_port, idp, log_path)
        yield Identification(backend, idp_base)
    finally:
        if idp is not None:
            idp.terminate()
            idp.wait(10)
        backend.stop()
