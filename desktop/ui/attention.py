"""The bar under her status that says what her state asks of her now (desktop/chat/
attention.py decides; this shows it), with the one key that answers it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.chat.attention import Attention
from desktop.ui.texts import duration

STYLES = {
    "missed_offer": "background: #fde2de; border: 2px solid #b42318;",
    "wrap_up": "background: #e6f0fb; border: 1px solid #1f5fa8;",
    "red_queue": "background: #fde2de; border: 2px solid #b42318;",
}


class AttentionBar(QFrame):
    """Signals:
    ready_requested(): she pressed the bar's button (or F9, which the window binds).
    """

    ready_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setObjectName("attentionText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size: 14px; color: #1b1b1b; border: none;")
        self.button = QPushButton()
        self.button.setObjectName("readyAgain")
        self.button.clicked.connect(self.ready_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.kind: str | None = None
        self.hide()

    def show_attention(self, what: Attention | None, queue_name: str = "") -> None:
        self.kind = what.kind if what else None
        if what is None:
            self.hide()
            return
        self.setStyleSheet(f"#attentionBar {{ {STYLES[what.kind]} }}")
        if what.kind == "missed_offer":
            text = self.tr(
                "An offer went unanswered, so you were set Not ready. The client waits at the "
                "head of the queue."
            )
            button = self.tr("Ready again (F9)")
        elif what.kind == "wrap_up":
            if what.seconds_left is None:
                text = self.tr("Wrap-up: no new contacts until you are Ready.")
            else:
                text = self.tr("Wrap-up: you are Ready again in %1.").replace(
                    "%1", duration(what.seconds_left)
                )
            button = self.tr("Ready now (F9)")
        else:
            text = (
                self.tr("%1 is congested: %2 waiting, and you are not Ready.")
                .replace("%1", queue_name)
                .replace("%2", str(what.waiting))
            )
            button = self.tr("Ready (F9)")
        self.label.setText(text)
        self.button.setText(button)
        self.show()
