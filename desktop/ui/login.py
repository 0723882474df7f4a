"""Log-in dialog: username, password, and whether to remember it in the OS keyring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class LoginDialog(QDialog):
    def __init__(self, username: str = "", error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to Luukku"))
        form = QFormLayout(self)
        self.error = QLabel(error)
        self.error.setStyleSheet("color: #b42318; font-weight: bold;")
        self.error.setVisible(bool(error))
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Remember the password on this computer (system keyring)")
        )
        form.addRow(self.error)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.password if username else self.username).setFocus()

    def _try_accept(self) -> None:
        """An empty or blank field is said at once, here, not left to the backend."""
        if not self.username.text().strip() or not self.password.text().strip():
            self.error.setText(self.tr("Enter your username and password."))
            self.error.setVisible(True)
            (self.password if self.username.text().strip() else self.username).setFocus()
            return
        self.accept()
