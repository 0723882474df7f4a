"""Demo traffic: simulated clients that chat over the real client protocol.

``luukku-demo-traffic --url http://127.0.0.1:8765 --per-minute 3`` keeps the meter moving:
each simulated client picks an open queue, writes an opening line, answers the
professional's replies with canned lines, and gives up after a patience of a few minutes.
Demo only: the lines are invented and contain nothing about real people.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import urllib.request
import uuid
from typing import Any

import websockets

from protocol.messages import ClientLeave, ClientMessage, ClientStart, parse_to_client_frame

OPENERS = {
    "neuvola": [
        "Hei, vauvamme ei syö kunnolla, mitä voisin kokeilla?",
        "Milloin 4-vuotiaan neuvolakäynti pitää varata?",
        "Raskausviikko 20, onko normaalia että supistelee?",
    ],
    "ehkaisy": [
        "Haluaisin vaihtaa ehkäisymenetelmää, miten toimin?",
        "Unohdin pillerin eilen, mitä nyt?",
    ],
    "mipa": [
        "Olen nukkunut huonosti viikkoja ja ahdistaa, kenelle voisin puhua?",
        "Haluaisin vähentää alkoholin käyttöä, mistä saan apua?",
    ],
    "perheneuvonta": ["Tarvitsisimme apua perheen arkeen, miten haetaan perhetyötä?"],
}
FOLLOW_UPS = ["Kiitos, se auttaa.", "Selvä, entä jos se ei auta?", "Hyvä, kiitos paljon!"]
NAMES = [None, None, "Maija", "Jussi", "Aino", "Mikko", "Emilia", None]


def open_queues(base: str) -> list[str]:
    with urllib.request.urlopen(base + "/api/queues", timeout=5) as response:
        data = json.load(response)
    return [q["id"] for q in data["queues"] if q["open_now"]]


async def one_client(base: str, queue: str, patience_s: float) -> str:
    """Run one simulated client to the end; returns how it ended."""
    url = base.replace("http", "ws", 1) + "/ws/client"
    async with websockets.connect(url) as ws:
        await ws.send(ClientStart(queue=queue, name=random.choice(NAMES)).model_dump_json())
        opener = random.choice(OPENERS.get(queue, ["Hei, minulla olisi kysymys."]))
        answered = False
        replies = 0
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + patience_s
        sent_opener = False
        while True:
            timeout = give_up_at - loop.time() if not answered else 600
            if timeout <= 0:
                await ws.send(ClientLeave().model_dump_json())
                return "abandoned"
            try:
                raw = await asyncio.wait_for(ws.recv(), timeout)
            except TimeoutError:
                continue
            except websockets.ConnectionClosed:
                return "disconnected"
            frame = parse_to_client_frame(raw)
            if frame.type == "started" and not sent_opener:
                sent_opener = True
                await ws.send(
                    ClientMessage(client_msg_id=uuid.uuid4().hex, text=opener).model_dump_json()
                )
            elif frame.type == "joined":
                answered = True
            elif frame.type == "message" and frame.line.author == "staff" and replies < 2:
                replies += 1
                await asyncio.sleep(random.uniform(2, 6))
                await ws.send(
                    ClientMessage(
                        client_msg_id=uuid.uuid4().hex, text=random.choice(FOLLOW_UPS)
                    ).model_dump_json()
                )
            elif frame.type == "closed":
                return "served" if answered else "closed"
            elif frame.type == "error" and frame.code in ("closed_now", "unknown_queue"):
                return frame.code


async def run(
    base: str, per_minute: float, duration_s: float | None, patience: tuple[float, float]
) -> None:
    tasks: set[asyncio.Task[Any]] = set()
    loop = asyncio.get_running_loop()
    end = None if duration_s is None else loop.time() + duration_s
    while end is None or loop.time() < end:
        try:
            queues = open_queues(base)
        except OSError:
            queues = []
        if queues:
            task = asyncio.create_task(
                one_client(base, random.choice(queues), random.uniform(*patience))
            )
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        await asyncio.sleep(random.expovariate(per_minute / 60.0))
    for task in tasks:
        task.cancel()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="luukku-demo-traffic", description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--per-minute", type=float, default=3.0, help="new clients a minute")
    parser.add_argument("--duration", type=float, default=None, help="seconds; default: forever")
    parser.add_argument(
        "--patience",
        type=float,
        nargs=2,
        default=(120.0, 480.0),
        metavar=("MIN", "MAX"),
        help="seconds a client waits before leaving",
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(args.url, args.per_minute, args.duration, tuple(args.patience)))


if __name__ == "__main__":
    main()
