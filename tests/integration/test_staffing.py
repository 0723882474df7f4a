"""Staffing from the command line and the socket against a real database with demo
history: the day simulated says whether the promise holds and which hours break; the
roster import keeps good rows and names the bad ones; advice is for supervisors only."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from tests.helpers import ROOT, BackendProcess, Peer, free_port

FI = holidays.country_holidays("FI")


def next_working_day() -> date:
    day = date.today() + timedelta(days=1)
    while day.weekday() > 4 or day in FI:
        day += timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    b = BackendProcess(tmp_path_factory.mktemp("staffing"), free_port())
    made = subprocess.run(
        [sys.executable, "-m", "backend", "demo-history", "--weeks", "8"],
        cwd=ROOT,
        env=b.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    b.start()  # seeds the demo staff
    try:
        yield b
    finally:
        b.stop()


def cli(backend: BackendProcess, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        cwd=ROOT,
        env=backend.env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_day_simulated_with_six_people_says_where_the_promise_breaks(
    backend: BackendProcess, tmp_path: Path
) -> None:
    day = next_working_day()
    roster = tmp_path / "six.csv"
    roster.write_text(
        "name;date;start;end;skills\n"
        + "".join(
            f"{name};{day.day}.{day.month}.{day.year};08:00;15:00;{skills}\n"
            for name, skills in (
                ("Hanna", "nurse"),
                ("Liisa", "nurse"),
                ("Pekka", "psychiatric_nurse"),
                ("Sari", "secretary"),
                ("Sonja", "social_worker"),
                ("Eeva", "supervisor"),
            )
        ),
        "utf-8",
    )
    done = cli(backend, "simulate", "--date", day.isoformat(), "--roster", str(roster), "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["people"] == 6 and body["note"] == ""
    assert set(body["channels"]) == {"chat", "phone"}
    for channel in body["channels"].values():
        assert channel["offered"] > 20 and 0 <= channel["service_level"] <= 1
    assert isinstance(body["promise_holds"], bool)
    assert body["promise_holds"] == (not body["breaks"] and body["callbacks_left"] == 0)
    for b in body["breaks"]:
        assert "08:00" <= b["start"] < "15:00"
    # The same seed, the same day.
    again = json.loads(
        cli(
            backend, "simulate", "--date", day.isoformat(), "--roster", str(roster), "--json"
        ).stdout
    )
    assert again["channels"] == body["channels"]
    text = cli(backend, "simulate", "--date", day.isoformat(), "--roster", str(roster)).stdout
    assert "the promise" in text


def test_roster_import_keeps_good_rows_and_names_the_bad(
    backend: BackendProcess, tmp_path: Path
) -> None:
    day = next_working_day()
    roster = tmp_path / "mixed.csv"
    roster.write_text(
        "name,date,start,end,skills\n"
        f"Hanna,{day},08:00,15:00,neuvola\n"
        f"Joku,{day},15:00,08:00,neuvola\n"
        f"Toinen,{day},08:00,12:00,astrologia\n",
        "utf-8",
    )
    done = cli(backend, "roster-import", str(roster))
    assert done.returncode == 0 and "1 shifts stored" in done.stdout
    assert "line 3" in done.stderr and "line 4" in done.stderr
    assert backend.query("select name from roster_shifts where day=?", day.isoformat()) == [
        ("Hanna",)
    ]
    missing = cli(backend, "roster-import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_simulate_refuses_what_it_cannot_do(backend: BackendProcess) -> None:
    bad = cli(backend, "simulate", "--date", "2026-02-30")
    assert bad.returncode == 2 and "--date" in bad.stderr
    closed = subprocess.run(
        [sys.executable, "-m", "backend", "simulate", "--date", "1999-01-04"],
        cwd=ROOT,
        env=dict(backend.env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert closed.returncode == 2 and "no history" in closed.stderr


async def test_advice_and_roster_are_for_supervisors_only(backend: BackendProcess) -> None:
    day = next_working_day()
    boss = await Peer.connect(backend.ws + "/ws/staff")
    nurse = await Peer.connect(backend.ws + "/ws/staff")
    try:
        for peer, who in ((boss, "esihenkilo"), (nurse, "hoitaja")):
            await peer.send(type="login", username=who, password="demo")
            await peer.expect("logged_in")
        await nurse.send(type="staffing_advice", first=day.isoformat(), days=1)
        assert (await nurse.expect("error"))["code"] == "forbidden"
        await nurse.send(type="roster_import", csv="name,date,start,end,skills\n")
        assert (await nurse.expect("error"))["code"] == "forbidden"
        await boss.send(
            type="roster_import",
            csv=f"name,date,start,end,skills\nPekka,{day},08:00,15:00,mipa\n",
        )
        imported = await boss.expect("roster_imported")
        assert imported["added"] == 1 and imported["errors"] == []
        await boss.send(type="staffing_advice", first=day.isoformat(), days=1, interval="60")
        advice = await boss.expect("staffing_advice", timeout=20)
        rows = [r for r in advice["rows"] if r["forecast"] >= 0.05]
        assert rows and any(r["rostered"] >= 1 for r in rows)
        assert advice["digi_agent_hours"] >= 0 and "seasonal average" in advice["method"]
    finally:
        await boss.close()
        await nurse.close()
