"""The two rules of the architecture, checked on every run.

1. Only ``desktop/ui``, ``desktop/bridge.py`` and ``desktop/app.py`` (the wiring) import Qt;
   the softphone's sound-card side (``desktop/softphone/audio.py``) may use Qt Multimedia
   and QtCore, never widgets.
2. ``backend/domain`` does no I/O: no sockets, files, databases, clocks of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_ALLOWED = {ROOT / "desktop" / "bridge.py", ROOT / "desktop" / "app.py"}
QT_WITHOUT_WIDGETS = {ROOT / "desktop" / "softphone" / "audio.py"}
IO_MODULES = {
    "socket",
    "sqlite3",
    "sqlalchemy",
    "asyncio",
    "websockets",
    "starlette",
    "uvicorn",
    "urllib",
    "httpx",
    "os",
    "subprocess",
    "pathlib",
    "time",
    "logging",
}


def imports(path: Path, depth: int = 1) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(".".join(alias.name.split(".")[:depth]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(".".join(node.module.split(".")[:depth]))
    return found


def test_no_qt_outside_the_ui() -> None:
    offenders = []
    for package in ("protocol", "backend", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            if path in QT_ALLOWED or (ROOT / "desktop" / "ui") in path.parents:
                continue
            if path in QT_WITHOUT_WIDGETS:
                assert imports(path, 2) & {"PySide6.QtWidgets", "PySide6.QtGui"} == set(), path
                continue
            if {"PySide6", "qasync"} & imports(path):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_domain_does_no_io() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(IO_MODULES & imports(path))
        for path in (ROOT / "backend" / "domain").rglob("*.py")
        if IO_MODULES & imports(path)
    }
    assert offenders == {}


def test_protocol_is_the_only_shared_module() -> None:
    for path in (ROOT / "backend").rglob("*.py"):
        assert "desktop" not in imports(path), path
    for path in (ROOT / "desktop").rglob("*.py"):
        assert "backend" not in imports(path), path
