"""A digi-agent's side of the workstation: the standby bar with a small live meter, the
call-in question, and the notification that reaches her in other programs.

Signals (DigiBar):
    leave_clicked(): she goes back to her clinic work (after her current contacts).
Signals (CallInDialog):
    answered(int, object, str): call-in id, minutes (``None``: not now), her reason.
Signals (DigiDesk):
    compact(bool): standby or asked (a small window), or working (the full window).
    own_status(bool): whether her status is hers to set (only while helping).
    message(str, int): a line for the window's status bar (text, milliseconds shown).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.meter import MeterTable
from desktop.ui.texts import ServiceClock, duration
from protocol.messages import ToStaffCallIn, ToStaffDigiState

STATE_COLOURS = {
    "standby": "#e7f0fb",
    "asked": "#fff3bf",
    "helping": "#d4edda",
    "returning": "#f1f3f5",
}


class DigiBar(QFrame):
    """Where she stands: standby, asked, helping until, returning."""

    leave_clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("digiBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("digiText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 14px;")
        self.leave_button = QPushButton(self.tr("Back to clinic work"))
        self.leave_button.setObjectName("digiLeave")
        self.leave_button.setToolTip(
            self.tr("No new clients come; your open chats stay yours until you close them.")
        )
        self.meter = MeterTable()
        self.meter.setObjectName("digiMeter")
        self.meter.setMaximumHeight(170)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.meter)
        self.leave_button.clicked.connect(self.leave_clicked)
        self.setVisible(False)

    def show_state(self, state: ToStaffDigiState, queue_names: str) -> None:
        self.setVisible(True)
        self.setStyleSheet(f"#digiBar {{ background: {STATE_COLOURS[state.state]}; }}")
        if state.state == "standby":
            text = self.tr(
                "Standby: you are in no queue and the service's figures do not count you. "
                "You will be asked if a queue you can serve needs help."
            )
        elif state.state == "asked":
            text = self.tr("You are being asked to help in %1.").replace("%1", queue_names)
        elif state.state == "helping":
            until = ServiceClock.text(state.until) if state.until else "–"
            text = (
                self.tr("Helping in %1 until %2.").replace("%1", queue_names).replace("%2", until)
            )
        else:
            text = self.tr(
                "Thank you! No new clients come now. Close your open chats; then you are back "
                "on standby."
            )
        self.text.setText(text)
        self.leave_button.setVisible(state.state == "helping")
        # The small live meter of her queues: what she watches while on standby.
        self.meter.setVisible(state.state in ("standby", "asked"))


class CallInDialog(QDialog):
    """The service needs her: which queue, how bad, and her answer."""

    answered = Signal(int, object, str)

    def __init__(self, ask: ToStaffCallIn, queue_names: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callInDialog")
        self.setWindowTitle(self.tr("The contact point needs help"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.ask = ask
        headline = QLabel(
            self.tr("%1 asks you to help in %2.")
            .replace("%1", self.tr("A supervisor"))
            .replace("%2", queue_names)
            if ask.by_supervisor
            else self.tr("Clients are waiting in %1.").replace("%1", queue_names)
        )
        headline.setTextFormat(Qt.TextFormat.PlainText)
        headline.setWordWrap(True)
        headline.setStyleSheet("font-size: 16px; font-weight: bold;")
        # A supervisor may ask before anyone waits (a rush she sees coming): then the
        # dialog says so instead of "0 waiting", which reads as a false alarm.
        how_bad = QLabel(
            self.tr("Waiting now: %1, the longest for %2.")
            .replace("%1", str(ask.waiting))
            .replace("%2", duration(ask.longest_wait_s))
            if ask.waiting > 0
            else self.tr("Nobody waits yet: the supervisor expects more contacts.")
        )
        how_bad.setObjectName("callInHowBad")
        how_bad.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline = QLabel()
        self.deadline.setStyleSheet("color: #555;")
        self.minutes = QComboBox()
        self.minutes.setObjectName("callInMinutes")
        for m in ask.choices_min:
            self.minutes.addItem(self.tr("%1 min").replace("%1", str(m)), m)
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setObjectName("callInJoin")
        self.join_button.setDefault(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("callInReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Why not now (optional; only supervisors see it)"))
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setObjectName("callInNotNow")
        join_row = QHBoxLayout()
        join_row.addWidget(QLabel(self.tr("Join for")))
        join_row.addWidget(self.minutes)
        join_row.addWidget(self.join_button)
        join_row.addStretch(1)
        no_row = QHBoxLayout()
        no_row.addWidget(self.reason, 1)
        no_row.addWidget(self.not_now_button)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(how_bad)
        layout.addWidget(self.deadline)
        layout.addLayout(join_row)
        layout.addLayout(no_row)
        self.join_button.clicked.connect(self._join)
        self.not_now_button.clicked.connect(self._not_now)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def _tick(self) -> None:
        left = (self.ask.answer_by - datetime.now(UTC)).total_seconds()
        if left <= 0:
            # Past its time the question is no longer hers: it goes away rather than
            # staying on screen with buttons that do nothing.
            self.ended()
            return
        self.deadline.setText(self.tr("Please answer within %1.").replace("%1", duration(left)))

    def _join(self) -> None:
        self.answered.emit(self.ask.call_in, int(self.minutes.currentData()), "")
        self.accept()

    def _not_now(self) -> None:
        self.answered.emit(self.ask.call_in, None, self.reason.text().strip())
        self.accept()

    def ended(self) -> None:
        """The ask ended without her (answered elsewhere, no longer needed, too late)."""
        self._clock.stop()
        self.close()


_tray: list[QSystemTrayIcon] = []


def notify(window: QWidget, title: str, text: str) -> None:
    """A tray message where the desktop has a tray (Windows, most Linux desktops); the
    taskbar flash and the sound reach her where it has none."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return
    if not _tray:
        icon = QSystemTrayIcon(window.windowIcon(), window)
        icon.setToolTip("Luukku")
        icon.show()
        _tray.append(icon)
    _tray[0].showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)


