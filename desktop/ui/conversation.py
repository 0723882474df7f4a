"""One conversation tab: transcript, typing notice, reply box, close with outcome."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Chat
from desktop.ui.texts import anonymous, outcome_name, system_line
from protocol.messages import Outcome


class ConversationPanel(QWidget):
    reply = Signal(str, str)
    typing = Signal(str, bool)
    close_requested = Signal(str, object, str)
    open_guide = Signal(str)
    call_back = Signal(str)  # the client's number
    callback_requested = Signal(str)  # leave a callback request about this conversation

    def __init__(self, chat: Chat, queue_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation_id = chat.conversation_id
        self.setObjectName(f"conversation-{chat.conversation_id}")
        layout = QVBoxLayout(self)
        who = chat.client_name or anonymous()
        if chat.client_phone:
            who += f" · {chat.client_phone}"
        self.header = QLabel(f"<b>{html.escape(queue_name)}</b> · {html.escape(who)}")
        self.call_button = QPushButton(self.tr("Call back"))
        self.call_button.setObjectName("callBack")
        self.call_button.setVisible(bool(chat.client_phone))
        self.call_button.clicked.connect(lambda: self.call_back.emit(chat.client_phone or ""))
        self.callback_button = QPushButton(self.tr("Callback request…"))
        self.callback_button.setObjectName("leaveCallback")
        self.callback_button.clicked.connect(
            lambda: self.callback_requested.emit(chat.conversation_id)
        )
        self.transcript = QTextBrowser()
        self.transcript.setObjectName("transcript")
        self.transcript.setOpenLinks(False)
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
        self.quick_replies.setToolTip(self.tr("Insert a quick reply from the handbook"))
        self.quick_replies.activated.connect(self._insert_quick_reply)
        self.guides_button = QToolButton()
        self.guides_button.setObjectName("queueGuides")
        self.guides_button.setText(self.tr("Instructions"))
        self.guides_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.guides_menu = QMenu(self.guides_button)
        self.guides_button.setMenu(self.guides_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.guides_button)
        buttons.addWidget(self.quick_replies)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.call_button)
        top.addWidget(self.callback_button)
        layout.addLayout(top)
        for widget in (
            self.transcript,
            self.typing_label,
            self.left_label,
            self.input,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self._send)
        self.close_button.clicked.connect(self._ask_close)
        self.input.textChanged.connect(self._on_text)
        self._typing_sent = False
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(2000)
        self._typing_timer.timeout.connect(self._stop_typing)
        self.show_chat(chat)

    def show_chat(self, chat: Chat) -> None:
        parts = []
        for line in chat.lines:
            when = line.at.astimezone().strftime("%H:%M")
            if line.author == "system":
                parts.append(
                    f"<p style='color:#555'><i>{when} {html.escape(system_line(line.text))}</i></p>"
                )
                continue
            if line.author == "client":
                name, colour = chat.client_name or anonymous(), "#005a8c"
            else:
                name, colour = line.author_name or "", "#1a7f37"
            text = html.escape(line.text).replace("\n", "<br>")
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

    def set_guides(self, pages: list[tuple[str, str]], replies: list[tuple[str, str]]) -> None:
        """Handbook pages linked to this queue, and quick replies (title, filled text)."""
        self.guides_menu.clear()
        for page_id, title in pages:
            action = self.guides_menu.addAction(title)
            action.triggered.connect(lambda _checked=False, p=page_id: self.open_guide.emit(p))
        self.guides_button.setEnabled(bool(pages))
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

    def _ask_close(self) -> None:
        dialog = CloseDialog(self)
        dialog.setModal(True)
        dialog.accepted.connect(
            lambda: self.close_requested.emit(
                self.conversation_id, dialog.outcome(), dialog.wrap_up()
            )
        )
        dialog.open()


class CloseDialog(QDialog):
    """Outcome (required) and a short wrap-up note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.setWindowTitle(self.tr("Close conversation"))
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
        self.radios[Outcome.ONE_CONTACT].setChecked(True)
        layout.addWidget(QLabel(self.tr("Wrap-up (short, no more health details than needed)")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("wrapUp")
        self.note.setMaximumHeight(80)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close conversation"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def outcome(self) -> Outcome:
        return next(o for o, r in self.radios.items() if r.isChecked())

    def wrap_up(self) -> str:
        return self.note.toPlainText().strip()[:2000]
