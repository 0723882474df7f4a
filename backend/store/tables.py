"""The database schema. Change it only together with a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """A mapped class's table, for statements built once (Core, not the ORM)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class StaffUser(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    # Comma-separated skill ids; a handful per person.
    skills: Mapped[str] = mapped_column(String(400))
    chat_capacity: Mapped[int] = mapped_column(Integer)
    chat_while_on_call: Mapped[bool] = mapped_column(Boolean, default=False)
    # The other half of the channel rule: phone deliveries while she holds chats.
    phone_while_chat: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Comma-separated languages she serves clients in ("fi", "sv", "en").
    languages: Mapped[str] = mapped_column(String(40), default="fi", server_default="fi")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # May edit the operating handbook (besides supervisors).
    handbook_editor: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "local" (a Luukku password) or "oidc" (the organisation's provider; no password).
    source: Mapped[str] = mapped_column(String(8), default="local", server_default="local")


class StaffSession(Base):
    __tablename__ = "staff_sessions"
    # Only a hash of the token is stored: a copied database does not log anyone in.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("staff_users.username"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Conversation(Base):
    __tablename__ = "conversations"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    queue: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(8))
    # queued -> active -> closed; queued -> closed (abandoned)
    state: Mapped[str] = mapped_column(String(16))
    client_token_hash: Mapped[str] = mapped_column(String(64))
    client_name: Mapped[str | None] = mapped_column(String(100))
    client_phone: Mapped[str | None] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(2))
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    abandoned: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(String(32))
    wrap_up: Mapped[str | None] = mapped_column(Text)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The client answered the feedback question (once per conversation); the answer
    # itself is stored apart, with no link back here.
    feedback_given: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # The client identified strongly (kept for its own, longer, retention period).
    identified: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # When retention removed its content (the timing row stays for the figures).
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_conversations_state", "state"),
        Index("ix_conversations_arrived", "arrived_at"),
        Index("ix_conversations_closed", "closed_at"),
    )


class Message(Base):
    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    seq: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(8))
    author_name: Mapped[str | None] = mapped_column(String(100))
    staff_username: Mapped[str | None] = mapped_column(String(64))
    client_msg_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "text" | "picture" (picture_id set) | "video" (text is the meeting link)
    kind: Mapped[str] = mapped_column(String(16), default="text", server_default="text")
    picture_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        UniqueConstraint("conversation_id", "seq", name="uq_messages_seq"),
        # A resent message (after a reconnect) is stored once.
        UniqueConstraint("conversation_id", "author", "client_msg_id", name="uq_messages_dedupe"),
    )


class AccessLog(Base):
    __tablename__ = "access_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    username: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        Index("ix_access_log_conversation", "conversation_id"),
        Index("ix_access_log_at", "at"),
    )


class HandbookPage(Base):
    """The current version of a handbook page or quick reply."""

    __tablename__ = "handbook_pages"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "page" | "quick_reply"
    area: Mapped[str] = mapped_column(String(200))  # tree path: "Lastenneuvola/Ajanvaraus"
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    queues: Mapped[str] = mapped_column(
        String(400), default=""
    )  # linked queue ids, comma-separated
    version: Mapped[int] = mapped_column(Integer)
    important: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    # The language it is written in ("": any): quick replies in the client's come first.
    lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    # Stemmed title and body (backend/domain/text_search.py): what search matches.
    search: Mapped[str] = mapped_column(Text, default="")
    # The page's row in the FTS5 index (SQLite): stable, unlike the implicit rowid.
    fts_id: Mapped[int] = mapped_column(Integer, unique=True)


class HandbookVersion(Base):
    __tablename__ = "handbook_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    queues: Mapped[str] = mapped_column(String(400), default="")
    lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    author: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(String(300), default="")
    important: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("page_id", "version", name="uq_handbook_version"),)


class HandbookRead(Base):
    """Which version of a page each staff member last opened: the change notices."""

    __tablename__ = "handbook_reads"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    page_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Callback(Base):
    """A callback request: a queue item until done (or decided about)."""

    __tablename__ = "callbacks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    queue: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(32))
    # Health data: shown only when opened (access-logged), never in a list.
    reason: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(8))
    nurse: Mapped[str | None] = mapped_column(String(64))  # a named colleague, if any
    clinic: Mapped[str | None] = mapped_column(String(32))  # a clinic of the directory
    source: Mapped[str] = mapped_column(String(8))  # chat | phone | manual
    conversation_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_callbacks_state", "state"),
        Index("ix_callbacks_created", "created_at"),
    )


class CallbackAttemptRow(Base):
    __tablename__ = "callback_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    callback_id: Mapped[int] = mapped_column(ForeignKey("callbacks.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_callback_attempts_callback", "callback_id"),)


class StaffNoteRow(Base):
    """Internal notes on a conversation. A table of their own, not chat lines: no query
    that serves a client can reach them."""

    __tablename__ = "staff_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    kind: Mapped[str] = mapped_column(String(16))  # note | transfer
    author: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_staff_notes_conversation", "conversation_id"),)


class Participant(Base):
    """A consultant in a conversation, from joining until leaving."""

    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    username: Mapped[str] = mapped_column(String(64))
    invited_by: Mapped[str] = mapped_column(String(64))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_participants_conversation", "conversation_id"),)


