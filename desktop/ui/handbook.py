"""The operating handbook: tree, search, page view, editor with preview, history.

Imported Markdown is untrusted: rendered without HTML, nothing is fetched from the
network (only ``data:`` images embedded at import), and a link out of the handbook opens
in the system browser only after she confirms it.
"""

from __future__ import annotations

import asyncio
import base64
import html
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QImage, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.guides.tree import Area, build, unread_count
from desktop.ui.texts import ServiceClock, error_text
from protocol.messages import HandbookSave

log = logging.getLogger("luukku.desktop.handbook")
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


class HandbookView(QWidget):
    unread_changed = Signal(int)
    message = Signal(str, int)  # a line for the window's status bar (text, milliseconds)
    came_forward = Signal()  # a page opened from a link: this view to the front

    def __init__(
        self,
        state: Workstation,
        commands: HandbookCommands,
        lang: str = "fi",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handbook")
        self.state = state
        self.commands = commands
        self.lang = lang
        self._tasks: set[asyncio.Task[Any]] = set()
        self._request = 0
        self._pending: str | None = None  # a page to open once the index is here
        self._noticed = False  # the log-in's notice of important changes was shown

        self.search = QLineEdit()
        self.search.setObjectName("handbookSearch")
        self.search.setPlaceholderText(self.tr("Search the handbook (Ctrl+K)"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("handbookResults")
        self.results.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("handbookTree")
        self.tree.setHeaderHidden(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.tree, 3)

        self.title = QLabel()
        self.title.setObjectName("handbookTitle")
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.meta = QLabel()
        self.meta.setStyleSheet("color: #555;")
        self.changed = QLabel(self.tr("Changed since you last read it"))
        self.changed.setObjectName("handbookChanged")
        self.changed.setStyleSheet(
            "background: #fbe7a1; border: 1px solid #c98a00; padding: 4px; font-weight: bold;"
        )
        self.changed.hide()
        self.browser = HandbookBrowser()
        self.browser.setObjectName("handbookBrowser")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("handbookEdit")
        self.new_button = QPushButton(self.tr("New page"))
        self.history_button = QPushButton(self.tr("History"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.meta, self.changed):
            right_layout.addWidget(widget)
        right_layout.addWidget(self.browser, 1)
        right_layout.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([340, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_result)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.itemClicked.connect(self._open_item)
        self.browser.page_link.connect(self.open_page)
        self.edit_button.clicked.connect(self.edit_current)
        self.new_button.clicked.connect(self.new_page)
        self.history_button.clicked.connect(self.show_history)
        self._dialogs: list[QDialog] = []
        self.show_page()

    # --- commands --------------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def open_page(self, page_id: str) -> None:
        self._run(self.commands.handbook_open(page_id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_now(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.results.hide()
            return
        self._request += 1
        self._run(self.commands.handbook_search(query, self._request))

    def _open_item(self, item: QListWidgetItem | QTreeWidgetItem, *_: object) -> None:
        page_id = (
            item.data(0, PAGE_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(PAGE_ROLE)
        )
        if page_id:
            self.open_page(str(page_id))

    def _open_first_result(self) -> None:
        if self.results.count():
            self._open_item(self.results.item(0))

    @property
    def is_editor(self) -> bool:
        profile = self.state.profile
        return bool(profile and (profile.handbook_editor or profile.role == "supervisor"))

    # --- from the backend ------------------------------------------------------------------

    def show_index(self) -> None:
        current = self.state.handbook.page.page.id if self.state.handbook.page else None
        self.tree.clear()

        def add(area: Area, parent: QTreeWidgetItem | None) -> None:
            for name, child in sorted(area.areas.items()):
                label = f"{name} ({child.unread})" if child.unread else name
                item = QTreeWidgetItem([label])
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                add(child, item)
                item.setExpanded(True)
            for page in area.pages:
                unread = page.unread and page.kind == "page"
                item = QTreeWidgetItem([("● " if unread else "") + page.title])
                item.setData(0, PAGE_ROLE, page.id)
                if unread:
                    font = QFont()
                    font.setBold(True)
                    item.setFont(0, font)
                if page.id == current:
                    self.tree.setCurrentItem(item)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)

        add(build(self.state.handbook.pages), None)
        self.unread_changed.emit(unread_count(self.state.handbook.pages))
        self.edit_button.setVisible(self.is_editor)
        self.new_button.setVisible(self.is_editor)

    def show_results(self) -> None:
        found = self.state.handbook.results
        if found is None or found.request_id != self._request:
            return  # an answer to an older query
        self.results.clear()
        for hit in found.hits:
            item = QListWidgetItem(f"{hit.title}  —  {hit.area}")
            item.setData(PAGE_ROLE, hit.id)
            self.results.addItem(item)
        if not found.hits:
            self.results.addItem(QListWidgetItem(self.tr("No pages found")))
        self.results.show()

    def show_page(self) -> None:
        opened = self.state.handbook.page
        self.history_button.setEnabled(opened is not None)
        self.edit_button.setEnabled(opened is not None)
        if opened is None:
            self.title.setText(self.tr("Operating handbook"))
            self.meta.setText(self.tr("Pick a page on the left, or search with Ctrl+K."))
            self.browser.clear()
            return
        page = opened.page
        self.title.setText(page.title)
        when = ServiceClock.text(page.updated_at, "%d.%m.%Y %H:%M")
        self.meta.setText(
            self.tr("%1 · version %2 · changed %3 by %4")
            .replace("%1", page.area)
            .replace("%2", str(page.version))
            .replace("%3", when)
            .replace("%4", page.updated_by)
        )
        self.changed.setVisible(
            opened.read_before is not None and opened.read_before < page.version
        )
        self.browser.show_markdown(page.body)
        log.info("handbook page %s shown", page.id)

    # --- editing ---------------------------------------------------------------------------

    def edit_current(self) -> None:
        if self.state.handbook.page is not None:
            self._open_editor(
                EditorDialog(self.state, self.commands, self.state.handbook.page.page, self)
            )

    def new_page(self) -> None:
        self._open_editor(EditorDialog(self.state, self.commands, None, self))

    def _open_editor(self, dialog: EditorDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _code: self._dialogs.remove(dialog))
        dialog.open()

    def show_history(self) -> None:
        if self.state.handbook.page is not None:
            dialog = HistoryDialog(self.state, self.commands, self.is_editor, self)
            self._open_editor(dialog)  # type: ignore[arg-type]
            self._run(self.commands.handbook_history(self.state.handbook.page.page.id))

    def editors(self) -> list[QDialog]:
        return list(self._dialogs)

    def listen(self, bridge: Bridge) -> None:
        """The handbook's own events: its index, pages, searches, versions and saves, and
        a refusal of what an editor sent."""
        bridge.subscribe(EventKind.HANDBOOK_INDEX, lambda e: self._index())
        bridge.subscribe(EventKind.HANDBOOK_PAGE, lambda e: self.show_page())
        bridge.subscribe(EventKind.HANDBOOK_RESULTS, lambda e: self.show_results())
        bridge.subscribe(EventKind.HANDBOOK_HISTORY, lambda e: self._each_history("show_versions"))
        bridge.subscribe(EventKind.HANDBOOK_VERSION, lambda e: self._each_history("show_version"))
        bridge.subscribe(EventKind.HANDBOOK_SAVED, lambda e: self._saved(e.detail or ""))
        bridge.subscribe(EventKind.HANDBOOK_CHANGED, lambda e: self._changed(e.detail or ""))
        bridge.subscribe(
            EventKind.ERROR, lambda e: self._refused(e.conversation_id or "", e.detail or "")
        )

    def _each_history(self, method: str) -> None:
        for dialog in self.editors():
            if isinstance(dialog, HistoryDialog):
                getattr(dialog, method)()

    def _saved(self, page_id: str) -> None:
        for dialog in self.editors():
            if isinstance(dialog, EditorDialog):
                dialog.saved(page_id)
        if self.state.handbook.page and self.state.handbook.page.page.id == page_id:
            self.open_page(page_id)

    def _changed(self, page_id: str) -> None:
        opened = self.state.handbook.page
        if opened is not None and opened.page.id == page_id:
            # The page she is reading changed: show the new text, flagged as changed.
            self.open_page(page_id)
        if self.state.handbook.notices:
            latest = self.state.handbook.notices[-1]
            self.message.emit(
                self.tr("Important handbook change: %1").replace("%1", latest.title), 15000
            )

    def open_when_ready(self, page_id: str) -> None:
        """Open a page once the index has arrived (a deep link at start)."""
        self._pending = page_id

    def _index(self) -> None:
        self.show_index()
        if self._pending is not None:
            page, self._pending = self._pending, None
            self.came_forward.emit()
            self.open_page(page)
        if not self._noticed and self.state.handbook.pages:
            self._noticed = True
            important = [p.title for p in self.state.handbook.pages if p.unread and p.important]
            if important:
                self._notice(important)

    def _notice(self, titles: list[str]) -> None:
        """Important changes since she last read them: said once, at log-in."""
        box = QMessageBox(self.window())
        box.setObjectName("handbookNotice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Important handbook changes"))
        box.setTextFormat(Qt.TextFormat.RichText)  # notice_text escapes every title
        box.setText(
            self.tr("These handbook pages have changed in an important way:") + notice_text(titles)
        )
        box.setModal(False)
        box.show()

    def _refused(self, ref: str, code: str) -> None:
        for dialog in self.editors():
            if isinstance(dialog, EditorDialog):
                dialog.refused(ref, code)


class EditorDialog(QDialog):
    """Edit with a live preview; a save on top of someone else's is refused, not lost."""

    def __init__(
        self,
        state: Workstation,
        commands: HandbookCommands,
        page: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handbookEditor")
        self.state = state
        self.commands = commands
        self.page = page
        self._tasks: set[asyncio.Task[Any]] = set()
        self.setWindowTitle(self.tr("Edit handbook page") if page else self.tr("New handbook page"))
        self.resize(1000, 680)
        form = QFormLayout()
        self.page_id = QLineEdit(page.id if page else "")
        self.page_id.setReadOnly(page is not None)
        self.page_title = QLineEdit(page.title if page else "")
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(sorted({p.area for p in state.handbook.pages}))
        self.area.setCurrentText(page.area if page else "")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Page"), "page")
        self.kind.addItem(self.tr("Quick reply"), "quick_reply")
        self.kind.setCurrentIndex(1 if page and page.kind == "quick_reply" else 0)
        self.lang = QComboBox()
        self.lang.setObjectName("handbookLang")
        self.lang.addItem(self.tr("Any language"), "")
        for code, name in (("fi", "suomi"), ("sv", "svenska"), ("en", "English")):
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(page.lang if page else "")))
        self.queue_boxes: dict[str, QCheckBox] = {}
        queues_row = QHBoxLayout()
        for queue_id, names in state.queue_names.items():
            box = QCheckBox(names.get("fi", queue_id))
            box.setChecked(bool(page and queue_id in page.queues))
            self.queue_boxes[queue_id] = box
            queues_row.addWidget(box)
        form.addRow(self.tr("Title"), self.page_title)
        form.addRow(self.tr("Id (in links)"), self.page_id)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Language"), self.lang)
        form.addRow(self.tr("Shown with queues"), queues_row)
        self.body = QPlainTextEdit(page.body if page else "")
        self.body.setObjectName("handbookEditorBody")
        self.preview = HandbookBrowser()
        self.preview.setObjectName("handbookEditorPreview")
        split = QSplitter()
        split.addWidget(self.body)
        split.addWidget(self.preview)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What changed (shown in the history)"))
        self.important = QCheckBox(self.tr("Important change: announce it to everyone at login"))
        self.error = QLabel()
        self.error.setObjectName("handbookEditorError")
        self.error.setStyleSheet("color: #b42318; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.important)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(
            lambda: self.preview.show_markdown(self.body.toPlainText())
        )
        self.body.textChanged.connect(self._preview_timer.start)
        self.page_title.textChanged.connect(self._suggest_id)
        self.preview.show_markdown(self.body.toPlainText())

    def _suggest_id(self, title: str) -> None:
        if self.page is None:
            table = str.maketrans({"ä": "a", "ö": "o", "å": "a", " ": "-"})
            self.page_id.setText(
                "".join(c for c in title.lower().translate(table) if c.isalnum() or c in "-_")[:64]
            )

    def save(self) -> None:
        try:
            frame = HandbookSave(
                page_id=self.page_id.text().strip(),
                base_version=self.page.version if self.page else 0,
                kind=self.kind.currentData(),
                area=self.area.currentText().strip() or "Yleiset",
                title=self.page_title.text().strip(),
                body=self.body.toPlainText(),
                queues=[q for q, box in self.queue_boxes.items() if box.isChecked()],
                summary=self.summary.text().strip(),
                important=self.important.isChecked(),
                lang=self.lang.currentData(),
            )
        except ValueError:
            self.error.setText(self.tr("Give the page a title and an id (letters, digits, -)."))
            return
        self.error.clear()
        self.save_button.setEnabled(False)
        task = asyncio.ensure_future(self.commands.handbook_save(frame))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def saved(self, page_id: str) -> None:
        if page_id == self.page_id.text().strip():
            self.accept()

    def refused(self, page_id: str, code: str) -> None:
        if page_id != self.page_id.text().strip():
            return
        self.save_button.setEnabled(True)
        if code == "conflict":
            self.error.setText(
                self.tr(
                    "Someone else saved this page while you were editing. Your text is kept here: "
                    "copy it, reopen the page and apply your change again."
                )
            )
        else:
            self.error.setText(
                self.tr("The page was not saved: %1").replace("%1", error_text(code))
            )


class HistoryDialog(QDialog):
    def __init__(
        self,
        state: Workstation,
        commands: HandbookCommands,
        editor: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handbookHistory")
        self.state = state
        self.commands = commands
        self._tasks: set[asyncio.Task[Any]] = set()
        self.setWindowTitle(self.tr("Page history"))
        self.resize(900, 560)
        self.versions = QListWidget()
        self.preview = HandbookBrowser()
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.setVisible(editor)
        self.restore_button.setEnabled(False)
        split = QSplitter()
        split.addWidget(self.versions)
        split.addWidget(self.preview)
        split.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.versions.currentItemChanged.connect(self._pick)
        self.restore_button.clicked.connect(self._restore)

    def _run(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def show_versions(self) -> None:
        history = self.state.handbook.history
        if history is None:
            return
        self.versions.clear()
        for v in history.versions:
            when = ServiceClock.text(v.at, "%d.%m.%Y %H:%M")
            text = f"{v.version} · {when} · {v.author}" + (f"\n{v.summary}" if v.summary else "")
            item = QListWidgetItem(text)
            item.setData(PAGE_ROLE, v.version)
            self.versions.addItem(item)

    def _pick(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        history = self.state.handbook.history
        if item is None or history is None:
            return
        self.restore_button.setEnabled(True)
        self._run(self.commands.handbook_version(history.page_id, int(item.data(PAGE_ROLE))))

    def show_version(self) -> None:
        shown = self.state.handbook.version
        if shown is not None:
            self.preview.show_markdown(f"# {shown.title}\n\n{shown.body}")

    def _restore(self) -> None:
        history, current = self.state.handbook.history, self.state.handbook.page
        item = self.versions.currentItem()
        if history is None or current is None or item is None:
            return
        self._run(
            self.commands.handbook_restore(
                history.page_id, int(item.data(PAGE_ROLE)), current.page.version
            )
        )
        self.accept()


def notice_text(titles: list[str]) -> str:
    items = "".join(f"<li>{html.escape(t)}</li>" for t in titles)
    return f"<ul>{items}</ul>"
