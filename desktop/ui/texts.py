"""Translatable names for protocol values, and small display helpers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from protocol.messages import Outcome, StaffStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("Texts", text)


def status_name(status: StaffStatus) -> str:
    return {
        StaffStatus.READY: _t("Ready"),
        StaffStatus.NOT_READY: _t("Not ready"),
        StaffStatus.WRAP_UP: _t("Wrap-up"),
        StaffStatus.OFFLINE: _t("Offline"),
    }[status]


# Not-ready reasons: stored as codes, shown translated.
NOT_READY_REASONS = ("break", "meeting", "training", "other_work")


def reason_name(reason: str | None) -> str:
    return {
        "break": _t("Break"),
        "meeting": _t("Meeting"),
        "training": _t("Training"),
        "other_work": _t("Other work"),
        "missed_offer": _t("Missed offer"),
        "login": _t("Just logged in"),
    }.get(reason or "", reason or "")


def outcome_name(outcome: Outcome) -> str:
    return {
        Outcome.ONE_CONTACT: _t("Handled in one contact"),
        Outcome.APPOINTMENT: _t("Appointment booked"),
        Outcome.CALLBACK: _t("Callback left"),
        Outcome.SOCIAL_SERVICES: _t("Referred to social services"),
        Outcome.OTHER: _t("Other"),
    }[outcome]


def link_name(link: str) -> str:
    return {
        "connecting": _t("Connecting…"),
        "online": _t("Connected"),
        "reconnecting": _t("Connection lost, reconnecting…"),
        "auth_failed": _t("Login failed"),
    }.get(link, link)


def system_line(code: str) -> str:
    return {"client_left": _t("The client left the conversation.")}.get(code, code)


def anonymous() -> str:
    return _t("Anonymous")


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"
