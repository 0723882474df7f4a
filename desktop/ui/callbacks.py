"""The callback list, one callback's details and outcome buttons, and the dialog that leaves
a callback request (from a chat or by hand). Thin: the backend decides who sees what."""

from __future__ import annotations

import html
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.bridge import Bridge
from desktop.chat.state import Workstation
from desktop.events import EventKind
from desktop.ui.texts import ServiceClock, rich
from protocol.messages import CallbackCreate, CallbackOutcome, CallbackSummary

OUTCOMES: tuple[CallbackOutcome, ...] = ("no_answer", "busy", "wrong_number", "done")


def outcome_name(outcome: str) -> str:
    return {
        "no_answer": QCoreApplication.translate("Callbacks", "No answer"),
        "busy": QCoreApplication.translate("Callbacks", "Busy"),
        "wrong_number": QCoreApplication.translate("Callbacks", "Wrong number"),
        "done": QCoreApplication.translate("Callbacks", "Done"),
    }.get(outcome, outcome)


def state_name(item: CallbackSummary) -> str:
    if item.state == "decision":
        return QCoreApplication.translate("Callbacks", "needs a decision")
    if item.overdue:
        return QCoreApplication.translate("Callbacks", "overdue")
    return QCoreApplication.translate("Callbacks", "open")


class CallbackCommands(Protocol):
    async def callback_create(self, frame: CallbackCreate) -> None: ...
    async def callback_open(self, callback_id: int) -> None: ...
    async def callback_attempt(
        self, callback_id: int, outcome: CallbackOutcome, note: str
    ) -> None: ...
    async def callback_take(self, callback_id: int) -> None: ...
    async def callback_decline(self, callback_id: int) -> None: ...
    async def callback_figures(self) -> None: ...


class CallbackOfferBanner(QFrame):
    """A callback offered while no live queue needs her: take it, or leave it for later."""

    take = Signal(int)
    decline = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbackOffer")
        self.setStyleSheet(
            "#callbackOffer { background: #dbeafe; border: 2px solid #1d4ed8; border-radius: 6px; }"
            "#callbackOffer QLabel { font-size: 14px; color: #1b1b1b; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.take_button = QPushButton(self.tr("Take and call"))
        self.take_button.setObjectName("takeCallback")
        self.decline_button = QPushButton(self.tr("Not now"))
        self.decline_button.setObjectName("declineCallback")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_button)
        layout.addWidget(self.decline_button)
        self._id: int | None = None
        self.take_button.clicked.connect(lambda: self._id is not None and self.take.emit(self._id))
        self.decline_button.clicked.connect(
            lambda: self._id is not None and self.decline.emit(self._id)
        )
        self.hide()

    def show_offer(self, item: CallbackSummary | None, queue_name: str) -> None:
        self._id = item.id if item else None
        if item is None:
            self.hide()
            return
        due = ServiceClock.text(item.due_at, "%d.%m. %H:%M") if item.due_at else "–"
        self.label.setText(
            self.tr("Callback waiting: %1 · %2 · due %3")
            .replace("%1", queue_name)
            .replace("%2", item.number)
            .replace("%3", due)
        )
        self.show()


