"""The workstation window: status bar on top, meter on the left, offer + chats on the right."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.attention import attention
from desktop.chat.state import Workstation
from desktop.events import Event, EventKind
from desktop.ui.attention import AttentionBar
from desktop.ui.callbacks import (
    CallbackCommands,
    CallbacksView,
    FiguresDialog,
)
from desktop.ui.conversation import CloseDialog
from desktop.ui.digi import DigiDesk
from desktop.ui.handbook import HandbookView
from desktop.ui.handbook_page import HandbookCommands
from desktop.ui.my_figures import MyFiguresCommands, MyFiguresDialog
from desktop.ui.offer import OfferBanner, line_sound
from desktop.ui.record import (
    call_contact,
    links_of,
    open_link,
)
from desktop.ui.room import SupervisorCommands
from desktop.ui.staff_chat import StaffChatCommands, StaffChatView
from desktop.ui.status import StatusChoice
from desktop.ui.supervisor import SupervisorView
from desktop.ui.text_size import apply_text_size, set_text_size, text_size
from desktop.ui.texts import (
    ServiceClock,
    anonymous,
    error_text,
    link_name,
    refusal,
)
from desktop.ui.work_queue import ConversationCommands, WorkQueue
from protocol.messages import Outcome, StaffStatus

LINK_COLOURS = {"online": "#1a7f37", "reconnecting": "#b42318", "auth_failed": "#b42318"}


class Actions(
    ConversationCommands,
    HandbookCommands,
    CallbackCommands,
    StaffChatCommands,
    SupervisorCommands,
    MyFiguresCommands,
    Protocol,
):
    """What the window asks of the backend connection."""

    async def open(self, conversation_id: str) -> None: ...
    async def set_status(self, status: StaffStatus, reason: str | None = None) -> None: ...
    async def accept(self, conversation_id: str) -> None: ...
    async def call_outcome(self, call_id: str, outcome: Outcome, wrap_up: str) -> None: ...
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
        self.status = StatusChoice(state)
        self.status_box, self.reason_box = self.status.status_box, self.status.reason_box
        self.link_label = QLabel(link_name("connecting"))
        self.link_label.setObjectName("linkLabel")
        top.addWidget(self.who)
        top.addSpacing(20)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.link_label)

        self.offer = OfferBanner()
        self.attention = AttentionBar()
        self.work = WorkQueue(state, commands, lang, self._run, phone is not None, self._line_beep)
        # The window's handles on the work queue's parts (tests and the layout read them).
        self.meter, self.meter_note = self.work.meter, self.work.meter_note
        self.tabs, self.empty, self.panels = self.work.tabs, self.work.empty, self.work.panels
        self.handbook = HandbookView(state, commands, lang)
        self.sections = QTabWidget()
        self.sections.setObjectName("sections")
        self.sections.addTab(self.work, self.tr("Work queue"))
        self.sections.addTab(self.handbook, self.tr("Handbook"))
        self.callbacks = CallbacksView(state, commands, lang, self._run)
        self.callback_offer = self.callbacks.offer_banner  # shown above the sections
        self.sections.addTab(self.callbacks, self.tr("Callbacks"))
        self.staff_chat = StaffChatView(state, commands, self._run)
        self.sections.addTab(self.staff_chat, self.tr("Colleagues"))
        # Supervisors only: added at log-in, when her role is known.
        self.supervisor: SupervisorView | None = None
        # Digi-agents only: her standby / helping bar; on standby the window is small.
        self.digi = DigiDesk(
            state,
            lang,
            lambda call_in, minutes, reason: self._run(
                commands.answer_call_in(call_in, minutes, reason)
            ),
            self._beep,
        )
        self.digi_bar = self.digi.bar
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

    @staticmethod
    def _refresh(dialog: FiguresDialog | MyFiguresDialog | None) -> None:
        if dialog is not None:
            dialog.refresh()

    def _in_room(self, act: Callable[[SupervisorView], object]) -> None:
        """Acts on the supervisor's room (built at log-in, for supervisors only)."""
        if self.supervisor is not None:
            act(self.supervisor)

    def _connect_signals(self, bridge: Bridge) -> None:
        """The window's wiring: the sections hear their own events; the window hears what
        crosses widgets (tabs, dialogs, the status bar), then links its widgets."""
        # The offer banner first: a chat accepted leaves it before its tab opens.
        bridge.subscribe(
            EventKind.CONVERSATION, lambda e: self.offer.clear(e.conversation_id or "")
        )
        for section in (
            self.status,
            self.work,
            self.digi,
            self.handbook,
            self.callbacks,
            self.staff_chat,
        ):
            section.listen(bridge)
        by_kind: dict[EventKind, Callable[[Event], object]] = {
            EventKind.LINK: lambda e: self._on_link(e.detail or ""),
            EventKind.LOGGED_IN: lambda e: self._on_logged_in(),
            EventKind.STATUS: lambda e: self._on_status(),
            EventKind.METER: lambda e: self._every_second(),
            EventKind.OFFER: lambda e: self._on_offer(e.conversation_id or ""),
            EventKind.OFFER_GONE: lambda e: self.offer.clear(e.conversation_id or ""),
            EventKind.ERROR: lambda e: self._on_error(e.detail or ""),
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
        }
        for kind, listener in by_kind.items():
            bridge.subscribe(kind, listener)

        self.handbook.unread_changed.connect(self._on_unread)
        self.handbook.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.handbook.came_forward.connect(lambda: self.sections.setCurrentWidget(self.handbook))
        self.callbacks.call_requested.connect(self.call_requested)
        self.callbacks.count_changed.connect(self._on_callback_count)
        self.callbacks.came_forward.connect(lambda: self.sections.setCurrentWidget(self.callbacks))
        self.digi_bar.leave_clicked.connect(lambda: self._run(self.commands.digi_leave()))
        self.digi.compact.connect(self._compact)
        self.digi.own_status.connect(self.status.set_own)
        self.digi.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.staff_chat.unread_changed.connect(self._on_staff_unread)
        self.offer.accept_clicked.connect(lambda cid: self._run(self.commands.accept(cid)))
        self.status.chosen.connect(
            lambda status, reason: self._run(self.commands.set_status(status, reason))
        )
        self.work.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.work.call_requested.connect(self.call_requested)
        self.work.callback_requested.connect(self.callbacks.leave_callback)
        self.work.open_handbook.connect(self.open_handbook)
        self.work.came_forward.connect(lambda: self.sections.setCurrentWidget(self.work))

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
        self.work.tick()

    def _line_beep(self) -> None:
        """A new client line in a chat not in front of her (if she wants the sound)."""
        if self.line_sound_action.isChecked():
            self._beep()

    def _beep(self) -> None:
        if self._line_sound is not None:
            self._line_sound.play()  # type: ignore[attr-defined]

    def set_status(self, status: StaffStatus) -> None:
        """F9 / F10 and the attention bar: Ready, or Not ready with the reason chosen."""
        if not self.status.may_choose():
            # A digi-agent on standby: the service sets her state (a call-in asks her).
            self.statusBar().showMessage(
                self.tr("On standby you are asked when a queue needs you; no key is needed."),
                8000,
            )
            return
        self.status.choose(status)

    def _on_status(self) -> None:
        self._every_second()
        self.work.set_ready_hint(self.state.status is StaffStatus.READY)

    def _on_offer(self, conversation_id: str) -> None:
        offer = self.state.offers.get(conversation_id)
        if offer is None:
            return
        self.offer.show_offer(
            offer, self.state.queue_name(offer.queue, self.lang), offer.client_name or anonymous()
        )

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
                    self.work.copy(contact)
                self._run(self.commands.call_outcome(call_id, outcome, note))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # --- the record entry and hand-offs --------------------------------------------------

    def hand_off_call(self, call_id: str, queue: str, link_id: str) -> None:
        contact = call_contact(self.state, call_id, queue, "", None, self.lang)
        link = next((k for k in links_of(self.state, contact) if k.link.id == link_id), None)
        if link is not None and link.url is not None and open_link(link.url):
            self._run(self.commands.handoff_used(call_id, link_id))

    def _on_staff_unread(self, count: int) -> None:
        label = self.tr("Colleagues")
        index = self.sections.indexOf(self.staff_chat)
        self.sections.setTabText(index, f"{label} ({count})" if count else label)

    # --- the handbook ---------------------------------------------------------------------

    def search_handbook(self) -> None:
        self.sections.setCurrentWidget(self.handbook)
        self.handbook.focus_search()

    def open_handbook(self, page_id: str) -> None:
        self.sections.setCurrentWidget(self.handbook)
        self.handbook.open_page(page_id)

    def open_handbook_when_ready(self, page_id: str) -> None:
        """Open a page once the handbook index has arrived (a deep link at start)."""
        self.handbook.open_when_ready(page_id)

    def _on_callback_count(self, count: int) -> None:
        label = self.tr("Callbacks")
        self.sections.setTabText(2, f"{label} ({count})" if count else label)

    def _on_unread(self, count: int) -> None:
        label = self.tr("Handbook")
        self.sections.setTabText(1, f"{label} ({count})" if count else label)

    def _compact(self, compact: bool) -> None:
        """A digi-agent on standby or asked: a small window with her bar and meter only."""
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

    def _fit(self, size: QSize) -> None:
        """Resize once the layout has taken in what was hidden or shown (its minimum size
        is only right after that; a resize before it is clamped to the old minimum)."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.activate()
        self.resize(size)
        QTimer.singleShot(0, lambda: self.resize(size))

    def _on_roster_answer(self) -> None:
        if self.supervisor is not None:
            self.supervisor.staffing.show_import()
            self.supervisor.roster.show_saved()

    def _on_error(self, code: str) -> None:
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
