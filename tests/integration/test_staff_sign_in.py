"""Staff sign-in with the organisation's provider, against a real OpenID Connect provider
process on 127.0.0.1 (``tests/oidc_provider.py``) and a real backend: the first sign-in
creates the account from her groups, a later one updates it, sign-out ends the session; a
wrong audience, an expired token, a bad signature, a replayed nonce or code and a missing
group are each refused with a clear message. The browser's part is plain HTTP here;
``tests/e2e/test_sign_in_desktop.py`` does it in Chromium, from the desktop."""

from __future__ import annotations

import base64
import secrets
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from backend.config import OidcConfig
from backend.domain.sign_in import SignInRefused
from backend.oidc import OidcClient
from tests.helpers import BackendProcess, Peer, free_port
from tests.oidc_provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    GROUPS,
    Provider,
    authorize_as,
    running_provider,
)

LOOPBACK = "http://127.0.0.1:49152/callback"


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    with running_provider(tmp_path_factory.mktemp("provider")) as p:
        p.set_user("anna", preferred_username="anna", name="Anna Aalto", groups=["luukku-neuvola"])
        p.set_user("olli", preferred_username="olli", name="Olli Ohi", groups=["hr-team"])
        yield p


@pytest.fixture(scope="module")
def backend(
    tmp_path_factory: pytest.TempPathFactory, provider: Provider
) -> Iterator[BackendProcess]:
    folder = tmp_path_factory.mktemp("backend")
    b = BackendProcess(
        folder,
        free_port(),
        service_file=provider.service_file(folder),
        extra_env={"LUUKKU_OIDC_CLIENT_SECRET": CLIENT_SECRET},
    )
    b.start()
    yield b
    b.stop()


async def sign_in(backend: BackendProcess, sub: str) -> tuple[Peer, dict[str, Any]]:
    """Her desktop's part: start on its socket, the browser's part, finish on the socket."""
    peer = await Peer.connect(backend.ws + "/ws/staff")
    await peer.send(type="sign_in_start", redirect_uri=LOOPBACK)
    url = (await peer.expect("sign_in_url"))["url"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"] and query["redirect_uri"] == [LOOPBACK]
    code, state = authorize_as(url, sub)
    await peer.send(type="sign_in_finish", code=code, state=state)
    return peer, await peer.expect_any("logged_in", "error")


async def test_first_sign_in_creates_her_a_later_one_updates_her(
    backend: BackendProcess, provider: Provider
) -> None:
    peer, answer = await sign_in(backend, "anna")
    assert answer["type"] == "logged_in", answer
    profile = answer["profile"]
    assert (profile["username"], profile["display_name"], profile["role"]) == (
        "anna",
        "Anna Aalto",
        "nurse",
    )
    assert profile["skills"] == ["neuvola"]
    assert backend.query(
        "select source, password_hash, active from staff_users where username = 'anna'"
    ) == [("oidc", "", 1)]
    # She works as anyone does: Ready, and a client reaches her.
    await peer.send(type="set_status", status="ready")
    await peer.expect("status", status="ready")
    # Sign-out ends the Luukku session: its token resumes nothing.
    await peer.send(type="logout")
    with pytest.raises(ConnectionClosed):  # the backend closes it once the session ended
        await peer.expect("never")
    await peer.close()
    stale = await Peer.connect(backend.ws + "/ws/staff")
    await stale.send(type="resume_session", session_token=answer["session_token"])
    assert (await stale.expect("error"))["code"] == "auth_failed"
    await stale.close()
    # A password cannot open her account (it has none).
    by_password = await Peer.connect(backend.ws + "/ws/staff")
    await by_password.send(type="login", username="anna", password="not-a-real-password")
    assert (await by_password.expect("error"))["code"] == "auth_failed"
    await by_password.close()

    # She became a supervisor in the directory: her next sign-in says so.
    provider.set_user(
        "anna",
        preferred_username="anna",
        name="Anna Aalto",
        groups=["luukku-neuvola", "luukku-esihenkilot"],
    )
    again, answer = await sign_in(backend, "anna")
    assert answer["type"] == "logged_in" and answer["profile"]["role"] == "supervisor"
    await again.close()
    changes = backend.query(
        "select by, action, detail from account_changes where username = 'anna' order by id"
    )
    assert [c[:2] for c in changes] == [("oidc", "add"), ("oidc", "sign-in")]
    assert "role=supervisor" in changes[1][2]


async def test_no_luukku_group_is_refused(backend: BackendProcess) -> None:
    peer, answer = await sign_in(backend, "olli")
    assert answer["type"] == "error" and answer["code"] == "auth_failed"
    assert "no role in Luukku" in answer["detail"]
    assert backend.query("select count(*) from staff_users where username = 'olli'") == [(0,)]
    await peer.close()


async def test_a_disabled_account_is_refused_at_sign_in(
    backend: BackendProcess, provider: Provider
) -> None:
    provider.set_user("kaisa", preferred_username="kaisa", name="Kaisa K", groups=["luukku-mipa"])
    first, answer = await sign_in(backend, "kaisa")
    assert answer["type"] == "logged_in"
    await first.close()
    backend.execute("update staff_users set active = false where username = 'kaisa'")
    peer, answer = await sign_in(backend, "kaisa")
    assert answer["type"] == "error" and "disabled" in answer["detail"]
    await peer.close()


async def test_a_code_used_once_or_on_another_socket_is_refused(backend: BackendProcess) -> None:
    peer = await Peer.connect(backend.ws + "/ws/staff")
    await peer.send(type="sign_in_start", redirect_uri=LOOPBACK)
    code, state = authorize_as((await peer.expect("sign_in_url"))["url"], "anna")
    # Caught on its way to her desktop, the code is tried on another connection first.
    thief = await Peer.connect(backend.ws + "/ws/staff")
    await thief.send(type="sign_in_finish", code=code, state=state)
    refused = await thief.expect("error")
    assert refused["code"] == "auth_failed" and "no sign-in was started" in refused["detail"]
    await thief.send(type="sign_in_start", redirect_uri=LOOPBACK)
    await thief.expect("sign_in_url")
    await thief.send(type="sign_in_finish", code=code, state=state)
    assert "not started here" in (await thief.expect("error"))["detail"]
    # Hers works; the same code again on hers is refused.
    await peer.send(type="sign_in_finish", code=code, state=state)
    await peer.expect("logged_in")
    await peer.send(type="sign_in_finish", code=code, state=state)
    assert (await peer.expect("error"))["detail"] == "already logged in"
    for p in (peer, thief):
        await p.close()


async def test_a_redirect_elsewhere_than_loopback_is_refused(backend: BackendProcess) -> None:
    peer = await Peer.connect(backend.ws + "/ws/staff")
    for uri in ("https://evil.example/cb", "http://127.0.0.1/cb", "http://10.0.0.1:8080/cb"):
        await peer.send(type="sign_in_start", redirect_uri=uri)
        refused = await peer.expect("error")
        assert refused["code"] == "auth_failed" and "loopback" in refused["detail"]
    await peer.close()


# --- the ID token's checks, on tokens the provider really signed -----------------------


def provider_token(provider: Provider, client_id: str, nonce: str) -> str:
    """An ID token the provider issues to ``client_id`` for anna (as its token endpoint
    gives it to that application)."""
    config = httpx.get(f"{provider.url}/.well-known/openid-configuration", timeout=5).json()
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": LOOPBACK,
            "scope": "openid profile",
            "state": "s",
            "nonce": nonce,
        }
    )
    code, _ = authorize_as(f"{config['authorization_endpoint']}?{query}", "anna")
    body = httpx.post(
        config["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": LOOPBACK,
            "client_id": client_id,
            "client_secret": CLIENT_SECRET,
        },
        timeout=5,
    ).json()
    return str(body["id_token"])


