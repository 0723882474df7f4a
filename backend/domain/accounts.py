"""What an account may be: roles, skills and languages checked against the service file,
and what the organisation's groups give (OpenID Connect sign-in).

Plain rules: the ``users`` command, the supervisors' desktop and sign-in all ask here, so a
typo is refused the same way everywhere, with the valid values named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

LANGUAGES = ("fi", "sv", "en")
USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


class AccountError(ValueError):
    """A value an account cannot have; the message names the valid ones (for the command
    line and the log). ``code`` says which rule refused it, so that the desktop says it in
    the supervisor's language: username, role, skills, languages, capacity, name, exists,
    no_user, disabled, own_account, password_short, no_passwords."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


def _split(value: str | Iterable[str]) -> list[str]:
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [p.strip() for p in parts if p.strip()]


def check_username(username: str) -> str:
    if not USERNAME.match(username):
        raise AccountError(
            f"username {username!r}: 1-64 letters, digits or . _ @ - (no spaces)", "username"
        )
    return username


def check_role(role: str, roles: Sequence[str]) -> str:
    if role not in roles:
        raise AccountError(f"unknown role {role!r}; valid roles: {', '.join(roles)}", "role")
    return role


def check_skills(skills: str | Iterable[str], valid: Iterable[str]) -> list[str]:
    """Her skills, in the order given, each once; unknown ones refused."""
    known = sorted(set(valid))
    chosen = list(dict.fromkeys(_split(skills)))
    wrong = [s for s in chosen if s not in known]
    if wrong:
        raise AccountError(
            f"unknown skill{'s' if len(wrong) > 1 else ''} {', '.join(map(repr, wrong))};"
            f" valid skills: {', '.join(known)}",
            "skills",
        )
    return chosen


def check_languages(languages: str | Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(_split(languages)))
    wrong = [lang for lang in chosen if lang not in LANGUAGES]
    if wrong or not chosen:
        raise AccountError(
            f"languages {', '.join(map(repr, wrong)) or '(none)'} refused;"
            f" valid languages: {', '.join(LANGUAGES)} (at least one)",
            "languages",
        )
    return chosen


@dataclass(frozen=True)
class Granted:
    """What her groups give her in Luukku."""

    role: str
    skills: list[str]


def grant(
    groups: Iterable[str],
    roles: Mapping[str, str],
    skills: Mapping[str, Sequence[str]],
) -> Granted | None:
    """Role and skills from her provider groups; None when no group gives a role (she is
    not Luukku staff, whatever else she is). The first group in ``roles`` she has wins,
    so "supervisor" listed first outranks a nurse group she also has."""
    mine = set(groups)
    role = next((r for group, r in roles.items() if group in mine), None)
    if role is None:
        return None
    given: list[str] = []
    for group, group_skills in skills.items():
        if group in mine:
            given.extend(s for s in group_skills if s not in given)
    return Granted(role, given)
