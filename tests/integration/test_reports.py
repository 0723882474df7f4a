"""Reports from a real database (SQLite here; scripts/test.sh runs this on PostgreSQL too):
the figures equal a computation straight from the stored rows, the intervals add up to the
day, the exports carry the same figures, and today's meter agrees with today's report."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from backend.config import load_service_config
from backend.demo.history import demo_history, write
from backend.domain.figures import Grain
from backend.reports.files import (
    CONTACT_HEADER,
    FIGURE_COLUMNS,
    ForPeople,
    contact_rows,
    title,
    to_csv,
    to_json,
    write_csv,
    write_xlsx,
)
from backend.reports.service import ReportError, make_report
from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.helpers import ROOT, BackendProcess, Peer, fresh_database_url, running_backend, staff

DEMO = load_service_config(demo=True)
FIRST, LAST = date(2026, 10, 19), date(2026, 11, 8)  # three weeks, over the DST change


@pytest.fixture(scope="module")
def history_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    url = fresh_database_url(tmp_path_factory.mktemp("reports"))
    upgrade(url)
    store = Store(url)
    history = demo_history(DEMO, first=FIRST, last=LAST)
    asyncio.run(write(store, history))
    asyncio.run(write(store, history))  # a rerun replaces, never doubles
    yield store
    asyncio.run(store.close())


def raw(store: Store, sql: str) -> list[tuple[object, ...]]:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


async def test_figures_equal_the_stored_rows(history_store: Store) -> None:
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    report = await make_report(
        history_store, DEMO, first=FIRST, last=LAST, grain=Grain.MIN60, now=now
    )
    rows = raw(
        history_store,
        "select arrived_at, answered_at, closed_at, abandoned, outcome from conversations",
    )
    assert len(rows) == report.totals["chat"].offered > 1000

    def seconds(a: object, b: object) -> float:
        def parse(x: object) -> datetime:
            if isinstance(x, datetime):
                return x if x.tzinfo else x.replace(tzinfo=UTC)
            return datetime.fromisoformat(str(x)).replace(tzinfo=UTC)

        return (parse(b) - parse(a)).total_seconds()

    answered = [seconds(r[0], r[1]) for r in rows if r[1] is not None]
    abandoned = [seconds(r[0], r[2]) for r in rows if r[3]]
    in_target = sum(1 for w in answered if w <= 120)
    counted = sum(1 for w in abandoned if w > 10)
    chat = report.totals["chat"]
    assert chat.answered == len(answered) and chat.answered_in_target == in_target
    assert chat.abandoned == counted and chat.short_abandoned == len(abandoned) - counted
    assert chat.service_level == pytest.approx(in_target / (len(answered) + counted))
    one = sum(1 for r in rows if r[4] in ("one_contact", "appointment"))
    assert chat.one_contact_share == pytest.approx(one / sum(1 for r in rows if r[4]))
    calls = raw(history_store, "select count(*) from phone_calls")[0][0]
    assert report.totals["phone"].offered == calls

    # The intervals add up to the totals; closed hours (the demo is open around the clock,
    # so here: none) would be absent rather than zero.
    for channel, total in report.totals.items():
        parts = [r.figures for r in report.rows if r.channel == channel]
        for name in ("offered", "answered", "answered_in_target", "abandoned"):
            assert sum(getattr(p, name) for p in parts) == getattr(total, name)
    # Hourly rows of the 25-hour day (2026-10-25) are 25 per channel.
    dst = [
        r for r in report.rows if r.interval.start.astimezone(DEMO.tz).date() == date(2026, 10, 25)
    ]
    assert len(dst) == 25 * len(report.channels)
    assert (
        report.callback_totals.created == raw(history_store, "select count(*) from callbacks")[0][0]
    )


async def test_days_and_hours_agree(history_store: Store) -> None:
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    kw = dict(first=date(2026, 11, 2), last=date(2026, 11, 2), now=now, queues=["puh_asiakas"])
    hourly = await make_report(history_store, DEMO, grain=Grain.MIN15, **kw)  # type: ignore[arg-type]
    daily = await make_report(history_store, DEMO, grain=Grain.DAY, **kw)  # type: ignore[arg-type]
    assert hourly.channels == ("phone",) and len(daily.rows) == 1
    assert daily.rows[0].figures == hourly.totals["phone"] == daily.totals["phone"]
    assert sum(r.figures.offered for r in hourly.rows) == daily.rows[0].figures.offered > 0


async def test_refused_requests_say_what_to_change(history_store: Store) -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    with pytest.raises(ReportError, match="unknown queue"):
        await make_report(
            history_store, DEMO, first=FIRST, last=LAST, grain=Grain.DAY, queues=["nope"], now=now
        )
    with pytest.raises(ReportError, match="before it starts"):
        await make_report(history_store, DEMO, first=LAST, last=FIRST, grain=Grain.DAY, now=now)


NAMES = {q.id: q.names for q in DEMO.queues}


async def test_exports_carry_the_figures_on_screen(history_store: Store, tmp_path: Path) -> None:
    """The spreadsheet a Finnish supervisor opens: her words, dates, percentages and m:ss;
    a SUMIF over the intervals sheet gives the total the desktop shows."""
    from pycel import ExcelCompiler

    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    report = await make_report(
        history_store, DEMO, first=FIRST, last=LAST, grain=Grain.DAY, now=now
    )
    xlsx = tmp_path / "r.xlsx"
    write_xlsx(report, xlsx, ForPeople("fi", NAMES))
    book = load_workbook(xlsx)
    assert set(book.sheetnames) >= {
        "Yhteenveto",
        "Jaksot",
        "Yhteydenotot",
        "Soittopyynnöt",
        "Kaaviot",
        "Lämpökartta",
    }
    with zipfile.ZipFile(xlsx) as packed:  # openpyxl does not read charts back: look inside
        charts = [n for n in packed.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3
    heat = [list(r) for r in book["Lämpökartta"].iter_rows(values_only=True)]
    assert heat[1][0] == "ma" and sum(sum(r[1:]) for r in heat[1:]) == len(report.contacts)
    summary = [list(r) for r in book["Yhteenveto"].iter_rows(values_only=True)]
    assert summary[0][:2] == ["Alkaen", datetime(FIRST.year, FIRST.month, FIRST.day)]
    header = summary.index([title(k, "fi") for k in ["channel", *FIGURE_COLUMNS]])
    assert "Palvelutaso" in summary[header] and "offered" not in summary[header]
    sheet = book["Yhteenveto"]
    level_column = summary[header].index("Palvelutaso") + 1
    wait_column = summary[header].index("Keskim. odotus") + 1
    for offset, row in enumerate(summary[header + 1 :], start=header + 2):
        channel = {"chat": "chat", "puhelin": "phone"}[str(row[0])]
        totals = report.totals[channel]
        assert row[1:4] == [totals.offered, totals.answered, totals.answered_in_target]
        level = sheet.cell(row=offset, column=level_column)
        assert level.value == pytest.approx(totals.service_level) and level.number_format == "0%"
        wait = sheet.cell(row=offset, column=wait_column)
        # Read back as a duration (the spreadsheet's m:ss), the seconds the screen shows.
        assert wait.value.total_seconds() == pytest.approx(totals.wait_mean_s or 0, abs=0.01)
        assert wait.number_format == "[m]:ss"
    intervals = book["Jaksot"]
    rows = list(intervals.iter_rows(values_only=True))
    assert len(rows) == len(report.rows) + 1 and rows[0][:4] == (
        "Alkaa",
        "Päättyy",
        "Kanava",
        "Tulleet",
    )
    assert isinstance(rows[1][0], datetime) and intervals["A2"].number_format == "d.m.yyyy h:mm"
    # A supervisor's formula over the sheet: the chat total of the desktop.
    check = book.create_sheet("Tarkistus")
    last_row = len(rows)
    check["A1"] = f'=SUMIF(Jaksot!C2:C{last_row},"chat",Jaksot!D2:D{last_row})'
    book.save(tmp_path / "with-formula.xlsx")
    evaluated = ExcelCompiler(filename=str(tmp_path / "with-formula.xlsx")).evaluate("Tarkistus!A1")
    assert evaluated == report.totals["chat"].offered
    contacts = list(book["Yhteydenotot"].iter_rows(values_only=True))
    assert list(contacts[0]) == [title(k, "fi") for k in CONTACT_HEADER]
    assert len(contacts) == len(report.contacts) + 1
    queues = {row[2] for row in contacts[1:]}
    assert "Äitiys- ja lastenneuvola" in queues and "neuvola" not in queues

    paths = write_csv(report, tmp_path / "r.csv", ForPeople("fi", NAMES))
    raw_bytes = paths[0].read_bytes()
    assert raw_bytes.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    with paths[0].open(newline="", encoding="utf-8-sig") as f:
        parsed = list(csv.reader(f, delimiter=";"))
    assert len(parsed) == len(report.rows) + 1 and raw_bytes.count(b"\r\n") == len(parsed)
    assert parsed[0][:4] == ["Alkaa", "Päättyy", "Kanava", "Tulleet"]
    first_row = report.rows[0]
    assert parsed[1][3] == str(first_row.figures.offered)
    level = first_row.figures.service_level
    assert parsed[1][8] == ("" if level is None else f"{round(level * 100)} %")
    with paths[1].open(newline="", encoding="utf-8-sig") as f:
        assert next(csv.reader(f, delimiter=";"))[:3] == ["Tunniste", "Kanava", "Jono"]
    # Swedish and English too; the JSON keeps its English keys.
    write_xlsx(report, tmp_path / "sv.xlsx", ForPeople("sv", NAMES))
    assert "Sammanfattning" in load_workbook(tmp_path / "sv.xlsx", read_only=True).sheetnames
    assert json.loads(to_json(report))["intervals"][0]["offered"] == first_row.figures.offered


def test_a_cell_a_spreadsheet_would_run_is_written_as_text() -> None:
    text = to_csv(["a"], [['=HYPERLINK("x")'], ["@SUM(1)"], ["ok"]])
    assert list(csv.reader(io.StringIO(text))) == [
        ["a"],
        ['\'=HYPERLINK("x")'],
        ["'@SUM(1)"],
        ["ok"],
    ]


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_command_line_report_and_demo_history(tmp_path: Path) -> None:
    import os

    url = fresh_database_url(tmp_path)
    env = dict(os.environ, LUUKKU_DATA_DIR=str(tmp_path), LUUKKU_DATABASE_URL=url)
    env.pop("LUUKKU_DEMO", None)
    refused = run_cli(env, "demo-history", "--weeks", "1")
    assert refused.returncode == 2 and "LUUKKU_DEMO=1" in refused.stderr
    demo_env = dict(env, LUUKKU_DEMO="1")
    made = run_cli(demo_env, "demo-history", "--weeks", "2")
    assert made.returncode == 0, made.stderr
    last = date.today() - timedelta(days=1)
    first = last - timedelta(days=13)
    common = ["report", "--from", first.isoformat(), "--to", last.isoformat(), "--interval", "day"]
    as_json = run_cli(demo_env, *common, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    body = json.loads(as_json.stdout)
    assert body["version"] == 1 and body["staff"] is None and body["totals"]["phone"]["offered"] > 0
    assert not set(body["contacts"][0]) - set(CONTACT_HEADER)
    out = tmp_path / "month.xlsx"
    as_xlsx = run_cli(demo_env, *common, "--format", "xlsx", "--out", str(out), "--staff")
    assert as_xlsx.returncode == 0, as_xlsx.stderr
    book = load_workbook(out, read_only=True)
    # The service's language by default (Finnish).
    summary = [list(r) for r in book["Yhteenveto"].iter_rows(values_only=True)]
    phone = next(r for r in summary if r[0] == "puhelin")
    assert phone[1] == body["totals"]["phone"]["offered"]
    assert "Henkilöittäin" in book.sheetnames
    swedish = tmp_path / "sv.xlsx"
    in_swedish = run_cli(
        demo_env, *common, "--format", "xlsx", "--out", str(swedish), "--lang", "sv"
    )
    assert in_swedish.returncode == 0, in_swedish.stderr
    assert "Sammanfattning" in load_workbook(swedish, read_only=True).sheetnames
    store = Store(url)
    try:
        looked = raw(store, "select username, action from access_log where action='staff_figures'")
    finally:
        await store.close()
    assert len(looked) == 1 and str(looked[0][0]).startswith("cli:")
    bad = run_cli(demo_env, *common, "--queue", "nope")
    assert bad.returncode == 2 and "unknown queue" in bad.stderr


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[BackendProcess]:
    with running_backend(tmp_path) as b:
        yield b


async def test_todays_meter_report_and_export_agree(
    backend: BackendProcess, tmp_path: Path
) -> None:
    """Contacts of today in the database before the start (one answered late, one short
    abandon, one counted abandon, calls too) and one chat handled live: the meter after a
    restart, today's report and its export show the same counts and service level."""
    now = datetime.now(UTC)
    midnight = datetime.combine(now.astimezone(DEMO.tz).date(), datetime.min.time(), DEMO.tz)
    t = max(midnight.astimezone(UTC) + timedelta(seconds=1), now - timedelta(minutes=30))
    rows = [
        ("r1", t, t + timedelta(seconds=200), t + timedelta(seconds=800), False, "one_contact"),
        ("r2", t, t + timedelta(seconds=30), t + timedelta(seconds=300), False, "other"),
        ("r3", t, None, t + timedelta(seconds=5), True, None),
        ("r4", t, None, t + timedelta(seconds=90), True, None),
    ]
    for cid, arrived, answered, closed, abandoned, outcome in rows:
        backend.execute(
            "insert into conversations (id, queue, channel, state, client_token_hash, lang,"
            " arrived_at, answered_at, answered_by, closed_at, abandoned, outcome, last_seq)"
            " values (?, 'neuvola', 'chat', 'closed', 'x', 'fi', ?, ?, ?, ?, ?, ?, 0)",
            cid,
            arrived,
            answered,
            "hoitaja" if answered else None,
            closed,
            abandoned,
            outcome,
        )
    backend.execute(
        "insert into phone_calls (id, gateway, queue, arrived_at, answered_at, answered_by,"
        " ended_at, outcome) values ('p1', 'gw', 'puh_aitiys', ?, ?, 'hoitaja', ?, 'answered')",
        t,
        t + timedelta(seconds=100),
        t + timedelta(seconds=400),
    )
    backend.stop()
    backend.start()
    nurse = await staff(backend.ws, "hoitaja")
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola", name="Maija")
    cid = (await client.expect("started"))["conversation_id"]
    await nurse.expect("offer", conversation_id=cid)
    await nurse.send(type="accept", conversation_id=cid)
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact", wrap_up="")
    await nurse.expect("closed", conversation_id=cid)
    meter = None
    while True:  # the first meter frame after the close
        frame = await nurse.expect("meter", timeout=10)
        row = next(q for q in frame["queues"] if q["queue"] == "neuvola")
        if row["answered_today"] == 3:
            meter = frame
            break
    await nurse.close()
    await client.close()

    config = load_service_config(backend.service_file)
    store = Store(backend.database_url)
    try:
        today = now.astimezone(config.tz).date()
        report = await make_report(
            store,
            config,
            first=today,
            last=today,
            grain=Grain.DAY,
            queues=["neuvola"],
            now=datetime.now(UTC),
        )
        phone = await make_report(
            store,
            config,
            first=today,
            last=today,
            grain=Grain.DAY,
            queues=["puh_aitiys"],
            now=datetime.now(UTC),
        )
    finally:
        await store.close()
    chat = report.totals["chat"]
    row = next(q for q in meter["queues"] if q["queue"] == "neuvola")
    assert (
        (row["answered_today"], row["answered_in_target_today"], row["abandoned_today"])
        == (
            chat.answered,
            chat.answered_in_target,
            chat.abandoned,
        )
        == (3, 2, 1)
    )
    assert row["service_level_today"] == pytest.approx(chat.service_level) == pytest.approx(2 / 4)
    call_row = next(q for q in meter["queues"] if q["queue"] == "puh_aitiys")
    assert call_row["answered_today"] == phone.totals["phone"].answered == 1
    # The export of today: the same figures.
    xlsx = tmp_path / "today.xlsx"
    write_xlsx(report, xlsx, ForPeople("en", NAMES))
    summary = [
        list(r) for r in load_workbook(xlsx, read_only=True)["Summary"].iter_rows(values_only=True)
    ]
    exported = next(r for r in summary if r[0] == "chat")
    assert exported[1:6] == [chat.offered, 3, 2, 1, 1]
    assert exported[6] == pytest.approx(2 / 4)
    assert contact_rows(report)[0][0] in {"r1", "r2", "r3", "r4", cid}
