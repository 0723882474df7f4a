"""The service number under load: sipp callers -> Kamailio (dispatcher) -> a pool of
pjsua2 gateway processes -> the backend -> staff softphones (pjsua2 processes registered
at Kamailio, answering by themselves).

    .venv/bin/python -m bench.service_number --rate 10 --seconds 60 --staff 10 --gateways 45

A gateway process holds 4 call legs (the wheel's compile-time limit), so 2 callers; the
pool must be sized to the callers in the system at once (rate x call length / 2).

Each caller chooses 2 -> 1 (RFC 2833, then SIP INFO), sends audio, and hangs up ``--hold``
seconds later (about 5 s in all): with 10 new calls a second about 50 callers are in the
system at once, most of them queued with comfort audio, some talking to staff. Measured: failed
calls (sipp), calls left open afterwards (stuck channels), INVITE -> 200 OK (setup), and
the gateway's and backend's CPU and RSS. Needs root (sipp's RTP from pcaps).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from pathlib import Path

import websockets

from bench.chat_load import pct, rss_mb, seed_staff
from tests.helpers import BackendProcess, free_port
from tests.sip.gateway import TOKEN, GatewayProcess
from tests.sip.peers import Kamailio, Peer, free_listen_port, sipp, sipp_result
from tests.sip.service_calls import scenario

SERVICE = Path(__file__).resolve().parent.parent / "tests" / "data" / "open_always.toml"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peaks(backend: BackendProcess) -> tuple[int, int]:
    """The most callers in the system, and waiting in a queue, at the same moment."""
    rows = backend.query("SELECT arrived_at, queued_at, answered_at, ended_at FROM phone_calls")
    moments: list[tuple[str, int, int]] = []
    for arrived, queued, answered, ended in rows:
        moments += [(str(arrived), 1, 0), (str(ended), -1, 0)]
        if queued is not None:
            moments += [(str(queued), 0, 1), (str(answered or ended), 0, -1)]
    in_system = waiting = peak_system = peak_waiting = 0
    for _at, d_system, d_waiting in sorted(moments):
        in_system += d_system
        waiting += d_waiting
        peak_system, peak_waiting = max(peak_system, in_system), max(peak_waiting, waiting)
    return peak_system, peak_waiting


async def staff_online(url: str, count: int, stop: asyncio.Event) -> None:
    async def one(i: int) -> None:
        async with websockets.connect(url + "/ws/staff", max_size=2**22) as ws:
            await ws.send(
                json.dumps({"v": 1, "type": "login", "username": f"bench{i}", "password": "bench"})
            )
            await ws.send(json.dumps({"v": 1, "type": "set_status", "status": "ready"}))
            while not stop.is_set():
                try:
                    frame = json.loads(await asyncio.wait_for(ws.recv(), 0.5))
                except TimeoutError:
                    continue
                # Wrap-up after a call (or Not ready after a missed one), as for a nurse; the
                # bench's staff are Ready again at once.
                if frame["type"] == "status" and frame["status"] != "ready":
                    await ws.send(json.dumps({"v": 1, "type": "set_status", "status": "ready"}))

    await asyncio.gather(*(one(i) for i in range(count)))


async def main_async(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="luukku-bench-phone-"))
    await seed_staff(work, args.staff, 2)
    backend = BackendProcess(
        work, free_port(), service_file=SERVICE, extra_env={"LUUKKU_GATEWAY_TOKEN": TOKEN}
    )
    backend.demo = False
    backend.database_url = f"sqlite:///{work / 'luukku.db'}"
    backend.start()
    kamailio_port = free_listen_port()
    gateways = [
        GatewayProcess(backend, work / "prompts", f"127.0.0.1:{kamailio_port}", f"gw{i}")
        for i in range(args.gateways)
    ]
    kamailio = Kamailio(port=kamailio_port, gateways=[g.target for g in gateways])
    kamailio.start()
    for g in gateways:
        g.start(wait=False)
    for g in gateways:
        g.wait_linked(60)
    peers: list[Peer] = []
    stop = asyncio.Event()
    staff = asyncio.create_task(staff_online(backend.ws, args.staff, stop))
    try:
        for i in range(args.staff):
            peer = Peer()
            peer.start(kamailio.address, f"bench{i}", srtp="disabled")
            peer.send("auto_answer", on=True)
            peers.append(peer)
        for peer in peers:
            await peer.until(lambda s: s["registration"] == "registered", timeout=15)
        await asyncio.sleep(2)  # staff Ready
        steps: list[tuple[str, ...]] = [
            ("pause", 800),
            ("dtmf", "2"),
            ("pause", 800),
            ("info", "1"),
            ("audio",),
            ("pause", args.hold * 1000),
        ]
        total = int(args.rate * args.seconds)
        assert backend.proc is not None
        gw_pids = [g.proc.pid for g in gateways if g.proc is not None]
        be_pid = backend.proc.pid
        cpu0 = {p: cpu_seconds(p) for p in (*gw_pids, be_pid)}
        t0 = time.monotonic()
        caller = sipp(
            scenario(work, steps),
            kamailio.address,
            service="service",
            calls=total,
            rate=args.rate,
            extra=["-l", "200", "-trace_rtt", "-rtt_freq", "1", "-trace_stat", "-fd", "1"],
            cwd=work,
        )
        peak = dict.fromkeys((*gw_pids, be_pid), 0.0)
        gw_sum_peak = 0.0
        while caller.poll() is None:
            for pid in peak:
                peak[pid] = max(peak[pid], rss_mb(pid))
            gw_sum_peak = max(gw_sum_peak, sum(rss_mb(p) for p in gw_pids))
            await asyncio.sleep(0.5)
        elapsed = time.monotonic() - t0
        cpu = {p: (cpu_seconds(p) - cpu0[p]) / elapsed * 100 for p in cpu0}
        code, out = sipp_result(caller, timeout=5)
        # The gateways' sweep (every 5 s) ends calls whose disconnect was lost.
        await asyncio.sleep(8)
        open_calls = backend.query("SELECT COUNT(*) FROM phone_calls WHERE ended_at IS NULL")[0][0]
        outcomes = dict(backend.query("SELECT outcome, COUNT(*) FROM phone_calls GROUP BY outcome"))
        rtts: list[float] = []
        for path in work.glob("*_rtt.csv"):
            for line in path.read_text().splitlines()[1:]:
                parts = line.split(";")
                if len(parts) > 1 and parts[1].replace(".", "").isdigit():
                    rtts.append(float(parts[1]))
        failed = next(
            (int(line.split()[-1]) for line in out.splitlines() if "Failed call" in line), -1
        )
        print(
            f"service number: {total} calls at {args.rate}/s, {args.staff} staff softphones; "
            f"sipp exit {code}, failed calls {failed if failed >= 0 else 'see sipp'}, "
            f"calls left open {open_calls}"
        )
        print(f"  outcomes: {outcomes}")
        in_system, queued = peaks(backend)
        print(f"  at once (from the call records): peak {in_system} callers, {queued} queued")
        if rtts:
            print(
                f"  setup INVITE -> 200 OK: p50 {pct(rtts, 50):.1f} ms, p99 {pct(rtts, 99):.1f} ms"
            )
        gw_cpu = sum(cpu[p] for p in gw_pids)
        print(
            f"  {len(gw_pids)} gateways: CPU {gw_cpu:.0f} % of a core together "
            f"({gw_cpu / max(1, len(gw_pids)):.1f} % each), peak RSS "
            f"{max(peak[p] for p in gw_pids):.0f} MB each, {gw_sum_peak:.0f} MB together; "
            f"backend CPU {cpu[be_pid]:.0f} %, peak RSS {peak[be_pid]:.0f} MB"
        )
        if code != 0:
            print(out[-1500:])
        return 0 if code == 0 and open_calls == 0 else 1
    finally:
        stop.set()
        staff.cancel()
        for peer in peers:
            peer.close()
        for g in gateways:
            g.stop()
        backend.stop()
        kamailio.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--staff", type=int, default=10)
    parser.add_argument("--gateways", type=int, default=40)
    parser.add_argument(
        "--hold", type=float, default=3, help="seconds a caller stays after choosing"
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
