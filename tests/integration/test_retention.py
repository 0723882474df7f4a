"""Retention with a fixed clock on a real database (SQLite here; scripts/test.sh runs this
on PostgreSQL too): what is past its period is gone, the figures are unchanged, the access
log is kept as long as it must be, and each purge records counts, never content."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from backend.config import load_service_config
from backend.config_base import ConfigError
from backend.demo.history import demo_history, write
from backend.domain.figures import Grain
from backend.domain.retention import Kind
from backend.reports.service import make_report
from backend.retention import Retention
from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.helpers import OPEN_ALWAYS, fresh_database_url

DEMO = load_service_config(demo=True)
FIRST, LAST = date(2026, 10, 19), date(2026, 11, 1)
# 90 days (anonymous chats) after this clock's day: chats closed before 2026-10-26 go.
NOW = datetime(2027, 1, 24, 4, 0, tzinfo=UTC)
CUT = NOW - timedelta(days=90)


def sql(store: Store, statement: str, **params: object) -> list[tuple[object, ...]]:
    with store.engine.begin() as conn:
        result = conn.execute(text(statement), params)
        return [tuple(r) for r in result] if result.returns_rows else []


def seed_content(store: Store) -> tuple[str, str, str]:
    """Lines, a picture, a note and names on an old chat, an old identified chat and a new
    one; a caller's number; access-log rows; state changes."""
    old, identified, new = (
        str(r[0][0])
        for r in (
            sql(
                store,
                "select id from conversations where closed_at < :c order by id limit 1",
                c=CUT,
            ),
            sql(
                store,
                "select id from conversations where closed_at < :c order by id desc limit 1",
                c=CUT,
            ),
            sql(
                store,
                "select id from conversations where closed_at > :c order by id limit 1",
                c=CUT,
            ),
        )
    )
    sql(store, "update conversations set identified = true where id = :i", i=identified)
    sql(
        store,
        "insert into client_identities (conversation_id, name, hetu, loa, at)"
        " values (:i, 'Maija Meikäläinen', '010190-900P', 'loa2', :a)",
        i=identified,
        a=CUT - timedelta(days=1),
    )
    for cid in (old, identified, new):
        sql(
            store,
            "update conversations set client_name = 'Maija Meikäläinen',"
            " client_phone = '+358401234567' where id = :i",
            i=cid,
        )
        for seq, line in enumerate(("Lapsella on kuumetta", "Soita lääkärille"), start=1):
            sql(
                store,
                "insert into messages (conversation_id, seq, author, text, at, kind)"
                " values (:i, :s, 'client', :t, :a, 'text')",
                i=cid,
                s=seq,
                t=line,
                a=CUT - timedelta(days=1),
            )
        sql(
            store,
            "insert into pictures (conversation_id, mime, width, height, data, thumb, at)"
            " values (:i, 'image/png', 1, 1, :d, :d, :a)",
            i=cid,
            d=b"\x89PNG",
            a=CUT - timedelta(days=1),
        )
        sql(
            store,
            "insert into staff_notes (conversation_id, kind, author, author_name, text, at)"
            " values (:i, 'transfer', 'hoitaja', 'Hanna Hoitaja', 'kuume 39', :a)",
            i=cid,
            a=CUT - timedelta(days=1),
        )
    sql(store, "update phone_calls set caller = '+358501112223'")
    for days in (800, 400, 10):
        sql(
            store,
            "insert into access_log (at, username, conversation_id, action)"
            " values (:a, 'hoitaja', :i, 'open')",
            a=NOW - timedelta(days=days),
            i=old,
        )
    return str(old), str(identified), str(new)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    url = fresh_database_url(tmp_path)
    upgrade(url)
    return Store(url)


async def figures(store: Store) -> list[object]:
    report = await make_report(store, DEMO, first=FIRST, last=LAST, grain=Grain.MIN60, now=NOW)
    return [report.totals, report.rows, report.callback_totals]


