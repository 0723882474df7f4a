"""The backend sets its own security headers (uvicorn may terminate TLS with no proxy in
front): the page cannot be framed, nothing is sniffed or leaked in a referrer, API answers
and pictures are never cached."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import BackendProcess, running_backend


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("headers")) as b:
        yield b


@pytest.mark.parametrize(
    ("path", "cache"),
    [("/", "no-cache"), ("/static/chat.js", "no-cache"), ("/api/queues", "no-store")],
)
def test_every_route_has_the_headers(backend: BackendProcess, path: str, cache: str) -> None:
    with urllib.request.urlopen(backend.http + path, timeout=5) as response:
        headers = response.headers
    policy = headers["Content-Security-Policy"]
    for part in ("frame-ancestors 'none'", "script-src 'self'", "img-src 'self' data: blob:"):
        assert part in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == cache


def test_a_refused_picture_upload_is_not_cached_either(backend: BackendProcess) -> None:
    request = urllib.request.Request(backend.http + "/api/chat/picture", data=b"x", method="POST")
    try:
        urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as refused:
        assert refused.headers["Cache-Control"] == "no-store"
        assert "frame-ancestors 'none'" in refused.headers["Content-Security-Policy"]
    else:
        raise AssertionError("an upload without a conversation was accepted")


def test_the_page_loads_nothing_inline(tmp_path: Path) -> None:
    """The policy forbids inline script and style: the page must not need any."""
    web = Path(__file__).resolve().parents[2] / "backend" / "web"
    html = (web / "index.html").read_text("utf-8")
    assert "<style" not in html and " style=" not in html and "onclick=" not in html
    scripts = html.count("<script")
    assert scripts == html.count('<script src="/static/')
