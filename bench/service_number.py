"""The service number under load: sipp callers -> Kamailio (dispatcher) -> one baresip
gateway process (or several, ``--gateways``) -> the backend -> staff softphones (pjsua2
processes registered at Kamailio, answering by themselves).

    .venv/bin/python -m bench.service_number                 # 0 -> 100 callers in one process
    .venv/bin/python -m bench.service_number --soak 1800     # 100 callers for 30 minutes

Each caller chooses 2 -> 1 (RFC 2833, then SIP INFO), sends audio and stays ``--hold``
seconds; new callers arrive at ``--callers / --hold`` a second, so about ``--callers``
are in the system at once, most of them queued with comfort audio and announcements,
some talking to staff. Measured: failed calls (sipp), calls left open afterwards, INVITE
-> 200 OK through Kamailio, and the gateway's memory a caller (its RSS with the callers in
against its RSS before the first), threads and sockets, CPU, and how the sound went (the
gateway's per-leg media lines: frames sent short, the jitter the softphones measured).
With ``--soak`` the gateway's RSS, threads and sockets are sampled every 30 s. Needs root
(sipp's RTP).

The prompts folder is made first as the installer makes it (numbers included); ``--cold``
starts from an empty one (a gateway's first minutes where nobody ran the installer's
step). sipp and the softphones stand in for callers' phones and nurses' workstations,
which are not on the gateway's machine: they run at ``--generator-nice`` (10) so that the
gateway, Kamailio and the backend are served first on the two cores they share here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sqlite3
import tempfile
import time
from pathlib import Path

import websockets

from backend.config import load_service_config
from backend.telephony.prompts import main as make_prompts
from bench.chat_load import pct, rss_mb, seed_staff
from tests.helpers import BackendProcess, free_port
from tests.sip.gateway import TOKEN, GatewayProcess
from tests.sip.peers import Kamailio, Peer, free_listen_port, sipp, sipp_result
from tests.sip.service_calls import scenario

SERVICE = Path(__file__).resolve().parent.parent / "tests" / "data" / "open_always.toml"


def renice(pid: int, nice: int) -> None:
    """Every thread of a process (the threads it starts later inherit it)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        os.setpriority(os.PRIO_PROCESS, int(tid), nice)


def media_lines(log: Path) -> tuple[int, int, list[float]]:
    """Legs closed, frames sent short, and the staff phones' jitter (ms) from the
    gateway's per-leg media lines."""
    legs, short, jitter = 0, 0, []
    pattern = re.compile(r"(\w+) leg media: \d+ s, (\d+) frames sent short, .* ([\d.]+) ms")
    for match in pattern.finditer(log.read_text(errors="replace")):
        legs += 1
        short += int(match.group(2))
        if match.group(1) == "staff":
            jitter.append(float(match.group(3)))
    return legs, short, jitter


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def threads_and_fds(pid: int) -> tuple[int, int]:
    return len(os.listdir(f"/proc/{pid}/task")), len(os.listdir(f"/proc/{pid}/fd"))


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


