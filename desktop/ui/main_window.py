"""The workstation window: status bar on top, meter on the left, offer + chats on the right."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
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
from desktop.ui.actions import Actions
from desktop.ui.attention import AttentionBar
from desktop.ui.callbacks import (
    CallbacksView,
    FiguresDialog,
)
from desktop.ui.colleague_messages import ColleagueMessagesView
from desktop.ui.digi import DigiDesk
from desktop.ui.handbook import HandbookView
from desktop.ui.menus import build_menus
from desktop.ui.my_figures import MyFiguresDialog
from desktop.ui.offer import OfferBanner, line_sound
from desktop.ui.supervisor import ROOM_SHOWS, SupervisorView
from desktop.ui.text_size import apply_text_size
from desktop.ui.texts import (
    ServiceClock,
    error_text,
    refusal,
)
from desktop.ui.top_bar import TopBar
from desktop.ui.work_queue import WorkQueue
from protocol.messages import StaffStatus


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

        self.top = TopBar(state)
        self.status, self.who, self.link_label = self.top.status, self.top.who, self.top.link_label
        self.status_box, self.reason_box = self.status.status_box, self.status.reason_box

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
        self.colleague_messages = ColleagueMessagesView(state, commands, self._run)
        self.sections.addTab(self.colleague_messages, self.tr("Colleagues"))
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
        layout.addWidget(self.top)
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
        menus = build_menus(
            self, self.show_my_figures, self.show_diagnostics if report is not None else None
        )
        self.line_sound_action, self.text_size_menu = menus.line_sound, menus.text_size
        self.my_figures_action, self.diagnostics_action = menus.my_figures, menus.diagnostics
        self._line_sound = line_sound(self)
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

        self._connect_signals(bridge)
        self._on_status()

    @staticmethod
    def _refresh(dialog: FiguresDialog | MyFiguresDialog | None) -> None:
        if dialog is not None:
            dialog.refresh()

    def _to_room(self, show: Callable[[SupervisorView], None], _event: Event) -> None:
        if self.supervisor is not None:
            show(self.supervisor)

    def _connect_signals(self, bridge: Bridge) -> None:
        """The window's wiring: the sections hear their own events; the window hears what
        crosses widgets (tabs, dialogs, the status bar), then links its widgets."""
        # The offer banner first: a chat accepted leaves it before its tab opens.
        self.offer.listen(bridge, self.state, self.lang)
        for section in (
            self.top,
            self.work,
            self.digi,
            self.handbook,
            self.callbacks,
            self.colleague_messages,
        ):
            section.listen(bridge)
        by_kind: dict[EventKind, Callable[[Event], object]] = {
            EventKind.LOGGED_IN: lambda e: self._on_logged_in(),
            EventKind.STATUS: lambda e: self._on_status(),
            EventKind.METER: lambda e: self._every_second(),
            EventKind.ERROR: lambda e: self._on_error(e.detail or ""),
            EventKind.CALL_OUTCOME_SAVED: lambda e: self.statusBar().showMessage(
                self.tr("Call outcome saved."), 6000
            ),
            EventKind.MY_FIGURES: lambda e: self._refresh(self._my_figures),
        }
        for kind, listener in by_kind.items():
            bridge.subscribe(kind, listener)
        # The supervisor's room is built at log-in (supervisors only); what it shows of
        # each kind is its own (ROOM_SHOWS).
        for kind, show in ROOM_SHOWS.items():
            bridge.subscribe(kind, functools.partial(self._to_room, show))

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
        self.colleague_messages.unread_changed.connect(self._on_staff_unread)
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

    def _on_logged_in(self) -> None:
        ServiceClock.use(self.state.timezone)  # before anything shows a time
        profile = self.state.profile
        if profile is not None:
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

    def _on_staff_unread(self, count: int) -> None:
        label = self.tr("Colleagues")
        index = self.sections.indexOf(self.colleague_messages)
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

    def _on_error(self, code: str) -> None:
        error = self.state.last_error
        # In her language, with what to do next: the detail is the log's English.
        said = (refusal(error.detail) if error is not None else None) or error_text(code)
        if (
            self.supervisor is not None
            and error is not None
            and self.supervisor.refused(error, said)
        ):
            return  # said on the roster grid's own line, where she looks
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
