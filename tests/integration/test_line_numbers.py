"""A conversation's lines are numbered 1, 2, 3, ... in the order they were sent, whatever
else wrote to it meanwhile: the writer thread remembers each open conversation's last
number, and a line stored inside another change, another node's writes or a batch that
failed must not make it repeat or skip a number (the client's resume asks for the lines
after the last number it saw)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from backend.store.lines import add_line
from backend.store.migrate import upgrade
from backend.store.repository import Store
from backend.store.tables import Conversation
from tests.helpers import fresh_database_url

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = fresh_database_url(tmp_path)
    upgrade(url)
    return url


@pytest.fixture
async def store(url: str) -> AsyncIterator[Store]:
    store = Store(url)
    try:
        yield store
    finally:
        await store.close()


async def open_chat(store: Store, cid: str) -> None:
    await store.add_conversation(
        Conversation(
            id=cid,
            queue="neuvola",
            channel="chat",
            state="queued",
            client_token_hash="",
            client_name=None,
            client_phone=None,
            lang="fi",
            arrived_at=NOW,
            abandoned=False,
            last_seq=0,
            identified=False,
        )
    )


async def say(store: Store, cid: str, line: str) -> int:
    stored, new = await store.append_message(
        cid, author="client", text=line, at=NOW, client_msg_id=f"{cid}:{line}"
    )
    assert new
    return stored.seq


async def numbered(store: Store, cid: str) -> list[tuple[int, str]]:
    return [(line.seq, line.text) for line in await store.lines(cid)]


async def test_many_chats_writing_at_once_get_their_lines_numbered_in_order(store: Store) -> None:
    chats = [f"c{n}" for n in range(80)]
    await asyncio.gather(*(open_chat(store, cid) for cid in chats))
    for round_ in range(1, 6):
        # Two lines a chat a round, all sent together: they share batches.
        seqs = await asyncio.gather(
            *(say(store, cid, f"{round_}a") for cid in chats),
            *(say(store, cid, f"{round_}b") for cid in chats),
        )
        assert sorted(set(seqs)) == [2 * round_ - 1, 2 * round_]
    for cid in chats:
        assert await numbered(store, cid) == [
            (2 * r - 1 + i, f"{r}{half}") for r in range(1, 6) for i, half in enumerate("ab")
        ]


async def test_a_line_stored_inside_another_change_is_numbered_between(store: Store) -> None:
    await open_chat(store, "c")
    assert [await say(store, "c", n) for n in ("1", "2")] == [1, 2]

    def transfer_note(s: Session) -> int:
        return add_line(s, "c", author="system", text="siirretty", at=NOW, kind="transfer").seq

    assert await store.transaction(transfer_note) == 3
    assert [await say(store, "c", n) for n in ("4", "5")] == [4, 5]
    assert [seq for seq, _ in await numbered(store, "c")] == [1, 2, 3, 4, 5]


async def test_two_nodes_writing_one_conversation_never_repeat_a_number(
    url: str, store: Store
) -> None:
    """The node that took over wrote to the conversation; the first one, active again,
    remembers numbers that are no longer the last: its next lines still follow on. The
    other chat in the same batch (its number still right) is numbered right too."""
    await open_chat(store, "c")
    await open_chat(store, "d")
    assert [await say(store, "c", n) for n in ("a1", "a2")] == [1, 2]
    assert await say(store, "d", "a1") == 1
    other = Store(url)
    try:
        assert [await say(other, "c", n) for n in ("b1", "b2", "b3")] == [3, 4, 5]
    finally:
        await other.close()
    assert await asyncio.gather(say(store, "c", "a3"), say(store, "d", "a2")) == [6, 2]
    assert await say(store, "c", "a4") == 7
    assert [seq for seq, _ in await numbered(store, "c")] == list(range(1, 8))


async def test_a_failed_batch_neither_loses_nor_skips_a_number(store: Store) -> None:
    """A write that fails in the same commit as the lines: each is tried again on its own,
    the lines are kept with the numbers they would have had, and the next ones follow."""
    await open_chat(store, "c")
    assert await say(store, "c", "1") == 1

    def broken(s: Session) -> None:
        s.execute(text("INSERT INTO no_such_table VALUES (1)"))

    results = await asyncio.gather(
        store.transaction(broken),
        say(store, "c", "2"),
        say(store, "c", "3"),
        return_exceptions=True,
    )
    assert isinstance(results[0], Exception)
    assert results[1:] == [2, 3]
    assert await say(store, "c", "4") == 4
    assert [seq for seq, _ in await numbered(store, "c")] == [1, 2, 3, 4]


async def test_a_line_for_a_conversation_that_does_not_exist_fails_alone(store: Store) -> None:
    await open_chat(store, "c")
    assert await say(store, "c", "1") == 1
    results = await asyncio.gather(
        say(store, "nobody", "1"), say(store, "c", "2"), return_exceptions=True
    )
    assert isinstance(results[0], LookupError)
    assert results[1] == 2


async def test_a_resent_line_keeps_its_number_after_the_chat_is_closed(store: Store) -> None:
    await open_chat(store, "c")
    assert [await say(store, "c", n) for n in ("1", "2")] == [1, 2]
    await store.mark_closed("c", NOW, outcome="done")
    again, new = await store.append_message(
        "c", author="client", text="2", at=NOW, client_msg_id="c:2"
    )
    assert (again.seq, new) == (2, False)
    late, new = await store.append_message("c", author="client", text="3", at=NOW)
    assert (late.seq, new) == (3, True)
