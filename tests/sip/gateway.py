"""The service-number gateway as a real process for tests: started against a backend,
waited for until the backend has it, killed or stopped on the way out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import ROOT, BackendProcess, die_with_parent
from tests.sip.peers import free_udp_port

TOKEN = "test-gateway-token-0123456789"


class GatewayProcess:
    def __init__(
        self,
        backend: BackendProcess,
        prompts: Path,
        registrar: str | None = None,
        gateway_id: str = "gw1",
        drain_s: float = 0,
    ) -> None:
        self.backend = backend
        self.prompts = prompts
        self.registrar = registrar
        self.gateway_id = gateway_id
        self.drain_s = drain_s  # stopped, it keeps its callers this long (production: 300)
        self.sip_port = free_udp_port()
        self.log_path = backend.data_dir / f"gateway-{gateway_id}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._log_offset = 0

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.sip_port}"

    def start(self, wait: bool = True) -> None:
        env = dict(
            os.environ,
            LUUKKU_GATEWAY_BACKEND=self.backend.ws,
            LUUKKU_GATEWAY_TOKEN=TOKEN,
            LUUKKU_GATEWAY_ID=self.gateway_id,
            LUUKKU_GATEWAY_SIP_PORT=str(self.sip_port),
            LUUKKU_GATEWAY_LOCAL="1",
            LUUKKU_GATEWAY_DRAIN_S=str(self.drain_s),
            LUUKKU_PROMPTS_DIR=str(self.prompts),
            LUUKKU_SERVICE_FILE=str(self.backend.service_file),
            LUUKKU_DATA_DIR=str(self.backend.data_dir),
        )
        if self.registrar:
            env["LUUKKU_GATEWAY_REGISTRAR"] = self.registrar
        # Only this start's lines count when waiting for the link (a restart appends).
        self._log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        # The child writes through its own copy of the descriptor: ours closes at once.
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "backend.telephony"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=log,
                preexec_fn=die_with_parent,
            )
        if wait:
            self.wait_linked()

    def wait_linked(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        start = self._log_offset
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError("gateway exited: " + self.log_path.read_text()[-3000:])
            text = self.log_path.read_bytes()[start:].decode(errors="replace")
            if "backend link up" in text:
                return
            time.sleep(0.1)
        raise RuntimeError("gateway did not link: " + self.log_path.read_text()[-3000:])

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