class Picture(Base):
    """A client's picture, re-encoded without metadata, with its thumbnail."""

    __tablename__ = "pictures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"))
    mime: Mapped[str] = mapped_column(String(16))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumb: Mapped[bytes] = mapped_column(LargeBinary)
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_pictures_conversation", "conversation_id"),)


class ColleagueMessageRow(Base):
    """Messages between colleagues: the help channel and direct messages (the table keeps
    its first name)."""

    __tablename__ = "staff_chat"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(140))
    sender: Mapped[str] = mapped_column(String(64))
    sender_name: Mapped[str] = mapped_column(String(100))
    client_msg_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_staff_chat_channel", "channel", "id"),
        UniqueConstraint("sender", "client_msg_id", name="uq_staff_chat_dedupe"),
    )


class ColleagueReadRow(Base):
    __tablename__ = "staff_chat_reads"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(140), primary_key=True)
    up_to: Mapped[int] = mapped_column(Integer)


class PhoneCall(Base):
    """One call to the service number, from arrival to its end (the report's row)."""

    __tablename__ = "phone_calls"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    gateway: Mapped[str] = mapped_column(String(64))
    caller: Mapped[str | None] = mapped_column(String(64))
    queue: Mapped[str | None] = mapped_column(String(32))
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime)
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # closed | abandoned | answered | callback | failed | no_input | lost
    outcome: Mapped[str | None] = mapped_column(String(16))
    # What the professional who answered recorded in her wrap-up (protocol Outcome).
    handling_outcome: Mapped[str | None] = mapped_column(String(32))
    wrap_up: Mapped[str | None] = mapped_column(Text)
    # When retention removed the caller's number and the notes.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_phone_calls_arrived", "arrived_at"),)


class CallEvent(Base):
    """Each step of a call, for reports: arrived, menu choice, queued, offered, answered,
    delivery failed, callback left, ended."""

    __tablename__ = "call_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (Index("ix_call_events_call", "call_id"),)


class StaffStateRow(Base):
    """Each change of a staff member's state (Ready, Not ready with its reason, Wrap-up,
    offline): what the reports' time per state is computed from."""

    __tablename__ = "staff_state_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        Index("ix_staff_state_log_at", "at"),
        Index("ix_staff_state_log_user_at", "username", "at"),
    )


class SupervisorAction(Base):
    """A supervisor set a colleague Not ready or signed her out, and why."""

    __tablename__ = "supervisor_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(200))


class RosterShift(Base):
    """Who works when (the supervisor's roster): what staffing advice compares need with."""

    __tablename__ = "roster_shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    day: Mapped[str] = mapped_column(String(10))  # ISO date, local
    start: Mapped[str] = mapped_column(String(5))  # "08:00", local
    end: Mapped[str] = mapped_column(String(5))
    skills: Mapped[str] = mapped_column(String(400))  # comma-separated
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_roster_shifts_day", "day"),)


class CallInRow(Base):
    """A call for digi-agents' help: why, for which queues, how many, when it ended."""

    __tablename__ = "call_ins"
    __table_args__ = (Index("ix_call_ins_opened", "opened_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    queues: Mapped[str] = mapped_column(String(400))
    trigger: Mapped[str] = mapped_column(String(16))
    by: Mapped[str | None] = mapped_column(String(64))
    wanted: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_why: Mapped[str | None] = mapped_column(String(16))


class CallInEventRow(Base):
    """Each step of a call-in for one digi-agent: asked, declined (and why), no answer,
    not needed, joined (for how long), released (minutes covered, contacts handled)."""

    __tablename__ = "call_in_events"
    __table_args__ = (Index("ix_call_in_events_at", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_in_id: Mapped[int] = mapped_column(ForeignKey("call_ins.id"))
    username: Mapped[str] = mapped_column(String(64))
    clinic: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[float | None] = mapped_column(Float)
    contacts: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")


class ClientFeedbackRow(Base):
    """A client's answer after a chat: anonymous (the queue and the day only)."""

    __tablename__ = "client_feedback"
    __table_args__ = (Index("ix_client_feedback_day", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    queue: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column(Date)
    score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


class AccountChange(Base):
    """Who changed which account, when and how (``users`` command, supervisors, sign-in)."""

    __tablename__ = "account_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(80))
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(400))

    __table_args__ = (Index("ix_account_changes_username", "username"),)


class PurgeRun(Base):
    """What one retention purge deleted: a kind of data, the cut-off and a count."""

    __tablename__ = "purge_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))
    before: Mapped[datetime] = mapped_column(UTCDateTime)
    count: Mapped[int] = mapped_column(Integer)


class ClientIdentityRow(Base):
    """Who an identified client proved to be (Suomi.fi): read only when a professional
    opens her conversation (access-logged); kept for ``retention.identified_days``."""

    __tablename__ = "client_identities"
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    hetu: Mapped[str] = mapped_column(String(20))
    loa: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class NodeLease(Base):
    """Which backend node is active (``backend/node/lease.py``): one row, written on
    PostgreSQL only; its token fences every write of the active."""

    __tablename__ = "node_lease"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200), server_default="")
    holder_app: Mapped[str] = mapped_column(String(64), server_default="")
    token: Mapped[int] = mapped_column(BigInteger, server_default="0")
    since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    step_down: Mapped[bool] = mapped_column(Boolean, server_default=sa_false())
