"""The diagnostics report IT asks for: versions, settings and their sources, connection and
registration state, audio devices. Never client data, never a password or token."""

from __future__ import annotations

import platform
import sys
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

from desktop.config import SETTINGS, Resolved
from protocol.messages import PROTOCOL_VERSION


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def pjsua2_version() -> str:
    """Whichever pjsua2 build this platform installs (see the markers in pyproject.toml)."""
    for name in ("pjsua2-python", "pjsua2-wheel"):
        found = package_version(name)
        if found != "not installed":
            return f"{found} ({name})"
    return "not installed"


def report(
    settings: Mapping[str, Resolved],
    *,
    link: str,
    username: str | None,
    registration: str,
    audio_inputs: list[str],
    audio_outputs: list[str],
    qt_version: str,
    machine_file: str,
    machine_file_error: str | None = None,
) -> str:
    lines = [
        "Luukku diagnostics",
        f"Luukku {package_version('luukku')}, protocol v{PROTOCOL_VERSION}",
        f"Python {sys.version.split()[0]}, Qt {qt_version}, "
        f"PySide6 {package_version('PySide6-Essentials')}, "
        f"pjsua2 {pjsua2_version()}",
        f"OS {platform.platform()}",
        "",
        f"Machine-wide file: {machine_file}"
        + (f" (ERROR: {machine_file_error})" if machine_file_error else ""),
        "Settings (value: source):",
    ]
    for s in SETTINGS:
        r = settings[s.name]
        where = f"{r.source} {r.detail}".strip()
        lines.append(f"  {s.name} = {r.value or '(empty)'}: {where}")
    lines += [
        "",
        f"Backend connection: {link}" + (f", logged in as {username}" if username else ""),
        f"SIP registration: {registration}",
        "Audio inputs: " + ("; ".join(audio_inputs) or "none"),
        "Audio outputs: " + ("; ".join(audio_outputs) or "none"),
    ]
    return "\n".join(lines) + "\n"
