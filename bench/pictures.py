"""Client pictures: checking and cleaning (in process), and the whole upload over HTTP to
a backend process until the nurse's socket has the thumbnail.

    .venv/bin/python -m bench.pictures --uploads 20

The picture is a phone-camera-sized JPEG (4032 x 3024, with EXIF), the common case; the
limit case (8 MB PNG of noise) is measured too.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import resource
import tempfile
import time
import urllib.request
from pathlib import Path

import websockets
from PIL import Image

from backend.domain.pictures import clean
from bench.chat_load import pct
from bench.common import ROOT, backend_process

OPEN_ALWAYS = ROOT / "tests" / "data" / "open_always.toml"


def phone_photo() -> bytes:
    # Smooth gradients with a little noise: compresses like a photo, not like a flat fill.
    base = Image.linear_gradient("L").resize((4032, 3024))
    noise = Image.effect_noise((4032, 3024), 24)
    image = Image.merge("RGB", (base, noise, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def noise_png() -> bytes:
    side = 1600
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


def time_clean(raw: bytes, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        clean(raw)
        times.append((time.perf_counter() - start) * 1000)
    return times


async def uploads(port: int, raw: bytes, count: int) -> list[float]:
    base = f"ws://127.0.0.1:{port}"
    nurse = await websockets.connect(base + "/ws/staff", max_size=2**24)
    await nurse.send(
        json.dumps({"v": 1, "type": "login", "username": "hoitaja", "password": "demo"})
    )
    await nurse.send(json.dumps({"v": 1, "type": "set_status", "status": "ready"}))
    client = await websockets.connect(base + "/ws/client")
    await client.send(json.dumps({"v": 1, "type": "start", "queue": "neuvola"}))
    started = json.loads(await client.recv())
    while True:
        frame = json.loads(await nurse.recv())
        if frame["type"] == "offer":
            await nurse.send(
                json.dumps({"v": 1, "type": "accept", "conversation_id": frame["conversation_id"]})
            )
            break
    times = []
    loop = asyncio.get_running_loop()
    for _ in range(count):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/chat/picture",
            data=raw,
            headers={
                "X-Luukku-Conversation": started["conversation_id"],
                "X-Luukku-Token": started["token"],
            },
        )
        start = time.perf_counter()
        await loop.run_in_executor(None, lambda r=request: urllib.request.urlopen(r).read())
        while True:
            frame = json.loads(await nurse.recv())
            if frame["type"] == "message" and frame["line"].get("kind") == "picture":
                break
        times.append((time.perf_counter() - start) * 1000)
    await client.close()
    await nurse.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    photo, big = phone_photo(), noise_png()
    random.seed(1)
    for name, raw in (("phone photo JPEG 4032x3024", photo), ("8 MB-class noise PNG", big)):
        times = time_clean(raw, args.rounds)
        print(
            f"clean {name} ({len(raw) / 1e6:.1f} MB): "
            f"p50 {pct(times, 50):.0f} ms, max {max(times):.0f} ms"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench process peak RSS (cleaning in process): {peak:.0f} MB")
    with tempfile.TemporaryDirectory() as data:
        port = 8790 + random.randint(0, 200)
        env = dict(
            os.environ,
            LUUKKU_DATA_DIR=data,
            LUUKKU_PORT=str(port),
            LUUKKU_DEMO="1",
            LUUKKU_SERVICE_FILE=str(OPEN_ALWAYS),
        )
        with backend_process(env, port) as proc:
            times = asyncio.run(uploads(port, photo, args.uploads))
            status = Path(f"/proc/{proc.pid}/status").read_text()
            rss = int(status.split("VmHWM:")[1].split()[0])
        print(
            f"upload phone photo -> thumbnail on the nurse's socket ({args.uploads} uploads): "
            f"p50 {pct(times, 50):.0f} ms, p99 {pct(times, 99):.0f} ms; backend peak RSS "
            f"{rss / 1024:.0f} MB"
        )


if __name__ == "__main__":
    main()
