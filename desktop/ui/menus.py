"""The window's menus: *Näytä* (the sound for a new client line, the text size, her own
figures) and *Ohje* (about and diagnostics). Her choices are remembered (QSettings)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.text_size import set_text_size, text_size


@dataclass
class Menus:
    line_sound: QAction
    text_size: QMenu
    my_figures: QAction
    diagnostics: QAction


def build_menus(
    window: QMainWindow,
    my_figures: Callable[[], None],
    diagnostics: Callable[[], None] | None,
) -> Menus:
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    sound = view_menu.addAction(
        QCoreApplication.translate("MainWindow", "Sound for a new client line")
    )
    sound.setCheckable(True)
    sound.setChecked(bool(QSettings().value("sound_new_line", True, type=bool)))
    sound.toggled.connect(lambda on: QSettings().setValue("sound_new_line", on))
    sizes_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "Text size"))
    sizes_menu.setObjectName("textSize")
    sizes = QActionGroup(window)
    chosen = text_size()
    for percent, label in (
        (90, QCoreApplication.translate("MainWindow", "Small")),
        (100, QCoreApplication.translate("MainWindow", "Normal")),
        (115, QCoreApplication.translate("MainWindow", "Large")),
        (130, QCoreApplication.translate("MainWindow", "Larger")),
    ):
        action = sizes_menu.addAction(f"{label} ({percent} %)")
        action.setCheckable(True)
        action.setChecked(percent == chosen)
        action.setData(percent)
        sizes.addAction(action)
        action.triggered.connect(functools.partial(set_text_size, percent))
    figures = view_menu.addAction(QCoreApplication.translate("MainWindow", "My figures…"))
    figures.triggered.connect(my_figures)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    about = help_menu.addAction(QCoreApplication.translate("MainWindow", "About / diagnostics…"))
    if diagnostics is not None:
        about.triggered.connect(diagnostics)
    about.setEnabled(diagnostics is not None)
    return Menus(sound, sizes_menu, figures, about)
