"""View → Text size: the application's font follows her choice at once, and the choice is
remembered (her settings, read again at the next start)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.ui.text_size import SETTING, apply_text_size, set_text_size, text_size


@pytest.fixture
def own_settings(qapp: QApplication, tmp_path: Path) -> Iterator[QFont]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    before = QFont(qapp.font())
    yield before
    set_text_size(100)
    qapp.setFont(before)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_text_size_changes_the_font_and_is_remembered(
    qapp: QApplication, own_settings: QFont
) -> None:
    assert text_size() == 100
    base = qapp.font().pointSizeF()
    set_text_size(130)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3)
    assert QSettings().value(SETTING, type=int) == 130
    # The next start: her size again, from the system's font (never compounded).
    apply_text_size()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3)
    set_text_size(90)
    assert qapp.font().pointSizeF() == pytest.approx(base * 0.9)


def test_a_size_not_offered_falls_back_to_normal(own_settings: QFont) -> None:
    QSettings().setValue(SETTING, 400)
    assert text_size() == 100
