"""QApplication + qasync loop + wiring of connection, bridge and window."""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import logging
import os
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QThread, QTimer, QTranslator, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog

from desktop import diagnostics, refcounts
from desktop.bridge import Bridge, HotkeyRelay, emit_loses_references
from desktop.chat import credentials
from desktop.chat.connection import StaffConnection
from desktop.chat.sign_in import ProviderSignIn
from desktop.chat.state import LinkState, Workstation
from desktop.config import (
    SETTINGS,
    MachineConfigError,
    Resolved,
    load_machine_file,
    machine_config_path,
    resolve,
)
from desktop.hotkeys import GlobalHotkeys
from desktop.refcounts import pin_singletons
from desktop.softphone.audio import AudioPath
from desktop.softphone.controller import Softphone
from desktop.softphone.engine import Engine
from desktop.softphone.model import Registration, SipSettings, SoftphoneError
from desktop.softphone.pulse_devices import PulseDevices
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.phone import PhonePanel
from desktop.ui.phone_dialogs import ask_sip_password, load_choice
from desktop.ui.texts import install_plain_text_default

I18N = Path(__file__).parent / "ui" / "i18n"
log = logging.getLogger("luukku.desktop")
POLL_MS = 5  # pjsua2 polling; RTP arrives every 20 ms, SIP timers need no finer grain


@dataclass
class Options:
    backend: str
    username: str | None
    lang: str
    demo: bool
    smoke: bool
    password: str | None = None
    settings: dict[str, Resolved] = field(default_factory=dict)
    machine_file: str = ""
    machine_file_error: str | None = None
    handbook: str | None = None

    def setting(self, name: str) -> str:
        if name in self.settings:
            return self.settings[name].value
        return next(s.default for s in SETTINGS if s.name == name)


@dataclass
class Phone:
    """The softphone for the whole process (pjsua2 allows one endpoint per process)."""

    engine: Engine
    audio: AudioPath
    softphone: Softphone
    registrar: str
    user: str
    timer: QTimer | None = None
    audio_thread: QThread | None = None
    hotkeys: GlobalHotkeys | None = None
    hotkey_relay: HotkeyRelay = field(default_factory=HotkeyRelay)
    hotkey_problem: str | None = "not started"
    pulse: PulseDevices | None = None

    def registration_text(self) -> str:
        state = self.engine.registration
        if state is Registration.DISABLED:
            return "not configured (sip_registrar is empty)"
        detail = f" ({self.engine.registration_detail})" if self.engine.registration_detail else ""
        hotkeys = "on" if self.hotkey_problem is None else f"off: {self.hotkey_problem}"
        return f"{state.value} as {self.user} at {self.registrar}{detail}; global hotkeys {hotkeys}"


def start_phone(options: Options, username: str) -> Phone:
    registrar = options.setting("sip_registrar")
    user = options.setting("sip_user") or username
    engine = Engine()
    audio = AudioPath(engine.speaker, engine.microphone)
    audio_thread = QThread()
    audio_thread.setObjectName("luukku-audio")
    audio_thread.start(QThread.Priority.TimeCriticalPriority)
    audio.run_in(audio_thread)
    audio.choose(load_choice())
    pulse = None
    if sys.platform.startswith("linux") and PulseDevices.available():
        # Qt misses unplugged devices on PulseAudio; PulseAudio itself does not.
        pulse = PulseDevices()
        audio.use_presence(pulse.present)
        pulse.watch(audio.recheck_devices)
    softphone = Softphone(engine, audio, auto_answer_s=float(options.setting("auto_answer_s")))
    phone = Phone(engine, audio, softphone, registrar, user, audio_thread=audio_thread, pulse=pulse)
    password = credentials.recall(f"sip:{registrar}", user) or ""
    try:
        engine.start(
            SipSettings(
                registrar=registrar,
                user=user,
                password=password,
                transport=options.setting("sip_transport"),  # type: ignore[arg-type]
                srtp=options.setting("srtp"),  # type: ignore[arg-type]
                register_seconds=int(options.setting("sip_register_seconds")),
                local_port=int(options.setting("sip_port")),
                tls_ca=options.setting("sip_tls_ca"),
            )
        )
    except SoftphoneError as exc:
        # The chat work goes on without a phone; the panel and diagnostics say why.
        log.error("softphone: %s", exc)
        engine.registration, engine.registration_detail = Registration.FAILED, str(exc)
    _follow_network(phone)
    phone.hotkeys = GlobalHotkeys(phone.hotkey_relay.pressed.emit)
    phone.hotkey_problem = phone.hotkeys.start()
    if phone.hotkey_problem:
        log.info("global hotkeys: %s (the app's own shortcuts remain)", phone.hotkey_problem)
    # A Qt timer, not an asyncio task: it lives as long as the app and costs one wake-up.
    phone.timer = QTimer()
    phone.timer.setInterval(POLL_MS)
    phone.timer.timeout.connect(softphone.poll)
    phone.timer.start()
    return phone


def _follow_network(phone: Phone) -> None:
    """After sleep or a change of network, register again at once instead of at the next
    refresh (minutes during which calls would not reach her)."""
    from PySide6.QtNetwork import QNetworkInformation

    if not QNetworkInformation.loadDefaultBackend():
        return  # no network backend on this system: the periodic refresh still recovers
    info = QNetworkInformation.instance()
    if info is not None:
        info.reachabilityChanged.connect(lambda _r: phone.engine.network_changed())


def _ask_phone_password(phone: Phone, parent: MainWindow) -> None:
    """The registrar refused our credentials: ask once, keep the answer in the keyring."""
    password = ask_sip_password(parent, phone.user)
    if password:
        credentials.remember(f"sip:{phone.registrar}", phone.user, password)
        try:
            phone.engine.set_password(password)
        except SoftphoneError as exc:
            log.error("softphone: %s", exc)


def make_report(options: Options, connection: StaffConnection, phone: Phone | None = None) -> str:
    from desktop.ui.diagnostics import audio_devices, qt_version

    inputs, outputs = audio_devices()
    state = connection.state
    return diagnostics.report(
        options.settings,
        link=state.link.value,
        username=state.profile.username if state.profile else None,
        registration=phone.registration_text() if phone else "softphone not started",
        audio_inputs=inputs,
        audio_outputs=outputs,
        qt_version=qt_version(),
        machine_file=options.machine_file,
        machine_file_error=options.machine_file_error,
    )


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Our strings plus Qt's own (dialog buttons); kept referenced or Qt drops them."""
    translators = []
    ours = QTranslator(app)
    if ours.load(str(I18N / f"luukku_{lang}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


@dataclass(frozen=True)
class Identity:
    """How staff sign in at this backend (``/api/identity``)."""

    local_passwords: bool = True
    organisation: str | None = None
    sip_registrar: str | None = None  # the backend's word, where the workstation has none


def fetch_identity(backend: str) -> Identity:
    """Asked once at start; an unreachable backend leaves the password form (the log-in
    itself then says what is wrong)."""
    try:
        with urllib.request.urlopen(backend.rstrip("/") + "/api/identity", timeout=5) as answer:
            body = json.load(answer)
        return Identity(
            bool(body.get("local_passwords", True)),
            body.get("organisation") or None,
            body.get("sip_registrar") or None,
        )
    except (OSError, ValueError):
        return Identity()


def provider_sign_in() -> ProviderSignIn:
    """The system browser opens the organisation's page; its tab then says what to do."""
    return ProviderSignIn(
        open_browser=lambda url: QDesktopServices.openUrl(QUrl(url)),
        done_text=QApplication.translate(
            "Login", "Signed in. You can close this tab and go back to Luukku."
        ),
        refused_text=QApplication.translate(
            "Login", "The sign-in did not go through. Go back to Luukku."
        ),
    )


@dataclass(frozen=True)
class LoginAnswer:
    username: str
    password: str
    remember: bool
    provider: bool


async def ask_login(username: str, error: str, identity: Identity) -> LoginAnswer | None:
    dialog = LoginDialog(
        username,
        error,
        organisation=identity.organisation,
        local_passwords=identity.local_passwords,
    )
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: None if done.done() else done.set_result(code))
    dialog.open()
    if await done != QDialog.DialogCode.Accepted:
        return None
    return LoginAnswer(
        dialog.username.text().strip(),
        dialog.password.text(),
        dialog.remember.isChecked(),
        dialog.choice == "provider",
    )


def build_window(
    connection: StaffConnection,
    lang: str,
    phone: Phone | None = None,
    report: Callable[[], str] | None = None,
) -> MainWindow:
    """Connection and softphone → bridge → window: the one wiring, for the app and tests."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_plain_text_default(app)
    bridge = Bridge()
    connection.subscribe(bridge.on_event)
    panel = None
    if phone is not None:
        phone.engine.subscribe(bridge.on_phone_event)
        phone.softphone.report_on_call = connection.phone_state
        panel = PhonePanel(
            phone.softphone,
            phone.audio,
            functools.partial(_queue_name, connection.state, lang),
            queue_links=lambda queue: connection.state.queue_links.get(queue, []),
            lang=lang,
        )
        bridge.phone_event.connect(panel.on_event)
        phone.hotkey_relay.pressed.connect(panel.hotkey)
    window = MainWindow(connection.state, bridge, connection, lang, report=report, phone=panel)
    if panel is not None and phone is not None:
        panel.password_requested.connect(functools.partial(_ask_phone_password, phone, window))
        panel.delivered_call_ended.connect(window.work.ask_call_outcome)
        panel.handoff_requested.connect(window.work.hand_off_call)
        window.call_requested.connect(panel.call_back)
    return window


async def amain(options: Options) -> int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    # Between a failed log-in and the next window only a dialog is open; Qt must not take
    # its closing for "the last window closed, quit". She quits by closing the main window.
    app.setQuitOnLastWindowClosed(False)
    started = time.perf_counter()
    probe = refcounts.probe_path()
    if probe is not None:
        # Soak runs: the singletons' counts, RSS, files and threads, every 2 s.
        probe_task = asyncio.get_running_loop().create_task(refcounts.run_probe(probe))
        app.aboutToQuit.connect(probe_task.cancel)

    username = options.username or ""
    password = options.password
    if password is None and username:
        password = credentials.recall(options.backend, username)
    identity = await asyncio.get_running_loop().run_in_executor(
        None, fetch_identity, options.backend
    )
    error = ""
    phone: Phone | None = None
    if not options.setting("sip_registrar") and identity.sip_registrar:
        # Nothing set on this workstation: the phone registers where the backend says.
        options.settings["sip_registrar"] = Resolved(
            identity.sip_registrar, "backend", options.backend + "/api/identity"
        )
    while True:
        sign_in = None
        if not username or password is None:
            answer = await ask_login(username, error, identity)
            if answer is None:
                return 1
            if answer.provider:
                sign_in = provider_sign_in()
                # Her username is what the provider says; the softphone registers as the
                # one who signed in here last (or the sip_user setting).
                username, password = str(QSettings().value("username", "") or ""), ""
            else:
                username, password = answer.username, answer.password
                if answer.remember:
                    credentials.remember(options.backend, username, password)
        connection = StaffConnection(options.backend, username, password, sign_in=sign_in)
        if phone is None and (username or options.setting("sip_user")):
            phone = start_phone(options, username)
        window = build_window(
            connection,
            options.lang,
            phone,
            report=functools.partial(make_report, options, connection, phone),
        )
        window.closed_by_user.connect(quit_event.set)
        if options.handbook:
            window.open_handbook_when_ready(options.handbook)
        connection.start()
        window.show()
        outcome = await _wait(connection, quit_event, options, started, phone)
        if connection.state.profile is not None and not options.demo:
            # Remembered for next time (the password is in the keyring, never here).
            QSettings().setValue("username", connection.state.profile.username)
        if outcome != "auth_failed":
            await connection.stop()
            window.close()
            _stop_phone(phone, fast=options.smoke)
            return 0 if outcome in ("quit", "smoke_ok") else 3
        # Wrong or changed password: do not keep a bad one in the keyring; ask again.
        await connection.stop()
        window.close()
        window.deleteLater()
        if sign_in is None:
            credentials.forget(options.backend, username)
        password = None
        refused = connection.state.last_error
        if refused is not None and refused.code == "rate_limited":
            error = QApplication.translate("Login", "Too many attempts. Wait a moment.")
        elif refused is not None and refused.code not in ("auth_failed", "bad_frame"):
            error = QApplication.translate("Login", "The log-in was refused: %1").replace(
                "%1", refused.detail
            )
        else:
            error = QApplication.translate("Login", "Wrong username or password.")
        if options.smoke or options.demo:
            _stop_phone(phone, fast=True)
            return 3


def _queue_name(state: Workstation, lang: str, queue: str) -> str:
    return state.queue_name(queue, lang)


def _stop_phone(phone: Phone | None, fast: bool) -> None:
    if phone is None:
        return
    if phone.timer is not None:
        phone.timer.stop()
    if phone.hotkeys is not None:
        phone.hotkeys.stop()
    if phone.pulse is not None:
        phone.pulse.stop()
    phone.audio.shutdown()
    if phone.audio_thread is not None:
        phone.audio_thread.quit()
        phone.audio_thread.wait(2000)
    # Un-registers and hangs up; "fast" skips the network (a smoke run has no registrar).
    phone.engine.stop(fast=fast)


async def _wait(
    connection: StaffConnection,
    quit_event: asyncio.Event,
    options: Options,
    started: float,
    phone: Phone | None,
) -> str:
    while not quit_event.is_set():
        state = connection.state
        if state.link is LinkState.AUTH_FAILED:
            return "auth_failed"
        if (
            options.smoke
            and state.profile is not None
            and state.meter_at is not None
            and (phone is None or phone.engine.registration is not Registration.REGISTERING)
        ):
            phone_text = phone.registration_text() if phone is not None else "not started"
            print(
                f"smoke ok: logged in as {state.profile.username}, meter with "
                f"{len(state.meter)} queues, {time.perf_counter() - started:.2f} s after start, "
                f"rss {_rss_mb():.0f} MB, phone {phone_text}",
                flush=True,
            )
            return "smoke_ok"
        await asyncio.sleep(0.05)
    return "quit"


def _rss_mb() -> float:
    """Peak resident memory so far (Unix); 0 where the OS does not say."""
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resolve_options(
    cli: dict[str, str | None], demo: bool, smoke: bool, password: str | None
) -> Options:
    path = machine_config_path()
    error = None
    try:
        machine = load_machine_file(path)
    except MachineConfigError as exc:
        # A broken file from IT must not lock her out: defaults apply, diagnostics tell why.
        log.error("%s", exc)
        machine, error = {}, str(exc)
    stored = QSettings()
    user = {s.name: str(stored.value(s.name)) for s in SETTINGS if stored.value(s.name)}
    settings = resolve(machine, user, os.environ, cli, path)
    return Options(
        backend=settings["backend_url"].value,
        username=settings["username"].value or None,
        lang=settings["language"].value,
        demo=demo,
        smoke=smoke,
        password=password,
        settings=settings,
        machine_file=str(path),
        machine_file_error=error,
    )


def run(
    cli: dict[str, str | None],
    *,
    demo: bool,
    smoke: bool,
    password: str | None,
    handbook: str | None = None,
) -> int:
    import qasync

    pin_singletons()
    if emit_loses_references():
        log.error(
            "PySide6 %s loses a reference on every signal emit; the pin in "
            "desktop/refcounts.py keeps the app alive, but use the locked version",
            PySide6.__version__,
        )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Luukku")
    app.setOrganizationName("Luukku")
    options = resolve_options(cli, demo, smoke, password)
    options.handbook = handbook
    _translators = install_translations(app, options.lang)
    code = int(qasync.run(amain(options)))
    return leave(code)


def leave(code: int) -> int:
    """Exit after an orderly shutdown without Python's own finalization.

    Everything is closed and saved by now (backend socket, phone unregistered, settings).
    Since the softphone arrived, interpreter finalization sometimes crashed (always with
    PYTHONMALLOC=debug) freeing objects of one extension after another extension's
    teardown: a segfault at exit that IT would see in logs and scripts as a failure.
    """
    gc.collect()
    QSettings().sync()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
