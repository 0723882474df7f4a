"""Colleagues: the staff help channel and direct messages, with unread badges.

A thin view over ``Workstation.colleague_messages``: the channel list shows each channel's unread
count, opening a channel marks it read (and tells the backend, so the count is the same
on her next login)."""

from __future__ import annotations

import html
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.colleague_messages.state import channel_peer
from desktop.events import EventKind
from desktop.ui.texts import ServiceClock
from protocol.messages import HELP_CHANNEL, dm_channel


class ColleagueMessagesCommands(Protocol):
    async def colleague_send(self, channel: str, text: str) -> None: ...
    async def colleague_read(self, channel: str, up_to: int) -> None: ...


class ColleagueMessagesView(QWidget):
    unread_changed = Signal(int)

    def __init__(
        self,
        state: Workstation,
        commands: ColleagueMessagesCommands,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffChat")
        self.state = state
        self.commands = commands
        self._run = run
        self.channels = QListWidget()
        self.channels.setObjectName("staffChannels")
        self.channels.setMaximumWidth(260)
        self.channels.currentItemChanged.connect(lambda *_: self._open_current())
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.view = QTextBrowser()
        self.view.setObjectName("staffMessages")
        self.input = QLineEdit()
        self.input.setObjectName("staffInput")
        self.input.setPlaceholderText(
            self.tr("Message to colleagues (no client details in the help channel)")
        )
        self.input.returnPressed.connect(self._send)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("staffSend")
        self.send_button.clicked.connect(self._send)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.channels)
        layout.addLayout(right, 1)
        self.current = HELP_CHANNEL
        self.refresh()

    def _channel_ids(self) -> list[str]:
        me = self.state.me
        ids = [HELP_CHANNEL]
        known = set(self.state.colleague_messages.messages)
        for colleague in self.state.colleagues:
            if colleague.username != me:
                channel = dm_channel(me, colleague.username)
                ids.append(channel)
                known.discard(channel)
        return ids + sorted(known - {HELP_CHANNEL})

    def _label(self, channel: str) -> str:
        peer = channel_peer(channel, self.state.me)
        if peer is None:
            name = self.tr("Help channel (everyone)")
        else:
            online = next((c.online for c in self.state.colleagues if c.username == peer), False)
            name = ("● " if online else "○ ") + self.state.colleague_name(peer)
        unread = self.state.colleague_messages.unread(channel, self.state.me)
        return f"{name} ({unread})" if unread else name

    def listen(self, bridge: Bridge) -> None:
        bridge.subscribe(EventKind.COLLEAGUE_MESSAGES, lambda e: self.refresh())
        bridge.subscribe(EventKind.COLLEAGUES, lambda e: self.refresh())

    def refresh(self, _channel: str = "") -> None:
        """Rebuild the list (unread counts), and the open channel's messages."""
        self.channels.blockSignals(True)
        self.channels.clear()
        for channel in self._channel_ids():
            item = QListWidgetItem(self._label(channel))
            item.setData(Qt.ItemDataRole.UserRole, channel)
            if self.state.colleague_messages.unread(channel, self.state.me):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.channels.addItem(item)
            if channel == self.current:
                self.channels.setCurrentItem(item)
        self.channels.blockSignals(False)
        self._show_messages()
        if self.isVisible():
            self._mark_read()
        self.unread_changed.emit(self.state.colleague_messages.total_unread(self.state.me))

    def open_channel(self, channel: str) -> None:
        self.current = channel
        self.refresh()

    def _open_current(self) -> None:
        item = self.channels.currentItem()
        if item is not None:
            self.current = str(item.data(Qt.ItemDataRole.UserRole))
            self._show_messages()
            self._mark_read()
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._mark_read()
        self.refresh()

    def _mark_read(self) -> None:
        up_to = self.state.colleague_messages.mark_read(self.current)
        if up_to is not None:
            self._run(self.commands.colleague_read(self.current, up_to))

    def _show_messages(self) -> None:
        peer = channel_peer(self.current, self.state.me)
        self.title.setText(
            self.tr("Help channel") if peer is None else self.state.colleague_name(peer)
        )
        parts = []
        for message in self.state.colleague_messages.messages.get(self.current, []):
            when = ServiceClock.text(message.at)
            text = html.escape(message.text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(message.sender_name)}</b> {when}<br>{text}</p>")
        sending = html.escape(self.tr("Sending…"))
        for pending in self.state.colleague_messages.pending:
            if pending.channel in (self.current, self._send_name(self.current)):
                parts.append(
                    f"<p style='color:#888'><i>{sending}</i><br>{html.escape(pending.text)}</p>"
                )
        self.view.setHtml("".join(parts))
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _send_name(self, channel: str) -> str:
        peer = channel_peer(channel, self.state.me)
        return channel if peer is None else f"dm:{peer}"

    def _send(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.input.clear()
        self._run(self.commands.colleague_send(self._send_name(self.current), text[:4000]))
        self._show_messages()
