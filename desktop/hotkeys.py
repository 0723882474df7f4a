"""System-wide hotkeys: answer a call while she types in another program. No Qt.

Qt has no global shortcuts, so each window system is asked directly, on a thread of its own
that calls ``on_press(name)`` (the wiring turns that into a Qt signal for the GUI thread):

- X11: a passive grab of the key on the root window over a private XCB connection.
- Windows: ``RegisterHotKey`` with a message loop on the hotkey thread.
- Wayland and macOS offer no global grabs to ordinary programs: :meth:`start` says so and the
  application-wide shortcuts (and the buttons) remain.

A combination another program already holds is reported, not stolen.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import select
import sys
import threading
from collections.abc import Callable

log = logging.getLogger("luukku.hotkeys")

DEFAULT = {"answer": "ctrl+shift+a", "hangup": "ctrl+shift+e"}


def parse(combo: str) -> tuple[frozenset[str], str]:
    """``"ctrl+shift+a"`` → ({"ctrl", "shift"}, "a")."""
    parts = [p.strip().lower() for p in combo.split("+") if p.strip()]
    if not parts:
        raise ValueError(f"empty hotkey {combo!r}")
    mods = frozenset(parts[:-1])
    unknown = mods - {"ctrl", "shift", "alt", "super"}
    if unknown:
        raise ValueError(f"unknown modifier {sorted(unknown)[0]!r} in {combo!r}")
    return mods, parts[-1]


class GlobalHotkeys:
    def __init__(self, on_press: Callable[[str], None]) -> None:
        self.on_press = on_press
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._backend: _X11 | _Windows | None = None

    def start(self, bindings: dict[str, str] = DEFAULT) -> str | None:
        """Register the hotkeys; None when they work, else why not (fit for diagnostics)."""
        try:
            parsed = {name: parse(combo) for name, combo in bindings.items()}
        except ValueError as exc:
            return str(exc)
        if sys.platform == "win32":
            self._backend = _Windows()
        elif sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
            self._backend = _X11()
        elif sys.platform.startswith("linux"):
            return "no X11 display (Wayland, or offscreen)"
        else:
            return "not available on this system"
        ready = threading.Event()
        problems: list[str] = []

        def run() -> None:
            assert self._backend is not None
            try:
                problems.extend(self._backend.register(parsed))
            except OSError as exc:
                problems.append(str(exc))
                ready.set()
                return
            ready.set()
            self._backend.loop(self._stop, self._pressed)

        self._thread = threading.Thread(target=run, name="luukku-hotkeys", daemon=True)
        self._thread.start()
        ready.wait(5)
        return "; ".join(problems) or None

    def _pressed(self, name: str) -> None:
        try:
            self.on_press(name)
        except Exception:
            log.exception("hotkey %s", name)

    def stop(self) -> None:
        self._stop.set()
        if self._backend is not None:
            self._backend.wake()
        if self._thread is not None:
            self._thread.join(2)


# --- X11 -----------------------------------------------------------------------------------

_X_MODS = {"shift": 0x1, "ctrl": 0x4, "alt": 0x8, "super": 0x40}
_LOCKS = (0, 0x2, 0x10, 0x12)  # as is, Caps Lock, Num Lock, both: all must be grabbed
_KEY_PRESS = 2


class _XcbScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int)]


class _XcbVoidCookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _X11:
    def __init__(self) -> None:
        self.keys: dict[tuple[int, int], str] = {}
        self.conn: int | None = None

    def register(self, parsed: dict[str, tuple[frozenset[str], str]]) -> list[str]:
        xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
        x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_get_setup.restype = ctypes.c_void_p
        xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
        xcb.xcb_setup_roots_iterator.restype = _XcbScreenIterator
        xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_grab_key_checked.restype = _XcbVoidCookie
        xcb.xcb_grab_key_checked.argtypes = [
            ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint32, ctypes.c_uint16,
            ctypes.c_uint8, ctypes.c_uint8, ctypes.c_uint8,
        ]  # fmt: skip
        xcb.xcb_request_check.restype = ctypes.c_void_p
        xcb.xcb_request_check.argtypes = [ctypes.c_void_p, _XcbVoidCookie]
        xcb.xcb_flush.argtypes = [ctypes.c_void_p]
        xcb.xcb_get_file_descriptor.argtypes = [ctypes.c_void_p]
        xcb.xcb_poll_for_event.restype = ctypes.c_void_p
        xcb.xcb_poll_for_event.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XStringToKeysym.restype = ctypes.c_ulong
        x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        libc = ctypes.CDLL(None)
        libc.free.argtypes = [ctypes.c_void_p]
        self.xcb, self.libc = xcb, libc

        conn = xcb.xcb_connect(None, None)
        if not conn or xcb.xcb_connection_has_error(conn):
            raise OSError("no X11 connection for global hotkeys")
        self.conn = conn
        root = ctypes.c_uint32.from_address(
            xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(conn)).data
        ).value
        display = x11.XOpenDisplay(None)
        if not display:
            raise OSError("no X11 display for the keyboard map")
        problems = []
        try:
            for name, (mods, key) in parsed.items():
                keycode = x11.XKeysymToKeycode(display, x11.XStringToKeysym(key.encode()))
                if not keycode:
                    problems.append(f"{name}: no key {key!r} on this keyboard")
                    continue
                mask = sum(_X_MODS[m] for m in mods)
                for lock in _LOCKS:
                    cookie = xcb.xcb_grab_key_checked(conn, 1, root, mask | lock, keycode, 1, 1)
                    error = xcb.xcb_request_check(conn, cookie)
                    if error:
                        libc.free(error)
                        problems.append(f"{name}: {'+'.join(sorted(mods))}+{key} is taken")
                        break
                else:
                    self.keys[(keycode, mask)] = name
        finally:
            x11.XCloseDisplay(display)
        xcb.xcb_flush(conn)
        return problems

    def loop(self, stop: threading.Event, pressed: Callable[[str], None]) -> None:
        xcb, conn = self.xcb, self.conn
        fd = xcb.xcb_get_file_descriptor(conn)
        relevant = sum(_X_MODS.values())
        try:
            while not stop.is_set():
                select.select([fd], [], [], 0.2)
                while True:
                    event = xcb.xcb_poll_for_event(conn)
                    if not event:
                        break
                    raw = ctypes.string_at(event, 32)
                    self.libc.free(event)
                    if raw[0] & 0x7F != _KEY_PRESS:
                        continue
                    state = int.from_bytes(raw[28:30], "little")
                    name = self.keys.get((raw[1], state & relevant))
                    if name is not None:
                        pressed(name)
        finally:
            xcb.xcb_disconnect(conn)

    def wake(self) -> None:
        pass  # the loop looks at the stop flag every 0.2 s


# --- Windows -------------------------------------------------------------------------------

_WIN_MODS = {"alt": 0x1, "ctrl": 0x2, "shift": 0x4, "super": 0x8}
_MOD_NOREPEAT = 0x4000
_WM_HOTKEY = 0x0312
_WM_QUIT = 0x0012


class _Windows:
    def __init__(self) -> None:
        self.names: dict[int, str] = {}
        self.thread_id = 0

    def register(self, parsed: dict[str, tuple[frozenset[str], str]]) -> list[str]:
        user32 = ctypes.WinDLL("user32")  # type: ignore[attr-defined]
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        self.user32 = user32
        self.thread_id = kernel32.GetCurrentThreadId()
        problems = []
        for number, (name, (mods, key)) in enumerate(parsed.items(), start=1):
            vk = user32.VkKeyScanW(ord(key[0])) & 0xFF if len(key) == 1 else 0
            mask = sum(_WIN_MODS[m] for m in mods) | _MOD_NOREPEAT
            if not vk or not user32.RegisterHotKey(None, number, mask, vk):
                problems.append(f"{name}: {'+'.join(sorted(mods))}+{key} is taken")
                continue
            self.names[number] = name
        return problems

    def loop(self, stop: threading.Event, pressed: Callable[[str], None]) -> None:
        from ctypes import wintypes

        msg = wintypes.MSG()
        while not stop.is_set() and self.user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            if msg.message == _WM_HOTKEY and msg.wParam in self.names:
                pressed(self.names[msg.wParam])
        for number in self.names:
            self.user32.UnregisterHotKey(None, number)

    def wake(self) -> None:
        if self.thread_id:
            self.user32.PostThreadMessageW(self.thread_id, _WM_QUIT, 0, 0)
