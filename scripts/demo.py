"""Start the demo: backend + web chat + demo traffic, and the desktop where a screen exists.

Without a display the desktop cannot open; the demo then proves the desktop works with an
offscreen log-in (it prints what it saw) and keeps the backend, the client web chat and
the traffic running, printing their addresses.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def wait_healthy(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"demo: the backend stopped at start (exit {proc.returncode}); see above")
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("demo: the backend did not answer in 30 s")


def start_registrar(port: int) -> subprocess.Popen[bytes] | None:
    """Kamailio as the demo's SIP registrar, so that the desktop's phone registers."""
    if shutil.which("kamailio") is None:
        print("demo: kamailio is not installed: the desktop's phone stays unconfigured")
        return None
    run_dir = Path(tempfile.mkdtemp(prefix="luukku-demo-sip-"))
    cfg = run_dir / "kamailio.cfg"
    template = (ROOT / "backend" / "demo" / "kamailio.cfg").read_text()
    cfg.write_text(
        template.format(port=port, tls="", pool_modules="", pool_route="", pool_failure="")
    )
    return subprocess.Popen(
        ["kamailio", "-f", str(cfg), "-DD", "-E", "-Y", str(run_dir), "-m", "32", "-M", "8"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LUUKKU_PORT", "8765")))
    parser.add_argument("--no-traffic", action="store_true", help="no simulated clients")
    parser.add_argument("--per-minute", type=float, default=2.0, help="simulated clients a minute")
    parser.add_argument("--sip-port", type=int, default=5070, help="the demo registrar's port")
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    env = dict(
        os.environ,
        LUUKKU_DEMO="1",
        LUUKKU_PORT=str(args.port),
        LUUKKU_DATA_DIR=os.environ.get("LUUKKU_DATA_DIR", str(ROOT / "data" / "demo")),
        # Demo only: the backend and the service-number gateway share this secret.
        LUUKKU_GATEWAY_TOKEN=os.environ.get("LUUKKU_GATEWAY_TOKEN", secrets.token_urlsafe(24)),
    )
    children: list[subprocess.Popen[bytes]] = []

    def stop(*_args: object) -> None:
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        registrar = start_registrar(args.sip_port)
        if registrar is not None:
            children.append(registrar)
            env.setdefault("LUUKKU_SIP_REGISTRAR", f"127.0.0.1:{args.sip_port}")
        data_dir = Path(env["LUUKKU_DATA_DIR"])
        # The backend's commands run from here find this demo (README: `report`, `users`,
        # `wallboard-link`): its settings where they look (backend/config.py: ENV_FILES).
        settings = ROOT / "luukku.env"
        settings.write_text(
            "# Written by the demo (scripts/demo.py): the demo backend's settings.\n"
            + "".join(
                f"{key}={env[key]}\n"
                for key in ("LUUKKU_DATA_DIR", "LUUKKU_DEMO", "LUUKKU_PORT", "LUUKKU_SIP_REGISTRAR")
                if env.get(key)
            ),
            "utf-8",
        )
        if not (data_dir / "luukku.db").exists():
            # A fresh demo database: eight weeks of invented past contacts, so that the
            # reports and charts show something from the first start.
            data_dir.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [PY, "-m", "backend", "demo-history", "--weeks", "8"], cwd=ROOT, env=env, check=True
            )
        backend = subprocess.Popen([PY, "-m", "backend"], cwd=ROOT, env=env)
        children.append(backend)
        wait_healthy(url, backend)
        if registrar is not None:
            # The service number: callers dial sip:service@127.0.0.1:<sip-port>.
            gateway_env = dict(
                env,
                LUUKKU_GATEWAY_BACKEND=f"ws://127.0.0.1:{args.port}",
                LUUKKU_GATEWAY_REGISTRAR=f"127.0.0.1:{args.sip_port}",
                LUUKKU_GATEWAY_SIP_PORT=str(args.sip_port + 10),
                LUUKKU_GATEWAY_LOCAL="1",
            )
            children.append(
                subprocess.Popen([PY, "-m", "backend.telephony"], cwd=ROOT, env=gateway_env)
            )
        if not args.no_traffic:
            children.append(
                subprocess.Popen(
                    [
                        PY,
                        "-m",
                        "backend.demo.traffic",
                        "--url",
                        url,
                        "--per-minute",
                        str(args.per_minute),
                    ],
                    cwd=ROOT,
                    env=env,
                )
            )
        print(
            f"\nLuukku demo running (demo mode: demo accounts, password 'demo')\n"
            f"  client web chat:  {url}/\n"
            f"  opening hours:    {url}/api/queues\n"
            f"  health:           {url}/api/health\n"
            f"  data directory:   {data_dir} (settings for the commands: {ROOT / 'luukku.env'})\n"
            f"  staff desktop:    {PY} -m desktop --backend {url} --demo\n"
            f"  SIP registrar:    {env.get('LUUKKU_SIP_REGISTRAR', '(none)')} (demo users "
            "call each other by username)\n"
            f"  service number:   sip:service@127.0.0.1:{args.sip_port} (menu 1 / 2 -> 1, 2 / 3)\n",
            flush=True,
        )
        desktop = [PY, "-m", "desktop", "--backend", url, "--demo"]
        if has_display():
            code = subprocess.call(desktop, cwd=ROOT, env=env)
            print(f"demo: the desktop closed (exit {code}); stopping the backend.")
            return code
        print(
            "demo: no display here (DISPLAY is unset), so the desktop window cannot open.\n"
            "demo: checking the desktop offscreen instead (log in as the demo nurse, read "
            "the meter):",
            flush=True,
        )
        subprocess.call([*desktop, "--smoke"], cwd=ROOT, env=dict(env, QT_QPA_PLATFORM="offscreen"))
        print(
            f"demo: backend, client web chat and demo traffic keep running; open {url}/ in a "
            "browser. Ctrl+C stops.",
            flush=True,
        )
        backend.wait()
        return backend.returncode or 0
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
