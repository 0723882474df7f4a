"""The supervisor's Users page: every staff account, and what IT's ``users`` command does
(add, disable, enable, remove, role, skills, languages), checked by the backend against the
service file; a refusal names the valid values. Names are colleagues' text: plain text."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.chat.state import Workstation
from desktop.ui.room import PendingLine, RoomPage, SupervisorCommands, fit_columns, plain_item
from protocol.messages import AccountLine, StaffAccountChange

LANGUAGES = ("fi", "sv", "en")


def role_name(role: str) -> str:
    names = {
        "nurse": QCoreApplication.translate("Roles", "Nurse"),
        "psychiatric_nurse": QCoreApplication.translate("Roles", "Psychiatric nurse"),
        "secretary": QCoreApplication.translate("Roles", "Secretary"),
        "social_worker": QCoreApplication.translate("Roles", "Social worker"),
        "doctor": QCoreApplication.translate("Roles", "Doctor"),
        "physiotherapist": QCoreApplication.translate("Roles", "Physiotherapist"),
        "clinic_nurse": QCoreApplication.translate("Roles", "Clinic nurse (digi-agent)"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
    }
    return names.get(role, role)


class Choices(QWidget):
    """A row of check boxes (skills or languages)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}

    def set_values(self, values: list[str], labels: dict[str, str] | None = None) -> None:
        if list(self.boxes) == values:
            return
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        for value in values:
            box = QCheckBox((labels or {}).get(value, value))
            box.setToolTip(value)
            box.setObjectName(f"{self.objectName()}_{value}")
            self._layout.addWidget(box)
            self.boxes[value] = box
        self._layout.addStretch(1)

    def chosen(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]

    def choose(self, values: list[str]) -> None:
        for value, box in self.boxes.items():
            box.setChecked(value in values)


def problem_text(code: str, english: str) -> str:
    """Why the backend refused her change, in her language (the English text is the log's
    and the command line's)."""

    texts = {
        "username": QCoreApplication.translate(
            "AccountsView", "A username is 1–64 letters, digits or . _ @ - with no spaces."
        ),
        "role": QCoreApplication.translate(
            "AccountsView", "That role is not in the service file. Choose one from the list."
        ),
        "skills": QCoreApplication.translate(
            "AccountsView", "A skill is not in the service file. Choose from the list."
        ),
        "languages": QCoreApplication.translate("AccountsView", "Choose at least one language."),
        "capacity": QCoreApplication.translate("AccountsView", "Chats at once: 1–10."),
        "name": QCoreApplication.translate("AccountsView", "A name of 1–100 characters is needed."),
        "exists": QCoreApplication.translate("AccountsView", "That username is taken already."),
        "no_user": QCoreApplication.translate(
            "AccountsView", "That account no longer exists. The list is up to date now."
        ),
        "disabled": QCoreApplication.translate("AccountsView", "That account is disabled."),
        "own_account": QCoreApplication.translate(
            "AccountsView", "You cannot do this to your own account: ask another supervisor or IT."
        ),
        "password_short": QCoreApplication.translate(
            "AccountsView", "The first password needs at least 12 characters."
        ),
        "no_passwords": QCoreApplication.translate(
            "AccountsView", "Local passwords are off: staff sign in through the organisation."
        ),
    }
    return texts.get(code) or QCoreApplication.translate(
        "AccountsView", "The change was refused. Check the values and try again."
    ) + (f" ({english})" if english and not code else "")


