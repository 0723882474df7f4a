"""The workstation window: status bar on top, meter on the left, offer + chats on the right."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.attention import attention
from desktop.chat.record import Contact
from desktop.chat.state import Chat, Event, EventKind, Workstation
from desktop.guides.quick_replies import fill, values
from desktop.guides.tree import for_queue
from desktop.ui.attention import AttentionBar
from desktop.ui.callbacks import (
    CallbackCommands,
    CallbackDialog,
    CallbackOfferBanner,
    CallbacksView,
    FiguresDialog,
)
from desktop.ui.collab import ChatTransferDialog, InviteDialog, PictureDialog
from desktop.ui.conversation import CloseDialog, ConversationPanel
from desktop.ui.digi import CallInDialog, DigiBar, notify
from desktop.ui.handbook import HandbookCommands, HandbookView, HistoryDialog, notice_text
from desktop.ui.meter import MeterTable
from desktop.ui.my_figures import MyFiguresCommands, MyFiguresDialog
from desktop.ui.offer import OfferBanner, line_sound
from desktop.ui.record import (
    call_contact,
    chat_contact,
    copy_to_clipboard,
    links_of,
    open_link,
    record_text,
)
from desktop.ui.room import SupervisorCommands
from desktop.ui.staff_chat import StaffChatCommands, StaffChatView
from desktop.ui.supervisor import SupervisorView
from desktop.ui.text_size import apply_text_size, set_text_size, text_size
from desktop.ui.texts import (
    NOT_READY_REASONS,
    ServiceClock,
    anonymous,
    duration,
    error_text,
    link_name,
    reason_name,
    refusal,
    status_name,
)
from protocol.messages import Outcome, StaffStatus

STATUS_ORDER = (StaffStatus.READY, StaffStatus.NOT_READY, StaffStatus.WRAP_UP, StaffStatus.OFFLINE)
LINK_COLOURS = {"online": "#1a7f37", "reconnecting": "#b42318", "auth_failed": "#b42318"}


class Actions(
    HandbookCommands,
    CallbackCommands,
    StaffChatCommands,
    SupervisorCommands,
    MyFiguresCommands,
    Protocol,
):
    """What the window asks of the backend connection."""

    async def transfer(
        self, conversation_id: str, queue: str | None, to_user: str | None, note: str
    ) -> None: ...
    async def invite(self, conversation_id: str, username: str) -> None: ...
    async def consult_end(self, conversation_id: str, username: str | None = None) -> None: ...
    async def note(self, conversation_id: str, text: str) -> None: ...
    async def video_link(self, conversation_id: str) -> None: ...
    async def picture_request(self, conversation_id: str) -> None: ...
    async def picture_open(self, picture_id: int) -> None: ...
    async def open(self, conversation_id: str) -> None: ...

    async def set_status(self, status: StaffStatus, reason: str | None = None) -> None: ...
    async def accept(self, conversation_id: str) -> None: ...
    async def reply(self, conversation_id: str, text: str) -> None: ...
    async def typing(self, conversation_id: str, typing: bool) -> None: ...
    async def close_chat(self, conversation_id: str, outcome: Outcome, wrap_up: str) -> None: ...
    async def call_outcome(self, call_id: str, outcome: Outcome, wrap_up: str) -> None: ...
    async def record_copied(self, contact: str) -> None: ...
    async def handoff_used(self, contact: str, link: str) -> None: ...
    async def answer_call_in(self, call_in: int, minutes: int | None, reason: str) -> None: ...
    async def digi_leave(self) -> None: ...


class MainWindow(QMainWindow):
    # She closed the window herself (not the app replacing it, e.g. to log in again).
    closed_by_user = Signal()
    # "Call back" on a client's number (the softphone, where there is one, dials it).
    call_requested = Signal(str)

    def __init__(
        self,
        state: Workstation,
        bridge: Bridge,
        commands: Actions,
        lang: str = "fi",
        report: Callable[[], str] | None = None,
        phone: QWidget | None = None,
    ) -> None:
        super().__init__()
        self.state = state
        self.commands = commands
        self.lang = lang
        self._tasks: set[asyncio.Task[Any]] = set()
        self.setObjectName("mainWindow")
        apply_text_size()  # her chosen size, before the widgets measure their text
        self.setWindowTitle(self.tr("Luukku – contact point workstation"))
        self.resize(1200, 760)
        screen = self.screen()
        if screen is not None:
            # Never larger than the screen (150 % scaling on a small laptop screen).
            room = screen.availableGeometry()
            self.resize(min(1200, room.width()), min(760, room.height()))

        top = QHBoxLayout()
        self.who = QLabel()
        self.who.setObjectName("who")
        self.who.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusBox")
        for status in STATUS_ORDER:
            self.status_box.addItem(status_name(status), status)
        self.reason_box = QComboBox()
        self.reason_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reason_box.setObjectName("reasonBox")
        for reason in NOT_READY_REASONS:
            self.reason_box.addItem(reason_name(reason), reason)
        self.link_label = QLabel(link_name("connecting"))
        self.link_label.setObjectName("linkLabel")
        top.addWidget(self.who)
        top.addSpacing(20)
        top.addWidget(QLabel(self.tr("Status:")))
        top.addWidget(self.status_box)
        top.addWidget(self.reason_box)
        top.addStretch(1)
        top.addWidget(self.link_label)

        self.meter = MeterTable()
        meter_box = QGroupBox(self.tr("Busyness meter"))
        meter_layout = QVBoxLayout(meter_box)
        meter_layout.addWidget(self.meter)
        self.meter_note = QLabel()
        self.meter_note.setStyleSheet("color: #555;")
        meter_layout.addWidget(self.meter_note)

        self.offer = OfferBanner()
        self.attention = AttentionBar()
        self.callback_offer = CallbackOfferBanner()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("conversations")
        self.empty = QLabel(self.tr("No open conversations. Set yourself Ready to receive chats."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; font-size: 14px;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty, 1)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.setObjectName("workSplitter")
        splitter.addWidget(meter_box)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        # Both grow with the window (maximised, the meter too): she drags the line between.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 600])
        self.handbook = HandbookView(state, commands, lang)
        self.sections = QTabWidget()
        self.sections.setObjectName("sections")
        self.sections.addTab(splitter, self.tr("Work queue"))
        self.sections.addTab(self.handbook, self.tr("Handbook"))
        self.callbacks = CallbacksView(state, commands, lang, self._run)
        self.sections.addTab(self.callbacks, self.tr("Callbacks"))
        self.staff_chat = StaffChatView(state, commands, self._run)
        self.sections.addTab(self.staff_chat, self.tr("Colleagues"))
        self._figures: FiguresDialog | None = None
        # Supervisors only: added at log-in, when her role is known.
        self.supervisor: SupervisorView | None = None
        self._callback_requests = 0
        # Digi-agents only: her standby / helping bar; on standby the window is small.
        self.digi_bar = DigiBar()
        self._call_in_dialog: CallInDialog | None = None
        self._full_size = self.size()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.digi_bar)
        layout.addWidget(self.attention)
        # Offers stand above the sections: seen and accepted (Ctrl+Enter) from the
        # handbook, the callbacks or the supervisor's room as from the work queue.
        layout.addWidget(self.offer)
        layout.addWidget(self.callback_offer)
        layout.addWidget(self.sections, 1)
        self.setCentralWidget(central)
        self.phone = phone
        if phone is not None:
            dock = QDockWidget(self.tr("Phone"), self)
            dock.setObjectName("phoneDock")
            # Always there: a ringing call must never be hidden behind a closed panel.
            dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
            dock.setWidget(phone)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        self.search_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_shortcut.activated.connect(self.search_handbook)
        self._noticed_at_login = False
        self._pending_handbook: str | None = None
        self.panels: dict[str, ConversationPanel] = {}
        self._fresh: set[str] = set()  # accepted while she typed; not opened yet
        self._my_reason = NOT_READY_REASONS[0]  # the Not ready reason she picked last
        self._report = report
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.line_sound_action = view_menu.addAction(self.tr("Sound for a new client line"))
        self.line_sound_action.setCheckable(True)
        self.line_sound_action.setChecked(
            bool(QSettings().value("sound_new_line", True, type=bool))
        )
        self.line_sound_action.toggled.connect(
            lambda on: QSettings().setValue("sound_new_line", on)
        )
        self._line_sound = line_sound(self)
        self.text_size_menu = view_menu.addMenu(self.tr("Text size"))
        self.text_size_menu.setObjectName("textSize")
        sizes = QActionGroup(self)
        chosen = text_size()
        for percent, label in (
            (90, self.tr("Small")),
            (100, self.tr("Normal")),
            (115, self.tr("Large")),
            (130, self.tr("Larger")),
        ):
            action = self.text_size_menu.addAction(f"{label} ({percent} %)")
            action.setCheckable(True)
            action.setChecked(percent == chosen)
            action.setData(percent)
            sizes.addAction(action)
            action.triggered.connect(functools.partial(set_text_size, percent))
        self.my_figures_action = view_menu.addAction(self.tr("My figures…"))
        self.my_figures_action.triggered.connect(self.show_my_figures)
        self._my_figures: MyFiguresDialog | None = None
        for key, status in (("F9", StaffStatus.READY), ("F10", StaffStatus.NOT_READY)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(functools.partial(self.set_status, status))
        self.attention.ready_requested.connect(lambda: self.set_status(StaffStatus.READY))
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._every_second)
        self._clock.start()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.diagnostics_action = help_menu.addAction(self.tr("About / diagnostics…"))
        self.diagnostics_action.triggered.connect(self.show_diagnostics)
        self.diagnostics_action.setEnabled(report is not None)

        self._connect_signals(bridge)
        self._on_status()
        self._sync_empty()

    @staticmethod
    def _refresh(dialog: FiguresDialog | MyFiguresDialog | None) -> None:
        if dialog is not None:
            dialog.refresh()

    def _in_room(self, act: Callable[[SupervisorView], object]) -> None:
        """Acts on the supervisor's room (built at log-in, for supervisors only)."""
        if self.supervisor is not None:
            act(self.supervisor)

    def _connect_signals(self, bridge: Bridge) -> None:
        """All of the window's wiring: workstation events by kind, then its own widgets."""
        by_kind: dict[EventKind, Callable[[Event], object]] = {
            EventKind.LINK: lambda e: self._on_link(e.detail or ""),
            EventKind.LOGGED_IN: lambda e: self._on_logged_in(),
            EventKind.STATUS: lambda e: self._on_status(),
            EventKind.METER: lambda e: self._on_meter(),
            EventKind.OFFER: lambda e: self._on_offer(e.conversation_id or ""),
            EventKind.OFFER_GONE: lambda e: self.offer.clear(e.conversation_id or ""),
            EventKind.CONVERSATION: lambda e: self._on_conversation(e.conversation_id or ""),
            EventKind.TYPING: lambda e: self._on_conversation(e.conversation_id or ""),
            EventKind.CLOSED: lambda e: self._on_closed(e.conversation_id or ""),
            EventKind.ERROR: lambda e: self._on_error(e.conversation_id or "", e.detail or ""),
            EventKind.HANDBOOK_INDEX: lambda e: self._on_handbook_index(),
            EventKind.HANDBOOK_PAGE: lambda e: self.handbook.show_page(),
            EventKind.HANDBOOK_RESULTS: lambda e: self.handbook.show_results(),
            EventKind.HANDBOOK_HISTORY: lambda e: self._each_history("show_versions"),
            EventKind.HANDBOOK_VERSION: lambda e: self._each_history("show_version"),
            EventKind.HANDBOOK_SAVED: lambda e: self._on_handbook_saved(e.detail or ""),
            EventKind.HANDBOOK_CHANGED: lambda e: self._on_handbook_changed(e.detail or ""),
            EventKind.CALLBACKS: lambda e: self.callbacks.refresh(),
            EventKind.CALLBACK: lambda e: self.callbacks.show_detail(e.detail or ""),
            EventKind.CALLBACK_OFFER: lambda e: self._on_callback_offer(),
            EventKind.CALLBACK_FIGURES: lambda e: self._refresh(self._figures),
            EventKind.LEFT: lambda e: self._on_left(e.conversation_id or "", e.detail or ""),
            EventKind.PICTURE: lambda e: self._on_picture(e.detail or ""),
            EventKind.STAFF_CHAT: lambda e: self.staff_chat.refresh(),
            EventKind.COLLEAGUES: lambda e: self._on_colleagues(),
            EventKind.CALL_OUTCOME_SAVED: lambda e: self.statusBar().showMessage(
                self.tr("Call outcome saved."), 6000
            ),
            EventKind.BOARD: lambda e: self._in_room(lambda r: r.board.refresh()),
            EventKind.REPORT: lambda e: self._in_room(lambda r: r.history.show_report()),
            EventKind.ADVICE: lambda e: self._in_room(lambda r: r.staffing.show_advice()),
            EventKind.ROSTER: lambda e: self._on_roster_answer(),
            EventKind.ROSTER_WEEK: lambda e: self._in_room(lambda r: r.roster.show_week()),
            EventKind.ACCOUNTS: lambda e: self._in_room(lambda r: r.accounts.show_accounts()),
            EventKind.MY_FIGURES: lambda e: self._refresh(self._my_figures),
            EventKind.DIGI: lambda e: self._on_digi(),
            EventKind.CALL_IN: lambda e: self._on_call_in(),
        }
        for kind, listener in by_kind.items():
            bridge.subscribe(kind, listener)

        self.handbook.unread_changed.connect(self._on_unread)
        self.callbacks.call_requested.connect(self.call_requested)
        self.callbacks.count_changed.connect(self._on_callback_count)
        self.callbacks.new_button.clicked.connect(lambda: self.leave_callback(None))
        self.callbacks.figures_button.clicked.connect(self.show_figures)
        self.callback_offer.take.connect(self._take_callback)
        self.callback_offer.decline.connect(
            lambda cid: self._run(self.commands.callback_decline(cid))
        )
        self.digi_bar.leave_clicked.connect(lambda: self._run(self.commands.digi_leave()))
        self.staff_chat.unread_changed.connect(self._on_staff_unread)
        self.offer.accept_clicked.connect(lambda cid: self._run(self.commands.accept(cid)))
        self.status_box.activated.connect(self._status_chosen)
        self.reason_box.activated.connect(self._status_chosen)
        self.tabs.currentChanged.connect(lambda _i: self._every_second())

    def show_my_figures(self) -> None:
        if self._my_figures is None:
            self._my_figures = MyFiguresDialog(self.state, self.commands, self._run, self)
        self._my_figures.open()
        self._my_figures.request()

    def show_diagnostics(self) -> None:
        if self._report is None:
            return
        from desktop.ui.diagnostics import DiagnosticsDialog

        dialog = DiagnosticsDialog(self._report, self)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():
            self.closed_by_user.emit()
        super().closeEvent(event)

    def _run(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- from the backend ----------------------------------------------------------------

    def _on_link(self, link: str) -> None:
        self.link_label.setText(link_name(link))
        self.link_label.setStyleSheet(
            f"color: {LINK_COLOURS.get(link, '#555')}; font-weight: bold;"
        )

    def _on_logged_in(self) -> None:
        ServiceClock.use(self.state.timezone)  # before anything shows a time
        profile = self.state.profile
        if profile is not None:
            self.who.setText(profile.display_name)
            self.callbacks.figures_button.setVisible(profile.role == "supervisor")
            if profile.role == "supervisor" and self.supervisor is None:
                self.supervisor = SupervisorView(self.state, self.commands, self.lang, self._run)
                self.supervisor.board.open_requested.connect(
                    lambda cid: self._run(self.commands.open(cid))
                )
                self.supervisor.history.set_queues()
                self.sections.addTab(self.supervisor, self.tr("Supervisor"))

    def _every_second(self) -> None:
        """The clocks she reads: wrap-up left, how long each client has waited for her."""
        what = attention(self.state, datetime.now(UTC))
        name = self.state.queue_name(what.queue, self.lang) if what and what.queue else ""
        self.attention.show_attention(what, name)
        front = self._front_chat()
        self._fresh.discard(front or "")
        for cid, panel in self.panels.items():
            chat = self.state.chats.get(cid)
            if chat is None:
                continue
            if cid == front:
                chat.unread = 0
            index = self.tabs.indexOf(panel)
            self.tabs.setTabText(index, self._tab_text(chat))
            waiting = chat.waiting_since() is not None and not chat.client_left
            self.tabs.tabBar().setTabTextColor(
                index, Qt.GlobalColor.red if waiting and cid != front else QColor("#1b1b1b")
            )

    def _typing_now(self) -> bool:
        """Her cursor is in an open chat, or in any text field with text in it."""
        focus = QApplication.focusWidget()
        if focus is None:
            return False
        if self.tabs.isAncestorOf(focus) and self.tabs.count() > 1:
            return True
        if isinstance(focus, QLineEdit):
            return bool(focus.text())
        if isinstance(focus, QTextEdit | QPlainTextEdit):
            return bool(focus.toPlainText())
        return False

    def _tab_text(self, chat: Chat) -> str:
        text = chat.client_name or anonymous()
        if chat.conversation_id in self._fresh:
            text = "● " + self.tr("New: %1").replace("%1", text)
        if chat.unread:
            text += f" ({chat.unread})"
        since = chat.waiting_since()
        if since is not None and not chat.client_left:
            waited = (datetime.now(UTC) - since).total_seconds()
            text += " · " + self.tr("waiting %1").replace("%1", duration(waited))
        return text

    def _front_chat(self) -> str | None:
        """The conversation in front of her: its tab shown in the work queue, window active."""
        if self.sections.currentIndex() != 0 or not self.isActiveWindow():
            return None
        panel = self.tabs.currentWidget()
        return panel.conversation_id if isinstance(panel, ConversationPanel) else None

    def set_status(self, status: StaffStatus) -> None:
        """F9 / F10 and the attention bar: Ready, or Not ready with the reason chosen."""
        if not self.status_box.isEnabled():
            # A digi-agent on standby: the service sets her state (a call-in asks her).
            self.statusBar().showMessage(
                self.tr("On standby you are asked when a queue needs you; no key is needed."),
                8000,
            )
            return
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))
        self._status_chosen()

    def _on_status(self) -> None:
        self._every_second()
        index = self.status_box.findData(self.state.status)
        self.status_box.setCurrentIndex(max(0, index))
        not_ready = self.state.status is StaffStatus.NOT_READY
        self.reason_box.setVisible(not_ready)
        # A reason the service set (missed offer, log-in, supervisor…) is shown while it
        # holds, but is never hers to pick: it leaves the box when her state changes.
        shown = self.reason_box.currentData()
        for i in reversed(range(self.reason_box.count())):
            data = self.reason_box.itemData(i)
            if data not in NOT_READY_REASONS and data != self.state.reason:
                self.reason_box.removeItem(i)
        if shown not in (*NOT_READY_REASONS, self.state.reason):
            self.reason_box.setCurrentIndex(self.reason_box.findData(self._my_reason))
        if not_ready and self.state.reason:
            i = self.reason_box.findData(self.state.reason)
            if i < 0:
                self.reason_box.addItem(reason_name(self.state.reason), self.state.reason)
                i = self.reason_box.count() - 1
                item = self.reason_box.model().item(i)  # type: ignore[attr-defined]
                item.setEnabled(False)
            self.reason_box.setCurrentIndex(i)
        ready = self.state.status is StaffStatus.READY
        self.empty.setText(
            self.tr("No open conversations. New chats are offered to you above.")
            if ready
            else self.tr("No open conversations. Set yourself Ready to receive chats.")
        )

    def _on_meter(self) -> None:
        self._every_second()
        names = {q: self.state.queue_name(q, self.lang) for q in self.state.queue_names}
        self.meter.show_figures(self.state.meter, names)
        if self.digi_bar.isVisible():
            self.digi_bar.meter.show_figures(self.state.meter, names)
        if self.state.meter_at is not None:
            self.meter_note.setText(
                self.tr("Updated %1").replace(
                    "%1", ServiceClock.text(self.state.meter_at, "%H:%M:%S")
                )
            )

    def _on_offer(self, conversation_id: str) -> None:
        offer = self.state.offers.get(conversation_id)
        if offer is None:
            return
        self.offer.show_offer(
            offer, self.state.queue_name(offer.queue, self.lang), offer.client_name or anonymous()
        )

    def _on_colleagues(self) -> None:
        self.staff_chat.refresh()
        for conversation_id, panel in self.panels.items():
            chat = self.state.chats.get(conversation_id)
            if chat is not None:
                panel.show_names(chat)

    def _on_conversation(self, conversation_id: str) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return
        self.offer.clear(conversation_id)
        panel = self.panels.get(conversation_id)
        if panel is None:
            panel = ConversationPanel(chat, self.state.queue_name(chat.queue, self.lang))
            panel.reply.connect(lambda cid, text: self._run(self.commands.reply(cid, text)))
            panel.typing.connect(lambda cid, on: self._run(self.commands.typing(cid, on)))
            panel.close_requested.connect(
                lambda cid, outcome, note: self._run(self.commands.close_chat(cid, outcome, note))
            )
            panel.open_handbook.connect(self.open_handbook)
            panel.call_back.connect(self.call_requested)
            panel.callback_requested.connect(self.leave_callback)
            panel.name_of = self.state.colleague_name
            panel.transfer_requested.connect(self.transfer_chat)
            panel.invite_requested.connect(self.invite_colleague)
            panel.picture_requested.connect(
                lambda cid: self._run(self.commands.picture_request(cid))
            )
            panel.video_requested.connect(lambda cid: self._run(self.commands.video_link(cid)))
            panel.consult_leave.connect(lambda cid: self._run(self.commands.consult_end(cid)))
            panel.note_added.connect(lambda cid, text: self._run(self.commands.note(cid, text)))
            panel.picture_open.connect(lambda pid: self._run(self.commands.picture_open(pid)))
            panel.record_requested.connect(self.copy_record)
            panel.handoff_requested.connect(self.hand_off)
            if self.phone is None:
                panel.call_button.setEnabled(False)
                panel.call_button.setToolTip(self.tr("This workstation has no phone set up."))
            self._offer_handbook(panel)
            self.panels[conversation_id] = panel
            index = self.tabs.addTab(panel, self._tab_text(chat))
            if self._typing_now():
                # She is writing (to another client, a handbook search…): her cursor stays
                # where it is and the new chat's tab is marked until she opens it.
                self._fresh.add(conversation_id)
                self.tabs.setTabText(index, self._tab_text(chat))
            else:
                self.sections.setCurrentIndex(0)
                self.tabs.setCurrentIndex(index)
                panel.input.setFocus()
        else:
            panel.show_chat(chat)
            panel.show_identity(chat)
            if (
                chat.unread
                and conversation_id != self._front_chat()
                and self.line_sound_action.isChecked()
                and self._line_sound is not None
            ):
                self._line_sound.play()  # type: ignore[attr-defined]
        # Her identity or a callback to the client's clinic may have made a link usable.
        panel.show_links(links_of(self.state, chat_contact(self.state, chat, self.lang)), self.lang)
        self._every_second()
        self._sync_empty()

    def ask_call_outcome(
        self,
        call_id: str,
        queue: str = "",
        caller: str = "",
        answered: datetime | None = None,
    ) -> CloseDialog:
        """After a service-number call she answered: the same outcome form as a chat's,
        nothing chosen for her (not modal: the next call or chat may come meanwhile)."""
        dialog = CloseDialog(self, title=self.tr("Outcome of the call"))

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                outcome, note = dialog.outcome(), dialog.wrap_up()
                if dialog.copy_box.isChecked():
                    contact = call_contact(
                        self.state, call_id, queue, caller, answered, self.lang, outcome, note
                    )
                    self._copy(contact)
                self._run(self.commands.call_outcome(call_id, outcome, note))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # --- the record entry and hand-offs --------------------------------------------------

    def copy_record(
        self, conversation_id: str, outcome: Outcome | None = None, wrap_up: str = ""
    ) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is not None:
            self._copy(chat_contact(self.state, chat, self.lang, outcome, wrap_up))

    def _copy(self, contact: Contact) -> None:
        copy_to_clipboard(record_text(self.state, contact, self.lang))
        self._run(self.commands.record_copied(contact.contact_id))
        self.statusBar().showMessage(
            self.tr("The record entry is on the clipboard: paste it into the patient record."),
            8000,
        )

    def hand_off(self, conversation_id: str, link_id: str) -> None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return
        contact = chat_contact(self.state, chat, self.lang)
        link = next((k for k in links_of(self.state, contact) if k.link.id == link_id), None)
        if link is None or link.url is None:
            return  # its button is disabled, with the reason
        if open_link(link.url):
            self._run(self.commands.handoff_used(conversation_id, link_id))
        else:
            self.statusBar().showMessage(self.tr("The browser could not be opened."), 8000)

    def hand_off_call(self, call_id: str, queue: str, link_id: str) -> None:
        contact = call_contact(self.state, call_id, queue, "", None, self.lang)
        link = next((k for k in links_of(self.state, contact) if k.link.id == link_id), None)
        if link is not None and link.url is not None and open_link(link.url):
            self._run(self.commands.handoff_used(call_id, link_id))

    def _on_left(self, conversation_id: str, why: str) -> None:
        self._on_closed(conversation_id)
        message = (
            self.tr("The conversation was transferred.")
            if why == "transferred"
            else self.tr("The consultation ended.")
        )
        self.statusBar().showMessage(message, 8000)

    def transfer_chat(self, conversation_id: str) -> ChatTransferDialog | None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return None
        dialog = ChatTransferDialog(self.state, chat.queue, self.lang, self)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                queue, person = dialog.target()
                self._run(
                    self.commands.transfer(conversation_id, queue, person, dialog.note_text())
                )
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def invite_colleague(self, conversation_id: str) -> InviteDialog | None:
        chat = self.state.chats.get(conversation_id)
        if chat is None:
            return None
        dialog = InviteDialog(self.state, set(chat.consultants), self)

        def done(code: int) -> None:
            username = dialog.username()
            if code == QDialog.DialogCode.Accepted and username:
                self._run(self.commands.invite(conversation_id, username))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _on_picture(self, picture_id: str) -> None:
        import base64

        frame = self.state.pictures.get(int(picture_id))
        if frame is not None:
            dialog = PictureDialog(base64.b64decode(frame.data), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _on_callback_offer(self) -> None:
        offer = self.state.callback_offer
        item = offer.summary if offer else None
        name = self.state.queue_name(item.queue, self.lang) if item else ""
        self.callback_offer.show_offer(item, name)

    def _take_callback(self, callback_id: int) -> None:
        self.callback_offer.show_offer(None, "")
        self._run(self.commands.callback_take(callback_id))
        self.sections.setCurrentWidget(self.callbacks)
        self.callbacks.select(callback_id)

    def show_figures(self) -> FiguresDialog:
        if self._figures is None:
            self._figures = FiguresDialog(self.state, self.lang, self)
        self._run(self.commands.callback_figures())
        self._figures.show()
        return self._figures

    def _on_staff_unread(self, count: int) -> None:
        label = self.tr("Colleagues")
        index = self.sections.indexOf(self.staff_chat)
        self.sections.setTabText(index, f"{label} ({count})" if count else label)

    def _on_closed(self, conversation_id: str) -> None:
        panel = self.panels.pop(conversation_id, None)
        if panel is not None:
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
        self._sync_empty()

    # --- the handbook ---------------------------------------------------------------------

    def search_handbook(self) -> None:
        self.sections.setCurrentWidget(self.handbook)
        self.handbook.focus_search()

    def open_handbook(self, page_id: str) -> None:
        self.sections.setCurrentWidget(self.handbook)
        self.handbook.open_page(page_id)

    def open_handbook_when_ready(self, page_id: str) -> None:
        """Open a page once the handbook index has arrived (a deep link at start)."""
        self._pending_handbook = page_id

    def _on_callback_count(self, count: int) -> None:
        label = self.tr("Callbacks")
        self.sections.setTabText(2, f"{label} ({count})" if count else label)

    def leave_callback(self, conversation_id: str | None) -> CallbackDialog:
        """The callback dialog, prefilled from the conversation when there is one."""
        chat = self.state.chats.get(conversation_id or "")
        queues = [(f.queue, self.state.queue_name(f.queue, self.lang)) for f in self.state.meter]
        clinics = [
            (c.id, c.names.get(self.lang) or c.names.get("fi") or c.id) for c in self.state.clinics
        ]
        dialog = CallbackDialog(
            queues,
            number=chat.client_phone or "" if chat else "",
            queue=chat.queue if chat else None,
            parent=self,
            clinics=clinics,
            colleagues=self._directory_people(),
        )
        self._callback_requests += 1
        request_id = self._callback_requests

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                self._run(self.commands.callback_create(dialog.frame(request_id, conversation_id)))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _directory_people(self) -> list[tuple[str, str]]:
        people = {n.username: n.display_name for c in self.state.clinics for n in c.nurses}
        people.update({c.username: c.display_name for c in self.state.colleagues})
        people.pop(self.state.me, None)
        return sorted(people.items(), key=lambda item: item[1])

    def _on_unread(self, count: int) -> None:
        label = self.tr("Handbook")
        self.sections.setTabText(1, f"{label} ({count})" if count else label)

    def _on_handbook_index(self) -> None:
        self.handbook.show_index()
        if self._pending_handbook is not None:
            page, self._pending_handbook = self._pending_handbook, None
            self.open_handbook(page)
        for panel in self.panels.values():
            self._offer_handbook(panel)
        if not self._noticed_at_login and self.state.handbook_pages:
            self._noticed_at_login = True
            important = [p.title for p in self.state.handbook_pages if p.unread and p.important]
            if important:
                self._notice(important)

    def _notice(self, titles: list[str]) -> None:
        box = QMessageBox(self)
        box.setObjectName("handbookNotice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Important handbook changes"))
        box.setTextFormat(Qt.TextFormat.RichText)  # notice_text escapes every title
        box.setText(
            self.tr("These handbook pages have changed in an important way:") + notice_text(titles)
        )
        box.setModal(False)
        box.show()

    def _on_handbook_changed(self, page_id: str) -> None:
        opened = self.state.handbook_page
        if opened is not None and opened.page.id == page_id:
            # The page she is reading changed: show the new text, flagged as changed.
            self.handbook.open_page(page_id)
        if self.state.handbook_notices:
            latest = self.state.handbook_notices[-1]
            self.statusBar().showMessage(
                self.tr("Important handbook change: %1").replace("%1", latest.title), 15000
            )

    def _on_handbook_saved(self, page_id: str) -> None:
        for dialog in self.handbook.editors():
            saved = getattr(dialog, "saved", None)
            if saved is not None:
                saved(page_id)
        if self.state.handbook_page and self.state.handbook_page.page.id == page_id:
            self.handbook.open_page(page_id)

    def _each_history(self, method: str) -> None:
        for dialog in self.handbook.editors():
            if isinstance(dialog, HistoryDialog):
                getattr(dialog, method)()

    def _offer_handbook(self, panel: ConversationPanel) -> None:
        chat = self.state.chats.get(panel.conversation_id)
        if chat is None:
            return
        profile = self.state.profile
        names = values(self.state.placeholders, profile.display_name if profile else "")
        pages = for_queue(self.state.handbook_pages, chat.queue, "page")
        replies = [
            (f"{p.title} ({p.lang})" if p.lang else p.title, fill(p.body or "", names))
            for p in for_queue(self.state.handbook_pages, chat.queue, "quick_reply", chat.lang)
        ]
        panel.set_handbook([(p.id, p.title) for p in pages], replies)

    def _digi_queue_names(self, queues: list[str]) -> str:
        return ", ".join(self.state.queue_name(q, self.lang) for q in queues)

    def _on_digi(self) -> None:
        digi = self.state.digi
        if digi is None:
            return
        self.digi_bar.show_state(digi, self._digi_queue_names(digi.queues))
        self._on_meter()
        # Standby, asked, returning: her status is the service's to set, not hers.
        self.status_box.setEnabled(digi.state == "helping")
        self.reason_box.setEnabled(digi.state == "helping")
        compact = digi.state in ("standby", "asked")
        if compact and self.sections.isVisible():
            self._full_size = self.size()
        self.sections.setVisible(not compact)
        dock = self.phone.parentWidget() if self.phone is not None else None
        if dock is not None:
            dock.setVisible(not compact)
        if compact:
            self._fit(QSize(520, 330))
        elif self.width() < 700:
            self._fit(self._full_size)
        if digi.state != "asked" and self._call_in_dialog is not None:
            self._call_in_dialog.ended()
            self._call_in_dialog = None
        if digi.why == "green" and digi.state == "returning":
            self.statusBar().showMessage(self.tr("The queue is calm again: thank you!"), 10000)

    def _fit(self, size: QSize) -> None:
        """Resize once the layout has taken in what was hidden or shown (its minimum size
        is only right after that; a resize before it is clamped to the old minimum)."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.activate()
        self.resize(size)
        QTimer.singleShot(0, lambda: self.resize(size))

    def _on_call_in(self) -> None:
        ask = self.state.call_in
        if ask is None:
            return
        if self._call_in_dialog is not None:
            self._call_in_dialog.ended()
        dialog = CallInDialog(ask, self._digi_queue_names(ask.queues), self)
        dialog.answered.connect(
            lambda call_in, minutes, reason: self._run(
                self.commands.answer_call_in(call_in, minutes, reason)
            )
        )
        self._call_in_dialog = dialog
        dialog.open()
        # Reach her in whatever program she is working: sound, taskbar flash, tray message.
        if self._line_sound is not None:
            self._line_sound.play()  # type: ignore[attr-defined]
        QApplication.alert(self, 0)
        notify(
            self,
            self.tr("The contact point needs help"),
            self.tr("Clients are waiting in %1.").replace("%1", self._digi_queue_names(ask.queues)),
        )

    def _on_roster_answer(self) -> None:
        if self.supervisor is not None:
            self.supervisor.staffing.show_import()
            self.supervisor.roster.show_saved()

    def _on_error(self, ref: str, code: str) -> None:
        for dialog in self.handbook.editors():
            refused = getattr(dialog, "refused", None)
            if refused is not None:
                refused(ref, code)
        error = self.state.last_error
        # In her language, with what to do next: the detail is the log's English.
        said = (refusal(error.detail) if error is not None else None) or error_text(code)
        if self.supervisor is not None and error is not None:
            self.supervisor.history.message.refused(said)
            self.supervisor.staffing.message.refused(said)
            self.supervisor.accounts.message.refused(said)
            if self.supervisor.roster.refused(error):
                return  # said on the grid's own line, where she looks
        why = refusal(error.detail) if error is not None else None
        if why is not None:
            # A refused transfer or invitation: she must see why, not a code.
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Not possible now"), why)
            box.setObjectName("refusal")
            box.setParent(self, box.windowFlags())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): a nested event loop would stall the connection
            return
        self.statusBar().showMessage(said, 12000)

    def _sync_empty(self) -> None:
        has_chats = bool(self.panels)
        self.tabs.setVisible(has_chats)
        self.empty.setVisible(not has_chats)

    # --- from her ------------------------------------------------------------------------

    def _status_chosen(self) -> None:
        """Her choice in the status box (or F9/F10); Not ready keeps the reason shown."""
        status = StaffStatus(self.status_box.currentData())
        reason = None
        if status is StaffStatus.NOT_READY:
            chosen = self.reason_box.currentData()
            if chosen in NOT_READY_REASONS:
                self._my_reason = str(chosen)
            else:
                # The box shows a reason the service set (a missed offer): F10 records
                # hers, the last she picked, never that one again.
                self.reason_box.setCurrentIndex(self.reason_box.findData(self._my_reason))
            reason = self._my_reason
        self.reason_box.setVisible(status is StaffStatus.NOT_READY)
        self._run(self.commands.set_status(status, reason))
