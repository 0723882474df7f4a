"""The softphone's widgets: registration, the incoming-call panel, call controls, dialling,
today's history and the audio device settings. Thin: the engine decides, this shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.record import Contact, link_for
from desktop.softphone.audio import AudioPath
from desktop.softphone.controller import Softphone
from desktop.softphone.model import (
    Call,
    CallState,
    HistoryEntry,
    Outcome,
    PhoneEvent,
    PhoneEventKind,
    Registration,
    SoftphoneError,
    format_duration,
)
from desktop.ui.conversation import missing_text
from desktop.ui.phone_dialogs import (
    AudioDialog,
    TransferDialog,
    device_kind_name,
    save_choice,
)
from desktop.ui.texts import ServiceClock
from protocol.messages import HandoffLink

ANSWER_KEYS = ("Ctrl+Shift+A",)
HANGUP_KEYS = ("Ctrl+Shift+E",)
# What headsets' call buttons arrive as when the OS maps them to media keys.
HEADSET_KEYS = (
    Qt.Key.Key_ToggleCallHangup,
    Qt.Key.Key_Call,
    Qt.Key.Key_Hangup,
    Qt.Key.Key_MediaTogglePlayPause,
    Qt.Key.Key_MediaPlay,
)


def registration_text(state: Registration, detail: str) -> tuple[str, str]:
    """Label text and colour for the registration state."""
    match state:
        case Registration.REGISTERED:
            return QCoreApplication.translate("Phone", "Phone: ready for calls"), "#1b5e20"
        case Registration.REGISTERING:
            return QCoreApplication.translate("Phone", "Phone: connecting…"), "#8a6d00"
        case Registration.FAILED:
            text = QCoreApplication.translate(
                "Phone", "Phone: no connection to the phone server, retrying"
            )
            return (f"{text} ({detail})" if detail else text), "#b71c1c"
        case _:
            return QCoreApplication.translate("Phone", "Phone: not configured"), "#555"


def outcome_text(outcome: Outcome) -> str:
    return {
        Outcome.ANSWERED: QCoreApplication.translate("Phone", "answered"),
        Outcome.MISSED: QCoreApplication.translate("Phone", "missed"),
        Outcome.OUTGOING: QCoreApplication.translate("Phone", "outgoing"),
        Outcome.UNANSWERED: QCoreApplication.translate("Phone", "not answered"),
    }[outcome]


class PhonePanel(QFrame):
    """Everything phone in one column beside the work queue."""

    password_requested = Signal()
    # A service-number call she answered ended: its id, queue, caller and answer time
    # (its outcome is asked, its record entry offered).
    delivered_call_ended = Signal(str, str, str, object)
    handoff_requested = Signal(str, str, str)  # the backend's call id, its queue, link id

    def __init__(
        self,
        softphone: Softphone,
        audio: AudioPath,
        queue_name: Callable[[str], str],
        parent: QWidget | None = None,
        queue_links: Callable[[str], list[HandoffLink]] = lambda _queue: [],
        lang: str = "fi",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phonePanel")
        self.softphone = softphone
        self.queue_links = queue_links
        self.lang = lang
        self.audio = audio
        self.queue_name = queue_name
        self.setMinimumWidth(230)
        layout = QVBoxLayout(self)

        self.registration = QLabel()
        self.registration.setObjectName("registration")
        self.registration.setWordWrap(True)
        self.registration.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.registration)
        self.password_button = QPushButton(self.tr("Enter phone password…"))
        self.password_button.setObjectName("phonePassword")
        self.password_button.clicked.connect(self.password_requested)
        layout.addWidget(self.password_button)

        # --- incoming ---
        self.incoming = QFrame()
        self.incoming.setObjectName("incomingCall")
        self.incoming.setStyleSheet(
            "#incomingCall { background: #fff3cd; border: 2px solid #e0a800; border-radius: 6px; }"
        )
        incoming_layout = QVBoxLayout(self.incoming)
        self.incoming_title = QLabel(self.tr("Incoming call"))
        self.incoming_title.setStyleSheet("font-weight: bold;")
        self.caller = QLabel()
        self.caller.setObjectName("caller")
        self.caller.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.line = QLabel()
        self.line.setObjectName("callLine")
        self.waited = QLabel()
        self.waited.setObjectName("callWaited")
        buttons = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setObjectName("answer")
        self.answer_button.setStyleSheet(
            "background: #2e7d32; color: white; font-weight: bold; padding: 8px;"
        )
        self.answer_button.setToolTip(self.tr("Answer (Ctrl+Shift+A or the headset button)"))
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.setObjectName("decline")
        buttons.addWidget(self.answer_button, 2)
        buttons.addWidget(self.decline_button, 1)
        for widget in (self.incoming_title, self.caller, self.line, self.waited):
            incoming_layout.addWidget(widget)
        incoming_layout.addLayout(buttons)
        layout.addWidget(self.incoming)

        # --- in a call ---
        self.in_call = QFrame()
        self.in_call.setObjectName("inCall")
        self.in_call.setStyleSheet("#inCall { background: #e8f5e9; border-radius: 6px; }")
        call_layout = QVBoxLayout(self.in_call)
        self.remote = QLabel()
        self.remote.setObjectName("remote")
        self.remote.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.remote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.call_info = QLabel()
        self.call_info.setObjectName("callInfo")
        self.timer_label = QLabel("0:00")
        self.timer_label.setObjectName("callTimer")
        self.timer_label.setStyleSheet("font-size: 16px;")
        self.dtmf_seen = QLabel()
        self.dtmf_seen.setObjectName("dtmfSeen")
        controls = QGridLayout()
        self.mute_button = QPushButton(self.tr("Mute"))
        self.mute_button.setObjectName("mute")
        self.mute_button.setCheckable(True)
        self.hold_button = QPushButton(self.tr("Hold"))
        self.hold_button.setObjectName("hold")
        self.hold_button.setCheckable(True)
        self.keypad_button = QPushButton(self.tr("Keypad"))
        self.keypad_button.setCheckable(True)
        self.transfer_button = QPushButton(self.tr("Transfer…"))
        self.transfer_button.setObjectName("transfer")
        self.complete_button = QPushButton(self.tr("Complete transfer"))
        self.complete_button.setObjectName("completeTransfer")
        self.hangup_button = QPushButton(self.tr("Hang up"))
        self.hangup_button.setObjectName("hangup")
        self.hangup_button.setStyleSheet(
            "background: #c62828; color: white; font-weight: bold; padding: 6px;"
        )
        # Two columns: the panel fits beside two chats at 1280 logical px (150 %).
        controls.addWidget(self.mute_button, 0, 0)
        controls.addWidget(self.hold_button, 0, 1)
        controls.addWidget(self.keypad_button, 1, 0)
        controls.addWidget(self.transfer_button, 1, 1)
        controls.addWidget(self.complete_button, 2, 0, 1, 2)
        controls.addWidget(self.hangup_button, 3, 0, 1, 2)
        self.keypad = QWidget()
        keypad_layout = QGridLayout(self.keypad)
        keypad_layout.setContentsMargins(0, 0, 0, 0)
        for i, key in enumerate("123456789*0#"):
            button = QPushButton(key)
            button.setObjectName(f"key_{'star' if key == '*' else 'hash' if key == '#' else key}")
            button.clicked.connect(lambda _=False, k=key: self._dtmf(k))
            keypad_layout.addWidget(button, i // 3, i % 3)
        self.keypad.hide()
        for widget in (self.remote, self.call_info, self.timer_label, self.dtmf_seen):
            call_layout.addWidget(widget)
        call_layout.addLayout(controls)
        call_layout.addWidget(self.keypad)
        # The queue's hand-offs (booking system, clinic page) during a delivered call; a
        # link that needs what a call does not have (an identity code) is disabled.
        self.links = QWidget()
        self.links.setObjectName("callLinks")
        self.links_layout = QHBoxLayout(self.links)
        self.links_layout.setContentsMargins(0, 0, 0, 0)
        self.link_buttons: list[QPushButton] = []
        call_layout.addWidget(self.links)
        layout.addWidget(self.in_call)

        # --- dial ---
        dial = QHBoxLayout()
        self.number = QLineEdit()
        self.number.setObjectName("dialNumber")
        self.number.setPlaceholderText(self.tr("Number or colleague"))
        self.dial_button = QPushButton(self.tr("Call"))
        self.dial_button.setObjectName("dial")
        dial.addWidget(self.number, 1)
        dial.addWidget(self.dial_button)
        layout.addLayout(dial)

        self.message = QLabel()
        self.message.setObjectName("phoneMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.message)
        # Not a dialog: a modal question in the middle of a call would block her work.
        self.switch_back_bar = QFrame()
        self.switch_back_bar.setObjectName("switchBackBar")
        bar = QHBoxLayout(self.switch_back_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.switch_back_text = QLabel()
        self.switch_back_text.setWordWrap(True)
        self.switch_back_button = QPushButton(self.tr("Switch back"))
        self.switch_back_button.setObjectName("switchBack")
        self.keep_button = QPushButton(self.tr("Keep this one"))
        bar.addWidget(self.switch_back_text, 1)
        bar.addWidget(self.switch_back_button)
        bar.addWidget(self.keep_button)
        self.switch_back_bar.hide()
        self._returned_kinds: list[str] = []
        layout.addWidget(self.switch_back_bar)

        layout.addWidget(QLabel(self.tr("Today's calls")))
        self.history = QListWidget()
        self.history.setObjectName("callHistory")
        self.history.setToolTip(self.tr("Double-click to call back"))
        layout.addWidget(self.history, 1)
        self.settings_button = QPushButton(self.tr("Audio devices…"))
        self.settings_button.setObjectName("audioSettings")
        layout.addWidget(self.settings_button)

        self.answer_button.clicked.connect(self.answer)
        self.decline_button.clicked.connect(lambda: self._act(self.softphone.decline))
        self.hangup_button.clicked.connect(self.hangup)
        self.mute_button.toggled.connect(self._mute)
        self.hold_button.clicked.connect(self._hold)
        self.keypad_button.toggled.connect(self.keypad.setVisible)
        self.transfer_button.clicked.connect(self._transfer)
        self.complete_button.clicked.connect(self._complete)
        self.dial_button.clicked.connect(lambda: self.dial(self.number.text()))
        self.number.returnPressed.connect(lambda: self.dial(self.number.text()))
        self.history.itemDoubleClicked.connect(self._history_call)
        self.settings_button.clicked.connect(self.choose_devices)
        audio.fell_back.connect(self._fell_back)
        audio.returned.connect(self._returned)
        self.switch_back_button.clicked.connect(self._switch_back)
        self.keep_button.clicked.connect(self._keep)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_timer)
        self._shortcuts: list[QShortcut] = []
        for keys, slot in ((ANSWER_KEYS, self.answer), (HANGUP_KEYS, self.hangup)):
            for key in keys:
                self._shortcut(QKeySequence(key), slot)
        for qt_key in HEADSET_KEYS:
            self._shortcut(QKeySequence(qt_key), self.headset_button)
        self.refresh()

    def _shortcut(self, sequence: QKeySequence, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(sequence, self)
        # Works whichever window of the app has focus (a chat, the handbook, a dialog).
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    # --- events --------------------------------------------------------------------------

    def on_event(self, event: PhoneEvent) -> None:
        if event.kind is PhoneEventKind.ENDED:
            call = self.softphone.call(event.call_id)
            if call is not None and call.service.call_id and call.answered is not None:
                self.delivered_call_ended.emit(
                    call.service.call_id, call.service.queue or "", call.remote, call.answered
                )
        if event.kind is PhoneEventKind.TRANSFER:
            if event.detail == "failed":
                self.message.setText(
                    self.tr("The transfer did not go through; the caller is still with you.")
                )
            elif event.detail == "done":
                self.message.setText(self.tr("Transferred."))
        self.refresh()

    def refresh(self) -> None:
        phone = self.softphone
        text, colour = registration_text(phone.registration, phone.registration_detail)
        self.registration.setText(text)
        self.registration.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.password_button.setVisible(phone.needs_password)
        ringing = phone.call(phone.ringing)
        self.incoming.setVisible(ringing is not None)
        if ringing is not None:
            self._show_incoming(ringing)
        current = self.softphone.current()
        call = self.softphone.call(current)
        self.in_call.setVisible(call is not None)
        if call is not None:
            self._show_call(call)
            if not self._tick.isActive():
                self._tick.start()
        else:
            self._tick.stop()
            self.keypad_button.setChecked(False)
        registered = self.softphone.registration is Registration.REGISTERED
        self.dial_button.setEnabled(registered and call is None)
        self.dial_button.setToolTip("" if registered else self.tr("The phone is not connected."))
        self._fill_history()

    def _show_incoming(self, call: Call) -> None:
        who = call.remote or self.tr("Unknown number")
        self.caller.setText(
            f"{who}  {call.name}".strip() if call.name and call.name != call.remote else who
        )
        queue = call.service.queue
        self.line.setText(
            self.tr("Line: %1").replace("%1", self.queue_name(queue))
            if queue
            else self.tr("Direct call")
        )
        waited = call.service.waited_s
        self.waited.setVisible(waited is not None)
        if waited is not None:
            self.waited.setText(self.tr("Waited %1").replace("%1", format_duration(waited)))

    def _show_links(self, call: Call) -> None:
        queue = call.service.queue or ""
        call_id = call.service.call_id or ""
        links = self.queue_links(queue) if queue and call_id else []
        if [b.objectName() for b in self.link_buttons] != [f"callHandoff-{k.id}" for k in links]:
            for old in self.link_buttons:
                old.deleteLater()
            self.link_buttons = []
            for link in links:
                button = QPushButton(link.names.get(self.lang) or link.names.get("fi") or link.id)
                button.setObjectName(f"callHandoff-{link.id}")
                button.clicked.connect(
                    lambda _c=False, k=link.id, q=queue, c=call_id: self.handoff_requested.emit(
                        c, q, k
                    )
                )
                self.links_layout.addWidget(button)
                self.link_buttons.append(button)
        about = Contact(call_id, call.answered or datetime.now(UTC), "", "", "", "", queue_id=queue)
        for button, link in zip(self.link_buttons, links, strict=True):
            usable = link_for(link, about)
            button.setEnabled(usable.url is not None)
            button.setToolTip(
                usable.url or (missing_text(usable.missing[0]) if usable.missing else "")
            )
        self.links.setVisible(bool(links))

    def _show_call(self, call: Call) -> None:
        self._show_links(call)
        self.remote.setText(f"{call.remote}  {call.name}" if call.name else call.remote)
        parts = []
        if call.service.queue:
            parts.append(self.queue_name(call.service.queue))
        if call.state is CallState.DIALING:
            parts.append(self.tr("calling…"))
        elif call.state is CallState.HELD:
            parts.append(self.tr("on hold"))
        if call.consult_for is not None:
            parts.append(self.tr("consultation"))
        self.call_info.setText(" · ".join(parts))
        self.dtmf_seen.setText(
            self.tr("Keys pressed: %1").replace("%1", call.dtmf_received)
            if call.dtmf_received
            else ""
        )
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(call.muted)
        self.mute_button.blockSignals(False)
        self.hold_button.setChecked(call.state is CallState.HELD)
        self.hold_button.setText(
            self.tr("Resume") if call.state is CallState.HELD else self.tr("Hold")
        )
        connected = call.connected
        for button in (
            self.mute_button,
            self.hold_button,
            self.keypad_button,
            self.transfer_button,
        ):
            button.setEnabled(connected)
        self.complete_button.setVisible(call.consult_for is not None)
        self.complete_button.setEnabled(
            call.consult_for is not None and call.state is CallState.ACTIVE
        )
        self._refresh_timer()

    def _refresh_timer(self) -> None:
        call = self.softphone.call(self.softphone.current())
        if call is None:
            return
        self.timer_label.setText(format_duration(call.talk_seconds(datetime.now(UTC))))

    def _fill_history(self) -> None:
        entries = self.softphone.history_today(ServiceClock.now().date(), ServiceClock.zone)
        if self.history.count() == len(entries):
            return
        self.history.clear()
        for entry in entries:
            self.history.addItem(self._history_item(entry))

    def _history_item(self, entry: HistoryEntry) -> QListWidgetItem:
        line = f"{ServiceClock.text(entry.at)}  {outcome_text(entry.outcome)}  {entry.remote}"
        if entry.queue:
            line += f"  · {self.queue_name(entry.queue)}"
        if entry.talk_s:
            line += f"  {format_duration(entry.talk_s)}"
        item = QListWidgetItem(line)
        item.setData(Qt.ItemDataRole.UserRole, entry.remote)
        if entry.outcome is Outcome.MISSED:
            item.setForeground(Qt.GlobalColor.darkRed)
        return item

    # --- actions -------------------------------------------------------------------------

    def _act(self, action: Callable[[], bool]) -> bool:
        """One of the controller's actions; a refusal is said on the panel."""
        try:
            done = action()
        except SoftphoneError as exc:
            self.message.setText(self.tr("The phone could not do that: %1").replace("%1", str(exc)))
            return False
        if done:
            self.message.clear()
        return done

    def answer(self) -> None:
        self._act(self.softphone.answer)

    def hangup(self) -> None:
        self._act(self.softphone.hang_up)

    def hotkey(self, name: str) -> None:
        """A system-wide hotkey, pressed in whatever program she was in."""
        if name == "answer":
            self.answer()
        elif name == "hangup":
            self.hangup()

    def headset_button(self) -> None:
        """One button on the headset: answer when it rings, hang up during a call."""
        if self.softphone.ringing is not None:
            self.answer()
        else:
            self.hangup()

    def dial(self, target: str) -> None:
        target = target.strip()
        if not target:
            return
        if self.softphone.registration is not Registration.REGISTERED:
            self.message.setText(self.tr("The phone is not connected."))
            return
        if self._act(lambda: self.softphone.dial(target)):
            self.number.clear()

    def call_back(self, number: str) -> None:
        """From anywhere a client's number is shown."""
        self.dial(number)

    def _mute(self, on: bool) -> None:
        self._act(lambda: self.softphone.set_muted(on))

    def _hold(self) -> None:
        self._act(self.softphone.toggle_hold)

    def _dtmf(self, key: str) -> None:
        self._act(lambda: self.softphone.send_dtmf(key))

    def _transfer(self) -> None:
        if self.softphone.current() is None:
            return
        dialog = TransferDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.target():
            return
        self._act(lambda: self.softphone.transfer(dialog.target(), dialog.attended))

    def _complete(self) -> None:
        self._act(self.softphone.complete_transfer)

    def _history_call(self, item: QListWidgetItem) -> None:
        self.dial(str(item.data(Qt.ItemDataRole.UserRole)))

    # --- devices -------------------------------------------------------------------------

    def choose_devices(self) -> None:
        dialog = AudioDialog(self.audio.choice, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            choice = dialog.choice()
            save_choice(choice)
            self.audio.choose(choice)

    def _fell_back(self, kind: str) -> None:
        self.message.setText(
            self.tr("The chosen %1 is gone; using the default device. The call goes on.").replace(
                "%1", device_kind_name(kind)
            )
        )

    def _returned(self, kind: str) -> None:
        if kind not in self._returned_kinds:
            self._returned_kinds.append(kind)
        names = ", ".join(device_kind_name(k) for k in self._returned_kinds)
        self.switch_back_text.setText(
            self.tr("The chosen %1 is connected again. Switch back to it?").replace("%1", names)
        )
        self.switch_back_bar.show()

    def _switch_back(self) -> None:
        for kind in self._returned_kinds:
            self.audio.switch_back(kind)
        self._keep()
        self.message.clear()

    def _keep(self) -> None:
        self._returned_kinds.clear()
        self.switch_back_bar.hide()
