"""One conversation tab: transcript (with pictures and video links), typing notice, reply
box, internal notes, working-together actions (transfer, invite, picture, video), close."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.record import Link
from desktop.chat.state import Chat
from desktop.ui.offer import LANGUAGE_NAMES
from desktop.ui.texts import ServiceClock, anonymous, outcome_name, plain, rich, system_line
from protocol.messages import Outcome


class ConversationPanel(QWidget):
    reply = Signal(str, str)
    typing = Signal(str, bool)
    close_requested = Signal(str, object, str)
    open_handbook = Signal(str)
    call_back = Signal(str)  # the client's number
    callback_requested = Signal(str)  # leave a callback request about this conversation
    transfer_requested = Signal(str)
    invite_requested = Signal(str)
    picture_requested = Signal(str)  # ask the client for a picture
    video_requested = Signal(str)
    consult_leave = Signal(str)
    note_added = Signal(str, str)
    picture_open = Signal(int)
    # The record entry to the clipboard: (conversation, outcome or None, wrap-up note).
    record_requested = Signal(str, object, str)
    handoff_requested = Signal(str, str)  # conversation, link id

    def __init__(self, chat: Chat, queue_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation_id = chat.conversation_id
        # Usernames to display names (the window sets the colleague directory's lookup).
        self.name_of: Callable[[str], str] = lambda username: username
        self.setObjectName(f"conversation-{chat.conversation_id}")
        layout = QVBoxLayout(self)
        # An identified client's proven name, where she gave none (this panel is the
        # professional's who opened her conversation).
        who = chat.client_name or (chat.identity.name if chat.identity else anonymous())
        if chat.client_phone:
            who += f" · {chat.client_phone}"
        who += " · " + LANGUAGE_NAMES.get(chat.lang, chat.lang)
        self.header = rich(QLabel(), f"<b>{html.escape(queue_name)}</b> · {html.escape(who)}")
        self.header.setWordWrap(True)  # a long queue name wraps, whole, beside the buttons
        self.call_button = QPushButton(self.tr("Call back"))
        self.call_button.setObjectName("callBack")
        self.call_button.setVisible(bool(chat.client_phone))
        self.call_button.clicked.connect(lambda: self.call_back.emit(chat.client_phone or ""))
        self.callback_button = QPushButton(self.tr("Callback request…"))
        self.callback_button.setObjectName("leaveCallback")
        self.callback_button.clicked.connect(
            lambda: self.callback_requested.emit(chat.conversation_id)
        )
        # An identified client: her proven name and identity code, for this professional
        # only (the backend recorded that she saw them). Plain text: it is the client's.
        self.identity = QLabel()
        self.identity.setObjectName("clientIdentity")
        self.identity.setTextFormat(Qt.TextFormat.PlainText)
        self.identity.setStyleSheet("color: #0b5e2a; font-weight: bold;")
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_identity(chat)
        self.participants = QLabel()
        self.participants.setObjectName("participants")
        self.participants.setStyleSheet("color: #555;")
        self.transfer_note = QLabel()
        self.transfer_note.setObjectName("transferNote")
        self.transfer_note.setWordWrap(True)
        self.transfer_note.setStyleSheet(
            "background: #fff4cc; border: 1px solid #c98a00; padding: 6px; color: #1b1b1b;"
        )
        self.transfer_note.setVisible(False)
        self.transcript = QTextBrowser()
        self.transcript.setObjectName("transcript")
        self.transcript.setOpenLinks(False)
        self.transcript.anchorClicked.connect(self._anchor)
        self._thumbs: set[int] = set()
        self.notes_view = QTextBrowser()
        self.notes_view.setObjectName("notesView")
        self.notes_view.setMaximumHeight(90)
        self.notes_view.setStyleSheet("background: #fffbe6;")
        self.note_input = QLineEdit()
        self.note_input.setObjectName("noteInput")
        self.note_input.setPlaceholderText(
            self.tr("Internal note (staff only, the client never sees it)")
        )
        self.note_input.returnPressed.connect(self._add_note)
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.setObjectName("addNote")
        self.note_button.clicked.connect(self._add_note)
        # Push buttons with menus: a tool button's menu arrow covered the end of its text.
        self.actions_button = QPushButton(self.tr("Work together"))
        self.actions_button.setObjectName("chatActions")
        menu = QMenu(self.actions_button)
        cid = chat.conversation_id
        self.transfer_action = menu.addAction(self.tr("Transfer…"))
        self.transfer_action.triggered.connect(lambda: self.transfer_requested.emit(cid))
        self.invite_action = menu.addAction(self.tr("Invite a colleague…"))
        self.invite_action.triggered.connect(lambda: self.invite_requested.emit(cid))
        self.picture_action = menu.addAction(self.tr("Ask for a picture"))
        self.picture_action.triggered.connect(lambda: self.picture_requested.emit(cid))
        self.video_action = menu.addAction(self.tr("Move to video (send a meeting link)"))
        self.video_action.triggered.connect(lambda: self.video_requested.emit(cid))
        self.leave_action = menu.addAction(self.tr("Leave the consultation"))
        self.leave_action.triggered.connect(lambda: self.consult_leave.emit(cid))
        self.actions_button.setMenu(menu)
        self.typing_label = QLabel(self.tr("The client is typing…"))
        self.typing_label.setStyleSheet("color: #555; font-style: italic;")
        self.typing_label.setVisible(False)
        self.left_label = QLabel(
            self.tr("The client has left. Close the conversation with an outcome.")
        )
        self.left_label.setStyleSheet("color: #b42318; font-weight: bold;")
        self.left_label.setVisible(False)
        self.input = QPlainTextEdit()
        self.input.setObjectName("replyInput")
        self.input.setPlaceholderText(self.tr("Write a reply (Enter sends, Shift+Enter new line)"))
        self.input.setMaximumHeight(90)
        self.input.installEventFilter(self)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendReply")
        self.close_button = QPushButton(self.tr("Close conversation…"))
        self.close_button.setObjectName("closeConversation")
        self.quick_replies = QComboBox()
        self.quick_replies.setObjectName("quickReplies")
        # As wide as a short title; the list that opens shows the whole titles.
        self.quick_replies.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.quick_replies.setMinimumContentsLength(8)
        self.quick_replies.setToolTip(self.tr("Insert a quick reply from the handbook"))
        self.quick_replies.activated.connect(self._insert_quick_reply)
        self.handbook_button = QPushButton(self.tr("Instructions"))
        self.handbook_button.setObjectName("queueHandbook")
        self.handbook_menu = QMenu(self.handbook_button)
        self.handbook_button.setMenu(self.handbook_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.actions_button)
        buttons.addWidget(self.handbook_button)
        buttons.addWidget(self.quick_replies)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        # Hand-offs to the organisation's other systems, and the record entry (Ctrl+Shift+C).
        self.record_button = QPushButton(self.tr("Copy to record"))
        self.record_button.setObjectName("copyRecord")
        self.record_button.setToolTip(
            self.tr("Copy the record entry of this conversation (Ctrl+Shift+C)")
        )
        self.record_button.clicked.connect(
            lambda: self.record_requested.emit(self.conversation_id, None, "")
        )
        copy_key = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        copy_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_key.activated.connect(self.record_button.click)
        self.links_row = QHBoxLayout()
        self.links_row.addWidget(self.record_button)
        self.links_row.addStretch(1)
        self.link_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.call_button)
        top.addWidget(self.callback_button)
        # Closing sits with the conversation's header: the row under her reply keeps the
        # tools she writes with, and the panel fits beside the meter at 1280 px (150 %).
        top.addWidget(self.close_button)
        layout.addLayout(top)
        layout.addLayout(self.links_row)
        layout.addWidget(self.identity)
        layout.addWidget(self.participants)
        layout.addWidget(self.transfer_note)
        for widget in (
            self.transcript,
            self.typing_label,
            self.left_label,
            self.input,
        ):
            layout.addWidget(widget, 1 if widget is self.transcript else 0)
        layout.addLayout(buttons)
        notes_title = QLabel(self.tr("Internal notes (staff only)"))
        notes_title.setStyleSheet("color: #7a4a00; font-weight: bold;")
        layout.addWidget(notes_title)
        layout.addWidget(self.notes_view)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_input, 1)
        note_row.addWidget(self.note_button)
        layout.addLayout(note_row)
        self.send_button.clicked.connect(self._send)
        self.close_button.clicked.connect(self._ask_close)
        self.input.textChanged.connect(self._on_text)
        self._typing_sent = False
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(2000)
        self._typing_timer.timeout.connect(self._stop_typing)
        self.show_chat(chat)

    def show_identity(self, chat: Chat) -> None:
        if chat.identity is not None:
            self.identity.setText(
                self.tr("Identified (Suomi.fi): %1, %2")
                .replace("%1", chat.identity.name)
                .replace("%2", chat.identity.hetu)
            )
        elif chat.identified:
            self.identity.setText(self.tr("Identified (Suomi.fi)"))
        self.identity.setVisible(chat.identified)

    def _thumb(self, picture_id: int, data_url: str | None) -> None:
        """Register a thumbnail with the transcript's document (a data URL it cannot load)."""
        if picture_id in self._thumbs or not data_url or "," not in data_url:
            return
        image = QImage.fromData(base64.b64decode(data_url.split(",", 1)[1]))
        self.transcript.document().addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"thumb:{picture_id}"), image
        )
        self._thumbs.add(picture_id)

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "picture":
            self.picture_open.emit(int(url.path()))

    def _line_body(self, kind: str, text: str, picture: object) -> str:
        if kind == "picture" and picture is not None:
            pid = int(getattr(picture, "id", 0))
            self._thumb(pid, getattr(picture, "thumb", None))
            hint = html.escape(self.tr("Open the picture"))
            return f"<a href='picture:{pid}' title='{hint}'><img src='thumb:{pid}'></a>"
        if kind == "video":
            label = html.escape(self.tr("Video meeting link sent:"))
            return f"{label} <a href='{html.escape(text)}'>{html.escape(text)}</a>"
        return html.escape(text).replace("\n", "<br>")

    def show_names(self, chat: Chat) -> None:
        """The colleagues' names arrived or changed: who is responsible, who consults."""
        self._show_role(chat)

    def _show_role(self, chat: Chat) -> None:
        owner = chat.role == "owner"
        consultant = chat.role == "consultant"
        self.close_button.setVisible(owner)
        self.call_button.setVisible(owner and bool(chat.client_phone))
        self.callback_button.setVisible(owner)
        for action in (
            self.transfer_action,
            self.invite_action,
            self.picture_action,
            self.video_action,
        ):
            action.setVisible(owner)
        self.leave_action.setVisible(consultant)
        self.actions_button.setVisible(owner or consultant)
        writer = owner or consultant
        self.input.setEnabled(writer)
        self.note_input.setEnabled(writer)
        self.note_button.setEnabled(writer)
        names = []
        if chat.owner and not owner:
            names.append(self.tr("Responsible: %1").replace("%1", self.name_of(chat.owner)))
        if chat.consultants:
            people = ", ".join(self.name_of(c) for c in chat.consultants)
            names.append(self.tr("Consultants: %1").replace("%1", people))
        if consultant:
            names.append(self.tr("You are a consultant here."))
        self.participants.setText(" · ".join(names))
        self.participants.setVisible(bool(names))
        transfer = next((n for n in chat.notes if n.kind == "transfer"), None)
        self.transfer_note.setVisible(transfer is not None)
        if transfer is not None:
            plain(
                self.transfer_note,
                self.tr("Transferred by %1: %2")
                .replace("%1", transfer.author_name)
                .replace("%2", transfer.text),
            )
        notes = []
        for note in chat.notes:
            when = ServiceClock.text(note.at)
            notes.append(
                f"<p><b>{html.escape(note.author_name)}</b> {when}<br>{html.escape(note.text)}</p>"
            )
        self.notes_view.setHtml("".join(notes))

    def _add_note(self) -> None:
        text = self.note_input.text().strip()
        if text:
            self.note_input.clear()
            self.note_added.emit(self.conversation_id, text[:2000])

    def show_chat(self, chat: Chat) -> None:
        self._show_role(chat)
        parts = []
        for line in chat.lines:
            when = ServiceClock.text(line.at)
            if line.author == "system":
                parts.append(
                    f"<p style='color:#555'><i>{when} {html.escape(system_line(line.text))}</i></p>"
                )
                continue
            if line.author == "client":
                name, colour = chat.client_name or anonymous(), "#005a8c"
            else:
                name, colour = line.author_name or "", "#1a7f37"
            text = self._line_body(line.kind, line.text, line.picture)
            parts.append(
                f"<p><span style='color:{colour}'><b>{html.escape(name)}</b> {when}</span>"
                f"<br>{text}</p>"
            )
        sending = html.escape(self.tr("Sending…"))
        for pending in chat.pending:
            text = html.escape(pending.text).replace("\n", "<br>")
            parts.append(f"<p style='color:#888'><i>{sending}</i><br>{text}</p>")
        self.transcript.setHtml("".join(parts))
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.typing_label.setVisible(chat.client_typing)
        self.left_label.setVisible(chat.client_left)
        self.send_button.setEnabled(not chat.client_left)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            (
                watched is self.input
                and isinstance(event, QKeyEvent)
                and (event.type() == QEvent.Type.KeyPress)
            )
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        ):
            self._send()
            return True
        return super().eventFilter(watched, event)

    def _on_text(self) -> None:
        if not self.input.toPlainText():
            return
        if not self._typing_sent:
            self._typing_sent = True
            self.typing.emit(self.conversation_id, True)
        self._typing_timer.start()

    def _stop_typing(self) -> None:
        if self._typing_sent:
            self._typing_sent = False
            self.typing.emit(self.conversation_id, False)

    def _send(self) -> None:
        text = self.input.toPlainText().strip()
        if not text or not self.send_button.isEnabled():
            return
        self.input.clear()
        self._typing_timer.stop()
        self._stop_typing()
        self.reply.emit(self.conversation_id, text)

    def set_handbook(self, pages: list[tuple[str, str]], replies: list[tuple[str, str]]) -> None:
        """Handbook pages linked to this queue, and quick replies (title, filled text)."""
        self.handbook_menu.clear()
        for page_id, title in pages:
            action = self.handbook_menu.addAction(title)
            action.triggered.connect(lambda _checked=False, p=page_id: self.open_handbook.emit(p))
        self.handbook_button.setEnabled(bool(pages))
        self.quick_replies.clear()
        self.quick_replies.addItem(self.tr("Quick reply…"), "")
        for title, text in replies:
            self.quick_replies.addItem(title, text)
        self.quick_replies.setEnabled(bool(replies))

    def _insert_quick_reply(self, index: int) -> None:
        text = self.quick_replies.itemData(index)
        self.quick_replies.setCurrentIndex(0)
        if text:
            # Inserted, not sent: she reads it and may adjust before sending.
            self.input.insertPlainText(text)
            self.input.setFocus()

    def show_links(self, links: list[Link], lang: str) -> None:
        """A button per hand-off link; one whose value is missing (an anonymous client's
        identity code) is disabled with the reason, never opened with an empty value."""
        for link in links:
            button = self.link_buttons.get(link.link.id)
            if button is None:
                names = link.link.names
                button = QPushButton(names.get(lang) or names.get("fi") or link.link.id)
                button.setObjectName(f"handoff-{link.link.id}")
                button.clicked.connect(
                    lambda _c=False, k=link.link.id: self.handoff_requested.emit(
                        self.conversation_id, k
                    )
                )
                self.links_row.insertWidget(self.links_row.count() - 1, button)
                self.link_buttons[link.link.id] = button
            button.setEnabled(link.url is not None)
            button.setToolTip(link.url or ", ".join(missing_text(name) for name in link.missing))

    def _ask_close(self) -> None:
        dialog = CloseDialog(self)
        dialog.setModal(True)

        def closed() -> None:
            # The entry first: the conversation is still hers to describe.
            if dialog.copy_box.isChecked():
                self.record_requested.emit(self.conversation_id, dialog.outcome(), dialog.wrap_up())
            self.close_requested.emit(self.conversation_id, dialog.outcome(), dialog.wrap_up())

        dialog.accepted.connect(closed)
        dialog.open()


