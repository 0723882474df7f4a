"""/metrics in the Prometheus format, scraped as Prometheus would: refused without the
wallboard key, then per-queue waiting and colour, staff by state, offers and accepts,
lines acked, commit times and open sockets, and never a client's name or number."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from backend.api.wallboard import wallboard_key
from tests.helpers import Peer, running_backend, staff


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def test_metrics_scrape(tmp_path: Path) -> None:
    with running_backend(tmp_path) as backend:
        key = wallboard_key(backend.data_dir)
        async with httpx.AsyncClient(base_url=backend.http) as http:
            assert (await http.get("/metrics")).status_code == 401
            wrong = {"Authorization": "Bearer nope"}
            assert (await http.get("/metrics", headers=wrong)).status_code == 401

            nurse = await staff(backend.ws, "hoitaja")
            client = await Peer.connect(backend.ws + "/ws/client")
            await client.send(type="start", queue="neuvola", name="Maija Meikäläinen")
            await client.expect("started")
            await client.send(type="message", client_msg_id="m1", text="Hei")
            await client.expect("ack")
            offer = await nurse.expect("offer", timeout=10)
            await nurse.send(type="accept", conversation_id=offer["conversation_id"])
            await nurse.expect("conversation")

            got = await http.get("/metrics", headers={"Authorization": f"Bearer {key}"})
            assert got.status_code == 200
            assert got.headers["content-type"].startswith("text/plain")
            text = got.text
            assert "Maija" not in text and "Meikäläinen" not in text
            seen = samples(text)
            assert seen[("luukku_queue_waiting", (("channel", "chat"), ("queue", "neuvola")))] == 0
            assert seen[("luukku_queue_level", (("queue", "neuvola"),))] == 0  # green
            assert seen[("luukku_queue_service_level_today", (("queue", "neuvola"),))] == 1.0
            assert seen[("luukku_offers_total", (("channel", "chat"),))] >= 1
            assert seen[("luukku_offer_accepts_total", ())] == 1
            assert seen[("luukku_client_lines_acked_total", ())] == 1
            assert seen[("luukku_db_commit_seconds_count", ())] > 0
            assert seen[("luukku_staff", (("state", "ready"),))] == 1
            assert seen[("luukku_sockets", (("kind", "staff"),))] == 1
            assert seen[("luukku_sockets", (("kind", "client"),))] == 1
            assert ("luukku_round_longest_seconds", ()) in seen
            assert seen[("luukku_callbacks", (("queue", "neuvola"), ("state", "overdue")))] == 0
            await client.close()
            await nurse.close()


def test_example_alert_rules_use_metrics_that_exist() -> None:
    """installer/server/luukku-alerts.yml names only what /metrics exports (no drift)."""
    import re

    import yaml

    from backend.metrics import Metrics, NodeFigures, Snapshot

    metrics = Metrics()
    metrics.read_live(lambda: Snapshot([], [], {"staff": 0}, 0.0))
    metrics.read_node(lambda: NodeFigures(3, 1_800_000_000.0, 1))
    exported = {family.name for family in text_string_to_metric_families(metrics.text().decode())}
    root = Path(__file__).resolve().parents[2]
    rules = yaml.safe_load((root / "installer" / "server" / "luukku-alerts.yml").read_text())
    used = {
        name
        for group in rules["groups"]
        for rule in group["rules"]
        for name in re.findall(r"\bluukku_\w+", rule["expr"])
    }
    base = {re.sub(r"_(total|bucket|count|sum)$", "", name) for name in used}
    assert used and base <= exported, base - exported