async def test_past_its_period_is_gone_and_the_figures_stay(store: Store) -> None:
    history = demo_history(DEMO, first=FIRST, last=LAST)
    try:
        await write(store, history)
        old, identified, new = seed_content(store)
        before = await figures(store)
        states_before = sql(store, "select count(*) from staff_state_log")[0][0]

        retention = Retention(store, lambda: DEMO, lambda: NOW)
        counts = await retention.purge_now()

        assert await figures(store) == before
        # The old anonymous chat: no lines, pictures or names; its timing row and the
        # transfer (counted by the reports) stay, without what anyone wrote.
        assert sql(store, "select count(*) from messages where conversation_id = :i", i=old) == [
            (0,)
        ]
        assert sql(store, "select count(*) from pictures where conversation_id = :i", i=old) == [
            (0,)
        ]
        assert sql(
            store,
            "select client_name, client_phone, purged_at is not null from conversations"
            " where id = :i",
            i=old,
        ) == [(None, None, True)]
        assert sql(
            store, "select kind, text from staff_notes where conversation_id = :i", i=old
        ) == [("transfer", "")]
        # The identified chat is kept for its own (longer) period, the new one for its.
        for kept in (identified, new):
            assert sql(
                store, "select count(*) from messages where conversation_id = :i", i=kept
            ) == [(2,)]
            assert sql(store, "select client_name from conversations where id = :i", i=kept) == [
                ("Maija Meikäläinen",)
            ]
        # Calls (a year): these are younger than that, so their numbers stay.
        assert sql(store, "select count(*) from phone_calls where caller is null") == [(0,)]
        # The access log keeps two years: only the 800-day-old row goes.
        assert sorted(
            round((NOW - _utc(r[0])).days) for r in sql(store, "select at from access_log")
        ) == [10, 400]
        # The states (two years) are younger: all kept.
        assert sql(store, "select count(*) from staff_state_log")[0][0] == states_before
        # The record: a row per kind with a count, no content.
        runs = {r[0]: r[1] for r in sql(store, "select kind, count from purge_runs")}
        assert runs == {k.value: n for k, n in counts.items()}
        assert (
            runs["anonymous"]
            == sql(store, "select count(*) from conversations where purged_at is not null")[0][0]
            > 0
        )
        assert runs["access_log"] == 1 and runs["identified"] == 0
        dump = "\n".join(str(r) for r in sql(store, "select * from purge_runs"))
        assert "Maija" not in dump and "kuume" not in dump

        # Again the same day: nothing more to do, and the figures still the same.
        again = await retention.purge_now()
        assert again["anonymous"] == 0 and await figures(store) == before
        # A service keeping identified chats only 30 days: hers goes, her identity with it.
        shorter = DEMO.model_copy(
            update={"retention": DEMO.retention.model_copy(update={"identified_days": 30})}
        )
        assert (await Retention(store, lambda: shorter, lambda: NOW).purge_now())[
            Kind.IDENTIFIED
        ] == 1
        assert sql(store, "select count(*) from client_identities") == [(0,)]
        assert sql(
            store, "select count(*) from messages where conversation_id = :i", i=identified
        ) == [(0,)]
        assert await figures(store) == before
    finally:
        await store.close()


def _utc(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


async def test_the_purge_runs_once_a_day_from_its_hour(store: Store) -> None:
    clock = [datetime(2027, 1, 24, 0, 30, tzinfo=UTC)]  # 02:30 in Helsinki: before 03
    retention = Retention(store, lambda: DEMO, lambda: clock[0])
    try:
        await retention.tick()
        await retention.stop()
        assert sql(store, "select count(*) from purge_runs") == [(0,)]
        clock[0] = datetime(2027, 1, 24, 1, 5, tzinfo=UTC)  # 03:05
        await retention.tick()
        await retention.stop()
        ran = sql(store, "select count(*) from purge_runs")[0][0]
        assert ran == 5  # one row per kind
        clock[0] = datetime(2027, 1, 24, 20, 0, tzinfo=UTC)
        await retention.tick()
        await retention.stop()
        # A backend restarted later that day does not purge again.
        restarted = Retention(store, lambda: DEMO, lambda: clock[0])
        await restarted.tick()
        await restarted.stop()
        assert sql(store, "select count(*) from purge_runs") == [(ran,)]
        clock[0] = datetime(2027, 1, 25, 1, 5, tzinfo=UTC)
        await restarted.tick()
        await restarted.stop()
        assert sql(store, "select count(*) from purge_runs") == [(2 * ran,)]
    finally:
        await store.close()


def test_an_access_log_kept_too_briefly_is_refused(tmp_path: Path) -> None:
    service = tmp_path / "service.toml"
    service.write_text(OPEN_ALWAYS.read_text() + "\n[retention]\naccess_log_days = 30\n")
    with pytest.raises(ConfigError, match=r"retention.access_log_days: .*at least 730 days"):
        load_service_config(service)
