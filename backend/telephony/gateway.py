"""The service number as a SIP application (pjsua2): answers ``sip:service@…``, plays the
menu and the queue's announcements, collects DTMF (RFC 2833 and SIP INFO), and rings the
professional the backend chose, bridging the caller to her when she answers.

Single-threaded by design: pjsua2 is polled every 5 ms on the asyncio loop that also runs
the backend link, so every pjsua2 callback (and every state change) happens on one thread.
RTP and the conference bridge run on pjmedia's own media thread. What the caller hears and
may do is decided by ``backend.domain.ivr`` (pure); this module only carries it out.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import random
import re
import sys
import time
from datetime import UTC, datetime
from typing import Any

import pjsua2 as pj
import websockets
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from backend.config import ServiceConfig
from backend.domain.ivr import (
    Action,
    Enqueue,
    Hangup,
    IvrCall,
    LeaveCallback,
    MenuRules,
    Play,
    Report,
    Step,
)
from backend.telephony.legs import (
    CallerLeg,
    Player,
    ServiceAccount,
    Session,
    StaffLeg,
    caller_number,
)
from backend.telephony.prompts import COMFORT, Prompts
from backend.telephony.settings import GatewaySettings
from protocol.gateway import (
    CallAnswered,
    CallArrived,
    CallbackStored,
    CallCallback,
    CallChoice,
    CallDeliveryFailed,
    CallEnded,
    CallQueued,
    CancelDelivery,
    Deliver,
    GatewayHello,
    GatewayWelcome,
    HeldCall,
    QueuePosition,
    parse_to_gateway_frame,
)
from protocol.messages import ErrorFrame, Frame

log = logging.getLogger("luukku.gateway")
POLL_S = 0.005
SWEEP_S = 5.0


def _pin_none() -> None:
    # The wheel's SWIG directors over-release None (see desktop/softphone/engine.py).
    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


class Gateway:
    def __init__(self, settings: GatewaySettings, config: ServiceConfig) -> None:
        self.settings = settings
        self.config = config
        self.phone = config.phone
        queues = [q.id for q in config.queues if q.channel == "phone"]
        default = self.phone.default_queue or (queues[0] if queues else "")
        self.rules = MenuRules(
            dict(self.phone.menu), default, self.phone.no_input_repeats, self.phone.callback_key
        )
        self.hours = config.opening_hours(default) if default else None
        self.prompts = Prompts(settings.prompts_dir, self.phone.language, config.timezone)
        self.sessions: dict[str, Session] = {}
        self.by_leg: dict[int, Session] = {}
        self._trash: list[Any] = []
        self._ws: Any = None
        self._outbox: list[Frame] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = asyncio.Event()
        self.ep: Any = None
        self.account: ServiceAccount | None = None
        self.stats = {"calls": 0, "failed": 0}

    # --- plumbing ------------------------------------------------------------------------

    def soon(self, fn: Any, *args: Any) -> None:
        """Run after the current pjsua2 callback returns (never inside it)."""
        assert self._loop is not None
        self._loop.call_soon(self._guarded, fn, *args)

    def _guarded(self, fn: Any, *args: Any) -> None:
        try:
            result = fn(*args)
            if asyncio.iscoroutine(result):
                task = asyncio.ensure_future(result)
                task.add_done_callback(_log_failure)
        except Exception:
            log.exception("gateway step failed")

    def send(self, frame: Frame) -> None:
        """To the backend; kept and sent on reconnect if the link is down."""
        self._outbox.append(frame)
        if self._ws is not None:
            asyncio.ensure_future(self._flush()).add_done_callback(_log_failure)

    async def _flush(self) -> None:
        while self._outbox and self._ws is not None:
            frame = self._outbox[0]
            try:
                await self._ws.send(frame.model_dump_json())
            except ConnectionClosed:
                return
            self._outbox.pop(0)

    # --- life cycle ----------------------------------------------------------------------

    def start_sip(self) -> None:
        _pin_none()
        self.prompts.ensure()
        ep = pj.Endpoint()
        ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.maxCalls = self.settings.max_calls
        cfg.uaConfig.userAgent = "Luukku service number"
        cfg.medConfig.threadCnt = 1
        cfg.medConfig.hasIoqueue = True
        cfg.medConfig.sndAutoCloseTime = -1
        cfg.medConfig.clockRate = 16000
        cfg.medConfig.maxMediaPorts = max(254, self.settings.max_calls * 4)
        cfg.logConfig.level = 1
        cfg.logConfig.consoleLevel = 1
        ep.libInit(cfg)
        tcfg = pj.TransportConfig()
        tcfg.port = self.settings.sip_port
        tcfg.boundAddress = "127.0.0.1" if os.environ.get("LUUKKU_GATEWAY_LOCAL") else ""
        ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
        ep.libStart()
        ep.audDevManager().setNullDev()
        self.ep = ep
        acfg = pj.AccountConfig()
        host = self.settings.registrar or f"127.0.0.1:{self.settings.sip_port}"
        acfg.idUri = f"sip:{self.phone.service_user}@{host}"
        if self.settings.registrar:
            # Registered as the service user: callers reach sip:service@<registrar>.
            acfg.regConfig.registrarUri = f"sip:{self.settings.registrar}"
            acfg.regConfig.timeoutSec = 60
        self.account = ServiceAccount(self)
        self.account.create(acfg, True)
        log.info("service number listening on UDP %d", self.settings.sip_port)

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.start_sip()
        link = asyncio.create_task(self._backend_link(), name="backend-link")
        try:
            swept = time.monotonic()
            while not self._stopping.is_set():
                self.ep.libHandleEvents(0)
                self._trash.clear()
                if time.monotonic() - swept > SWEEP_S:
                    swept = time.monotonic()
                    self._sweep()
                await asyncio.sleep(POLL_S)
        finally:
            link.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await link
            self.shutdown()

    def stop(self) -> None:
        self._stopping.set()

    def _sweep(self) -> None:
        """A caller whose call is over but whose disconnect never reached us (seen under
        load when a dialog died early): ended now, so that no channel stays open."""
        for session in list(self.sessions.values()):
            try:
                over = session.leg.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED
            except pj.Error:
                over = True
            if over:
                self.caller_gone(session.leg)

    def shutdown(self) -> None:
        for session in list(self.sessions.values()):
            with contextlib.suppress(pj.Error):
                session.leg.hangup(pj.CallOpParam(True))
        self.sessions.clear()
        self.by_leg.clear()
        self._trash.clear()
        self.account = None
        if self.ep is not None:
            self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
            self.ep = None

    async def _backend_link(self) -> None:
        backoff = 0.5
        url = self.settings.backend_url.rstrip("/") + "/ws/gateway"
        while True:
            try:
                async with websockets.connect(url, open_timeout=5) as ws:
                    await ws.send(self._hello().model_dump_json())
                    self._ws = ws
                    backoff = 0.5
                    await self._flush()
                    async for raw in ws:
                        self._on_frame(raw)
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError) as exc:
                log.info("backend link lost: %s", type(exc).__name__)
            finally:
                self._ws = None
            await asyncio.sleep(backoff * random.uniform(0.8, 1.2))
            backoff = min(backoff * 2, 5.0)

    def _hello(self) -> GatewayHello:
        held = [
            HeldCall(
                call_id=s.id,
                caller=s.caller,
                arrived_at=s.arrived_at,
                queue=s.ivr.queue,
                answered_by=s.answered_by,
            )
            for s in self.sessions.values()
            if not s.ended and (s.ivr.queue is not None or s.answered_by is not None)
        ]
        # What the hello reports is the current truth: older queued frames would repeat it.
        self._outbox = [f for f in self._outbox if isinstance(f, CallCallback | CallEnded)]
        return GatewayHello(
            token=self.settings.token, gateway_id=self.settings.gateway_id, calls=held
        )

    def _on_frame(self, raw: str | bytes) -> None:
        try:
            frame = parse_to_gateway_frame(raw)
        except Exception:
            log.warning("unreadable frame from backend ignored")
            return
        if isinstance(frame, Deliver):
            self.deliver(frame)
        elif isinstance(frame, CancelDelivery):
            self.cancel_delivery(frame)
        elif isinstance(frame, QueuePosition):
            session = self.sessions.get(frame.call_id)
            if session is not None:
                session.ivr.position_changed(frame.position, frame.estimated_wait_s)
        elif isinstance(frame, CallbackStored):
            session = self.sessions.get(frame.call_id)
            self._outbox = [
                f
                for f in self._outbox
                if not (isinstance(f, CallCallback) and f.call_id == frame.call_id)
            ]
            if session is not None:
                session.pending_callback = None
                self.apply(session, session.ivr.callback_stored(frame.due_today))
        elif isinstance(frame, ErrorFrame):
            log.warning("backend refused: %s %s", frame.code, frame.detail)
            if frame.code == "auth_failed":
                log.error("wrong LUUKKU_GATEWAY_TOKEN; the backend will not take calls")
        elif isinstance(frame, GatewayWelcome):
            log.info("backend link up; phone queues %s", ", ".join(frame.phone_queues))

    # --- a caller ------------------------------------------------------------------------

    def incoming(self, leg: CallerLeg) -> None:
        if len(self.sessions) >= max(1, self.settings.max_calls // 2):
            # Full: "busy" lets Kamailio's dispatcher try the next gateway of the pool.
            self.stats["busy"] = self.stats.get("busy", 0) + 1
            prm = pj.CallOpParam()
            prm.statusCode = 486
            with contextlib.suppress(pj.Error):
                leg.answer(prm)
            self._trash.append(leg)
            return
        info = leg.getInfo()
        caller = caller_number(info.remoteUri)
        session = Session(
            id=f"{self.settings.gateway_id}-{info.callIdString}"[:64].replace("@", "_"),
            leg=leg,
            ivr=IvrCall(self.rules, caller),
            caller=caller,
            arrived_at=datetime.now(UTC),
        )
        session.id = re.sub(r"[^A-Za-z0-9_.:-]", "_", session.id)
        leg.session = session
        self.sessions[session.id] = session
        self.by_leg[info.id] = session
        self.stats["calls"] += 1
        prm = pj.CallOpParam()
        prm.statusCode = 200
        leg.answer(prm)

    def media_ready(self, leg: CallerLeg) -> None:
        session = leg.session
        if session is None or session.ended:
            return
        now = datetime.now(UTC)
        open_now = self.hours.is_open(now) if self.hours is not None else False
        self.send(CallArrived(call_id=session.id, caller=session.caller, open_now=open_now))
        next_opening = None if open_now or self.hours is None else self.hours.next_opening(now)
        self.apply(session, session.ivr.start(open_now, next_opening))

    def digit(self, leg: CallerLeg, key: str) -> None:
        session = leg.session
        if session is None or session.ended:
            return
        if session.ivr.step in (Step.MENU, Step.CB_CONFIRM, Step.CB_ENTER):
            # Barge-in: a key stops the prompt (she knows the menu already).
            self._stop_player(session)
            self._cancel_timer(session)
        actions = session.ivr.digit(key)
        if session.ivr.step is Step.CB_ENTER and not actions:
            self._listen(session)  # the next digit, or # to finish
        self.apply(session, actions)

    def apply(self, session: Session, actions: list[Action]) -> None:
        for action in actions:
            if isinstance(action, Play):
                self._play(session, action)
            elif isinstance(action, Report):
                self.send(CallChoice(call_id=session.id, menu=action.menu, choice=action.choice))
            elif isinstance(action, Enqueue):
                self.send(CallQueued(call_id=session.id, queue=action.queue))
                self._schedule_announcement(session)
            elif isinstance(action, LeaveCallback):
                self._stop_player(session)
                self._cancel_announcement(session)
                frame = CallCallback(call_id=session.id, queue=action.queue, number=action.number)
                session.pending_callback = frame
                self.send(frame)
            elif isinstance(action, Hangup):
                self._end(session, action.reason)
                with contextlib.suppress(pj.Error):
                    session.leg.hangup(pj.CallOpParam(True))

    def _play(self, session: Session, play: Play) -> None:
        self._stop_player(session)
        self._cancel_timer(session)
        if session.leg.media is None:
            return
        paths = pj.StringVector()
        for key in play.prompts:
            paths.append(str(self.prompts.path(key)))
        player = Player(self, session, play.then)
        try:
            player.createPlaylist(paths, "", pj.PJMEDIA_FILE_NO_LOOP)
            player.startTransmit(session.leg.media)
        except pj.Error as exc:
            # The call ended under us (its media is gone): the disconnect callback follows.
            log.info("prompt not played: %s", exc.info())
            self._trash.append(player)
            return
        session.player = player

    def _comfort(self, session: Session) -> None:
        self._stop_player(session)
        if session.leg.media is None:
            return
        player = Player(self, session, "loop")
        try:
            player.createPlayer(str(self.prompts.path(COMFORT)), 0)
            player.startTransmit(session.leg.media)
        except pj.Error as exc:
            log.info("comfort audio not played: %s", exc.info())
            self._trash.append(player)
            return
        session.player = player

    def prompt_done(self, session: Session, player: Player) -> None:
        if session.player is not player or session.ended:
            return
        then = player.then
        if then == "loop":
            return
        self._stop_player(session)
        if then == "listen":
            self._listen(session)
        elif then == "comfort":
            if session.ivr.step is Step.QUEUED or session.ivr.step is Step.RINGING:
                self._comfort(session)
        else:
            self.apply(session, session.ivr.prompt_done(then))

    def _listen(self, session: Session) -> None:
        assert self._loop is not None
        self._cancel_timer(session)
        session.timer = self._loop.call_later(
            self.phone.no_input_timeout_s, self._guarded, self._timeout, session
        )

    def _timeout(self, session: Session) -> None:
        session.timer = None
        if not session.ended:
            self.apply(session, session.ivr.timeout())

    def _schedule_announcement(self, session: Session) -> None:
        assert self._loop is not None
        self._cancel_announcement(session)
        session.announce = self._loop.call_later(
            self.phone.announce_every_s, self._guarded, self._announce, session
        )

    def _announce(self, session: Session) -> None:
        session.announce = None
        if session.ended or session.ivr.step is not Step.QUEUED:
            return
        self._play(session, session.ivr.announcement())
        self._schedule_announcement(session)

    def _stop_player(self, session: Session) -> None:
        player, session.player = session.player, None
        if player is not None:
            with contextlib.suppress(pj.Error):
                if session.leg.media is not None:
                    player.stopTransmit(session.leg.media)
            self._trash.append(player)

    def _cancel_timer(self, session: Session) -> None:
        if session.timer is not None:
            session.timer.cancel()
            session.timer = None

    def _cancel_announcement(self, session: Session) -> None:
        if session.announce is not None:
            session.announce.cancel()
            session.announce = None

    def caller_gone(self, leg: CallerLeg) -> None:
        session = leg.session
        if session is None:
            return
        if not session.ended:
            if session.answered_by is not None:
                reason = "answered"
            elif session.pending_callback is not None:
                reason = "callback"
            else:
                reason = "abandoned"
            self._end(session, reason)
        if session.staff is not None:
            with contextlib.suppress(pj.Error):
                session.staff.hangup(pj.CallOpParam(True))
        self.sessions.pop(session.id, None)
        self.by_leg.pop(leg.getId(), None)
        self._trash.append(leg)

    def _end(self, session: Session, reason: str) -> None:
        if session.ended:
            return
        session.ended = True
        self._stop_player(session)
        self._cancel_timer(session)
        self._cancel_announcement(session)
        self.send(CallEnded(call_id=session.id, reason=reason))

    # --- delivering to a professional ----------------------------------------------------

    def deliver(self, frame: Deliver) -> None:
        session = self.sessions.get(frame.call_id)
        if session is None or session.ended or session.staff is not None or not self.account:
            self.send(
                CallDeliveryFailed(call_id=frame.call_id, username=frame.username, sip_status=410)
            )
            return
        host = self.settings.registrar or "127.0.0.1"
        leg = StaffLeg(self, self.account, session, frame.username)
        prm = pj.CallOpParam(True)
        headers = pj.SipHeaderVector()
        for name, value in (
            ("X-Luukku-Queue", frame.queue),
            ("X-Luukku-Waited", str(int(frame.waited_s))),
            # Her desktop records the call's outcome against this id after the call.
            ("X-Luukku-Call", frame.call_id),
        ):
            header = pj.SipHeader()
            header.hName, header.hValue = name, value
            headers.append(header)
        prm.txOption.headers = headers
        if session.caller and re.fullmatch(r"\+?[0-9]{3,20}", session.caller):
            # Her phone shows (and its history keeps, for a call back) the caller's number,
            # not the service number's.
            prm.txOption.localUri = f"sip:{session.caller}@{host}"
        try:
            leg.makeCall(f"sip:{frame.username}@{host}", prm)
        except pj.Error as exc:
            log.warning("delivery to %s failed at once: %s", frame.username, exc.info())
            self.send(
                CallDeliveryFailed(call_id=frame.call_id, username=frame.username, sip_status=500)
            )
            return
        session.staff = leg
        session.ivr.delivering()

    def cancel_delivery(self, frame: CancelDelivery) -> None:
        session = self.sessions.get(frame.call_id)
        if session is None or session.staff is None or session.staff.user != frame.username:
            return
        if session.answered_by is not None:
            return  # she answered meanwhile: the call is hers
        session.staff.cancelled = True
        with contextlib.suppress(pj.Error):
            session.staff.hangup(pj.CallOpParam(True))

    def staff_answered(self, leg: StaffLeg) -> None:
        session = leg.session
        if session.ended or leg.cancelled:
            with contextlib.suppress(pj.Error):
                leg.hangup(pj.CallOpParam(True))
            return
        session.answered_by = leg.user
        session.ivr.connected()
        self._stop_player(session)
        self._cancel_announcement(session)
        self.send(CallAnswered(call_id=session.id, username=leg.user))
        self.bridge(session)

    def bridge(self, session: Session) -> None:
        staff = session.staff
        if staff is None or session.answered_by is None:
            return
        if staff.media is None or session.leg.media is None:
            return
        session.leg.media.startTransmit(staff.media)
        staff.media.startTransmit(session.leg.media)

    def staff_gone(self, leg: StaffLeg, status: int) -> None:
        session = leg.session
        if session.staff is leg:
            session.staff = None
        self._trash.append(leg)
        if session.ended:
            return
        if session.answered_by is not None:
            # She hung up after talking: the call is over for the caller too.
            self._end(session, "answered")
            with contextlib.suppress(pj.Error):
                session.leg.hangup(pj.CallOpParam(True))
            return
        if not leg.cancelled:
            self.send(CallDeliveryFailed(call_id=session.id, username=leg.user, sip_status=status))
        session.ivr.delivery_over()
        if session.ivr.step is Step.QUEUED and session.player is None:
            self._comfort(session)


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("gateway task failed", exc_info=task.exception())
