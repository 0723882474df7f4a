"""Editing the handbook (editors only): a page's editor with its preview, and a page's
versions with restore. A save that lost to another editor's says so and keeps her text."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QTimer
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
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.ui.handbook_page import PAGE_ROLE, HandbookBrowser, HandbookCommands
from desktop.ui.texts import ServiceClock, error_text
from protocol.messages import HandbookSave


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
