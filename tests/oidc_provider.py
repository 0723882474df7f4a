"""A real OpenID Connect provider process on 127.0.0.1 for the sign-in tests
(``oidc-provider-mock`` from PyPI: Authlib behind Flask, RS256 keys it publishes), and the
service file that trusts it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers import OPEN_ALWAYS, die_with_parent, free_port

CLIENT_ID = "luukku-desktop"
# The test provider's code grant wants client authentication (Authlib's default); a public
# client (Entra ID's "mobile and desktop") would need none, PKCE protecting the code.
CLIENT_SECRET = "test-client-secret"
GROUPS = {
    "luukku-esihenkilot": "supervisor",  # listed first: outranks a nurse group she also has
    "luukku-neuvola": "nurse",
    "luukku-mipa": "psychiatric_nurse",
}


@dataclass
class Provider:
    url: str
    proc: subprocess.Popen[bytes]

    def set_user(self, sub: str, **claims: object) -> None:
        """Her claims at the provider (what Entra ID would have in its directory)."""
        response = httpx.put(f"{self.url}/users/{sub}", json=claims, timeout=5)
        assert response.status_code == 204, response.text

    def service_file(self, folder: Path, local_passwords: bool = True) -> Path:
        roles = ", ".join(f'"{group}" = "{role}"' for group, role in GROUPS.items())
        text = OPEN_ALWAYS.read_text() + (
            "\n[identity]\n"
            f"local_passwords = {'true' if local_passwords else 'false'}\n"
            "[identity.oidc]\n"
            f'issuer = "{self.url}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            'organisation = "Testialue"\n'
            f"roles = {{ {roles} }}\n"
            'skills = { "luukku-neuvola" = ["neuvola"], "luukku-mipa" = ["mipa"] }\n'
        )
        path = folder / "service.toml"
        path.write_text(text)
        return path


@contextmanager
def running_provider(folder: Path) -> Iterator[Provider]:
    port = free_port()
    with open(folder / "provider.log", "ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "oidc_provider_mock", "--port", str(port), "--require-nonce"],
            stdout=log,
            stderr=log,
            preexec_fn=die_with_parent,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "provider.log").read_text()[-2000:]) from None
                time.sleep(0.1)
        yield Provider(f"http://127.0.0.1:{port}", proc)
    finally:
        proc.terminate()
        proc.wait(10)


def authorize_as(url: str, sub: str) -> tuple[str, str]:
    """What her browser does at the provider: she is ``sub`` and says yes. The code and
    the state the provider sends to the loopback address."""
    response = httpx.post(url, data={"sub": sub}, follow_redirects=False, timeout=5)
    assert response.status_code in (302, 303), response.text[:500]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(response.headers["location"]).query)
    return query["code"][0], query["state"][0]
