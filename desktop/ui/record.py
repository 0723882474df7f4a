"""The record entry and hand-off links as she sees them: the contact in her words (the
pure rules are ``desktop/chat/record.py``), the clipboard, and the system browser."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.chat.record import Contact, Link, TranscriptLine, entry, link_for
from desktop.chat.state import Chat, Workstation
from desktop.ui.texts import ServiceClock, anonymous, outcome_name
from protocol.messages import CallbackCreate, Outcome


def my_name(state: Workstation) -> str:
    return state.profile.display_name if state.profile else state.me


def channel_name(channel: str) -> str:
    return {
        "chat": QCoreApplication.translate("Record", "chat"),
        "phone": QCoreApplication.translate("Record", "phone"),
    }.get(channel, channel)


def callback_text(state: Workstation, asked: CallbackCreate, lang: str) -> str:
    clinic = next((c for c in state.clinics if c.id == asked.clinic), None)
    where = (
        (clinic.names.get(lang) or clinic.names.get("fi") or clinic.id)
        if clinic is not None
        else state.queue_name(asked.queue, lang)
    )
    if asked.nurse:
        where += f" ({state.colleague_name(asked.nurse)})"
    if asked.priority == "urgent":
        where += " – " + QCoreApplication.translate("Record", "urgent")
    return where


def chat_contact(
    state: Workstation,
    chat: Chat,
    lang: str,
    outcome: Outcome | None = None,
    wrap_up: str = "",
) -> Contact:
    """A chat as its record entry tells it. Her name and identity code only for a client
    identified with Suomi.fi; a name she typed herself is said to be hers."""
    client_word = QCoreApplication.translate("Record", "Client")
    if chat.identity is not None:
        client = chat.identity.name
    elif chat.client_name:
        client = QCoreApplication.translate("Record", "%1 (name given by the client)").replace(
            "%1", chat.client_name
        )
    else:
        client = anonymous()
    said = [line for line in chat.lines if line.author in ("client", "staff")]
    first = next((line.text for line in said if line.author == "client"), "")
    transcript = tuple(
        TranscriptLine(
            line.at,
            client_word if line.author == "client" else (line.author_name or ""),
            line.text
            if line.kind != "picture"
            else QCoreApplication.translate("Record", "[picture]"),
        )
        for line in said
    )
    clinics = [c.clinic for c in chat.callbacks if c.clinic]
    owner = chat.owner or state.me
    return Contact(
        contact_id=chat.conversation_id,
        started_at=chat.started_at,
        channel=channel_name("chat"),
        queue=state.queue_name(chat.queue, lang),
        queue_id=chat.queue,
        handled_by=my_name(state) if owner == state.me else state.colleague_name(owner),
        consultants=tuple(state.colleague_name(u) for u in chat.consultants),
        client=client,
        identity_code=chat.identity.hetu if chat.identity is not None else "",
        reason=first,
        outcome=outcome_name(outcome) if outcome is not None else "",
        wrap_up=wrap_up,
        callbacks=tuple(callback_text(state, c, lang) for c in chat.callbacks),
        transcript=transcript,
        clinic=clinics[-1] if clinics else "",
    )


def call_contact(
    state: Workstation,
    call_id: str,
    queue: str,
    caller: str,
    started_at: datetime | None,
    lang: str,
    outcome: Outcome | None = None,
    wrap_up: str = "",
) -> Contact:
    """A service-number call: no transcript; the caller's number as she saw it."""
    return Contact(
        contact_id=call_id,
        started_at=started_at or datetime.now(UTC),
        channel=channel_name("phone"),
        queue=state.queue_name(queue, lang) if queue else "",
        queue_id=queue,
        handled_by=my_name(state),
        client=caller or anonymous(),
        outcome=outcome_name(outcome) if outcome is not None else "",
        wrap_up=wrap_up,
    )


def record_text(state: Workstation, contact: Contact, lang: str) -> str:
    templates = state.record.templates
    template = templates.get(lang) or templates.get("fi") or ""
    return entry(contact, template, ServiceClock.zone, state.record.transcript)


def copy_to_clipboard(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)


def links_of(state: Workstation, contact: Contact) -> list[Link]:
    return [link_for(link, contact) for link in state.queue_links.get(contact.queue_id, [])]


def open_link(url: str) -> bool:
    """The system browser (the organisation's booking or record system)."""
    return QDesktopServices.openUrl(QUrl(url))
