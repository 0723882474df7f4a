"""Debian's Chromium driven by Playwright's sync API on a thread of its own.

Playwright's sync objects must stay on the thread that made them, and the Qt tests own the
main thread's event loop, so every browser step is submitted to one worker thread.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
AXE = Path(__file__).resolve().parent.parent / ".tools/node/node_modules/axe-core/axe.min.js"
# What the law asks of a public service's web page (WCAG 2.1 A and AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Browser:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._pw: Any = None
        self._browser: Any = None
        self.page: Any = None
        self.policy_violations: list[str] = []

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        # A Finnish browser, as most of the service's clients have: the page follows it.
        self.page = self.new_page(viewport={"width": 900, "height": 900}, locale="fi-FI")

    def new_page(self, **context: Any) -> Any:
        """A page in a context of its own (a locale, a viewport): on the browser's thread."""
        page = self._browser.new_context(**context).new_page()
        page.set_default_timeout(15_000)
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and self.policy_violations.append(message.text)
            ),
        )
        return page

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        return self._pool.submit(fn, *args).result()

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.wrap_future(self._pool.submit(fn, *args))

    def __enter__(self) -> Browser:
        self.call(self._start)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.call(self._stop)
        finally:
            self._pool.shutdown(wait=True)
        if exc[0] is None and self.policy_violations:
            raise AssertionError(f"the page broke its own policy: {self.policy_violations}")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (call on the browser's
    thread). The engine is the file the set-up installed; nothing is fetched here."""
    if not AXE.is_file():
        raise AssertionError(f"axe-core is not installed at {AXE}: run bash scripts/setup.sh test")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text("utf-8") + "\n;0")
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})""",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
