"""The offer notice: a bright banner with Accept and a countdown, plus a chime."""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.texts import duration
from protocol.messages import ToStaffOffer


def chime_wav() -> Path:
    """A two-tone chime written once to a temp file (no sound files to ship or fetch)."""
    path = Path(tempfile.gettempdir()) / "luukku-offer-chime.wav"
    if path.exists():
        return path
    rate = 16000
    frames = bytearray()
    for freq, length in ((880.0, 0.18), (1318.5, 0.30)):
        count = int(rate * length)
        for i in range(count):
            fade = min(1.0, (count - i) / (rate * 0.05))
            sample = 0.4 * fade * math.sin(2 * math.pi * freq * i / rate)
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


class OfferBanner(QFrame):
    accept_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerBanner")
        self.setStyleSheet(
            "#offerBanner { background: #ffe08a; border: 2px solid #c98a00; border-radius: 6px; }"
            "#offerBanner QLabel { font-size: 15px; color: #1b1b1b; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.countdown = QLabel()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptOffer")
        self.accept_button.setShortcut("Ctrl+Return")
        self.accept_button.setToolTip(self.tr("Accept the chat (Ctrl+Enter)"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.accept_button)
        self.accept_button.clicked.connect(self._accept)
        self._offer: ToStaffOffer | None = None
        self._left = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._sound = self._make_sound()
        self.hide()

    def _make_sound(self) -> object | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(chime_wav())))
        effect.setVolume(0.8)
        return effect

    @property
    def conversation_id(self) -> str | None:
        return self._offer.conversation_id if self._offer else None

    def show_offer(self, offer: ToStaffOffer, queue_name: str, client: str) -> None:
        self._offer = offer
        self._left = offer.expires_in_s
        self.label.setText(
            self.tr("New chat: %1 · %2 · waited %3")
            .replace("%1", queue_name)
            .replace("%2", client)
            .replace("%3", duration(offer.waited_s))
        )
        if offer.transfer_note:
            # A transfer: the sender's note is read before accepting.
            self.label.setText(
                self.label.text()
                + "\n"
                + self.tr("Transferred by %1: %2")
                .replace("%1", offer.transferred_by or "")
                .replace("%2", offer.transfer_note)
            )
        self._tick_text()
        self.show()
        self._timer.start()
        if self._sound is not None:
            self._sound.play()  # type: ignore[attr-defined]
        window = self.window()
        from PySide6.QtWidgets import QApplication

        QApplication.alert(window, 0)
        self.accept_button.setFocus()

    def clear(self, conversation_id: str | None = None) -> None:
        if conversation_id is None or conversation_id == self.conversation_id:
            self._offer = None
            self._timer.stop()
            self.hide()

    def _tick(self) -> None:
        self._left -= 1
        self._tick_text()

    def _tick_text(self) -> None:
        self.countdown.setText(self.tr("%1 s").replace("%1", str(max(0, math.ceil(self._left)))))

    def _accept(self) -> None:
        if self._offer is not None:
            self.accept_clicked.emit(self._offer.conversation_id)
