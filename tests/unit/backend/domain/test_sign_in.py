"""The sign-in flow's rules: loopback redirects only, PKCE S256, a pending sign-in used
once and in time."""

from __future__ import annotations

import urllib.parse

import pytest

from backend.domain.sign_in import (
    PENDING_S,
    Pending,
    SignInRefused,
    authorization_url,
    check_loopback,
    claim_list,
    claim_text,
)


@pytest.mark.parametrize(
    "uri",
    [
        "https://127.0.0.1:5000/callback",  # not http: the loopback needs no TLS, a host does
        "http://127.0.0.1/callback",  # no port: the desktop's own listener has one
        "http://10.0.0.5:5000/callback",
        "http://127.0.0.1.evil.example:5000/callback",
        "http://user@127.0.0.1:5000/callback",
        "http://127.0.0.1:5000/callback?next=https://evil.example",
        "javascript:alert(1)",
    ],
)
def test_only_the_desktops_own_loopback_receives_a_code(uri: str) -> None:
    with pytest.raises(SignInRefused, match="loopback"):
        check_loopback(uri)


def test_loopback_addresses_pass() -> None:
    for uri in ("http://127.0.0.1:49152/callback", "http://[::1]:5000/cb", "http://localhost:1/"):
        assert check_loopback(uri) == uri


def test_the_pkce_challenge_is_s256_of_the_verifier() -> None:
    # RFC 7636 appendix B's example.
    pending = Pending(
        state="s",
        nonce="n",
        verifier="dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        redirect_uri="http://127.0.0.1:1/cb",
        started_s=0,
    )
    assert pending.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_the_address_carries_state_nonce_and_challenge() -> None:
    pending = Pending.new("http://127.0.0.1:5000/callback", 0)
    url = authorization_url("https://idp.example/authorize?tenant=x", "luukku", ["openid"], pending)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query["tenant"] == ["x"]
    assert query["state"] == [pending.state] and query["nonce"] == [pending.nonce]
    assert query["code_challenge"] == [pending.challenge]
    assert query["code_challenge_method"] == ["S256"]
    assert pending.verifier not in url


def test_a_pending_sign_in_is_taken_once_with_its_state_and_in_time() -> None:
    pending = Pending.new("http://127.0.0.1:5000/callback", 100)
    with pytest.raises(SignInRefused, match="not started here"):
        pending.take("another-state", 101)
    pending.take(pending.state, 101)
    with pytest.raises(SignInRefused, match="used already"):
        pending.take(pending.state, 102)
    late = Pending.new("http://127.0.0.1:5000/callback", 100)
    with pytest.raises(SignInRefused, match="too long"):
        late.take(late.state, 100 + PENDING_S + 1)


def test_claims_are_read_carefully() -> None:
    assert claim_text({"u": " anna "}, "u") == "anna"
    with pytest.raises(SignInRefused, match="'u'"):
        claim_text({"u": ""}, "u")
    assert claim_list({"g": "one"}, "g") == ["one"]
    assert claim_list({"g": ["a", 2]}, "g") == ["a", "2"]
    assert claim_list({}, "g") == []
