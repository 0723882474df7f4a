"""Staff accounts, as supervisors manage them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import Frame


class StaffAccountsRequest(Frame):
    """A supervisor: every staff account, with the roles and skills an account may have."""

    type: Literal["accounts"] = "accounts"


class StaffAccountChange(Frame):
    """A supervisor changes an account. ``add`` takes name, role, skills, languages and a
    first password (none where the organisation signs staff in); each set-* its one field.
    Values are checked against the service file: a refusal names the valid ones."""

    type: Literal["account_change"] = "account_change"
    action: Literal["add", "disable", "enable", "remove", "set_role", "set_skills", "set_languages"]
    username: Annotated[str, Field(min_length=1, max_length=64)]
    name: Annotated[str, Field(max_length=100)] = ""
    role: Annotated[str, Field(max_length=32)] = ""
    skills: Annotated[list[Annotated[str, Field(max_length=32)]], Field(max_length=50)] = []
    languages: Annotated[list[Annotated[str, Field(max_length=2)]], Field(max_length=3)] = []
    password: Annotated[str, Field(max_length=200)] = ""


class AccountLine(BaseModel):
    model_config = ConfigDict(frozen=True)
    username: str
    display_name: str
    role: str
    skills: list[str]
    languages: list[str]
    active: bool
    source: Literal["local", "oidc"] = "local"
    online: bool = False


class ToStaffAccounts(Frame):
    """The accounts (to a supervisor), after a request or her change. ``problem`` is why
    her last change was refused (the valid values named), empty when it was made."""

    type: Literal["accounts"] = "accounts"
    users: list[AccountLine]
    roles: list[str]
    skills: list[str]
    local_passwords: bool = True
    problem: str = ""  # in English, for the log; the desktop shows ``problem_code``'s text
    problem_code: str = ""  # which rule refused it (backend/domain/accounts.py: AccountError)
    done: str = ""  # what her change did, e.g. "disable"