class DigiDesk(QObject):
    """A digi-agent's side, carried out: her bar and its meter, the call-in question (with
    sound, taskbar flash and tray message), and what the window must change."""

    compact = Signal(bool)
    own_status = Signal(bool)
    message = Signal(str, int)

    def __init__(
        self,
        state: Workstation,
        lang: str,
        answer: Callable[[int, int | None, str], None],
        beep: Callable[[], None],
    ) -> None:
        super().__init__()
        self.state = state
        self.lang = lang
        self.answer = answer
        self.beep = beep
        self.bar = DigiBar()
        self._dialog: CallInDialog | None = None

    def listen(self, bridge: Bridge) -> None:
        bridge.subscribe(EventKind.DIGI, lambda e: self._changed())
        bridge.subscribe(EventKind.CALL_IN, lambda e: self._asked())
        bridge.subscribe(EventKind.METER, lambda e: self._meter())

    def _names(self, queues: list[str]) -> str:
        return ", ".join(self.state.queue_name(q, self.lang) for q in queues)

    def _meter(self) -> None:
        if self.bar.isVisible():
            names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
            self.bar.meter.show_figures(self.state.meter, names)

    def _changed(self) -> None:
        digi = self.state.digi.now
        if digi is None:
            return
        self.bar.show_state(digi, self._names(digi.queues))
        self._meter()
        # Standby, asked, returning: her status is the service's to set, not hers.
        self.own_status.emit(digi.state == "helping")
        self.compact.emit(digi.state in ("standby", "asked"))
        if digi.state != "asked" and self._dialog is not None:
            self._dialog.ended()
            self._dialog = None
        if digi.why == "green" and digi.state == "returning":
            self.message.emit(self.tr("The queue is calm again: thank you!"), 10000)

    def _asked(self) -> None:
        ask = self.state.digi.call_in
        if ask is None:
            return
        if self._dialog is not None:
            self._dialog.ended()
        window = self.bar.window()
        dialog = CallInDialog(ask, self._names(ask.queues), window)
        dialog.answered.connect(self.answer)
        self._dialog = dialog
        dialog.open()
        # Reach her in whatever program she is working: sound, taskbar flash, tray message.
        self.beep()
        QApplication.alert(window, 0)
        notify(
            window,
            self.tr("The contact point needs help"),
            self.tr("Clients are waiting in %1.").replace("%1", self._names(ask.queues)),
        )
