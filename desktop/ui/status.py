"""Her status, as she sets it: the status box and, while Not ready, the reason box.

A reason the service set (a missed offer, the log-in, a supervisor) shows while it holds
but is never hers to pick; F10 records the reason she picked last. A digi-agent on
standby or asked cannot set her status (the call-in does): the boxes are disabled.

Signals:
    chosen(object, object): her choice (a ``StaffStatus``, and the reason or ``None``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.texts import NOT_READY_REASONS, reason_name, status_name
from protocol.messages import StaffStatus

STATUS_ORDER = (StaffStatus.READY, StaffStatus.NOT_READY, StaffStatus.WRAP_UP, StaffStatus.OFFLINE)


class StatusChoice(QWidget):
    chosen = Signal(object, object)

    def __init__(self, state: Workstation) -> None:
        super().__init__()
        self.state = state
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusBox")
        for status in STATUS_ORDER:
            self.status_box.addItem(status_name(status), status)
        self.reason_box = QComboBox()
        self.reason_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reason_box.setObjectName("reasonBox")
        for reason in NOT_READY_REASONS:
            self.reason_box.addItem(reason_name(reason), reason)
        self._my_reason = NOT_READY_REASONS[0]  # the Not ready reason she picked last
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Status:")))
        layout.addWidget(self.status_box)
        layout.addWidget(self.reason_box)
        self.status_box.activated.connect(self._chosen)
        self.reason_box.activated.connect(self._chosen)
        self.show_status()

    def listen(self, bridge: Bridge) -> None:
        bridge.subscribe(EventKind.STATUS, lambda e: self.show_status())

    def may_choose(self) -> bool:
        return self.status_box.isEnabled()

    def set_own(self, own: bool) -> None:
        """Whether her status is hers to set (not on a digi-agent's standby)."""
        self.status_box.setEnabled(own)
        self.reason_box.setEnabled(own)

    def choose(self, status: StaffStatus) -> None:
        """F9 / F10 and the attention bar: Ready, or Not ready with the reason chosen."""
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))
        self._chosen()

    def show_status(self) -> None:
        state = self.state
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(state.status)))
        not_ready = state.status is StaffStatus.NOT_READY
        self.reason_box.setVisible(not_ready)
        # A reason the service set (missed offer, log-in, supervisor…) is shown while it
        # holds, but is never hers to pick: it leaves the box when her state changes.
        shown = self.reason_box.currentData()
        for i in reversed(range(self.reason_box.count())):
            data = self.reason_box.itemData(i)
            if data not in NOT_READY_REASONS and data != state.reason:
                self.reason_box.removeItem(i)
        if shown not in (*NOT_READY_REASONS, state.reason):
            self.reason_box.setCurrentIndex(self.reason_box.findData(self._my_reason))
        if not_ready and state.reason:
            i = self.reason_box.findData(state.reason)
            if i < 0:
                self.reason_box.addItem(reason_name(state.reason), state.reason)
                i = self.reason_box.count() - 1
                item = self.reason_box.model().item(i)  # type: ignore[attr-defined]
                item.setEnabled(False)
            self.reason_box.setCurrentIndex(i)

    def _chosen(self) -> None:
        """Her choice in the status box (or F9/F10); Not ready keeps the reason shown."""
        status = StaffStatus(self.status_box.currentData())
        reason = None
        if status is StaffStatus.NOT_READY:
            picked = self.reason_box.currentData()
            if picked in NOT_READY_REASONS:
                self._my_reason = str(picked)
            else:
                # The box shows a reason the service set (a missed offer): F10 records
                # hers, the last she picked, never that one again.
                self.reason_box.setCurrentIndex(self.reason_box.findData(self._my_reason))
            reason = self._my_reason
        self.reason_box.setVisible(status is StaffStatus.NOT_READY)
        self.chosen.emit(status, reason)
