"""Dialogs for working together on a conversation: transfer with a note, inviting a
consultant, and a client's picture opened full size. The backend has the last word on
every target; the dialogs show who could take it now so that she rarely hears "no"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from protocol.messages import Colleague, StaffStatus


def _free_marker(colleague: Colleague) -> str:
    return "●" if colleague.free else "○"


class ChatTransferDialog(QDialog):
    """To a queue (anyone Ready there) or to a named colleague, always with a note."""

    def __init__(
        self,
        state: Workstation,
        queue: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatTransferDialog")
        self.setWindowTitle(self.tr("Transfer the conversation"))
        self.state = state
        form = QFormLayout(self)
        self.queue = QComboBox()
        self.queue.setObjectName("transferQueue")
        chat_queues = [q for q, ch in state.queue_channels.items() if ch == "chat"]
        for queue_id in chat_queues or [queue]:
            self.queue.addItem(state.queue_name(queue_id, lang), queue_id)
        self.queue.setCurrentIndex(max(0, self.queue.findData(queue)))
        self.person = QComboBox()
        self.person.setObjectName("transferPerson")
        self.note = QPlainTextEdit()
        self.note.setObjectName("transferNote")
        self.note.setPlaceholderText(
            self.tr("What the receiver should know first (the client does not see this)")
        )
        self.note.setMaximumHeight(100)
        self.hint = QLabel()
        self.hint.setObjectName("transferHint")
        self.hint.setWordWrap(True)
        form.addRow(self.tr("Queue"), self.queue)
        form.addRow(self.tr("Colleague"), self.person)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Transfer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.queue.currentIndexChanged.connect(self._fill_people)
        self.person.currentIndexChanged.connect(self._sync)
        self.note.textChanged.connect(self._sync)
        self._fill_people()

    def _skill(self) -> str:
        queue = str(self.queue.currentData())
        return self.state.queue_skills.get(queue, queue)

    def _fill_people(self) -> None:
        self.person.clear()
        self.person.addItem(self.tr("Anyone Ready in the queue"), None)
        for colleague in self.state.colleagues:
            if (
                colleague.username == self.state.me
                or not colleague.online
                or self._skill() not in colleague.skills
            ):
                continue
            label = f"{_free_marker(colleague)} {colleague.display_name}"
            self.person.addItem(label, colleague.username)
        self._sync()

    def _sync(self) -> None:
        chosen = self.person.currentData()
        free = [
            c
            for c in self.state.colleagues
            if c.free and c.username != self.state.me and self._skill() in c.skills
        ]
        if chosen is None:
            text = self.tr("Free now: %1").replace("%1", str(len(free)))
        else:
            colleague = next(c for c in self.state.colleagues if c.username == chosen)
            text = (
                self.tr("Can take a chat now.")
                if colleague.free
                else self.tr("Cannot take a chat now (not Ready, or full).")
            )
        self.hint.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note_text()))

    def note_text(self) -> str:
        return self.note.toPlainText().strip()[:2000]

    def target(self) -> tuple[str, str | None]:
        return str(self.queue.currentData()), self.person.currentData()


class InviteDialog(QDialog):
    """A colleague online, invited as a consultant (the owner stays responsible)."""

    def __init__(self, state: Workstation, exclude: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.setWindowTitle(self.tr("Invite a colleague"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The client sees the colleague join. You stay responsible."))
        )
        self.person = QComboBox()
        self.person.setObjectName("invitePerson")
        for colleague in state.colleagues:
            if colleague.online and colleague.username not in exclude | {state.me}:
                busy = "" if colleague.status is StaffStatus.READY else " · " + self.tr("busy")
                self.person.addItem(f"{colleague.display_name}{busy}", colleague.username)
        layout.addWidget(self.person)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Invite"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.person.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def username(self) -> str | None:
        data = self.person.currentData()
        return str(data) if data else None


class PictureDialog(QDialog):
    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureDialog")
        self.setWindowTitle(self.tr("Picture from the client"))
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(min(pixmap.width() + 40, 1000), min(pixmap.height() + 40, 800))
