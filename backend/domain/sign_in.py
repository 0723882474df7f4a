"""Staff sign-in with the organisation's provider (OpenID Connect, authorization code and
PKCE, the desktop receiving the code on a loopback redirect as RFC 8252 has native apps
do): the rules, without I/O. ``backend/oidc.py`` talks to the provider.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import urllib.parse
from dataclasses import dataclass, field

# A sign-in not finished in this long is gone (she closed the browser tab).
PENDING_S = 600


class SignInRefused(Exception):
    """Why a sign-in was refused, in words for the person signing in and for IT."""


@dataclass(frozen=True)
class Pending:
    """One sign-in begun on one staff socket: used once, by that socket only."""

    state: str
    nonce: str
    verifier: str
    redirect_uri: str
    started_s: float
    used: list[bool] = field(default_factory=lambda: [False])

    @classmethod
    def new(cls, redirect_uri: str, now_s: float) -> Pending:
        return cls(
            state=secrets.token_urlsafe(24),
            nonce=secrets.token_urlsafe(24),
            verifier=secrets.token_urlsafe(48),
            redirect_uri=check_loopback(redirect_uri),
            started_s=now_s,
        )

    @property
    def challenge(self) -> str:
        """PKCE S256: the code is worth nothing to whoever catches it without this."""
        digest = hashlib.sha256(self.verifier.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def take(self, state: str, now_s: float) -> None:
        """The code came back for this sign-in: once, in time, with its own state."""
        if self.used[0] or not secrets.compare_digest(state, self.state):
            raise SignInRefused("this sign-in was not started here or was used already")
        self.used[0] = True
        if now_s - self.started_s > PENDING_S:
            raise SignInRefused("the sign-in took too long; start it again")


def check_loopback(redirect_uri: str) -> str:
    """Only a desktop's own loopback address receives a code (RFC 8252 section 7.3): the
    backend never sends a provider's code anywhere else."""
    parts = urllib.parse.urlsplit(redirect_uri)
    if (
        parts.scheme != "http"
        or parts.hostname not in ("127.0.0.1", "::1", "localhost")
        or parts.port is None
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise SignInRefused("the redirect must be this computer's loopback address and a port")
    return redirect_uri


def authorization_url(
    endpoint: str, client_id: str, scopes: list[str], pending: Pending, login_hint: str = ""
) -> str:
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": pending.redirect_uri,
        "scope": " ".join(scopes),
        "state": pending.state,
        "nonce": pending.nonce,
        "code_challenge": pending.challenge,
        "code_challenge_method": "S256",
    }
    if login_hint:
        query["login_hint"] = login_hint
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return endpoint + joiner + urllib.parse.urlencode(query)


def claim_text(claims: dict[str, object], name: str) -> str:
    value = claims.get(name)
    if not isinstance(value, str) or not value.strip():
        raise SignInRefused(f"the provider sent no {name!r}; ask IT to check the set-up")
    return value.strip()


def claim_list(claims: dict[str, object], name: str) -> list[str]:
    value = claims.get(name, [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []
