"""Translatable names for protocol values, and small display helpers."""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel

from protocol.messages import ErrorCode, Outcome, StaffStatus

# Each string is spelled out as QCoreApplication.translate("Texts", ...): lupdate only finds
# literal calls, not a wrapper.


def status_name(status: StaffStatus) -> str:
    return {
        StaffStatus.READY: QCoreApplication.translate("Texts", "Ready"),
        StaffStatus.NOT_READY: QCoreApplication.translate("Texts", "Not ready"),
        StaffStatus.WRAP_UP: QCoreApplication.translate("Texts", "Wrap-up"),
        StaffStatus.OFFLINE: QCoreApplication.translate("Texts", "Offline"),
    }[status]


# Not-ready reasons: stored as codes, shown translated.
NOT_READY_REASONS = ("break", "meeting", "training", "other_work")


def reason_name(reason: str | None) -> str:
    return {
        "break": QCoreApplication.translate("Texts", "Break"),
        "meeting": QCoreApplication.translate("Texts", "Meeting"),
        "training": QCoreApplication.translate("Texts", "Training"),
        "other_work": QCoreApplication.translate("Texts", "Other work"),
        "missed_offer": QCoreApplication.translate("Texts", "Missed offer"),
        "login": QCoreApplication.translate("Texts", "Just logged in"),
        "supervisor": QCoreApplication.translate("Texts", "Set by a supervisor"),
        "standby": QCoreApplication.translate("Texts", "Digi-agent on standby"),
        "digi_return": QCoreApplication.translate("Texts", "Returning to clinic work"),
    }.get(reason or "", reason or "")


def outcome_name(outcome: Outcome) -> str:
    return {
        Outcome.ONE_CONTACT: QCoreApplication.translate("Texts", "Handled in one contact"),
        Outcome.APPOINTMENT: QCoreApplication.translate("Texts", "Appointment booked"),
        Outcome.CALLBACK: QCoreApplication.translate("Texts", "Callback left"),
        Outcome.SOCIAL_SERVICES: QCoreApplication.translate("Texts", "Referred to social services"),
        Outcome.EMERGENCY: QCoreApplication.translate(
            "Texts", "Referred to emergency care / on-call line (112, 116 117)"
        ),
        Outcome.OTHER: QCoreApplication.translate("Texts", "Other"),
    }[outcome]


def link_name(link: str) -> str:
    return {
        "connecting": QCoreApplication.translate("Texts", "Connecting…"),
        "online": QCoreApplication.translate("Texts", "Connected"),
        "reconnecting": QCoreApplication.translate("Texts", "Connection lost, reconnecting…"),
        "auth_failed": QCoreApplication.translate("Texts", "Login failed"),
    }.get(link, link)


def system_line(code: str) -> str:
    """A system line's code (``consult_joined:Pekka``) in her language."""
    key, _, arg = code.partition(":")
    return {
        "client_left": QCoreApplication.translate("Texts", "The client left the conversation."),
        "transferred": QCoreApplication.translate(
            "Texts", "The conversation was transferred to another professional."
        ),
        "consult_joined": QCoreApplication.translate(
            "Texts", "%1 joined the conversation as a consultant."
        ).replace("%1", arg),
        "consult_left": QCoreApplication.translate("Texts", "%1 left the conversation.").replace(
            "%1", arg
        ),
        "picture_requested": QCoreApplication.translate(
            "Texts", "A picture was requested from the client."
        ),
    }.get(key, code)


def refusal(detail: str) -> str | None:
    """Why the backend refused a transfer or an invitation, in her language."""
    return {
        "transfer_nobody_ready": QCoreApplication.translate(
            "Texts", "Nobody in that queue can take a chat now. Try later or pick another queue."
        ),
        "transfer_busy": QCoreApplication.translate(
            "Texts", "That colleague cannot take a chat now (not Ready, or full)."
        ),
        "transfer_offline": QCoreApplication.translate("Texts", "That colleague is not online."),
        "transfer_no_skill": QCoreApplication.translate(
            "Texts", "That colleague does not serve that queue."
        ),
        "transfer_self": QCoreApplication.translate("Texts", "You cannot transfer to yourself."),
        "consult_role": QCoreApplication.translate(
            "Texts", "That colleague's role cannot be invited into client conversations."
        ),
        "consult_offline": QCoreApplication.translate("Texts", "That colleague is not online."),
        "consult_already_in": QCoreApplication.translate(
            "Texts", "That colleague is already in the conversation."
        ),
    }.get(detail)


def error_text(code: str) -> str:
    """A refusal from the backend in her language, with what to do next: an error code
    never reaches her raw (tests/unit/desktop/ui/test_texts.py holds every code to it)."""

    texts = {
        ErrorCode.BAD_JSON: QCoreApplication.translate(
            "Texts",
            "The workstation and the server did not understand each other. Try again; if it "
            "repeats, tell IT support.",
        ),
        ErrorCode.BAD_VERSION: QCoreApplication.translate(
            "Texts",
            "This version of Luukku does not match the server. Ask IT support to update it.",
        ),
        ErrorCode.TOO_LARGE: QCoreApplication.translate(
            "Texts", "That is too large to send. Shorten it or choose a smaller file."
        ),
        ErrorCode.RATE_LIMITED: QCoreApplication.translate(
            "Texts", "Too many requests in a short time. Wait a moment and try again."
        ),
        ErrorCode.CLOSED_NOW: QCoreApplication.translate(
            "Texts", "The service is closed now. It cannot be done until it opens."
        ),
        ErrorCode.UNKNOWN_QUEUE: QCoreApplication.translate(
            "Texts", "That queue is not in use (any more). Choose another queue from the list."
        ),
        ErrorCode.NOT_FOUND: QCoreApplication.translate(
            "Texts",
            "It is no longer there: a colleague may have closed or taken it. The view is "
            "up to date now.",
        ),
        ErrorCode.AUTH_FAILED: QCoreApplication.translate(
            "Texts", "Wrong username or password, or the account is disabled."
        ),
        ErrorCode.NOT_AUTHENTICATED: QCoreApplication.translate(
            "Texts", "Your session has ended. Log in again."
        ),
        ErrorCode.FORBIDDEN: QCoreApplication.translate(
            "Texts", "Your role does not allow this. Ask a supervisor."
        ),
        ErrorCode.CONFLICT: QCoreApplication.translate(
            "Texts",
            "Not possible in the present situation: a colleague may have acted first, or your "
            "state does not allow it. Check the situation and try again.",
        ),
        ErrorCode.INTERNAL: QCoreApplication.translate(
            "Texts",
            "The server ran into an error; nothing you wrote was lost. Try again; if it "
            "repeats, tell IT support.",
        ),
        ErrorCode.IDENTIFICATION_REQUIRED: QCoreApplication.translate(
            "Texts",
            "This needs a client identified with Suomi.fi. Ask the client to identify first.",
        ),
    }
    # A frame the server could not read, as JSON or as a frame: the same to her.
    texts[ErrorCode.BAD_FRAME] = texts[ErrorCode.BAD_JSON]
    try:
        return texts[ErrorCode(code)]
    except ValueError:
        return QCoreApplication.translate(
            "Texts", "The server refused the request. Try again; if it repeats, tell IT support."
        )


class ServiceClock:
    """Every time she reads is in the service's zone (the log-in tells it), whatever the
    workstation's clock is set to: a UTC or VDI machine shows the same "14.30" as the
    client's page, the wallboard and the reports."""

    zone: tzinfo = ZoneInfo("Europe/Helsinki")

    @classmethod
    def use(cls, name: str) -> None:
        cls.zone = ZoneInfo(name)

    @classmethod
    def text(cls, at: datetime, fmt: str = "%H:%M") -> str:
        return at.astimezone(cls.zone).strftime(fmt)

    @classmethod
    def now(cls) -> datetime:
        return datetime.now(cls.zone)


def plain(label: QLabel, text: str = "") -> QLabel:
    """Text shown exactly as typed: what a client or a colleague wrote is never markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich(label: QLabel, markup: str = "") -> QLabel:
    """Markup we wrote ourselves, every piece of client or colleague text in it escaped
    with ``html.escape``: the one way a label shows rich text."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(markup)
    return label


class PlainTextByDefault(QObject):
    """Every QLabel in the app is plain text unless made ``rich()``: Qt's default guesses
    rich text from the content, so a client named ``<b>…`` would otherwise be bold, and
    a label someone forgets would be a hole. Installed once on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() is QEvent.Type.Polish
            and isinstance(watched, QLabel)
            and watched.textFormat() is Qt.TextFormat.AutoText
        ):
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


_FILTER: list[PlainTextByDefault] = []


def install_plain_text_default(app: QApplication) -> None:
    if not _FILTER:
        _FILTER.append(PlainTextByDefault(app))
        app.installEventFilter(_FILTER[0])


def anonymous() -> str:
    return QCoreApplication.translate("Texts", "Anonymous")


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"
