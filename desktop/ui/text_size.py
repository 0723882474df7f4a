"""View → Text size: the application's font scaled from the system's, remembered per user.

Health-care workstations often run at 150 % with small fonts or at 100 % on large screens;
she sets the size once and every widget that uses the application's font follows at once
(no restart). The choice is stored in her settings, not the machine's."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SETTING = "text_size_percent"
SIZES = (90, 100, 115, 130)


class _Base:
    """The system's font, read once before the first change (later reads are ours)."""

    font: QFont | None = None


def text_size() -> int:
    value = QSettings().value(SETTING, 100, type=int)
    return value if value in SIZES else 100


def set_text_size(percent: int) -> None:
    QSettings().setValue(SETTING, percent)
    apply_text_size()


def apply_text_size() -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _Base.font is None:
        _Base.font = QFont(app.font())
    font = QFont(_Base.font)
    base = _Base.font.pointSizeF()
    if base > 0:
        font.setPointSizeF(base * text_size() / 100)
    else:
        font.setPixelSize(max(8, round(_Base.font.pixelSize() * text_size() / 100)))
    app.setFont(font)