class FiguresDialog(QDialog):
    """Supervisors: today's callbacks per queue."""

    def __init__(self, state: Workstation, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbackFigures")
        self.setWindowTitle(self.tr("Callback figures"))
        self.state = state
        self.lang = lang
        layout = QVBoxLayout(self)
        self.title = QLabel()
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Queue"),
                self.tr("Created"),
                self.tr("Done same day"),
                self.tr("Done in time"),
                self.tr("Overdue"),
                self.tr("Open"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.resize(640, 260)
        self.refresh()

    def refresh(self) -> None:
        figures = self.state.callbacks.figures
        if figures is None:
            self.title.setText(self.tr("Loading…"))
            return
        self.title.setText(self.tr("Created on %1").replace("%1", figures.day.strftime("%d.%m.%Y")))
        self.table.setRowCount(len(figures.rows))
        for row, fig in enumerate(figures.rows):
            cells = [
                self.state.queue_name(fig.queue, self.lang),
                str(fig.created),
                str(fig.done_same_day),
                str(fig.done_in_time),
                str(fig.overdue),
                str(fig.open),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))


class CallbacksView(QWidget):
    """Her callbacks: overdue first (as the backend sends them), one click to call back."""

    call_requested = Signal(str)
    count_changed = Signal(int)  # overdue or flagged: what needs her now
    came_forward = Signal()  # she took an offered callback: this view to the front

    def __init__(
        self,
        state: Workstation,
        commands: CallbackCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.commands = commands
        self.lang = lang
        self._run = run
        # The window shows the offer above its sections (seen from any of them).
        self.offer_banner = CallbackOfferBanner()
        self.offer_banner.take.connect(self._take)
        self.offer_banner.decline.connect(lambda cid: self._run(commands.callback_decline(cid)))
        self._figures: FiguresDialog | None = None
        self._requests = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("callbackFilter")
        self.filter.addItem(self.tr("My queues"), "all")
        self.filter.addItem(self.tr("Named for me"), "mine")
        self.filter.addItem(self.tr("My clinic"), "clinic")
        self.filter.addItem(self.tr("Overdue or flagged"), "late")
        self.filter.currentIndexChanged.connect(self.refresh)
        self.new_button = QPushButton(self.tr("New callback request…"))
        self.new_button.setObjectName("newCallback")
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter)
        top.addStretch(1)
        self.figures_button = QPushButton(self.tr("Figures…"))
        self.figures_button.setObjectName("callbackFiguresButton")
        self.figures_button.setVisible(False)  # supervisors only (set at login)
        top.addWidget(self.figures_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.new_button.clicked.connect(lambda: self.leave_callback(None))
        self.figures_button.clicked.connect(self.show_figures)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("callbackTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Queue"),
                self.tr("Number"),
                self.tr("Priority"),
                self.tr("Attempts"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)
        self.detail = QLabel()
        self.detail.setObjectName("callbackDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        self.call_button = QPushButton(self.tr("Call back"))
        self.call_button.setObjectName("callbackCall")
        self.call_button.clicked.connect(self._call)
        actions.addWidget(self.call_button)
        self.note = QLineEdit()
        self.note.setObjectName("callbackNote")
        self.note.setPlaceholderText(self.tr("Note (no health details)"))
        actions.addWidget(self.note, 1)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in OUTCOMES:
            button = QPushButton(outcome_name(outcome))
            button.setObjectName(f"callbackOutcome_{outcome}")
            button.clicked.connect(lambda _=False, o=outcome: self._attempt(o))
            actions.addWidget(button)
            self.outcome_buttons[outcome] = button
        layout.addLayout(actions)
        self.refresh()

    def visible_items(self) -> list[CallbackSummary]:
        mode = self.filter.currentData()
        me = self.state.profile.username if self.state.profile else ""
        items = self.state.callbacks.items
        if mode == "mine":
            items = [i for i in items if i.nurse == me]
        elif mode == "clinic":
            mine = {c.id for c in self.state.clinics if any(n.username == me for n in c.nurses)}
            items = [i for i in items if i.clinic in mine]
        elif mode == "late":
            items = [i for i in items if i.overdue or i.state == "decision"]
        return items

    def listen(self, bridge: Bridge) -> None:
        bridge.subscribe(EventKind.CALLBACKS, lambda e: self.refresh())
        bridge.subscribe(EventKind.CALLBACK, lambda e: self.show_detail(e.detail or ""))
        bridge.subscribe(EventKind.CALLBACK_OFFER, lambda e: self._show_offer())
        bridge.subscribe(
            EventKind.CALLBACK_FIGURES,
            lambda e: self._figures.refresh() if self._figures is not None else None,
        )

    def _show_offer(self) -> None:
        offer = self.state.callbacks.offer
        item = offer.summary if offer else None
        name = self.state.queue_name(item.queue, self.lang) if item else ""
        self.offer_banner.show_offer(item, name)

    def _take(self, callback_id: int) -> None:
        self.offer_banner.show_offer(None, "")
        self._run(self.commands.callback_take(callback_id))
        self.came_forward.emit()
        self.select(callback_id)

    def show_figures(self) -> FiguresDialog:
        """The day's callback figures (supervisors)."""
        if self._figures is None:
            self._figures = FiguresDialog(self.state, self.lang, self.window())
        self._run(self.commands.callback_figures())
        self._figures.show()
        return self._figures

    def leave_callback(self, conversation_id: str | None) -> CallbackDialog:
        """The callback dialog, prefilled from the conversation when there is one."""
        state = self.state
        chat = state.chats.get(conversation_id or "")
        queues = [(f.queue, state.queue_name(f.queue, self.lang)) for f in state.meter]
        clinics = [
            (c.id, c.names.get(self.lang) or c.names.get("fi") or c.id) for c in state.clinics
        ]
        dialog = CallbackDialog(
            queues,
            number=chat.client_phone or "" if chat else "",
            queue=chat.queue if chat else None,
            parent=self.window(),
            clinics=clinics,
            colleagues=self._directory_people(),
        )
        self._requests += 1
        request_id = self._requests

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

    def refresh(self) -> None:
        selected = self.selected_id()
        items = self.visible_items()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            due = ServiceClock.text(item.due_at, "%d.%m. %H:%M") if item.due_at else "–"
            urgent = self.tr("urgent") if item.priority == "urgent" else ""
            cells = [
                due,
                self.state.queue_name(item.queue, self.lang),
                item.number,
                urgent,
                str(item.failed_attempts),
                state_name(item),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if item.overdue or item.state == "decision":
                    cell.setForeground(QColor("#b42318"))
                self.table.setItem(row, column, cell)
            if item.id == selected:
                self.table.selectRow(row)
        self.count_changed.emit(
            sum(1 for i in self.state.callbacks.items if i.overdue or i.state == "decision")
        )
        self._sync_buttons()

    def select(self, callback_id: int) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == callback_id:
                self.table.selectRow(row)
                return

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), 0)
        return int(cell.data(Qt.ItemDataRole.UserRole)) if cell else None

    def _selected_item(self) -> CallbackSummary | None:
        cid = self.selected_id()
        return next((i for i in self.state.callbacks.items if i.id == cid), None)

    def _sync_buttons(self) -> None:
        has = self._selected_item() is not None
        for button in (self.call_button, *self.outcome_buttons.values()):
            button.setEnabled(has)

    def _selected(self) -> None:
        self._sync_buttons()
        cid = self.selected_id()
        if cid is not None:
            # Opening shows the reason and is access-logged by the backend.
            self._run(self.commands.callback_open(cid))

    def show_detail(self, callback_id: str) -> None:
        opened = self.state.callbacks.opened
        if opened is None or str(opened.summary.id) != callback_id:
            return
        # Outside the f-string: lupdate does not look inside one (the label stayed English).
        reason = _escape(self.tr("Reason:"))
        lines = [f"<b>{reason}</b> {_escape(opened.reason)}"]
        for attempt in opened.attempts:
            when = ServiceClock.text(attempt.at, "%d.%m. %H:%M")
            note = f" – {_escape(attempt.note)}" if attempt.note else ""
            by = _escape(attempt.by)
            lines.append(f"{when} {by}: {_escape(outcome_name(attempt.outcome))}{note}")
        rich(self.detail, "<br>".join(lines))

    def _call(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.call_requested.emit(item.number)

    def _attempt(self, outcome: CallbackOutcome) -> None:
        item = self._selected_item()
        if item is None:
            return
        self._run(self.commands.callback_attempt(item.id, outcome, self.note.text().strip()))
        self.note.clear()


def _escape(text: str) -> str:
    return html.escape(text)


class CallbackDialog(QDialog):
    """Leave a callback request: the number, what it is about, and for whom."""

    def __init__(
        self,
        queues: list[tuple[str, str]],  # (id, name) of the queues she serves
        number: str = "",
        queue: str | None = None,
        parent: QWidget | None = None,
        clinics: list[tuple[str, str]] | None = None,  # (id, name) of the directory
        colleagues: list[tuple[str, str]] | None = None,  # (username, display name)
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callback request"))
        form = QFormLayout(self)
        self.number = QLineEdit(number)
        self.number.setObjectName("callbackNumber")
        self.queue = QComboBox()
        self.queue.setObjectName("callbackQueue")
        for queue_id, name in queues:
            self.queue.addItem(name, queue_id)
        if queue is not None:
            self.queue.setCurrentIndex(max(0, self.queue.findData(queue)))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("callbackReason")
        self.reason.setMaximumHeight(90)
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.nurse = QLineEdit()
        self.nurse.setObjectName("callbackNurse")
        self.nurse.setPlaceholderText(self.tr("Colleague's username (optional)"))
        if colleagues:
            # The directory's nurses and colleagues: typing a name or username completes.
            completer = QCompleter([f"{u} – {name}" for u, name in colleagues], self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.nurse.setCompleter(completer)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Queue"), self.queue)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.urgent)
        self.clinic = QComboBox()
        self.clinic.setObjectName("callbackClinic")
        self.clinic.addItem(self.tr("– (the queue's staff)"), None)
        for clinic_id, name in clinics or []:
            self.clinic.addItem(name, clinic_id)
        form.addRow(self.tr("For a named colleague"), self.nurse)
        form.addRow(self.tr("For the client's own clinic"), self.clinic)
        self.error = QLabel()
        self.error.setObjectName("callbackError")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def accept(self) -> None:
        # Checked here with the protocol's own rules, so that a typo is fixed in place.
        try:
            self.frame(0, None)
        except ValidationError as exc:
            field = str(exc.errors(include_url=False)[0]["loc"][0])
            labels = {
                "number": self.tr("Check the phone number."),
                "reason": self.tr("Write what the callback is about (at most 2,000 characters)."),
                "nurse": self.tr("Check the colleague's username."),
            }
            self.error.setText(labels.get(field, self.tr("Check the fields.")))
            return
        super().accept()

    def frame(self, request_id: int, conversation_id: str | None) -> CallbackCreate:
        """The request; pydantic's ValueError names the field when something is off."""
        return CallbackCreate(
            request_id=request_id,
            queue=str(self.queue.currentData()),
            number=self.number.text().strip(),
            reason=self.reason.toPlainText().strip(),
            priority="urgent" if self.urgent.isChecked() else "normal",
            nurse=self.nurse.text().split(" – ")[0].strip() or None,
            clinic=self.clinic.currentData(),
            conversation_id=conversation_id,
        )
