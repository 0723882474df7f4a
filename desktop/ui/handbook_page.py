"""A handbook page as she reads it: Markdown without HTML, pictures embedded only as
``data:`` images, links to other pages inside the handbook and links out opened in her
browser after asking; and what the handbook asks of the backend."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from protocol.messages import HandbookSave

MARKDOWN = QTextDocument.MarkdownFeature.MarkdownNoHTML | (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
)
PAGE_ROLE = 256  # Qt.UserRole


class HandbookCommands(Protocol):
    async def handbook_open(self, page_id: str) -> None: ...
    async def handbook_search(self, query: str, request_id: int) -> None: ...
    async def handbook_save(self, frame: HandbookSave) -> None: ...
    async def handbook_history(self, page_id: str) -> None: ...
    async def handbook_version(self, page_id: str, version: int) -> None: ...
    async def handbook_restore(self, page_id: str, version: int, base_version: int) -> None: ...


class HandbookBrowser(QTextBrowser):
    """A page renderer that trusts nothing in the page."""

    page_link = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.blocked: list[str] = []  # resources refused (remote images): for diagnostics
        # Injected so tests (and kiosk set-ups) can decide without a real dialog/browser.
        self.confirm_external: Callable[[str], bool] = self._ask
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl

    def show_markdown(self, text: str) -> None:
        self.document().setMarkdown(text, MARKDOWN)

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.scheme() == "data":
            header, _, payload = url.toString().partition(",")
            if header.endswith(";base64") and header[5:].split(";")[0] in (
                "image/png",
                "image/jpeg",
                "image/gif",
            ):
                image = QImage()
                if image.loadFromData(base64.b64decode(payload, validate=False)):
                    return image
            self.blocked.append(header[:40])
            return None
        # Anything else (http, https, file, ftp, ...) is not loaded: a handbook page must
        # not make the workstation fetch or reveal anything.
        self.blocked.append(url.toString()[:200])
        return None

    def _clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in ("", "handbook"):
            target = url.path().strip("/").removesuffix(".md")
            if target:
                self.page_link.emit(target)
            return
        if scheme in ("http", "https", "mailto", "tel") and self.confirm_external(url.toString()):
            self.open_external(url)

    def _ask(self, address: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Open a link outside the handbook?"),
            self.tr(
                "The link leads outside the handbook:\n%1\n\nOpen it in the web browser?"
            ).replace("%1", address),
        )
        return answer == QMessageBox.StandardButton.Yes


def notice_text(titles: list[str]) -> str:
    items = "".join(f"<li>{html.escape(t)}</li>" for t in titles)
    return f"<ul>{items}</ul>"
