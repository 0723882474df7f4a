"""PulseAudio's own list of devices, for hot-plug. No Qt.

Qt 6.12's PulseAudio backend reports a device that appears but never one that goes away
(measured: its list still shows an unplugged sink seconds later), so on PulseAudio (and
PipeWire's PulseAudio service) the device lists come from ``pactl`` instead, and
``pactl subscribe`` says when to look again. Device names here are the keys Qt uses too.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from collections.abc import Callable

log = logging.getLogger("luukku.softphone.audio")


def _names(kind: str) -> set[str]:
    out = subprocess.run(
        ["pactl", "list", "short", kind], capture_output=True, text=True, timeout=5, check=True
    ).stdout
    return {line.split("\t")[1] for line in out.splitlines() if line.count("\t") >= 1}


class PulseDevices:
    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None

    @staticmethod
    def available() -> bool:
        if shutil.which("pactl") is None:
            return False
        try:
            subprocess.run(["pactl", "info"], capture_output=True, timeout=5, check=True)
        except (OSError, subprocess.SubprocessError):
            return False
        return True

    @staticmethod
    def present() -> tuple[set[str], set[str]]:
        """(input names, output names) as PulseAudio has them now."""
        return _names("sources"), _names("sinks")

    def watch(self, on_change: Callable[[], None]) -> None:
        """Call ``on_change`` (from a helper thread) whenever a sink or source comes or goes."""
        self._proc = subprocess.Popen(
            ["pactl", "subscribe"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )

        def read() -> None:
            assert self._proc is not None and self._proc.stdout is not None
            for line in self._proc.stdout:
                # "Event 'remove' on sink #3", "Event 'new' on source #5"
                if ("'new'" in line or "'remove'" in line) and (
                    " sink #" in line or " source #" in line
                ):
                    try:
                        on_change()
                    except Exception:
                        log.exception("device change")

        self._thread = threading.Thread(target=read, name="luukku-pulse-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            self._proc.wait(5)