def callers_in(db: sqlite3.Connection) -> int:
    """The callers in the system now, from the backend's records (arrived, not ended); one
    connection kept open, so that sampling costs the machine next to nothing."""
    return int(db.execute("SELECT COUNT(*) FROM phone_calls WHERE ended_at IS NULL").fetchone()[0])


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
    if not args.cold:
        config = load_service_config(SERVICE)
        began = time.monotonic()
        made_where = [str(work / "prompts"), "--language", config.phone.language]
        make_prompts([*made_where, "--tz", config.timezone, "--positions", str(args.callers * 2)])
        print(f"  prompts made ahead (the installer's step) in {time.monotonic() - began:.0f} s")
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
            assert peer.proc is not None
            renice(peer.proc.pid, args.generator_nice)
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
        seconds = args.soak or args.hold
        rate = args.callers / args.hold
        total = max(1, int(rate * seconds))
        assert backend.proc is not None
        gw_pids = [g.proc.pid for g in gateways if g.proc is not None]
        be_pid = backend.proc.pid
        idle = {p: rss_mb(p) for p in gw_pids}
        idle_tf = {p: threads_and_fds(p) for p in gw_pids}
        cpu0 = {p: cpu_seconds(p) for p in (*gw_pids, be_pid)}
        t0 = time.monotonic()
        caller = sipp(
            scenario(work, steps),
            kamailio.address,
            service="service",
            calls=total,
            rate=rate,
            extra=[
                *("-l", str(args.callers * 2), "-trace_rtt", "-rtt_freq", "1"),
                *("-trace_stat", "-fd", "1"),
            ],
            cwd=work,
        )
        renice(caller.pid, args.generator_nice)
        peak = dict.fromkeys((*gw_pids, be_pid), 0.0)
        db = sqlite3.connect(work / "luukku.db")
        most_callers = 0
        at_most: dict[int, float] = {}
        samples: list[tuple[float, float, int, int]] = []  # t, RSS, threads, sockets (gw0)
        sampled = 0.0
        while caller.poll() is None:
            for pid in peak:
                peak[pid] = max(peak[pid], rss_mb(pid))
            now = callers_in(db)
            if now >= most_callers:
                most_callers, at_most = now, {p: rss_mb(p) for p in gw_pids}
            if args.soak and time.monotonic() - sampled >= 30:
                sampled = time.monotonic()
                samples.append((sampled - t0, rss_mb(gw_pids[0]), *threads_and_fds(gw_pids[0])))
            await asyncio.sleep(1.0)
        db.close()
        elapsed = time.monotonic() - t0
        cpu = {p: (cpu_seconds(p) - cpu0[p]) / elapsed * 100 for p in cpu0}
        code, out = sipp_result(caller, timeout=5)
        await asyncio.sleep(3)
        open_calls = backend.query("SELECT COUNT(*) FROM phone_calls WHERE ended_at IS NULL")[0][0]
        outcomes = dict(backend.query("SELECT outcome, COUNT(*) FROM phone_calls GROUP BY outcome"))
        after_tf = {p: threads_and_fds(p) for p in gw_pids}
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
            f"service number: {total} calls at {rate:.2f}/s over {seconds:.0f} s, each "
            f"~{args.hold:.0f} s, {args.staff} staff softphones, {len(gw_pids)} gateway(s); "
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
        for p in gw_pids:
            per = (at_most[p] - idle[p]) / max(1, most_callers / len(gw_pids))
            print(
                f"  gateway {p}: RSS {idle[p]:.1f} MB idle, {at_most[p]:.1f} MB with "
                f"{most_callers // len(gw_pids)} callers in: {per:.2f} MB a caller; peak "
                f"{peak[p]:.1f} MB; threads/sockets {idle_tf[p][0]}/{idle_tf[p][1]} before, "
                f"{after_tf[p][0]}/{after_tf[p][1]} after the last caller"
            )
        gw_cpu = sum(cpu[p] for p in gw_pids)
        print(
            f"  gateway CPU {gw_cpu:.0f} % of a core; backend CPU {cpu[be_pid]:.0f} %, "
            f"peak RSS {peak[be_pid]:.0f} MB"
        )
        for g in gateways:
            legs, short, jitter = media_lines(g.log_path)
            jitter_text = (
                f"p50 {pct(jitter, 50):.1f} / p99 {pct(jitter, 99):.1f} ms" if jitter else "none"
            )
            print(
                f"  sound ({g.gateway_id}): {legs} legs, {short} frames sent short; jitter "
                f"the softphones measured in what the gateway sent: {jitter_text}"
            )
        if samples:
            rss = [s[1] for s in samples]
            half = rss[len(rss) // 2 :]
            print(
                f"  soak: RSS every 30 s from {rss[0]:.1f} to {rss[-1]:.1f} MB "
                f"(min {min(rss):.1f}, max {max(rss):.1f}; second half "
                f"{min(half):.1f}-{max(half):.1f}); threads {min(s[2] for s in samples)}-"
                f"{max(s[2] for s in samples)}, sockets {min(s[3] for s in samples)}-"
                f"{max(s[3] for s in samples)}"
            )
            print("  " + " ".join(f"{t / 60:.0f}m:{r:.0f}" for t, r, _, _ in samples))
        if code != 0:
            print(out[-1500:])
        leaked = any(after_tf[p][0] > idle_tf[p][0] + 2 for p in gw_pids)
        return 0 if code == 0 and open_calls == 0 and not leaked else 1
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
    parser.add_argument("--callers", type=int, default=100, help="in the system at once")
    parser.add_argument("--hold", type=float, default=40, help="seconds a caller stays")
    parser.add_argument("--soak", type=float, default=0, help="seconds of arrivals (0: one wave)")
    parser.add_argument("--staff", type=int, default=10)
    parser.add_argument("--gateways", type=int, default=1)
    parser.add_argument("--cold", action="store_true", help="start with no prompts made")
    parser.add_argument(
        "--generator-nice", type=int, default=10, help="sipp's and the softphones' nice value"
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
