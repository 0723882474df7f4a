"""Staff sessions: log-in, sign-in with the organisation, resume, log-out, her state, and
what the log-in tells the desktop."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import Frame, StaffStatus
from protocol.record import HandoffLink, RecordSettings


class StaffLogin(Frame):
    type: Literal["login"] = "login"
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class StaffSignInStart(Frame):
    """Sign in with the organisation's provider: the desktop listens on ``redirect_uri``
    (its loopback address) and gets the provider's address to open in the browser."""

    type: Literal["sign_in_start"] = "sign_in_start"
    redirect_uri: Annotated[str, Field(min_length=1, max_length=200)]
    login_hint: Annotated[str, Field(max_length=100)] = ""


class StaffSignInFinish(Frame):
    """The code the browser brought back to the loopback address, on the same socket."""

    type: Literal["sign_in_finish"] = "sign_in_finish"
    code: Annotated[str, Field(min_length=1, max_length=4096)]
    state: Annotated[str, Field(min_length=1, max_length=200)]


class StaffResumeSession(Frame):
    type: Literal["resume_session"] = "resume_session"
    session_token: Annotated[str, Field(min_length=16, max_length=128)]


class StaffSetStatus(Frame):
    type: Literal["set_status"] = "set_status"
    status: StaffStatus
    reason: Annotated[str, Field(max_length=100)] | None = None


class StaffLogout(Frame):
    """She logs out: her session ends for good and the socket closes."""

    type: Literal["logout"] = "logout"


class StaffProfile(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    chat_capacity: int
    handbook_editor: bool = False
    # Languages she serves clients in (routing offers a client in her language first).
    languages: list[str] = ["fi"]


class DirectoryNurse(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str


class Clinic(BaseModel):
    """A clinic of the directory (configuration): a callback can be left for it."""

    model_config = ConfigDict(frozen=True)
    id: str
    names: dict[str, str]
    nurses: list[DirectoryNurse]


class ToStaffSignInUrl(Frame):
    """Where the desktop sends the browser to sign in (the provider's page)."""

    type: Literal["sign_in_url"] = "sign_in_url"
    url: str


class ToStaffLoggedIn(Frame):
    type: Literal["logged_in"] = "logged_in"
    session_token: str
    profile: StaffProfile
    status: StaffStatus
    queue_names: dict[str, dict[str, str]]
    # Quick-reply placeholders from the service file ({first_name} is filled on the desktop).
    placeholders: dict[str, str] = {}
    clinics: list[Clinic] = []
    # Each queue's skill and channel: whom a transfer can go to, which queues are chats.
    queue_skills: dict[str, str] = {}
    queue_channels: dict[str, Literal["chat", "phone"]] = {}
    # The service's time zone: its days (reports, her own figures) are days there.
    timezone: str = "Europe/Helsinki"
    queue_links: dict[str, list[HandoffLink]] = {}
    record: RecordSettings = RecordSettings()


class ToStaffStatus(Frame):
    type: Literal["status"] = "status"
    status: StaffStatus
    reason: str | None = None
    # Wrap-up: when it ends by itself (she is then Ready); None: until she changes it.
    wrap_up_until: datetime | None = None
