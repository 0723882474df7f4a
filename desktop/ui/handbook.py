"""The operating handbook: tree, search, page view, editor with preview, history.

Imported Markdown is untrusted: rendered without HTML, nothing is fetched from the
network (only ``data:`` images embedded at import), and a link out of the handbook opens
in the system browser only after she confirms it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.guides.tree import Area, build, unread_count
from desktop.ui.handbook_edit import EditorDialog, HistoryDialog
from desktop.ui.handbook_page import PAGE_ROLE, HandbookBrowser, HandbookCommands, notice_text
from desktop.ui.texts import ServiceClock

log = logging.getLogger("luukku.desktop.handbook")


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
