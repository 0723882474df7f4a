"""The phone's dialogs: which sound devices (remembered per workstation), whom to
transfer a call to, and the SIP password when the keyring has none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.softphone.audio import AudioPath, device_key
from desktop.softphone.devices import DeviceChoice


def device_kind_name(kind: str) -> str:
    return {
        "microphone": QCoreApplication.translate("Phone", "microphone"),
        "speaker": QCoreApplication.translate("Phone", "speaker"),
        "ringer": QCoreApplication.translate("Phone", "ringer"),
    }.get(kind, kind)


def load_choice() -> DeviceChoice:
    stored = QSettings()
    return DeviceChoice(
        microphone=str(stored.value("audio/microphone", "") or ""),
        speaker=str(stored.value("audio/speaker", "") or ""),
        ringer=str(stored.value("audio/ringer", "") or ""),
    )


def save_choice(choice: DeviceChoice) -> None:
    stored = QSettings()
    stored.setValue("audio/microphone", choice.microphone)
    stored.setValue("audio/speaker", choice.speaker)
    stored.setValue("audio/ringer", choice.ringer)


class AudioDialog(QDialog):
    def __init__(self, current: DeviceChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audio devices"))
        form = QFormLayout(self)
        self.microphone = self._combo(AudioPath.inputs(), current.microphone)
        self.speaker = self._combo(AudioPath.outputs(), current.speaker)
        self.ringer = self._combo(AudioPath.outputs(), current.ringer)
        self.microphone.setObjectName("microphoneBox")
        self.speaker.setObjectName("speakerBox")
        self.ringer.setObjectName("ringerBox")
        form.addRow(self.tr("Microphone"), self.microphone)
        form.addRow(self.tr("Speaker / headset"), self.speaker)
        form.addRow(self.tr("Ringer"), self.ringer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _combo(self, devices: list, key: str) -> QComboBox:  # type: ignore[type-arg]
        box = QComboBox()
        box.addItem(self.tr("System default"), "")
        for device in devices:
            box.addItem(device.description(), device_key(device))
        index = box.findData(key)
        box.setCurrentIndex(max(index, 0))
        return box

    def choice(self) -> DeviceChoice:
        return DeviceChoice(
            microphone=str(self.microphone.currentData()),
            speaker=str(self.speaker.currentData()),
            ringer=str(self.ringer.currentData()),
        )


class TransferDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer the call"))
        self.attended = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Colleague or number:")))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("transferTarget")
        layout.addWidget(self.target_edit)
        buttons = QHBoxLayout()
        self.blind = QPushButton(self.tr("Transfer now"))
        self.blind.setObjectName("blindTransfer")
        self.blind.setToolTip(self.tr("The caller is put through at once; you leave the call."))
        self.consult = QPushButton(self.tr("Talk first"))
        self.consult.setObjectName("consultTransfer")
        self.consult.setToolTip(
            self.tr("The caller waits on hold while you talk to the colleague.")
        )
        cancel = QPushButton(self.tr("Cancel"))
        buttons.addWidget(self.blind)
        buttons.addWidget(self.consult)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.blind.clicked.connect(self.accept)
        self.consult.clicked.connect(self._attended)
        cancel.clicked.connect(self.reject)

    def _attended(self) -> None:
        self.attended = True
        self.accept()

    def target(self) -> str:
        return self.target_edit.text().strip()


def ask_sip_password(parent: QWidget | None, user: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Phone", "Phone password"),
        QCoreApplication.translate("Phone", "SIP password for %1:").replace("%1", user),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None
