"""The organisation's OpenID Connect provider, as the backend talks to it: its published
configuration and keys (cached), the code exchange, and the ID token's checks (issuer,
audience, signature against the published keys, expiry, nonce) with joserfc, Authlib's
JOSE library. The rules of the flow are in ``backend/domain/sign_in.py``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import (
    ExpiredTokenError,
    InvalidClaimError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

from backend.config import OidcConfig
from backend.domain.sign_in import Pending, SignInRefused, authorization_url

log = logging.getLogger("luukku.oidc")

# The provider's configuration and keys are read again after this long (key rotation).
CACHE_S = 3600
# An ID token seen once is refused again for this long (its nonce).
SEEN_S = 3600
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"]


class OidcClient:
    def __init__(
        self,
        config: OidcConfig,
        client_secret: str | None = None,
        clock_s: Callable[[], float] = time.time,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config
        self._secret = client_secret
        self._clock_s = clock_s
        self._http = httpx.AsyncClient(timeout=10, transport=transport)
        self._metadata: tuple[float, dict[str, Any]] | None = None
        self._keys: tuple[float, KeySet] | None = None
        self._seen_nonces: dict[str, float] = {}

    async def close(self) -> None:
        await self._http.aclose()

    # --- the provider's published facts --------------------------------------------------

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = await self._http.get(url)
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("identity provider unreachable: %s", type(exc).__name__)
            raise SignInRefused("the organisation's sign-in service does not answer") from exc
        if not isinstance(body, dict):
            raise SignInRefused("the organisation's sign-in service sent something unexpected")
        return body

    async def metadata(self) -> dict[str, Any]:
        now = self._clock_s()
        if self._metadata is None or now - self._metadata[0] > CACHE_S:
            issuer = self.config.issuer.rstrip("/")
            body = await self._get_json(issuer + "/.well-known/openid-configuration")
            if str(body.get("issuer", "")).rstrip("/") != issuer:
                raise SignInRefused("the provider names another issuer; ask IT to check it")
            self._metadata = (now, body)
        return self._metadata[1]

    async def keys(self, fresh: bool = False) -> KeySet:
        now = self._clock_s()
        if fresh or self._keys is None or now - self._keys[0] > CACHE_S:
            body = await self._get_json(str((await self.metadata())["jwks_uri"]))
            self._keys = (now, KeySet.import_key_set(body))  # type: ignore[arg-type]
        return self._keys[1]

    # --- the flow ------------------------------------------------------------------------

    async def begin(self, redirect_uri: str, login_hint: str = "") -> tuple[Pending, str]:
        pending = Pending.new(redirect_uri, self._clock_s())
        endpoint = str((await self.metadata())["authorization_endpoint"])
        url = authorization_url(
            endpoint, self.config.client_id, self.config.scopes, pending, login_hint
        )
        return pending, url

    async def finish(self, pending: Pending, code: str, state: str) -> dict[str, Any]:
        """The code exchanged for tokens; the ID token's claims once every check passed."""
        pending.take(state, self._clock_s())
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": pending.redirect_uri,
            "client_id": self.config.client_id,
            "code_verifier": pending.verifier,
        }
        if self._secret:
            form["client_secret"] = self._secret
        endpoint = str((await self.metadata())["token_endpoint"])
        try:
            response = await self._http.post(endpoint, data=form)
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise SignInRefused("the organisation's sign-in service does not answer") from exc
        if response.status_code != 200 or not isinstance(body, dict):
            error = body.get("error", response.status_code) if isinstance(body, dict) else ""
            raise SignInRefused(f"the provider refused the sign-in code ({error})")
        id_token = body.get("id_token")
        if not isinstance(id_token, str):
            raise SignInRefused("the provider sent no ID token")
        return await self.validate(id_token, pending.nonce)

    async def validate(
        self, id_token: str, nonce: str, now_s: float | None = None
    ) -> dict[str, Any]:
        """Issuer, audience, signature against the published keys, expiry and nonce; a
        token whose nonce was seen already (a replay) is refused."""
        now = self._clock_s() if now_s is None else now_s
        token = self._decode(id_token, await self.keys())
        if token is None:
            # The provider may have rotated its keys since they were read: once more.
            token = self._decode(id_token, await self.keys(fresh=True))
        if token is None:
            raise SignInRefused("the ID token's signature is not the provider's")
        claims: dict[str, Any] = dict(token.claims)
        registry = jwt.JWTClaimsRegistry(
            now=int(now),
            leeway=60,
            iss={"essential": True, "value": self.config.issuer.rstrip("/")},
            aud={"essential": True, "value": self.config.client_id},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(claims)
        except ExpiredTokenError as exc:
            raise SignInRefused("the ID token has expired; sign in again") from exc
        except (InvalidClaimError, MissingClaimError) as exc:
            raise SignInRefused(_claim_problem(exc)) from exc
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.config.client_id:
            raise SignInRefused("the ID token was issued to another application (azp)")
        self._seen_nonces = {n: t for n, t in self._seen_nonces.items() if now - t < SEEN_S}
        if nonce in self._seen_nonces:
            raise SignInRefused("this ID token was used already (a replay)")
        self._seen_nonces[nonce] = now
        return claims

    @staticmethod
    def _decode(id_token: str, keys: KeySet) -> jwt.Token | None:
        """The token, or None when its signature is not one of these keys'."""
        try:
            return jwt.decode(id_token, keys, algorithms=ALGORITHMS)
        except (JoseError, ValueError, KeyError):
            return None


def _claim_problem(exc: JoseError) -> str:
    name = getattr(exc, "claim", "") or ""
    what = {
        "iss": "the ID token was issued by another provider",
        "aud": "the ID token is for another application (audience)",
        "nonce": "the ID token does not belong to this sign-in (nonce)",
        "sub": "the ID token names nobody (sub)",
        "exp": "the ID token has no expiry",
    }
    return what.get(name, f"the ID token's {name or 'claims'} did not check out")
