"""About / diagnostics: where each setting came from, versions, state; copy as a report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def audio_devices() -> tuple[list[str], list[str]]:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return [], []
    return (
        [d.description() for d in QMediaDevices.audioInputs()],
        [d.description() for d in QMediaDevices.audioOutputs()],
    )


def qt_version() -> str:
    return str(qVersion())


class DiagnosticsDialog(QDialog):
    def __init__(self, make_report: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("About Luukku / diagnostics"))
        self.resize(720, 520)
        self._make_report = make_report
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "This report holds no client data and no passwords. "
                    "IT support may ask you to copy it."
                )
            )
        )
        self.text = QPlainTextEdit(make_report())
        self.text.setObjectName("diagnosticsText")
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout.addWidget(buttons)

    def copy(self) -> None:
        text = self._make_report()
        self.text.setPlainText(text)
        QApplication.clipboard().setText(text)