def client_for(provider: Provider) -> OidcClient:
    return OidcClient(
        OidcConfig(issuer=provider.url, client_id=CLIENT_ID, organisation="Testialue", roles=GROUPS)
    )


async def refusal(client: OidcClient, token: str, nonce: str, now_s: float | None = None) -> str:
    with pytest.raises(SignInRefused) as refused:
        await client.validate(token, nonce, now_s)
    return str(refused.value)


async def test_each_bad_id_token_is_refused_with_its_reason(provider: Provider) -> None:
    client = client_for(provider)
    try:
        nonce = secrets.token_urlsafe(16)
        token = provider_token(provider, CLIENT_ID, nonce)
        header, payload, signature = token.split(".")

        # Another application's token (its audience is not Luukku's).
        other_nonce = secrets.token_urlsafe(16)
        other = provider_token(provider, "another-app", other_nonce)
        assert "audience" in await refusal(client, other, other_nonce)
        # The signature altered, or the payload altered under the old signature.
        flipped = signature[:-4] + ("AAAA" if signature[-4:] != "AAAA" else "BBBB")
        assert "signature" in await refusal(client, f"{header}.{payload}.{flipped}", nonce)
        forged = base64.urlsafe_b64encode(
            base64.urlsafe_b64decode(payload + "==").replace(b"anna", b"eeva")
        ).rstrip(b"=")
        assert "signature" in await refusal(
            client, f"{header}.{forged.decode()}.{signature}", nonce
        )
        # Another sign-in's nonce.
        assert "nonce" in await refusal(client, token, "some-other-nonce")
        # Expired: the same token an hour and more later.
        claims = await client.validate(token, nonce)
        assert claims["sub"] == "anna" and "luukku-neuvola" in claims["groups"]
        assert "expired" in await refusal(client, token, nonce, now_s=claims["exp"] + 3600)
        # Replayed: the same token (its nonce) a second time.
        assert "replay" in await refusal(client, token, nonce)
    finally:
        await client.close()


async def test_local_passwords_off_leaves_only_the_organisation(
    tmp_path: Path, provider: Provider
) -> None:
    backend = BackendProcess(
        tmp_path,
        free_port(),
        service_file=provider.service_file(tmp_path, local_passwords=False),
        extra_env={"LUUKKU_OIDC_CLIENT_SECRET": CLIENT_SECRET},
    )
    backend.start()
    try:
        identity = httpx.get(backend.http + "/api/identity", timeout=5).json()
        assert identity == {"local_passwords": False, "organisation": "Testialue"}
        # The demo's seeded password no longer opens anything.
        peer = await Peer.connect(backend.ws + "/ws/staff")
        await peer.send(type="login", username="hoitaja", password="demo")
        refused = await peer.expect("error")
        assert (
            refused["code"] == "auth_failed"
            and "sign in with the organisation" in refused["detail"]
        )
        await peer.close()
        signed, answer = await sign_in(backend, "anna")
        assert answer["type"] == "logged_in"
        await signed.close()
    finally:
        backend.stop()
