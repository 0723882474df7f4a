"""Picture uploads under a flood: memory stays bounded, the per-chat cap holds.

    .venv/bin/python -m bench.uploads [--uploads 100] [--chats 10]

A real backend. ``--uploads`` clients at once send a 7 MB noise PNG (incompressible, so
the body is really that large) into ``--chats`` conversations, each from an address of
its own (``X-Forwarded-For`` through the trusted proxy address, as behind nginx). The
backend's RSS is sampled every 20 ms: the peak is the figure. Then 40 uploads at once
into one conversation, each retrying when told ``busy``: the conversation must end with
exactly its cap of pictures.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import websockets

from bench.chat_load import rss_mb
from tests.helpers import BackendProcess, free_port


def noise_png(megabytes: float = 7.0) -> bytes:
    from PIL import Image

    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    image = Image.frombytes("RGB", (side, side), random.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


async def start_chats(backend: BackendProcess, count: int) -> list[tuple[str, str, Any]]:
    chats = []
    for _ in range(count):
        ws = await websockets.connect(backend.ws + "/ws/client")
        await ws.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
        while (frame := json.loads(await ws.recv()))["type"] != "started":
            pass
        chats.append((frame["conversation_id"], frame["token"], ws))
    return chats


def upload(url: str, cid: str, token: str, body: bytes, address: str) -> tuple[int, str]:
    request = urllib.request.Request(
        url + "/api/chat/picture",
        data=body,
        method="POST",
        headers={
            "X-Luukku-Conversation": cid,
            "X-Luukku-Token": token,
            "X-Forwarded-For": address,
            "Content-Type": "application/octet-stream",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, "ok"
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read() or b"{}").get("error", "")


async def flood(uploads: int = 100, chats: int = 10) -> dict[str, Any]:
    data = Path(tempfile.mkdtemp(prefix="luukku-uploads-"))
    backend = BackendProcess(data, free_port())
    backend.start()
    body = noise_png()
    assert backend.proc is not None
    pid = backend.proc.pid
    try:
        conversations = await start_chats(backend, chats)
        time.sleep(1)
        idle = rss_mb(pid)
        peak = [idle]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], rss_mb(pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=uploads) as pool:
            futures = [
                pool.submit(
                    upload,
                    backend.http,
                    *conversations[i % chats][:2],
                    body,
                    f"198.51.100.{i % 250 + 1}",
                )
                for i in range(uploads)
            ]
            results = [f.result() for f in futures]
        took = time.monotonic() - started
        stop.set()
        sampler.join()
        codes: dict[str, int] = {}
        for status, code in results:
            codes[f"{status} {code}"] = codes.get(f"{status} {code}", 0) + 1

        # 40 at once into one conversation, retrying when busy: the cap must hold.
        cid, token, _ws = conversations[0]
        small = noise_png(0.05)

        def until_done(i: int) -> tuple[int, str]:
            for _ in range(400):
                status, code = upload(backend.http, cid, token, small, f"203.0.113.{i + 1}")
                if code != "busy":
                    return status, code
                time.sleep(0.02)
            return 0, "gave up"

        with ThreadPoolExecutor(max_workers=40) as pool:
            capped = list(pool.map(until_done, range(40)))
        stored = backend.query("SELECT count(*) FROM pictures WHERE conversation_id = ?", cid)
        for _cid, _token, ws in conversations:
            await ws.close()
    finally:
        backend.stop()
    return {
        "uploads": uploads,
        "body_mb": len(body) / 2**20,
        "seconds": took,
        "rss_idle_mb": idle,
        "rss_peak_mb": peak[0],
        "answers": codes,
        "one_chat_answers": sorted({c for _, c in capped}),
        "one_chat_stored": int(stored[0][0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.uploads")
    parser.add_argument("--uploads", type=int, default=100)
    parser.add_argument("--chats", type=int, default=10)
    args = parser.parse_args()
    result = asyncio.run(flood(args.uploads, args.chats))
    print(
        f"uploads: {result['uploads']} × {result['body_mb']:.1f} MB at once into "
        f"{args.chats} chats in {result['seconds']:.1f} s; backend RSS idle "
        f"{result['rss_idle_mb']:.0f} MB, peak {result['rss_peak_mb']:.0f} MB; "
        f"answers {result['answers']}"
    )
    print(
        f"  40 at once into one chat (retrying when busy): {result['one_chat_stored']} stored, "
        f"answers {result['one_chat_answers']}"
    )


if __name__ == "__main__":
    main()
