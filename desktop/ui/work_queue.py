"""The work queue: the busyness meter beside her open conversations (a tab each), and
what happens in them: a chat opened, its lines and typing, closed or left, a picture, the
record entry and hand-off links, the transfer and invitation dialogs.

It hears its own events (``listen``) and tells the window only what crosses widgets.

Signals:
    message(str, int): a line for the window's status bar (text, milliseconds shown).
    call_requested(str): call this number back (the softphone dials it).
    callback_requested(str): leave a callback for this conversation's client.
    open_handbook(str): show this handbook page.
After a service-number call the phone panel asks for its outcome (``ask_call_outcome``)
and its hand-off links (``hand_off_call``) here, where the record entry is made.
    came_forward(): a chat opened while she was not writing: the work queue to the front.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.record import Contact
from desktop.chat.state import Chat, Workstation
from desktop.events import EventKind
from desktop.guides.quick_replies import fill, values
from desktop.guides.tree import for_queue
from desktop.ui.collab import ChatTransferDialog, InviteDialog, PictureDialog
from desktop.ui.conversation import CloseDialog, ConversationPanel
from desktop.ui.meter import MeterTable
from desktop.ui.record import (
    call_contact,
    chat_contact,
    copy_to_clipboard,
    links_of,
    open_link,
    record_text,
)
from desktop.ui.texts import ServiceClock, anonymous, duration
from protocol.messages import Outcome

Run = Callable[[Coroutine[Any, Any, Any]], None]


class ConversationCommands(Protocol):
    """What the conversations ask of the backend connection."""

    async def reply(self, conversation_id: str, text: str) -> None: ...
    async def typing(self, conversation_id: str, typing: bool) -> None: ...
    async def close_chat(self, conversation_id: str, outcome: Outcome, wrap_up: str) -> None: ...
    async def transfer(
        self, conversation_id: str, queue: str | None, to_user: str | None, note: str
    ) -> None: ...
    async def invite(self, conversation_id: str, username: str) -> None: ...
    async def consult_end(self, conversation_id: str, username: str | None = None) -> None: ...
    async def note(self, conversation_id: str, text: str) -> None: ...
    async def video_link(self, conversation_id: str) -> None: ...
    async def picture_request(self, conversation_id: str) -> None: ...
    async def picture_open(self, picture_id: int) -> None: ...
    async def record_copied(self, contact: str) -> None: ...
    async def handoff_used(self, contact: str, link: str) -> None: ...
    async def call_outcome(self, call_id: str, outcome: Outcome, wrap_up: str) -> None: ...


class WorkQueue(QWidget):
    message = Signal(str, int)
    call_requested = Signal(str)
    callback_requested = Signal(str)
    open_handbook = Signal(str)
    came_forward = Signal()

    def __init__(
        self,
        state: Workstation,
        commands: ConversationCommands,
        lang: str,
        run: Run,
        has_phone: bool,
        line_sound: Callable[[], None],
    ) -> None:
        super().__init__()
        self.state = state
        self.commands = commands
        self.lang = lang
        self._run = run
        self.has_phone = has_phone
        self.line_sound = line_sound
        self.panels: dict[str, ConversationPanel] = {}
        self._fresh: set[str] = set()  # accepted while she typed; not opened yet

        self.meter = MeterTable()
        meter_box = QGroupBox(self.tr("Busyness meter"))
        meter_layout = QVBoxLayout(meter_box)
        meter_layout.addWidget(self.meter)
        self.meter_note = QLabel()
        self.meter_note.setStyleSheet("color: #555;")
        meter_layout.addWidget(self.meter_note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("conversations")
        self.empty = QLabel(self.tr("No open conversations. Set yourself Ready to receive chats."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; font-size: 14px;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty, 1)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.setObjectName("workSplitter")
        splitter.addWidget(meter_box)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        # Both grow with the window (maximised, the meter too): she drags the line between.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tabs.currentChanged.connect(lambda _i: self.tick())
        self.sync_empty()

    def listen(self, bridge: Bridge) -> None:
        bridge.subscribe(EventKind.METER, lambda e: self.show_meter())
        bridge.subscribe(EventKind.CONVERSATION, lambda e: self.show(e.conversation_id or ""))
        bridge.subscribe(EventKind.TYPING, lambda e: self.show(e.conversation_id or ""))
        bridge.subscribe(EventKind.CLOSED, lambda e: self.drop(e.conversation_id or ""))
        bridge.subscribe(EventKind.LEFT, lambda e: self._left(e.conversation_id or "", e.detail))
        bridge.subscribe(EventKind.PICTURE, lambda e: self._picture(e.detail or ""))
        bridge.subscribe(EventKind.COLLEAGUES, lambda e: self._names())
        bridge.subscribe(EventKind.HANDBOOK_INDEX, lambda e: self._handbook_lists())

    # --- the meter and the tabs' clocks --------------------------------------------------

    def show_meter(self) -> None:
        names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
        self.meter.show_figures(self.state.meter, names)
        if self.state.meter_at is not None:
            self.meter_note.setText(
                self.tr("Updated %1").replace(
                    "%1", ServiceClock.text(self.state.meter_at, "%H:%M:%S")
                )
            )

    def set_ready_hint(self, ready: bool) -> None:
        self.empty.setText(
            self.tr("No open conversations. New chats are offered to you above.")
            if ready
            else self.tr("No open conversations. Set yourself Ready to receive chats.")
        )

    def tick(self) -> None:
        """Each tab: the client's name, unread lines, how long she has waited for a reply
        (red while she waits and the tab is not in front)."""
        front = self.front_chat()
        self._fresh.discard(front or "")
        for cid, panel in self.panels.items():
            chat = self.state.chats.get(cid)
            if chat is None:
                continue
            if cid == front:
                chat.unread = 0
            index = self.tabs.indexOf(panel)
            self.tabs.setTabText(index, self.tab_text(chat))
            waiting = chat.waiting_since() is not None and not chat.client_left
            self.tabs.tabBar().setTabTextColor(
                index, Qt.GlobalColor.red if waiting and cid != front else QColor("#1b1b1b")
            )

    def tab_text(self, chat: Chat) -> str:
        text = chat.client_name or anonymous()
        if chat.conversation_id in self._fresh:
            text = "● " + self.tr("New: %1").replace("%1", text)
        if chat.unread:
            text += f" ({chat.unread})"
        since = chat.waiting_since()
        if since is not None and not chat.client_left:
            waited = (datetime.now(UTC) - since).total_seconds()
            text += " · " + self.tr("waiting %1").replace("%1", duration(waited))
        return text

    def front_chat(self) -> str | None:
        """The conversation in front of her: its tab shown in the work queue, window active."""
        if not self.isVisible() or not self.window().isActiveWindow():
            return None
        panel = self.tabs.currentWidget()
        return panel.conversation_id if isinstance(panel, ConversationPanel) else None

    def typing_now(self) -> bool:
        """Her cursor is in an open chat, or in any text field with text in it."""
        focus = QApplication.focusWidget()
        if focus is None:
            return False
        if self.tabs.isAncestorOf(focus) and self.tabs.count() > 1:
            return True
        if isinstance(focus, QLineEdit):
            return bool(focus.text())
        if isinstance(focus, QTextEdit | QPlainTextEdit):
            return bool(focus.toPlainText())
        return False

    def sync_empty(self) -> None:
        has_chats = bool(self.panels)
        self.tabs.setVisible(has_chats)
        self.empty.setVisible(not has_chats)

    # --- conversations -------------------------------------------------------------------

    def show(self, conversation_id: str) -> None:  # type: ignore[override]
        """A conversation opened or changed: its tab made, or its view brought up to date."""
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return
        panel = self.panels.get(conversation_id)
        if panel is None:
            panel = self._panel(chat)
            self.panels[conversation_id] = panel
            index = self.tabs.addTab(panel, self.tab_text(chat))
            if self.typing_now():
                # She is writing (to another client, a handbook search…): her cursor stays
                # where it is and the new chat's tab is marked until she opens it.
                self._fresh.add(conversation_id)
                self.tabs.setTabText(index, self.tab_text(chat))
            else:
                self.came_forward.emit()
                self.tabs.setCurrentIndex(index)
                panel.input.setFocus()
        else:
            panel.show_chat(chat)
            panel.show_identity(chat)
            if chat.unread and conversation_id != self.front_chat():
                self.line_sound()
        # Her identity or a callback to the client's clinic may have made a link usable.
        panel.show_links(links_of(self.state, chat_contact(self.state, chat, self.lang)), self.lang)
        self.tick()
        self.sync_empty()

    def _panel(self, chat: Chat) -> ConversationPanel:
        run, commands = self._run, self.commands
        panel = ConversationPanel(chat, self.state.queue_name(chat.queue, self.lang))
        panel.reply.connect(lambda cid, text: run(commands.reply(cid, text)))
        panel.typing.connect(lambda cid, on: run(commands.typing(cid, on)))
        panel.close_requested.connect(
            lambda cid, outcome, note: run(commands.close_chat(cid, outcome, note))
        )
        panel.open_handbook.connect(self.open_handbook)
        panel.call_back.connect(self.call_requested)
        panel.callback_requested.connect(self.callback_requested)
        panel.name_of = self.state.colleague_name
        panel.transfer_requested.connect(self.transfer_chat)
        panel.invite_requested.connect(self.invite_colleague)
        panel.picture_requested.connect(lambda cid: run(commands.picture_request(cid)))
        panel.video_requested.connect(lambda cid: run(commands.video_link(cid)))
        panel.consult_leave.connect(lambda cid: run(commands.consult_end(cid)))
        panel.note_added.connect(lambda cid, text: run(commands.note(cid, text)))
        panel.picture_open.connect(lambda pid: run(commands.picture_open(pid)))
        panel.record_requested.connect(self.copy_record)
        panel.handoff_requested.connect(self.hand_off)
        if not self.has_phone:
            panel.call_button.setEnabled(False)
            panel.call_button.setToolTip(self.tr("This workstation has no phone set up."))
        self._handbook_list(panel)
        return panel

    def drop(self, conversation_id: str) -> None:
        panel = self.panels.pop(conversation_id, None)
        if panel is not None:
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
        self.sync_empty()

    def _left(self, conversation_id: str, why: str | None) -> None:
        self.drop(conversation_id)
        self.message.emit(
            self.tr("The conversation was transferred.")
            if why == "transferred"
            else self.tr("The consultation ended."),
            8000,
        )

    def _picture(self, picture_id: str) -> None:
        frame = self.state.pictures.get(int(picture_id))
        if frame is not None:
            dialog = PictureDialog(base64.b64decode(frame.data), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _names(self) -> None:
        for conversation_id, panel in self.panels.items():
            chat = self.state.chats.get(conversation_id)
            if chat is not None:
                panel.show_names(chat)

    def _handbook_lists(self) -> None:
        for panel in self.panels.values():
            self._handbook_list(panel)

    def _handbook_list(self, panel: ConversationPanel) -> None:
        """The pages and quick replies of the conversation's queue (in the client's
        language), placeholders filled with her name."""
        chat = self.state.chats.get(panel.conversation_id)
        if chat is None:
            return
        profile = self.state.profile
        names = values(self.state.placeholders, profile.display_name if profile else "")
        pages = for_queue(self.state.handbook.pages, chat.queue, "page")
        replies = [
            (f"{p.title} ({p.lang})" if p.lang else p.title, fill(p.body or "", names))
            for p in for_queue(self.state.handbook.pages, chat.queue, "quick_reply", chat.lang)
        ]
        panel.set_handbook([(p.id, p.title) for p in pages], replies)

    # --- working together ----------------------------------------------------------------

    def transfer_chat(self, conversation_id: str) -> ChatTransferDialog | None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return None
        dialog = ChatTransferDialog(self.state, chat.queue, self.lang, self)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                queue, person = dialog.target()
                self._run(
                    self.commands.transfer(conversation_id, queue, person, dialog.note_text())
                )
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def invite_colleague(self, conversation_id: str) -> InviteDialog | None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return None
        dialog = InviteDialog(self.state, set(chat.consultants), self)

        def done(code: int) -> None:
            username = dialog.username()
            if code == QDialog.DialogCode.Accepted and username:
                self._run(self.commands.invite(conversation_id, username))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # --- the record entry and hand-offs --------------------------------------------------

    def copy_record(
        self, conversation_id: str, outcome: Outcome | None = None, wrap_up: str = ""
    ) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is not None:
            self.copy(chat_contact(self.state, chat, self.lang, outcome, wrap_up))

    def copy(self, contact: Contact) -> None:
        copy_to_clipboard(record_text(self.state, contact, self.lang))
        self._run(self.commands.record_copied(contact.contact_id))
        self.message.emit(
            self.tr("The record entry is on the clipboard: paste it into the patient record."),
            8000,
        )

    def hand_off(self, conversation_id: str, link_id: str) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return
        contact = chat_contact(self.state, chat, self.lang)
        link = next((k for k in links_of(self.state, contact) if k.link.id == link_id), None)
        if link is None or link.url is None:
            return  # its button is disabled, with the reason
        if open_link(link.url):
            self._run(self.commands.handoff_used(conversation_id, link_id))
        else:
            self.message.emit(self.tr("The browser could not be opened."), 8000)

    # --- a call's outcome and hand-offs (the phone panel asks) ---------------------------

    def ask_call_outcome(
        self,
        call_id: str,
        queue: str = "",
        caller: str = "",
        answered: datetime | None = None,
    ) -> CloseDialog:
        """After a service-number call she answered: the same outcome form as a chat's,
        nothing chosen for her (not modal: the next call or chat may come meanwhile)."""
        dialog = CloseDialog(self.window(), title=self.tr("Outcome of the call"))

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                outcome, note = dialog.outcome(), dialog.wrap_up()
                if dialog.copy_box.isChecked():
                    contact = call_contact(
                        self.state, call_id, queue, caller, answered, self.lang, outcome, note
                    )
                    self.copy(contact)
                self._run(self.commands.call_outcome(call_id, outcome, note))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def hand_off_call(self, call_id: str, queue: str, link_id: str) -> None:
        contact = call_contact(self.state, call_id, queue, "", None, self.lang)
        link = next((k for k in links_of(self.state, contact) if k.link.id == link_id), None)
        if link is not None and link.url is not None and open_link(link.url):
            self._run(self.commands.handoff_used(call_id, link_id))
