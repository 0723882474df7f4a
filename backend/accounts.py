"""Staff accounts: what IT does with ``python -m backend users`` and supervisors in the
desktop, and what the organisation's sign-in does on each log-in.

Every value is checked against the service file first (``backend/domain/accounts.py``);
every change is recorded with who made it. Ending an account (disable, remove) ends her
sessions in the same transaction; the running backend then closes her socket and gives
her open chats back to the head of their queues (``on_ended``; from another process the
sessions notice within a round, ``Sessions.watch``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from backend.config import ServiceConfig
from backend.domain.accounts import (
    AccountError,
    Granted,
    check_languages,
    check_role,
    check_skills,
    check_username,
)
from backend.store.accounts import AccountStore
from backend.store.repository import Store
from backend.store.tables import AccountChange, StaffUser

log = logging.getLogger("luukku.accounts")


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: str
    skills: str = ""
    languages: str = "fi"
    chat_capacity: int = 2
    chat_while_on_call: bool = False
    phone_while_chat: bool = False
    # An argon2 hash, or "" for an account that signs in only through the provider.
    password_hash: str = ""
    source: str = "local"


class Accounts:
    def __init__(
        self,
        store: Store,
        config: Callable[[], ServiceConfig],
        clock: Callable[[], datetime],
        on_ended: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self.rows = AccountStore(store)
        self._config = config
        self._clock = clock
        self._on_ended = on_ended

    # --- reading -------------------------------------------------------------------------

    async def all(self) -> list[StaffUser]:
        return await self.rows.all()

    async def changes(self, username: str | None = None) -> list[AccountChange]:
        return await self.rows.changes(username)

    # --- checks --------------------------------------------------------------------------

    def role(self, role: str) -> str:
        return check_role(role, self._config().staff.roles)

    def skills(self, skills: str | list[str]) -> str:
        return ",".join(check_skills(skills, self._config().skills()))

    @staticmethod
    def languages(languages: str | list[str]) -> str:
        return ",".join(check_languages(languages))

    # --- changes -------------------------------------------------------------------------

    async def add(self, by: str, new: NewAccount) -> StaffUser:
        if not 1 <= new.chat_capacity <= 10:
            raise AccountError("chat capacity is 1-10 conversations at once", "capacity")
        name = new.display_name.strip()
        if not name or len(name) > 100:
            raise AccountError("a name of 1-100 characters is needed", "name")
        user = StaffUser(
            username=check_username(new.username),
            display_name=name,
            password_hash=new.password_hash,
            role=self.role(new.role),
            skills=self.skills(new.skills),
            chat_capacity=new.chat_capacity,
            chat_while_on_call=new.chat_while_on_call,
            phone_while_chat=new.phone_while_chat,
            languages=self.languages(new.languages),
            active=True,
            created_at=self._clock(),
            source=new.source,
        )
        detail = f"role={user.role} skills={user.skills} languages={user.languages}"
        if not await self.rows.add(user, by, detail, self._clock()):
            raise AccountError(f"user {new.username!r} exists already", "exists")
        log.info("account %s added by %s", user.username, by)
        return user

    async def _change(self, by: str, username: str, values: dict[str, object], action: str) -> None:
        # The record says what changed, never a password's hash.
        detail = " ".join(
            key if key == "password_hash" else f"{key}={value}" for key, value in values.items()
        )
        if not await self.rows.change(username, dict(values), by, action, detail, self._clock()):
            raise AccountError(f"no user {username!r}", "no_user")
        log.info("account %s: %s by %s", username, action, by)

    async def set_role(self, by: str, username: str, role: str) -> None:
        await self._change(by, username, {"role": self.role(role)}, "set-role")

    async def set_skills(self, by: str, username: str, skills: str | list[str]) -> None:
        await self._change(by, username, {"skills": self.skills(skills)}, "set-skills")

    async def set_languages(self, by: str, username: str, languages: str | list[str]) -> None:
        await self._change(by, username, {"languages": self.languages(languages)}, "set-languages")

    async def set_password(self, by: str, username: str, password_hash: str) -> None:
        await self._change(by, username, {"password_hash": password_hash}, "set-password")

    async def enable(self, by: str, username: str) -> None:
        await self._change(by, username, {"active": True}, "enable")

    async def disable(self, by: str, username: str) -> None:
        await self._change(by, username, {"active": False}, "disable")
        if self._on_ended is not None:
            await self._on_ended(username)

    async def remove(self, by: str, username: str) -> None:
        if not await self.rows.remove(username, by, self._clock()):
            raise AccountError(f"no user {username!r}", "no_user")
        log.info("account %s removed by %s", username, by)
        if self._on_ended is not None:
            await self._on_ended(username)

    async def from_provider(self, username: str, name: str, granted: Granted) -> StaffUser:
        """The organisation's provider vouched for her: the first sign-in creates her
        account, later ones bring role and skills up to date (her groups decide)."""
        existing = await self.rows.store.user(username)
        if existing is None:
            return await self.add(
                "oidc",
                NewAccount(
                    username=username,
                    display_name=name or username,
                    role=granted.role,
                    skills=",".join(granted.skills),
                    source="oidc",
                ),
            )
        if not existing.active:
            raise AccountError("account disabled", "disabled")
        values: dict[str, object] = {}
        skills = self.skills(granted.skills)
        if existing.role != granted.role:
            values["role"] = self.role(granted.role)
        if existing.skills != skills:
            values["skills"] = skills
        if name and existing.display_name != name:
            values["display_name"] = name[:100]
        if values:
            await self._change("oidc", username, values, "sign-in")
        return existing
