"""The window's top row: who is logged in, her status choice, and the connection's state
(connecting, online, reconnecting, log-in refused) in its colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.status import StatusChoice
from desktop.ui.texts import link_name

LINK_COLOURS = {"online": "#1a7f37", "reconnecting": "#b42318", "auth_failed": "#b42318"}


class TopBar(QWidget):
    def __init__(self, state: Workstation) -> None:
        super().__init__()
        self.state = state
        self.who = QLabel()
        self.who.setObjectName("who")
        self.who.setTextFormat(Qt.TextFormat.PlainText)  # her name as the account has it
        self.who.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = StatusChoice(state)
        self.link_label = QLabel(link_name("connecting"))
        self.link_label.setObjectName("linkLabel")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.who)
        row.addSpacing(20)
        row.addWidget(self.status)
        row.addStretch(1)
        row.addWidget(self.link_label)

    def listen(self, bridge: Bridge) -> None:
        self.status.listen(bridge)
        bridge.subscribe(EventKind.LINK, lambda e: self._link(e.detail or ""))
        bridge.subscribe(EventKind.LOGGED_IN, lambda e: self._logged_in())

    def _link(self, link: str) -> None:
        self.link_label.setText(link_name(link))
        colour = LINK_COLOURS.get(link, "#555")
        self.link_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _logged_in(self) -> None:
        if self.state.profile is not None:
            self.who.setText(self.state.profile.display_name)