class AccountsView(RoomPage):
    """The accounts table, her changes to the chosen one, and a form for a new one."""

    def __init__(
        self,
        state: Workstation,
        commands: SupervisorCommands,
        lang: str,
        run: Callable[[Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(state, commands, lang, run)
        # Asked before an account ends; a test answers it as she would.
        self.confirm: Callable[[str], bool] = self._ask
        self._users: list[AccountLine] = []
        self.message = PendingLine()
        self.message.setObjectName("accountsMessage")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("accounts")
        fit_columns(
            self.table,
            [
                self.tr("Name"),
                self.tr("Username"),
                self.tr("Role"),
                self.tr("Skills"),
                self.tr("Languages"),
                self.tr("State"),
            ],
        )
        # Skills are queue names: they wrap in their cell, whole.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)

        self.editor = QGroupBox(self.tr("Chosen account"))
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.setObjectName("changeRole")
        self.skills = Choices("accountSkills")
        self.languages = Choices("accountLanguages")
        self.languages.set_values(list(LANGUAGES))
        self.skills_button = QPushButton(self.tr("Save skills and languages"))
        self.skills_button.setObjectName("saveSkills")
        self.disable_button = QPushButton(self.tr("Disable"))
        self.disable_button.setObjectName("disableAccount")
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setObjectName("removeAccount")
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.role_button)
        ends = QHBoxLayout()
        ends.addWidget(self.skills_button)
        ends.addStretch(1)
        ends.addWidget(self.disable_button)
        ends.addWidget(self.remove_button)
        form = QFormLayout(self.editor)
        form.addRow(self.tr("Role"), role_row)
        form.addRow(self.tr("Skills"), self.skills)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(ends)

        self.adder = QGroupBox(self.tr("New account"))
        self.new_username = QLineEdit()
        self.new_username.setObjectName("newUsername")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newName")
        self.new_role = QComboBox()
        self.new_role.setObjectName("newRole")
        self.new_skills = Choices("newSkills")
        self.new_languages = Choices("newLanguages")
        self.new_languages.set_values(list(LANGUAGES))
        self.new_languages.choose(["fi"])
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.setObjectName("addAccount")
        new_form = QFormLayout(self.adder)
        new_form.addRow(self.tr("Username"), self.new_username)
        new_form.addRow(self.tr("Name"), self.new_name)
        new_form.addRow(self.tr("Role"), self.new_role)
        new_form.addRow(self.tr("Skills"), self.new_skills)
        new_form.addRow(self.tr("Languages"), self.new_languages)
        new_form.addRow(self.tr("First password (at least 12 characters)"), self.new_password)
        new_form.addRow(self.add_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.adder)
        self._connect_signals()
        self._sync()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_chosen)
        self.role_button.clicked.connect(self._change_role)
        self.skills_button.clicked.connect(self._save_skills)
        self.disable_button.clicked.connect(self._toggle_active)
        self.remove_button.clicked.connect(self._remove)
        self.add_button.clicked.connect(self._add)

    # --- to the backend ----------------------------------------------------------------

    def request(self) -> None:
        self.message.wait(self.tr("Loading…"))
        self._run(self.commands.request_accounts())

    def _send(self, change: StaffAccountChange) -> None:
        self.message.wait(self.tr("Saving…"))
        self._run(self.commands.change_account(change))

    def chosen(self) -> AccountLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._users):
            return None
        return self._users[rows[0].row()]

    def _change_role(self) -> None:
        user = self.chosen()
        if user is not None:
            role = str(self.role.currentData())
            self._send(StaffAccountChange(action="set_role", username=user.username, role=role))

    def _save_skills(self) -> None:
        user = self.chosen()
        if user is None:
            return
        if not self._no_skills_ok(user.display_name, self.skills.chosen(), user.role):
            return
        self._send(
            StaffAccountChange(
                action="set_skills", username=user.username, skills=self.skills.chosen()
            )
        )
        self._send(
            StaffAccountChange(
                action="set_languages", username=user.username, languages=self.languages.chosen()
            )
        )

    def _toggle_active(self) -> None:
        user = self.chosen()
        if user is None:
            return
        if not user.active:
            self._send(StaffAccountChange(action="enable", username=user.username))
            return
        question = self.tr(
            "Disable %1? Her sessions end now and her open chats go back to the queue."
        ).replace("%1", user.display_name)
        if self.confirm(question):
            self._send(StaffAccountChange(action="disable", username=user.username))

    def _remove(self) -> None:
        user = self.chosen()
        if user is None:
            return
        question = self.tr(
            "Remove the account of %1? What she did stays recorded under her username."
        ).replace("%1", user.display_name)
        if self.confirm(question):
            self._send(StaffAccountChange(action="remove", username=user.username))

    def skill_names(self) -> dict[str, str]:
        """A skill by the name of the queue it serves (the first, chat before phone as the
        service file lists them): supervisors know queues, not skill ids."""
        names: dict[str, str] = {}
        for queue, skill in self.state.queue_skills.items():
            names.setdefault(skill, self.state.queue_name(queue, self.lang))
        return names

    def _no_skills_ok(self, name: str, skills: list[str], role: str) -> bool:
        """Saving someone with no skills: she would get no chats or calls. Asked first."""
        if skills or role == "supervisor":
            return True
        return self.confirm(
            self.tr(
                "%1 has no skills: she gets no chats, calls or callbacks. Save anyway?"
            ).replace("%1", name)
        )

    def _add(self) -> None:
        name = self.new_name.text().strip() or self.new_username.text().strip()
        role = str(self.new_role.currentData())
        if not self._no_skills_ok(name, self.new_skills.chosen(), role):
            return
        self._send(
            StaffAccountChange(
                action="add",
                username=self.new_username.text().strip(),
                name=self.new_name.text().strip(),
                role=str(self.new_role.currentData()),
                skills=self.new_skills.chosen(),
                languages=self.new_languages.chosen(),
                password=self.new_password.text(),
            )
        )

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Users"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- from the backend --------------------------------------------------------------

    def show_accounts(self) -> None:
        frame = self.state.room.accounts
        if frame is None:
            return
        before = self.chosen()
        self._users = list(frame.users)
        for combo in (self.role, self.new_role):
            current = combo.currentData()
            combo.clear()
            for role in frame.roles:
                combo.addItem(role_name(role), role)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
        names = self.skill_names()
        self.skills.set_values(frame.skills, names)
        self.new_skills.set_values(frame.skills, names)
        self.new_password.setVisible(frame.local_passwords)
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            state = self.tr("Active") if user.active else self.tr("Disabled")
            if user.online:
                state += " · " + self.tr("online")
            for column, text in enumerate(
                (
                    user.display_name,
                    user.username,
                    role_name(user.role),
                    ", ".join(names.get(skill, skill) for skill in user.skills),
                    ", ".join(user.languages),
                    state,
                )
            ):
                self.table.setItem(row, column, plain_item(text))
        if before is not None:
            for row, user in enumerate(self._users):
                if user.username == before.username:
                    self.table.selectRow(row)
        if frame.problem:
            why = problem_text(frame.problem_code, frame.problem)
            self.message.done(self.tr("Not saved: %1").replace("%1", why))
        elif frame.done == "add":
            self.message.done(self.tr("Account added."))
            self.new_username.clear()
            self.new_name.clear()
            self.new_password.clear()
            self.new_skills.choose([])
            self.new_languages.choose(["fi"])
        elif frame.done:
            self.message.done(self.tr("Saved."))
        else:
            self.message.done()
        self._on_chosen()

    def _on_chosen(self) -> None:
        user = self.chosen()
        if user is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
            self.skills.choose(user.skills)
            self.languages.choose(user.languages)
            self.disable_button.setText(self.tr("Disable") if user.active else self.tr("Enable"))
        self._sync()

    def _sync(self) -> None:
        user = self.chosen()
        mine = user is not None and user.username == self.state.me
        for button in (self.role_button, self.skills_button):
            button.setEnabled(user is not None)
        # Her own account ends only by another supervisor's hand (or IT's).
        for button in (self.disable_button, self.remove_button):
            button.setEnabled(user is not None and not mine)
        self.role_button.setEnabled(user is not None and not mine)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
