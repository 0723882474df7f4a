"""Account values checked against the service file, and what provider groups give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.domain.accounts import (
    AccountError,
    check_languages,
    check_role,
    check_skills,
    check_username,
    grant,
)

ROLES = ["nurse", "psychiatric_nurse", "supervisor"]
SKILLS = ["neuvola", "mipa", "ehkaisy"]


def test_a_typo_names_the_valid_values() -> None:
    with pytest.raises(AccountError, match="unknown role 'supervsor'; valid roles: nurse, "):
        check_role("supervsor", ROLES)
    with pytest.raises(
        AccountError, match=r"unknown skill 'x'; valid skills: ehkaisy, mipa, neuvola"
    ):
        check_skills("neuvola,x", SKILLS)
    with pytest.raises(AccountError, match="valid languages: fi, sv, en"):
        check_languages("fi,de")
    with pytest.raises(AccountError, match="at least one"):
        check_languages("")
    with pytest.raises(AccountError, match="no spaces"):
        check_username("anna aalto")


def test_values_are_tidied_not_changed() -> None:
    assert check_skills(" mipa , neuvola,mipa", SKILLS) == ["mipa", "neuvola"]
    assert check_skills("", SKILLS) == []
    assert check_languages(["sv", "fi", "sv"]) == ["sv", "fi"]
    assert check_username("anna.aalto@hyvaks.fi") == "anna.aalto@hyvaks.fi"


def test_the_first_listed_group_gives_the_role_all_groups_the_skills() -> None:
    roles = {"g-super": "supervisor", "g-nurse": "nurse"}
    skills = {"g-nurse": ["neuvola"], "g-mipa": ["mipa", "neuvola"]}
    both = grant(["g-nurse", "g-super", "g-mipa"], roles, skills)
    assert both is not None and both.role == "supervisor"
    assert both.skills == ["neuvola", "mipa"]
    assert grant(["hr"], roles, skills) is None
    assert grant([], roles, skills) is None


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"])))
def test_a_granted_role_is_always_one_the_service_names(groups: list[str]) -> None:
    roles = {"a": "supervisor", "c": "nurse"}
    skills = {"b": ["neuvola"], "c": ["mipa"], "e": ["neuvola"]}
    granted = grant(groups, roles, skills)
    assert (granted is None) == (not {"a", "c"} & set(groups))
    if granted is not None:
        assert granted.role in roles.values()
        assert len(granted.skills) == len(set(granted.skills))
        assert set(granted.skills) <= {s for g in groups for s in skills.get(g, [])}
