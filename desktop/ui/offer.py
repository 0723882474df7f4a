"""The offer notice: a bright stack of every outstanding offer, each with Accept and a
countdown, plus a chime."""

from __future__ import annotations

import functools
import math
import struct
import tempfile
import time
import wave
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.texts import anonymous, duration, plain
from protocol.messages import ToStaffOffer


def chime_wav(
    name: str = "luukku-offer-chime.wav",
    tones: tuple[tuple[float, float], ...] = ((880.0, 0.18), (1318.5, 0.30)),
) -> Path:
    """A chime written once to a temp file (no sound files to ship or fetch)."""
    path = Path(tempfile.gettempdir()) / name
    if path.exists():
        return path
    rate = 16000
    frames = bytearray()
    for freq, length in tones:
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


def line_sound(parent: QWidget) -> object | None:
    """A soft single tick for a new client line in a chat she is not looking at."""
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        return None
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(chime_wav("luukku-line.wav", ((1046.5, 0.12),)))))
    effect.setVolume(0.5)
    return effect


LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}  # each in its own tongue


class OfferRow(QFrame):
    """One outstanding offer: queue, client, language, wait, the first line, Accept."""

    accept_clicked = Signal(str)

    def __init__(self, offer: ToStaffOffer, queue_name: str, client: str) -> None:
        super().__init__()
        self.setObjectName("offerRow")
        self.offer = offer
        self.queue_name = queue_name
        self.client = client
        self.received = time.monotonic()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        texts = QVBoxLayout()
        self.label = plain(QLabel())
        self.label.setWordWrap(True)
        self.first_line = plain(QLabel(), offer.first_line or "")
        self.first_line.setObjectName("offerFirstLine")
        self.first_line.setWordWrap(True)
        self.first_line.setStyleSheet("font-style: italic; color: #333;")
        self.first_line.setVisible(bool(offer.first_line))
        texts.addWidget(self.label)
        texts.addWidget(self.first_line)
        self.countdown = QLabel()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptOffer")
        self.accept_button.clicked.connect(lambda: self.accept_clicked.emit(offer.conversation_id))
        layout.addLayout(texts, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.accept_button)
        self.refresh()

    @property
    def arrived(self) -> float:
        """When the client arrived, on this process's monotonic clock (for the order)."""
        return self.received - self.offer.waited_s

    def refresh(self) -> None:
        elapsed = time.monotonic() - self.received
        offer = self.offer
        text = (
            self.tr("New chat: %1 · %2 · waited %3")
            .replace("%1", self.queue_name)
            .replace("%2", self.client)
            .replace("%3", duration(offer.waited_s + elapsed))
        )
        text += " · " + LANGUAGE_NAMES.get(offer.lang, offer.lang)
        if offer.identified:
            # Who she is shows only in the opened conversation, never on a banner.
            text += " · " + self.tr("identified (Suomi.fi)")
        if offer.transfer_note:
            # A transfer: the sender's note is read before accepting.
            text += "\n" + (
                self.tr("Transferred by %1: %2")
                .replace("%1", offer.transferred_by or "")
                .replace("%2", offer.transfer_note)
            )
        self.label.setText(text)
        left = max(0, math.ceil(offer.expires_in_s - elapsed))
        self.countdown.setText(self.tr("%1 s").replace("%1", str(left)))


class OfferBanner(QFrame):
    """Every outstanding offer, longest-waiting first; accepting one never hides another.

    Ctrl+Enter accepts the top one (the client who has waited longest), Ctrl+1 … Ctrl+9
    the one at that place. ``label`` and ``accept_button`` are the top row's.

    Signals:
        accept_clicked(str): she accepted the offer of this conversation.
    """

    accept_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerBanner")
        self.setStyleSheet(
            "#offerBanner { background: #ffe08a; border: 2px solid #c98a00; border-radius: 6px; }"
            "#offerBanner QLabel { font-size: 15px; color: #1b1b1b; }"
            "#offerRow { border-bottom: 1px solid #c98a00; }"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(0)
        self.rows: dict[str, OfferRow] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._sound = self._make_sound()
        accept_top = QShortcut(QKeySequence("Ctrl+Return"), self)
        accept_top.setContext(Qt.ShortcutContext.WindowShortcut)
        accept_top.activated.connect(lambda: self.accept_at(0))
        for place in range(9):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{place + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(functools.partial(self.accept_at, place))
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

    def ordered(self) -> list[OfferRow]:
        return sorted(self.rows.values(), key=lambda row: (row.arrived, row.offer.conversation_id))

    @property
    def top(self) -> OfferRow | None:
        rows = self.ordered()
        return rows[0] if rows else None

    @property
    def conversation_id(self) -> str | None:
        return self.top.offer.conversation_id if self.top else None

    @property
    def label(self) -> QLabel:
        return self.top.label if self.top else QLabel()

    @property
    def accept_button(self) -> QPushButton:
        return self.top.accept_button if self.top else QPushButton()

    def listen(self, bridge: Bridge, state: Workstation, lang: str) -> None:
        """Offers come and go; one accepted leaves the banner before its tab opens."""

        def offered(conversation_id: str) -> None:
            offer = state.offers.get(conversation_id)
            if offer is not None:
                name = offer.client_name or anonymous()
                self.show_offer(offer, state.queue_name(offer.queue, lang), name)

        bridge.subscribe(EventKind.OFFER, lambda e: offered(e.conversation_id or ""))
        bridge.subscribe(EventKind.OFFER_GONE, lambda e: self.clear(e.conversation_id or ""))
        bridge.subscribe(EventKind.CONVERSATION, lambda e: self.clear(e.conversation_id or ""))

    def show_offer(self, offer: ToStaffOffer, queue_name: str, client: str) -> None:
        old = self.rows.pop(offer.conversation_id, None)
        if old is not None:
            old.deleteLater()
        row = OfferRow(offer, queue_name, client)
        row.accept_clicked.connect(self.accept_clicked)
        self.rows[offer.conversation_id] = row
        self._relayout()
        row.show()  # added to a stack already on screen: not shown by the layout at once
        self.show()
        self._timer.start()
        if self._sound is not None:
            self._sound.play()  # type: ignore[attr-defined]
        from PySide6.QtWidgets import QApplication

        # The taskbar flashes; the focus stays where she is typing (Ctrl+Enter accepts).
        QApplication.alert(self.window(), 0)

    def clear(self, conversation_id: str | None = None) -> None:
        gone = list(self.rows) if conversation_id is None else [conversation_id]
        for cid in gone:
            row = self.rows.pop(cid, None)
            if row is not None:
                row.hide()
                row.deleteLater()
        self._relayout()
        if not self.rows:
            self._timer.stop()
            self.hide()

    def accept_at(self, place: int) -> None:
        rows = self.ordered()
        if 0 <= place < len(rows):
            self.accept_clicked.emit(rows[place].offer.conversation_id)

    def _relayout(self) -> None:
        for place, row in enumerate(self.ordered()):
            self._layout.removeWidget(row)
            self._layout.insertWidget(place, row)
            row.accept_button.setToolTip(
                self.tr("Accept the chat (Ctrl+%1)").replace(
                    "%1", "Enter" if place == 0 else str(place + 1)
                )
            )

    def _tick(self) -> None:
        for row in self.rows.values():
            row.refresh()
