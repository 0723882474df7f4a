"""``python -m backend users``: each subcommand against a running backend's database, each
typo refused with the valid values, and a disable while she holds a live chat."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from websockets.exceptions import ConnectionClosed

from tests.helpers import BackendProcess, Peer, cli, running_backend, staff

PASSWORD = "pitkä salasana 2026\n"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("users")) as b:
        yield b


def listed(backend: BackendProcess) -> dict[str, dict[str, object]]:
    done = cli(backend, "users", "list", "--json")
    assert done.returncode == 0, done.stderr
    return {u["username"]: u for u in json.loads(done.stdout)}


def test_each_subcommand_changes_the_account_and_is_recorded(backend: BackendProcess) -> None:
    added = cli(
        backend,
        *("users", "add", "outi", "--name", "Outi Ojala", "--role", "nurse"),
        *("--skills", "neuvola", "--languages", "fi,sv", "--password-stdin"),
        stdin=PASSWORD,
    )
    assert added.returncode == 0, added.stderr
    assert listed(backend)["outi"] == {
        "username": "outi",
        "name": "Outi Ojala",
        "role": "nurse",
        "skills": ["neuvola"],
        "languages": ["fi", "sv"],
        "active": True,
        "source": "local",
    }
    for args in (
        ("set-role", "outi", "psychiatric_nurse"),
        ("set-skills", "outi", "mipa,neuvola"),
        ("set-languages", "outi", "sv"),
        ("disable", "outi"),
    ):
        done = cli(backend, "users", *args)
        assert done.returncode == 0, done.stderr
    outi = listed(backend)["outi"]
    assert (outi["role"], outi["skills"], outi["languages"], outi["active"]) == (
        "psychiatric_nurse",
        ["mipa", "neuvola"],
        ["sv"],
        False,
    )
    assert cli(backend, "users", "enable", "outi").returncode == 0
    assert listed(backend)["outi"]["active"] is True
    text = cli(backend, "users", "list").stdout
    assert "outi" in text and "psychiatric_nurse" in text
    assert cli(backend, "users", "remove", "outi").returncode == 0
    assert "outi" not in listed(backend)
    history = cli(backend, "users", "changes", "outi").stdout.splitlines()
    actions = [line.split()[4] for line in history]
    assert actions == [
        "add",
        "set-role",
        "set-skills",
        "set-languages",
        "disable",
        "enable",
        "remove",
    ]
    assert all(line.split()[2].startswith("cli:") for line in history)
    # Never the password, in any record.
    assert "salasana" not in "\n".join(history)


TYPOS = [
    (("add", "x1", "--role", "supervsor"), "valid roles: nurse, psychiatric_nurse"),
    (("add", "x2", "--skills", "nonexistentskill"), "valid skills: asiakaspalvelu, mipa, neuvola"),
    (("add", "x3", "--languages", "fi,de"), "valid languages: fi, sv, en"),
    (("add", "bad name"), "no spaces"),
    (("add", "hoitaja"), "exists already"),
    (("set-role", "hoitaja", "supervsor"), "valid roles:"),
    (("set-skills", "hoitaja", "neuvola,nonexistentskill"), "'nonexistentskill'"),
    (("set-languages", "hoitaja", "de"), "valid languages"),
    (("disable", "nobody"), "no user 'nobody'"),
    (("enable", "nobody"), "no user 'nobody'"),
    (("remove", "nobody"), "no user 'nobody'"),
    (("set-role", "nobody", "nurse"), "no user 'nobody'"),
]


def test_a_typo_is_refused_with_the_valid_values(backend: BackendProcess) -> None:
    before = listed(backend)
    for args, refusal in TYPOS:
        extra = ("--password-stdin",) if args[0] == "add" else ()
        done = cli(backend, "users", *args, *extra, stdin=PASSWORD)
        assert done.returncode == 2, args
        assert refusal in done.stderr, (args, done.stderr)
    assert listed(backend) == before


async def test_disable_during_a_live_chat_gives_it_back_at_the_queue_head(
    backend: BackendProcess,
) -> None:
    added = cli(
        backend,
        *("users", "add", "vilja", "--name", "Vilja V", "--skills", "neuvola"),
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert added.returncode == 0, added.stderr
    vilja = await staff(backend.ws, "vilja", PASSWORD.strip())
    first = await Peer.connect(backend.ws + "/ws/client")
    await first.send(type="start", queue="neuvola")
    cid = (await first.expect("started"))["conversation_id"]
    await vilja.expect("offer", conversation_id=cid)
    await vilja.send(type="accept", conversation_id=cid)
    await vilja.expect("conversation")
    # A newer client waits meanwhile: the given-back chat goes ahead of her.
    second = await Peer.connect(backend.ws + "/ws/client")
    await second.send(type="start", queue="neuvola")
    later = (await second.expect("started"))["conversation_id"]

    done = cli(backend, "users", "disable", "vilja")
    assert done.returncode == 0, done.stderr
    with pytest.raises(ConnectionClosed) as closed:
        await vilja.expect("never", timeout=8)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4003
    # The client is told, and is first in line again.
    await first.expect("message", timeout=5)
    colleague = await staff(backend.ws, "hoitaja")
    offer = await colleague.expect("offer", timeout=5)
    assert offer["conversation_id"] == cid
    assert later != cid
    # She cannot come back: neither with her token nor her password.
    again = await Peer.connect(backend.ws + "/ws/staff")
    await again.send(type="login", username="vilja", password=PASSWORD.strip())
    assert (await again.expect("error"))["code"] == "auth_failed"
    for peer in (colleague, first, second, again):
        await peer.close()
    assert (
        backend.query(
            "select action, by from account_changes where username = 'vilja' order by id"
        )[-1][0]
        == "disable"
    )