def missing_text(placeholder: str) -> str:
    """Why a hand-off link cannot be used for this contact."""
    return {
        "identity_code": QCoreApplication.translate(
            "Handoff", "Only for a client identified with Suomi.fi."
        ),
        "clinic": QCoreApplication.translate(
            "Handoff", "The client's own clinic is not known (leave a callback for it)."
        ),
    }.get(placeholder, QCoreApplication.translate("Handoff", "Not available here."))


class CloseDialog(QDialog):
    """Outcome (required) and a short wrap-up note."""

    def __init__(self, parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.setWindowTitle(title or self.tr("Close conversation"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Outcome")))
        self.group = QButtonGroup(self)
        self.radios: dict[Outcome, QRadioButton] = {}
        for outcome in Outcome:
            radio = QRadioButton(outcome_name(outcome))
            radio.setObjectName(f"outcome-{outcome.value}")
            self.group.addButton(radio)
            self.radios[outcome] = radio
            layout.addWidget(radio)
        # Nothing chosen for her: the one-contact rate must measure what happened, not a
        # default that Enter accepted.
        self.group.buttonToggled.connect(lambda *_: self._sync())
        layout.addWidget(QLabel(self.tr("Wrap-up (short, no more health details than needed)")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("wrapUp")
        self.note.setMaximumHeight(80)
        layout.addWidget(self.note)
        self.copy_box = QCheckBox(self.tr("Copy the record entry to the clipboard"))
        self.copy_box.setObjectName("copyRecordOnClose")
        self.copy_box.setChecked(True)
        layout.addWidget(self.copy_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if title else self.tr("Close conversation")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._sync()

    def _sync(self) -> None:
        self.ok.setEnabled(self.group.checkedButton() is not None)

    def outcome(self) -> Outcome:
        return next(o for o, r in self.radios.items() if r.isChecked())

    def wrap_up(self) -> str:
        return self.note.toPlainText().strip()[:2000]
