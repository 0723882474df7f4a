"""The service number as a SIP application (baresip): answers ``sip:service@…``, plays the
menu and the queue's announcements, collects DTMF (RFC 4733 and SIP INFO), and rings the
professional the backend chose, bridging the caller to her when she answers.

One process holds hundreds of callers (``GatewaySettings.max_callers``). SIP and RTP run
on the stack's own threads; every event reaches this module on the asyncio loop that also
runs the backend link, and a pump on the same loop feeds each leg's send buffer every
20 ms (prompts, comfort audio, or the other leg's voice). What the caller hears and may
do is decided by ``backend.domain.ivr`` (pure); this module only carries it out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import websockets
from baresip import (
    Account,
    BaresipError,
    Call,
    Config,
    RegistrationError,
    Runtime,
    UserAgent,
)
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
from backend.telephony.audio import Playback, PromptSounds
from backend.telephony.legs import CallerLeg, Leg, Session, StaffLeg, caller_number
from backend.telephony.media_threads import MediaThreads
from backend.telephony.prompts import COMFORT, STATIC, Prompts
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
PUMP_S = 0.02
LOWER_EVERY_S = 1.0  # new media threads (MediaThreads) looked for this often
PHONE_NUMBER = re.compile(r"\+?[0-9]{3,20}")


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
        self.sounds = PromptSounds(self.prompts)
        self.sessions: dict[str, Session] = {}
        self.legs: set[Leg] = set()
        self._ws: Any = None
        self._outbox: list[Frame] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        # One worker: syntheses run one at a time anyway (PromptSounds.make).
        self._synthesis = ThreadPoolExecutor(1, thread_name_prefix="prompts")
        self._preparer: subprocess.Popen[bytes] | None = None
        self.media = MediaThreads()
        self.runtime: Runtime | None = None
        self.ua: UserAgent | None = None
        # Rings the phones that take SRTP only (RTP/SAVP), after such a phone refused the
        # first offer (RTP/AVP with SDES keys) with 488.
        self.ua_savp: UserAgent | None = None

    # --- plumbing ------------------------------------------------------------------------

    def spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(_log_failure)

    def send(self, frame: Frame) -> None:
        """To the backend; kept and sent on reconnect if the link is down."""
        self._outbox.append(frame)
        if self._ws is not None:
            self.spawn(self._flush())

    async def _flush(self) -> None:
        while self._outbox and self._ws is not None:
            frame = self._outbox[0]
            try:
                await self._ws.send(frame.model_dump_json())
            except ConnectionClosed:
                return
            self._outbox.pop(0)

    @property
    def sip_host(self) -> str:
        """Where the professionals' phones are reached (and this gateway, without one)."""
        return self.settings.registrar or self.settings.address or "127.0.0.1"

    # --- life cycle ----------------------------------------------------------------------

    async def start_sip(self) -> None:
        self.prompts.ensure()
        self.sounds.make([*STATIC, COMFORT])  # read now, not while a caller waits
        # The numbers the queue announces, made ahead while it serves (README "Prompts").
        self._preparer = self.prompts.prepare_in_background(self.settings.max_callers)
        address = self.settings.address
        runtime = Runtime()
        await runtime.start(
            Config(
                net_interface=address,
                # The cap is ours (max_callers, answered 486): the stack's counts a
                # professional's leg too.
                max_concurrent_calls=None,
                native_log_level="warning",
                extra_config_text=f"sip_listen {address or '0.0.0.0'}:{self.settings.sip_port}\n",
            )
        )
        self.runtime = runtime
        registrar = self.settings.registrar
        domain = registrar or f"{self.sip_host}:{self.settings.sip_port}"
        account = Account(
            user=self.phone.service_user,
            domain=domain,
            password="",
            # Registered as the service user: callers reach sip:service@<registrar>.
            reg_interval=60 if registrar else 0,
            audio_codecs=("pcma", "pcmu"),
            # SDES SRTP offered to the professionals' phones (and used where they take
            # it, as the softphone does by default); plain RTP with those that do not,
            # and with callers whose offer has no keys.
            extra_params=("mediaenc=srtp",),
        )
        self.ua = await UserAgent.create(runtime, account)
        self.ua.on_incoming(self.incoming)
        secure = Account(
            user=f"{self.phone.service_user}-srtp",
            domain=domain,
            password="",
            reg_interval=0,
            audio_codecs=("pcma", "pcmu"),
            extra_params=("mediaenc=srtp-mand",),
        )
        self.ua_savp = await UserAgent.create(runtime, secure)
        if registrar:
            try:
                await self.ua.register()
            except RegistrationError as exc:
                # The stack keeps trying; calls through the dispatcher work meanwhile.
                log.warning("registration at %s failed: %s", registrar, exc.status or exc)
        log.info("service number listening on UDP %d", self.settings.sip_port)

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self.start_sip()
        link = asyncio.create_task(self._backend_link(), name="backend-link")
        try:
            drained_by: float | None = None
            loop = self._loop
            lowered_at = 0.0
            while drained_by is None or (self.sessions and loop.time() < drained_by):
                for leg in list(self.legs):
                    leg.pump()
                if loop.time() - lowered_at >= LOWER_EVERY_S:
                    lowered_at = loop.time()
                    self.media.lower()
                await asyncio.sleep(PUMP_S)
                if drained_by is None and self._stopping.is_set():
                    drained_by = loop.time() + self.settings.drain_s
                    if self.sessions:
                        log.info("draining: %d callers held, new ones busy", len(self.sessions))
        finally:
            link.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await link
            await self.shutdown()

    def stop(self) -> None:
        self._stopping.set()

    async def shutdown(self) -> None:
        if self._preparer is not None and self._preparer.poll() is None:
            self._preparer.terminate()  # what it made is kept; the next start goes on
        for leg in list(self.legs):
            with contextlib.suppress(BaresipError):
                await leg.call.hangup()
        self.sessions.clear()
        self.legs.clear()
        if self.runtime is not None:
            await self.runtime.close()
            self.runtime = None
        self._synthesis.shutdown(wait=False, cancel_futures=True)

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

    def incoming(self, call: Call) -> None:
        leg = CallerLeg(self, call)
        if len(self.sessions) >= self.settings.max_callers or self._stopping.is_set():
            # Full, or draining: "busy" lets Kamailio's dispatcher try the next gateway.
            leg.spawn(call.reject())
            return
        caller = caller_number(call.peer or "")
        raw_id = f"{self.settings.gateway_id}-{call.call_id or id(call)}"[:64]
        session = Session(
            id=re.sub(r"[^A-Za-z0-9_.:-]", "_", raw_id),
            leg=leg,
            ivr=IvrCall(self.rules, caller),
            caller=caller,
            arrived_at=datetime.now(UTC),
        )
        leg.session = session
        self.sessions[session.id] = session
        self.legs.add(leg)
        leg.spawn(call.answer())

    def established(self, leg: Leg) -> None:
        if isinstance(leg, StaffLeg):
            self.staff_answered(leg)
            return
        session = leg.session if isinstance(leg, CallerLeg) else None
        if session is None or session.ended:
            return
        now = datetime.now(UTC)
        open_now = self.hours.is_open(now) if self.hours is not None else False
        self.send(CallArrived(call_id=session.id, caller=session.caller, open_now=open_now))
        next_opening = None if open_now or self.hours is None else self.hours.next_opening(now)
        self.apply(session, session.ivr.start(open_now, next_opening))

    def closed(self, leg: Leg, status: int) -> None:
        self.legs.discard(leg)
        if isinstance(leg, StaffLeg):
            self.staff_gone(leg, status)
        elif isinstance(leg, CallerLeg):
            self.caller_gone(leg)

    def digit(self, leg: Leg, key: str) -> None:
        session = leg.session if isinstance(leg, CallerLeg) else None
        if session is None or session.ended:
            return
        if session.ivr.step in (Step.MENU, Step.CB_CONFIRM, Step.CB_ENTER):
            # Barge-in: a key stops the prompt (she knows the menu already).
            leg.play(None)
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
                session.leg.play(None)
                self._cancel_announcement(session)
                frame = CallCallback(call_id=session.id, queue=action.queue, number=action.number)
                session.pending_callback = frame
                self.send(frame)
            elif isinstance(action, Hangup):
                self._end(session, action.reason)
                session.leg.hang_up()

    def _play(self, session: Session, play: Play) -> None:
        self._cancel_timer(session)
        if self.sounds.ready(play.prompts):
            session.leg.play(self.sounds.playback(play.prompts, play.then))
        else:
            # A prompt with a value (a position, a number) not yet made: synthesised off
            # the loop, which meanwhile answers the next callers; what she hears goes on.
            self.spawn(self._play_when_made(session, play, session.leg.generation))

    async def _play_when_made(self, session: Session, play: Play, generation: int) -> None:
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self._synthesis, self.sounds.make, play.prompts)
            playback = self.sounds.playback(play.prompts, play.then)
        except Exception:
            # A prompt that could not be made (speech synthesis failed): the dialogue
            # goes on as if it had been played.
            log.exception("prompt not made")
            playback = Playback([], play.then)
        if not session.ended and session.leg.generation == generation:
            session.leg.play(playback)  # unless a key or a newer prompt came meanwhile

    def _comfort(self, session: Session) -> None:
        session.leg.play(self.sounds.playback([COMFORT], "loop"))

    def played(self, leg: Leg, playback: Playback) -> None:
        session = leg.session if isinstance(leg, CallerLeg) else None
        if session is None or session.ended:
            return
        then = playback.then
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

    def _guarded(self, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except Exception:
            log.exception("gateway step failed")

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
        session.ringing = False  # a delivery still being dialled is hung up when it is
        if session.staff is not None:
            session.staff.hang_up()
        self.sessions.pop(session.id, None)

    def _end(self, session: Session, reason: str) -> None:
        if session.ended:
            return
        session.ended = True
        session.leg.play(None)
        self._cancel_timer(session)
        self._cancel_announcement(session)
        self.send(CallEnded(call_id=session.id, reason=reason))

    # --- delivering to a professional ----------------------------------------------------

    def deliver(self, frame: Deliver) -> None:
        session = self.sessions.get(frame.call_id)
        if (
            session is None
            or session.ended
            or session.staff is not None
            or session.ringing
            or self.ua is None
        ):
            self.send(
                CallDeliveryFailed(call_id=frame.call_id, username=frame.username, sip_status=410)
            )
            return
        session.ringing = True
        self.spawn(self._dial(session, frame, self.ua))

    async def _dial(self, session: Session, frame: Deliver, ua: UserAgent) -> None:
        headers = {
            "X-Luukku-Queue": frame.queue,
            "X-Luukku-Waited": str(int(frame.waited_s)),
            # Her desktop records the call's outcome against this id after the call.
            "X-Luukku-Call": frame.call_id,
        }
        if session.caller and PHONE_NUMBER.fullmatch(session.caller):
            # Her phone shows (and its history keeps, for a call back) the caller's number,
            # not the service number's.
            headers["P-Asserted-Identity"] = f"<sip:{session.caller}@{self.sip_host}>"
        try:
            call = await ua.dial(f"sip:{frame.username}@{self.sip_host}", headers)
        except (BaresipError, ValueError) as exc:
            log.warning("delivery to %s failed at once: %s", frame.username, type(exc).__name__)
            session.ringing = False
            self.send(
                CallDeliveryFailed(call_id=frame.call_id, username=frame.username, sip_status=500)
            )
            return
        leg = StaffLeg(self, call, session, frame, secure=ua is self.ua_savp)
        self.legs.add(leg)
        if session.ended or not session.ringing:
            # The caller hung up, or the backend took the delivery back, while it dialled.
            leg.cancelled = True
            leg.hang_up()
            return
        session.ringing = False
        session.staff = leg
        session.ivr.delivering()

    def cancel_delivery(self, frame: CancelDelivery) -> None:
        session = self.sessions.get(frame.call_id)
        if session is None:
            return
        if session.ringing and session.staff is None:
            session.ringing = False  # still dialling: hung up as soon as it is
            return
        if session.staff is None or session.staff.user != frame.username:
            return
        if session.answered_by is not None:
            return  # she answered meanwhile: the call is hers
        session.staff.cancelled = True
        session.staff.hang_up()

    def staff_answered(self, leg: StaffLeg) -> None:
        session = leg.session
        if session.ended or leg.cancelled or session.staff is not leg:
            leg.hang_up()
            return
        session.answered_by = leg.user
        session.ivr.connected()
        self._cancel_announcement(session)
        self.send(CallAnswered(call_id=session.id, username=leg.user))
        session.leg.bridge(leg)
        leg.bridge(session.leg)

    def staff_gone(self, leg: StaffLeg, status: int) -> None:
        session = leg.session
        if session.staff is not leg:
            return  # a delivery taken back before it rang
        session.staff = None
        if session.ended:
            return
        if session.answered_by is not None:
            # She hung up after talking: the call is over for the caller too.
            self._end(session, "answered")
            session.leg.hang_up()
            return
        if status == 488 and not leg.cancelled and not leg.secure and self.ua_savp is not None:
            # Her phone takes SRTP only: the same delivery again, offered as RTP/SAVP.
            session.ringing = True
            self.spawn(self._dial(session, leg.frame, self.ua_savp))
            return
        if not leg.cancelled:
            self.send(CallDeliveryFailed(call_id=session.id, username=leg.user, sip_status=status))
        session.ivr.delivery_over()
        if session.ivr.step is Step.QUEUED and session.leg.playback is None:
            self._comfort(session)


def _log_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("gateway task failed", exc_info=task.exception())
