"""Real SIP parties for tests: Kamailio as registrar, sipp scenarios, pjsua2 peer processes."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import random
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
ROOT = HERE.parent.parent
KAMAILIO_CFG = ROOT / "backend" / "demo" / "kamailio.cfg"


def pool_parts(gateways: list[str], run_dir: Path) -> dict[str, str]:
    """The Kamailio config parts for a pool of service-number gateways ("127.0.0.1:5080"):
    callers of ``service`` go round robin to a gateway, and on busy (a full gateway) or no
    answer to the next one. Empty parts: no pool."""
    if not gateways:
        return {"pool_modules": "", "pool_route": "", "pool_failure": ""}
    listing = run_dir / "dispatcher.list"
    listing.write_text("".join(f"1 sip:{g}\n" for g in gateways))
    return {
        "pool_modules": (
            'loadmodule "dispatcher.so"\n'
            f'modparam("dispatcher", "list_file", "{listing}")\n'
            'modparam("dispatcher", "flags", 2)\n'
        ),
        "pool_route": (
            '\tif (method=="INVITE" && $rU=="service") {\n'
            '\t\tif (!ds_select_dst("1", "4")) { sl_send_reply("503", "No gateway"); exit; }\n'
            "\t\trecord_route();\n"
            '\t\tt_on_failure("NEXT_GATEWAY");\n'
            "\t\tt_relay();\n"
            "\t\texit;\n"
            "\t}\n"
        ),
        "pool_failure": (
            "failure_route[NEXT_GATEWAY] {\n"
            "\tif (t_is_canceled()) exit;\n"
            '\tif (t_check_status("486|408|5[0-9][0-9]") && ds_next_dst()) {\n'
            '\t\tt_on_failure("NEXT_GATEWAY");\n'
            "\t\tt_relay();\n"
            "\t}\n"
            "}\n"
        ),
    }


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_listen_port() -> int:
    """A port free for both UDP and TCP, below the kernel's ephemeral range (32768+).

    Kamailio listens on both at one port. A port from ``bind(0)`` lies in the ephemeral
    range, where any outgoing TCP connection made before Kamailio starts (the backend's,
    the desktop's) may take it as its local port: "Address already in use", seen once in
    a full run."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, 32000)
        with (
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp,
        ):
            try:
                udp.bind(("127.0.0.1", port))
                tcp.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for a SIP listener")


def free_port_block(size: int) -> int:
    """A base port with ``size`` free UDP ports above it (RTP needs even/odd pairs)."""
    for _ in range(50):
        base = free_udp_port() & ~1
        sockets = []
        try:
            for p in range(base, base + size):
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                sockets.append(s)
                s.bind(("127.0.0.1", p))
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free UDP port block")


class Kamailio:
    def __init__(
        self,
        port: int | None = None,
        tls_cert: tuple[Path, Path] | None = None,
        gateways: list[str] | None = None,
    ) -> None:
        """``tls_cert`` (certificate chain, key) adds a TLS listener on ``tls_port``;
        ``gateways`` a dispatcher pool for ``sip:service@`` (backend/demo/kamailio.cfg)."""
        self.port = port or free_listen_port()
        self.dir = Path(tempfile.mkdtemp(prefix="luukku-kamailio-"))
        self.cfg = self.dir / "kamailio.cfg"
        self.tls_port = 0
        tls = ""
        if tls_cert is not None:
            self.tls_port = free_listen_port()
            (self.dir / "tls.cfg").write_text(
                "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\n"
                f"require_certificate = no\ncertificate = {tls_cert[0]}\n"
                f"private_key = {tls_cert[1]}\n\n[client:default]\nverify_certificate = no\n"
            )
            tls = (
                f"enable_tls=yes\nlisten=tls:127.0.0.1:{self.tls_port}\n"
                f'alias="127.0.0.1:{self.tls_port}"\n'
                'loadmodule "/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so"\n'
                f'modparam("tls", "config", "{self.dir / "tls.cfg"}")\n'
            )
        parts = pool_parts(gateways or [], self.dir)
        self.cfg.write_text(KAMAILIO_CFG.read_text().format(port=self.port, tls=tls, **parts))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def tls_address(self) -> str:
        return f"127.0.0.1:{self.tls_port}"

    def start(self) -> None:
        with open(self.dir / "kamailio.log", "ab") as log:
            self.proc = subprocess.Popen(
                [
                    "kamailio",
                    "-f",
                    str(self.cfg),
                    "-DD",
                    "-E",
                    "-Y",
                    str(self.dir),
                    "-m",
                    "32",
                    "-M",
                    "8",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"kamailio exited: {(self.dir / 'kamailio.log').read_text()[-2000:]}"
                )
            if self._answers():
                return
            time.sleep(0.05)
        raise RuntimeError("kamailio did not answer OPTIONS")

    def _answers(self) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(0.2)
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            msg = (
                f"OPTIONS sip:127.0.0.1:{self.port} SIP/2.0\r\n"
                f"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{time.monotonic_ns()}\r\n"
                f"From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
                f"Call-ID: probe{time.monotonic_ns()}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 1\r\n"
                "Content-Length: 0\r\n\r\n"
            )
            s.sendto(msg.encode(), ("127.0.0.1", self.port))
            try:
                s.recvfrom(4096)
                return True
            except OSError:
                return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Peer:
    """A pjsua2 party in its own process (tests/sip/peer.py)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.sip.peer"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if os.environ.get("LUUKKU_PEER_LOG") else subprocess.DEVNULL,
        )

    def send(
        self, op: str, *, meanwhile: Callable[[], None] | None = None, **args: Any
    ) -> dict[str, Any]:
        """One command, one reply. ``meanwhile`` runs while the peer works (a caller's
        event loop that must not stall, e.g. the desktop's audio during a ping)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write((json.dumps({"op": op, **args}) + "\n").encode())
        self.proc.stdin.flush()
        if meanwhile is not None:
            while not select.select([self.proc.stdout], [], [], 0)[0]:
                meanwhile()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"peer died (exit {self.proc.poll()})")
        reply: dict[str, Any] = json.loads(line)
        if not reply.get("ok"):
            raise RuntimeError(f"peer {op}: {reply.get('error')}")
        return reply

    def start(self, registrar: str, user: str, **extra: Any) -> None:
        self.send("start", registrar=registrar, user=user, register_seconds=60, **extra)

    async def until(self, predicate: Any, timeout: float = 10.0) -> dict[str, Any]:
        """Poll the peer's state without blocking the caller's event loop."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.send("state")
            if predicate(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"peer state never matched: {state}")
            await asyncio.sleep(0.05)

    async def register(self, registrar: str, user: str, **extra: Any) -> None:
        self.start(registrar, user, **extra)
        await self.until(lambda s: s["registration"] == "registered")

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(RuntimeError, OSError, ValueError):
                self.send("stop")
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def sipp(
    scenario: str,
    target: str,
    *,
    service: str = "nurse",
    calls: int = 1,
    rate: float = 1.0,
    extra: list[str] | None = None,
    cwd: Path | None = None,
    fields: list[str] | None = None,
    port: int | None = None,
) -> subprocess.Popen[bytes]:
    """Start sipp with a built-in scenario (``uac_pcap``) or one of tests/sip/scenarios."""
    workdir = cwd
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="luukku-sipp-"))
        # Its error trace is there while the tests run; gone with them (hundreds piled up).
        atexit.register(shutil.rmtree, workdir, True)
    pcap = workdir / "pcap"
    if not pcap.exists():
        # uac_pcap looks for pcap/… in its working directory.
        pcap.symlink_to("/usr/share/sip-tester")
    if scenario.endswith(".xml"):
        which = ["-sf", scenario]  # a scenario file written by the test
    elif (SCENARIOS / f"{scenario}.xml").exists():
        which = ["-sf", str(SCENARIOS / f"{scenario}.xml")]
    else:
        which = ["-sn", scenario]
    extra = list(extra or [])
    if fields is not None:
        # [field0], [field1], … of the scenario, the same for every call.
        (workdir / "fields.csv").write_text("SEQUENTIAL\n" + ";".join(fields) + ";\n")
        extra += ["-inf", str(workdir / "fields.csv")]
    port = port or free_udp_port()
    media = free_port_block(8)
    cmd = [
        "sipp", target, *which,
        "-s", service,
        "-i", "127.0.0.1", "-p", str(port),
        "-mi", "127.0.0.1", "-mp", str(media),
        "-m", str(calls), "-r", str(rate),
        "-nostdin", "-trace_err", "-aa",
        *extra,
    ]  # fmt: skip
    return subprocess.Popen(
        cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )


def sipp_result(proc: subprocess.Popen[bytes], timeout: float = 60) -> tuple[int, str]:
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return -1, out.decode(errors="replace")[-3000:]
    return proc.returncode, out.decode(errors="replace")[-3000:]
