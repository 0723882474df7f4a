"""The shipped nginx site file in front of a real backend: HTTPS, WSS, the page."""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import trustme
import websockets

from tests.helpers import ROOT, BackendProcess, free_port

SITE = ROOT / "installer" / "server" / "nginx-luukku.conf"
pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
    reason="nginx is installed by scripts/test.sh",
)


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


async def test_backend_behind_the_shipped_nginx_config(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path, free_port())
    backend.start()
    https_port, http_port = free_port(), free_port()
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert.cert_chain_pems[0].write_to_path(str(tmp_path / "fullchain.pem"))
    cert.private_key_pem.write_to_path(str(tmp_path / "privkey.pem"))
    # The shipped file, with only ports, names and certificate paths substituted.
    site = (
        SITE.read_text()
        .replace("server 127.0.0.1:8765;", f"server 127.0.0.1:{backend.port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("/etc/ssl/luukku/", f"{tmp_path}/")
        .replace("luukku.example.fi", "localhost")
    )
    (tmp_path / "site.conf").write_text(site)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
""")
    check = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    nginx = subprocess.Popen(
        [
            nginx_binary(),
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
        stderr=subprocess.PIPE,
    )
    try:
        context = ssl.create_default_context()
        ca.configure_trust(context)
        base = f"https://localhost:{https_port}"
        for _ in range(50):
            try:
                with urllib.request.urlopen(base + "/api/health", context=context) as response:
                    assert json.load(response)["status"] == "ok"
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("nginx did not answer")
        with urllib.request.urlopen(base + "/", context=context) as response:
            assert "Neuvontapalvelun chat" in response.read().decode()
            assert response.headers["Strict-Transport-Security"].startswith("max-age=")
            # One policy, the backend's: frames refused, the client's picture preview allowed.
            policies = response.headers.get_all("Content-Security-Policy")
            assert len(policies) == 1, policies
            assert "frame-ancestors 'none'" in policies[0] and "blob:" in policies[0]
            assert response.headers.get_all("X-Content-Type-Options") == ["nosniff"]
        async with websockets.connect(f"wss://localhost:{https_port}/ws/staff", ssl=context) as ws:
            await ws.send(
                json.dumps({"v": 1, "type": "login", "username": "hoitaja", "password": "demo"})
            )
            assert json.loads(await ws.recv())["type"] == "logged_in"
        # Plain HTTP is redirected to HTTPS.
        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(f"http://localhost:{http_port}/")
        assert redirect.value.code == 301
    finally:
        nginx.terminate()
        nginx.wait(10)
        backend.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
