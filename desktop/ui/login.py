"""Log-in dialog: "Sign in with <organisation>" first where the organisation's provider is
set up; a username, a password and whether to remember it in the OS keyring where Luukku's
own passwords are on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class LoginDialog(QDialog):
    def __init__(
        self,
        username: str = "",
        error: str = "",
        parent: QWidget | None = None,
        organisation: str | None = None,
        local_passwords: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to Luukku"))
        # "provider" when she chose the organisation's sign-in, else "password".
        self.choice = "password"
        form = QFormLayout(self)
        self.error = QLabel(error)
        self.error.setStyleSheet("color: #b42318; font-weight: bold;")
        self.error.setVisible(bool(error))
        form.addRow(self.error)
        self.provider_button: QPushButton | None = None
        if organisation:
            # Plain text: the organisation's name comes from the service file.
            self.provider_button = QPushButton(
                self.tr("Sign in with %1").replace("%1", organisation)
            )
            self.provider_button.setObjectName("signInWithProvider")
            self.provider_button.setDefault(True)
            self.provider_button.clicked.connect(self._choose_provider)
            form.addRow(self.provider_button)
            hint = QLabel(self.tr("Your browser opens the organisation's sign-in page."))
            hint.setStyleSheet("color: #555;")
            form.addRow(hint)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Remember the password on this computer (system keyring)")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        if local_passwords:
            if organisation:
                form.addRow(QLabel(self.tr("Or with a Luukku password:")))
            form.addRow(self.tr("Username"), self.username)
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.remember)
            ok.setDefault(not organisation)
        else:
            ok.setVisible(False)
        form.addRow(buttons)
        if self.provider_button is not None:
            self.provider_button.setFocus()
        else:
            (self.password if username else self.username).setFocus()

    def _choose_provider(self) -> None:
        self.choice = "provider"
        self.accept()

    def _try_accept(self) -> None:
        """An empty or blank field is said at once, here, not left to the backend."""
        if not self.username.text().strip() or not self.password.text().strip():
            self.error.setText(self.tr("Enter your username and password."))
            self.error.setVisible(True)
            (self.password if self.username.text().strip() else self.username).setFocus()
            return
        self.choice = "password"
        self.accept()
