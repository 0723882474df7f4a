"""The client page when the service is closed: says so, when it opens, where to turn now."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.browser import Browser
from tests.helpers import running_backend

pytestmark = pytest.mark.e2e


def closed_today(tmp_path: Path) -> Path:
    today = datetime.now(ZoneInfo("Europe/Helsinki")).isoweekday()
    days = [d for d in range(1, 8) if d != today]
    path = tmp_path / "closed_today.toml"
    path.write_text(
        f"""
timezone = "Europe/Helsinki"
holidays = ""
weekdays = "08:00-15:00"
open_days = {days}
[meter.chat]
target_s = 120
[[queues]]
id = "neuvola"
channel = "chat"
skill = "neuvola"
names = {{ fi = "Äitiys- ja lastenneuvola", sv = "Mödra- och barnrådgivning" }}
""",
        "utf-8",
    )
    return path


def test_closed_page_shows_next_opening_and_emergency_numbers(
    tmp_path: Path, artifacts: str
) -> None:
    with running_backend(tmp_path, closed_today(tmp_path)) as backend, Browser() as browser:

        def look(page: Any) -> dict[str, Any]:
            page.goto(backend.http + "/")
            page.wait_for_selector("#status .closed")
            page.screenshot(path=os.path.join(artifacts, "webchat-closed.png"), full_page=True)
            result = {
                "status": page.inner_text("#status"),
                "queue": page.inner_text("#queues"),
                "disabled": page.is_disabled("input[name=queue][value=neuvola]"),
                "emergency": page.inner_text(".emergency"),
                "start_disabled": page.is_disabled("#start-button"),
                "details_hidden": page.is_hidden("#who"),
            }
            page.click("button[data-lang=sv]")
            result["status_sv"] = page.inner_text("#status")
            return result

        seen = browser.call(look, browser.page)
    assert seen["status"].startswith("Palvelu on nyt suljettu. Avaamme seuraavan kerran")
    assert "klo 08.00" in seen["status"] or "08.00" in seen["status"]
    assert "Suljettu, avautuu" in seen["queue"]
    assert seen["disabled"] is True
    assert seen["start_disabled"] is True and seen["details_hidden"] is True
    assert "112" in seen["emergency"] and "116 117" in seen["emergency"]
    assert seen["status_sv"].startswith("Tjänsten är stängd nu. Vi öppnar nästa gång")
