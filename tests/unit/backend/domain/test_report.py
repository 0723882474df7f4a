"""Building a report (backend/domain/report.py) from records, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from backend.domain.figures import ContactRecord, Grain, StateChange, Targets
from backend.domain.hours import OpeningHours, Window
from backend.domain.report import Period, build

HKI = ZoneInfo("Europe/Helsinki")
DAY = date(2026, 11, 30)
HOURS = OpeningHours(tz=HKI, weekly={d: Window(time(8), time(15)) for d in range(1, 6)})
TARGETS = {"chat": Targets(120, 10), "phone": Targets(300, 10)}


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute), HKI)


def test_today_counts_a_state_until_now_not_until_midnight() -> None:
    now = at(10).astimezone(UTC)
    report = build(
        period=Period(DAY, DAY, Grain.MIN60, HKI),
        queue_channels={"neuvola": "chat"},
        hours={"neuvola": HOURS},
        targets=TARGETS,
        contacts=[
            ContactRecord("c1", "chat", "neuvola", at(9), at(9, 1), at(9, 10), handled_by="hanna")
        ],
        callbacks=[],
        state_changes=[StateChange("hanna", at(8).astimezone(UTC), "ready")],
        now=now,
        per_person=True,
    )
    assert report.staff is not None
    (hanna,) = report.staff
    assert hanna.seconds == {"ready": 2 * 3600}  # 8:00 to now (10:00), not to midnight
    assert hanna.contacts_handled == 1 and hanna.chat_s == 540
    # Closed hours are no rows; 8–15 are, with the mean staff Ready up to now.
    hours = [r.interval.start.astimezone(HKI).hour for r in report.rows]
    assert hours == list(range(8, 15))
    ready = {r.interval.start.astimezone(HKI).hour: r.staff_ready for r in report.rows}
    assert ready[8] == 1.0 and ready[9] == 1.0 and ready[10] == 0.0
    assert report.rows[1].figures.answered == 1 and report.rows[0].figures.offered == 0
    assert report.totals["chat"].answered_in_target == 1


def test_per_person_figures_only_when_asked() -> None:
    report = build(
        period=Period(DAY, DAY + timedelta(days=1), Grain.DAY, HKI),
        queue_channels={"neuvola": "chat"},
        hours={"neuvola": HOURS},
        targets=TARGETS,
        contacts=[],
        callbacks=[],
        state_changes=[StateChange("hanna", at(8).astimezone(UTC), "ready")],
        now=at(12).astimezone(UTC),
    )
    assert report.staff is None and len(report.rows) == 2
