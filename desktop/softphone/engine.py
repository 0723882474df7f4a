"""The SIP engine: one pjsua2 Endpoint, one Account, the calls; no Qt.

Threading (measured, ``bench/softphone.py``): SIP runs on the caller's thread with no SIP
worker threads (``threadCnt = 0``, ``mainThreadOnly``); :meth:`Engine.poll` runs every 5 ms
on the GUI thread, so every callback does too: no locks, no signal hops, no pjsua2 object
touched from two threads. RTP (pjmedia's media thread) and audio (its clock thread, through
``port.py`` into locked FIFOs; ``audio.py`` has a thread of its own) run without Python.
A 100 ms GUI stall twice a second leaves a looped tone without dropouts.

pjsua2 rules kept here: one Endpoint per process; a Python reference to every Call and the
Account while pjsua2 may call them; no Call dropped inside its own callback (released on
the next poll); no Python exception escapes into C++; all gone before ``libDestroy``.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pjsua2 as pj

from desktop.refcounts import pin_singletons
from desktop.softphone.codecs import prefer_codecs
from desktop.softphone.model import (
    Call,
    CallState,
    Direction,
    History,
    Listener,
    PhoneEvent,
    PhoneEventKind,
    Registration,
    ServiceInfo,
    SipSettings,
    SoftphoneError,
    caller_name,
    caller_number,
    headers,
)
from desktop.softphone.pipe import FRAME_MS, RATE, PcmPipe
from desktop.softphone.port import BridgePort

log = logging.getLogger("luukku.softphone")


class _Account(pj.Account):  # type: ignore[misc]
    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def onRegState(self, prm: Any) -> None:
        try:
            self.engine._on_reg_state(self, prm)
        except Exception:
            log.exception("registration callback")

    def onIncomingCall(self, prm: Any) -> None:
        try:
            self.engine._on_incoming(self, prm)
        except Exception:
            log.exception("incoming call callback")


class _SipCall(pj.Call):  # type: ignore[misc]
    def __init__(self, engine: Engine, account: _Account, call_id: int = pj.PJSUA_INVALID_ID):
        super().__init__(account, call_id)
        self.engine = engine
        self.handle = -1

    def onCallState(self, prm: Any) -> None:
        try:
            self.engine._on_call_state(self)
        except Exception:
            log.exception("call state callback")

    def onCallMediaState(self, prm: Any) -> None:
        try:
            self.engine._on_media_state(self)
        except Exception:
            log.exception("call media callback")

    def onDtmfDigit(self, prm: Any) -> None:
        try:
            self.engine._on_dtmf(self, str(prm.digit))
        except Exception:
            log.exception("dtmf callback")

    def onCallTransferRequest(self, prm: Any) -> None:
        try:
            # Someone asks us to call another party (we are the one being transferred).
            new = _SipCall(self.engine, self.engine._account_or_fail())
            self.engine._adopt(new, Direction.OUTGOING, caller_number(str(prm.dstUri)))
            prm.newCall = new
        except Exception:
            log.exception("transfer request callback")

    def onCallTransferStatus(self, prm: Any) -> None:
        try:
            self.engine._on_transfer_status(self, int(prm.statusCode), bool(prm.finalNotify))
        except Exception:
            log.exception("transfer status callback")

    def onCallReplaced(self, prm: Any) -> None:
        try:
            # An attended transfer replaced this call with a new one to the same person.
            new = _SipCall(self.engine, self.engine._account_or_fail(), prm.newCallId)
            old = self.engine.calls.get(self.handle)
            record = self.engine._adopt(
                new, Direction.INCOMING, old.remote if old else "", state=CallState.ACTIVE
            )
            record.answered = self.engine.clock()
            prm.newCall = new
        except Exception:
            log.exception("call replaced callback")


@dataclass
class _Slot:
    sip: _SipCall
    record: Call
    audio: Any = None  # pj.AudioMedia while connected to the bridge
    answering: bool = False


@dataclass
class EngineStats:
    registrations: int = 0  # successful REGISTER transactions (first and refreshes)


class Engine:
    def __init__(
        self,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        log_level: int = 1,
        max_calls: int = 8,
    ) -> None:
        self.clock = clock
        self.registration = Registration.DISABLED
        self.registration_detail = ""
        self.calls: dict[int, Call] = {}
        self.history = History()
        self.speaker = PcmPipe()
        self.microphone = PcmPipe()
        self.stats = EngineStats()
        self.settings: SipSettings | None = None
        self._listeners: list[Listener] = []
        self._slots: dict[int, _Slot] = {}
        self._released: list[_Slot] = []
        self._next_handle = 1
        self._log_level = log_level
        self._max_calls = max_calls
        self._ep: Any = None
        self._account: _Account | None = None
        self._retired_accounts: list[_Account] = []  # kept until libDestroy
        self._port: BridgePort | None = None
        self._log_writer: Any = None

    # --- life cycle ----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def start(self, settings: SipSettings) -> None:
        """Create the endpoint and register; raises SoftphoneError on bad settings."""
        self.settings = settings
        ep = pj.Endpoint()
        ep.libCreate()
        self._ep = ep
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.maxCalls = self._max_calls
        cfg.uaConfig.userAgent = "Luukku softphone"
        # RTP is read and decoded on pjmedia's own worker thread (C only, no Python), so
        # that a busy GUI thread does not starve the jitter buffer; pjsua2 still brings
        # every callback (DTMF included) to the polling thread (mainThreadOnly).
        cfg.medConfig.threadCnt = 1
        cfg.medConfig.hasIoqueue = True
        # With the null device pjmedia otherwise leaks a sound-port object per call and
        # refuses calls after ~400 (measured; ../shared/notes/platform.md).
        cfg.medConfig.sndAutoCloseTime = -1
        cfg.medConfig.clockRate = 16000
        cfg.logConfig.level = self._log_level
        cfg.logConfig.consoleLevel = self._log_level
        try:
            ep.libInit(cfg)
            tcfg = pj.TransportConfig()
            tcfg.port = settings.local_port
            if settings.transport == "tls" and settings.tls_ca:
                tcfg.tlsConfig.CaListFile = settings.tls_ca
                tcfg.tlsConfig.verifyServer = True
            kind = getattr(pj, f"PJSIP_TRANSPORT_{settings.transport.upper()}")
            ep.transportCreate(kind, tcfg)
            if settings.transport != "udp":
                # Calls from the service number may still come over UDP.
                ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, pj.TransportConfig())
            ep.libStart()
            prefer_codecs(ep)
            # The wheel has no sound devices; our bridge port is the sound card.
            ep.audDevManager().setNullDev()
            # The wheel's SWIG directors over-release None (desktop/refcounts.py).
            pin_singletons()
            self._port = BridgePort(self.speaker, self.microphone)
            fmt = pj.MediaFormatAudio()
            fmt.type = pj.PJMEDIA_TYPE_AUDIO
            fmt.clockRate = RATE
            fmt.channelCount = 1
            fmt.bitsPerSample = 16
            fmt.frameTimeUsec = FRAME_MS * 1000
            self._port.createPort("luukku-bridge", fmt)
        except pj.Error as exc:
            raise SoftphoneError(f"SIP start failed: {exc.info()}") from exc
        if settings.registrar:
            self._register(settings)

    def _register(self, settings: SipSettings) -> None:
        suffix = "" if settings.transport == "udp" else f";transport={settings.transport}"
        acfg = pj.AccountConfig()
        acfg.idUri = f"sip:{settings.user}@{settings.domain}"
        acfg.regConfig.registrarUri = f"sip:{settings.domain}{suffix}"
        acfg.regConfig.timeoutSec = settings.register_seconds
        acfg.regConfig.retryIntervalSec = settings.retry_seconds
        acfg.regConfig.firstRetryIntervalSec = settings.retry_seconds
        acfg.regConfig.delayBeforeRefreshSec = min(5, max(2, settings.register_seconds // 3))
        if settings.password:
            acfg.sipConfig.authCreds.append(
                pj.AuthCredInfo("digest", "*", settings.user, 0, settings.password)
            )
        acfg.mediaConfig.srtpUse = {
            "disabled": pj.PJMEDIA_SRTP_DISABLED,
            "optional": pj.PJMEDIA_SRTP_OPTIONAL,
            "mandatory": pj.PJMEDIA_SRTP_MANDATORY,
        }[settings.srtp]
        # SDES keys over plain UDP signalling are readable on the wire; required only with TLS.
        acfg.mediaConfig.srtpSecureSignaling = 0
        if settings.media_address:
            acfg.mediaConfig.transportConfig.boundAddress = settings.media_address
        account = _Account(self)
        self.registration = Registration.REGISTERING
        self._emit(PhoneEvent(PhoneEventKind.REGISTRATION))
        try:
            account.create(acfg)
        except pj.Error as exc:
            self.registration = Registration.FAILED
            raise SoftphoneError(f"SIP account: {exc.info()}") from exc
        self._account = account

    def set_password(self, password: str) -> None:
        """New credentials (the registrar said 401/403): register again with them."""
        if self.settings is None or self._account is None:
            raise SoftphoneError("the softphone is not set up")
        self.settings = replace(self.settings, password=password)
        old, self._account = self._account, None
        with contextlib.suppress(pj.Error):
            old.shutdown()
        self._retired_accounts.append(old)
        self._register(self.settings)

    @property
    def needs_password(self) -> bool:
        return self.registration is Registration.FAILED and self.registration_detail[:3] in (
            "401",
            "403",
            "407",
        )

    def poll(self) -> None:
        """Let pjsua2 run its timers and sockets; call every few milliseconds."""
        if self._ep is None:
            return
        self._ep.libHandleEvents(0)
        if self._released:
            # Dropped only here, never inside the call's own callback.
            self._released.clear()

    def network_changed(self) -> None:
        """After sleep or a new network: re-register and move calls to the new address."""
        if self._ep is None:
            return
        try:
            self._ep.handleIpChange(pj.IpChangeParam())
        except pj.Error as exc:
            log.warning("ip change: %s", exc.info())

    def stop(self, fast: bool = False) -> None:
        if self._ep is None:
            return
        self._hang_up_all()
        for _ in range(20):
            self._ep.libHandleEvents(10)
        self._slots.clear()
        self._released.clear()
        if self._account is not None:
            with contextlib.suppress(pj.Error):
                self._account.shutdown()
            self._account = None
        self._retired_accounts.clear()
        port, self._port = self._port, None
        if port is not None and sys.getrefcount(port) > 2:
            # Someone (a test, a tap) still holds the port: were it deleted after
            # libDestroy it would unregister from a bridge that is gone and abort.
            port.thisown = False
        del port
        ep, self._ep = self._ep, None
        if fast:
            ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        else:
            ep.libDestroy()
        self.registration = Registration.DISABLED

    def _hang_up_all(self) -> None:
        # A function of its own: a loop variable left in stop() would keep the last Call
        # alive until after libDestroy, and its destructor then aborts the process.
        for slot in list(self._slots.values()):
            with contextlib.suppress(pj.Error):
                slot.sip.hangup(pj.CallOpParam(True))

    # --- operations (GUI thread) ---------------------------------------------------------

    def dial(self, target: str, extra_headers: dict[str, str] | None = None) -> int:
        settings = self.settings
        account = self._account_or_fail()
        assert settings is not None
        uri = settings.uri(target)
        sip = _SipCall(self, account)
        record = self._adopt(sip, Direction.OUTGOING, caller_number(uri), state=CallState.DIALING)
        prm = pj.CallOpParam(True)
        for name, value in (extra_headers or {}).items():
            header = pj.SipHeader()
            header.hName = name
            header.hValue = value
            prm.txOption.headers.append(header)
        try:
            sip.makeCall(uri, prm)
        except pj.Error as exc:
            self._forget(record.id, f"dial failed: {exc.info()}")
            raise SoftphoneError(exc.info()) from exc
        return record.id

    def answer(self, handle: int) -> None:
        slot = self._slot(handle)
        if slot.answering:
            return  # a double click, or the hotkey and a click
        slot.answering = True
        prm = pj.CallOpParam()
        prm.statusCode = 200
        self._call(slot.sip.answer, prm)

    def decline(self, handle: int) -> None:
        slot = self._slot(handle)
        prm = pj.CallOpParam()
        prm.statusCode = 486  # Busy Here: the service number puts the caller back in queue
        slot.record.end_reason = "declined"
        self._call(slot.sip.hangup, prm)

    def hangup(self, handle: int) -> None:
        slot = self._slot(handle)
        self._call(slot.sip.hangup, pj.CallOpParam(True))

    def set_muted(self, handle: int, muted: bool) -> None:
        slot = self._slot(handle)
        slot.record.muted = muted
        self._connect_audio(slot)
        self._emit(PhoneEvent(PhoneEventKind.CALL, handle))

    def hold(self, handle: int) -> None:
        slot = self._slot(handle)
        self._call(slot.sip.setHold, pj.CallOpParam(True))

    def resume(self, handle: int) -> None:
        slot = self._slot(handle)
        prm = pj.CallOpParam(True)
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        self._call(slot.sip.reinvite, prm)

    def send_dtmf(self, handle: int, digits: str) -> None:
        slot = self._slot(handle)
        digits = "".join(d for d in digits if d in "0123456789*#ABCD")
        if digits:
            self._call(slot.sip.dialDtmf, digits)

    def transfer(self, handle: int, target: str) -> None:
        """Blind transfer: the other party is asked to call ``target``; we drop out."""
        slot = self._slot(handle)
        assert self.settings is not None
        self._call(slot.sip.xfer, self.settings.uri(target), pj.CallOpParam(True))

    def consult(self, handle: int, target: str) -> int:
        """Attended transfer, first step: hold this call and call the colleague."""
        slot = self._slot(handle)
        if slot.record.state is CallState.ACTIVE:
            self.hold(handle)
        consult = self.dial(target)
        self.calls[consult].consult_for = handle
        return consult

    def complete_transfer(self, consult_handle: int) -> None:
        """Attended transfer, second step: join the held caller with the colleague."""
        consult = self._slot(consult_handle)
        original_handle = consult.record.consult_for
        if original_handle is None:
            raise SoftphoneError("not a consultation call")
        original = self._slot(original_handle)
        self._call(original.sip.xferReplaces, consult.sip, pj.CallOpParam(True))

    def live_calls(self) -> list[Call]:
        return [c for c in self.calls.values() if c.live]

    @property
    def on_call(self) -> bool:
        return any(c.connected or c.state is CallState.DIALING for c in self.calls.values())

    def port(self) -> BridgePort | None:
        return self._port

    # --- pjsua2 callbacks (GUI thread, via poll) -----------------------------------------

    def _on_reg_state(self, account: _Account, prm: Any) -> None:
        info = account.getInfo()
        code = int(prm.code)
        if 200 <= code < 300 and info.regIsActive:
            self.stats.registrations += 1
            state = Registration.REGISTERED
            detail = ""
        elif 200 <= code < 300:
            state = Registration.DISABLED  # un-registered on purpose
            detail = ""
        else:
            state = Registration.FAILED
            detail = f"{code} {prm.reason}".strip()
        if (state, detail) != (self.registration, self.registration_detail):
            self.registration, self.registration_detail = state, detail
            log.info("registration: %s %s", state.value, detail)
            self._emit(PhoneEvent(PhoneEventKind.REGISTRATION))

    def _on_incoming(self, account: _Account, prm: Any) -> None:
        message = str(prm.rdata.wholeMsg)
        fields = headers(message)
        sip = _SipCall(self, account, prm.callId)
        remote = fields.get("from", "")
        busy = any(c.live and c.consult_for is None for c in self.calls.values())
        service = ServiceInfo.from_headers(fields)
        record = self._adopt(sip, Direction.INCOMING, service.caller or caller_number(remote))
        record.name, record.service = caller_name(remote), service
        ring = pj.CallOpParam()
        # One line: while she is on a call a second caller gets "busy", and the service
        # number puts that caller back in the queue instead of ringing over her call.
        ring.statusCode = 486 if busy else 180
        if busy:
            record.end_reason = "busy"
        sip.answer(ring)
        self._emit(PhoneEvent(PhoneEventKind.CALL, record.id))

    def _on_call_state(self, sip: _SipCall) -> None:
        slot = self._slots.get(sip.handle)
        if slot is None:
            return
        info = sip.getInfo()
        record = slot.record
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
            if record.answered is None:
                record.answered = self.clock()
            if record.state in (CallState.RINGING, CallState.DIALING):
                record.state = CallState.ACTIVE
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            record.state = CallState.ENDED
            record.ended = self.clock()
            if not record.end_reason:
                record.end_reason = f"{info.lastStatusCode} {info.lastReason}".strip()
            slot.audio = None
            self._slots.pop(sip.handle, None)
            self._released.append(slot)
            self.history.record(record, record.ended)
            self._emit(PhoneEvent(PhoneEventKind.ENDED, record.id))
        self._emit(PhoneEvent(PhoneEventKind.CALL, record.id))

    def _on_media_state(self, sip: _SipCall) -> None:
        slot = self._slots.get(sip.handle)
        if slot is None:
            return
        info = sip.getInfo()
        held = False
        active = False
        for media in info.media:
            if media.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            if media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                active = True
                slot.audio = sip.getAudioMedia(media.index)
            elif media.status in (pj.PJSUA_CALL_MEDIA_LOCAL_HOLD, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD):
                held = True
        if held and slot.record.connected:
            slot.record.state = CallState.HELD
        elif active and slot.record.state is CallState.HELD:
            slot.record.state = CallState.ACTIVE
        if not active:
            slot.audio = None
        self._connect_audio(slot)
        self._emit(PhoneEvent(PhoneEventKind.CALL, slot.record.id))

    def _on_dtmf(self, sip: _SipCall, digit: str) -> None:
        slot = self._slots.get(sip.handle)
        if slot is None:
            return
        slot.record.dtmf_received += digit[:1]
        self._emit(PhoneEvent(PhoneEventKind.DTMF, slot.record.id, digit[:1]))

    def _on_transfer_status(self, sip: _SipCall, code: int, final: bool) -> None:
        slot = self._slots.get(sip.handle)
        if slot is None:
            return
        if not final:
            progress = "accepted"
        elif 200 <= code < 300:
            progress = "done"
        else:
            progress = "failed"
        self._emit(PhoneEvent(PhoneEventKind.TRANSFER, slot.record.id, progress))
        if progress == "done":
            slot.record.end_reason = "transferred"
            try:
                sip.hangup(pj.CallOpParam(True))
            except pj.Error as exc:
                log.debug("hang up after transfer: %s", exc.info())

    # --- internals -----------------------------------------------------------------------

    def _adopt(
        self, sip: _SipCall, direction: Direction, remote: str, state: CallState | None = None
    ) -> Call:
        handle = self._next_handle
        self._next_handle += 1
        sip.handle = handle
        record = Call(
            id=handle,
            direction=direction,
            remote=remote,
            state=state
            or (CallState.RINGING if direction is Direction.INCOMING else CallState.DIALING),
            started=self.clock(),
        )
        self.calls[handle] = record
        self._slots[handle] = _Slot(sip, record)
        # The history keeps the day's calls; here only recent records are kept for lookups.
        for old in [h for h, c in self.calls.items() if not c.live and h < handle - 50]:
            del self.calls[old]
        return record

    def _forget(self, handle: int, reason: str) -> None:
        slot = self._slots.pop(handle, None)
        if slot is not None:
            slot.record.state = CallState.ENDED
            slot.record.end_reason = reason
            slot.record.ended = self.clock()
            self._released.append(slot)
            self._emit(PhoneEvent(PhoneEventKind.CALL, handle))

    def _connect_audio(self, slot: _Slot) -> None:
        port = self._port
        if port is None or slot.audio is None:
            return
        try:
            # Connecting an already connected pair is harmless in pjmedia's bridge.
            slot.audio.startTransmit(port)
            if slot.record.muted:
                port.stopTransmit(slot.audio)
            else:
                port.startTransmit(slot.audio)
        except pj.Error as exc:
            log.warning("audio connect: %s", exc.info())

    def _slot(self, handle: int) -> _Slot:
        slot = self._slots.get(handle)
        if slot is None:
            raise SoftphoneError("the call has ended")
        return slot

    def _account_or_fail(self) -> _Account:
        if self._account is None:
            raise SoftphoneError("the softphone is not set up")
        return self._account

    def _call(self, method: Callable[..., Any], *args: Any) -> None:
        try:
            method(*args)
        except pj.Error as exc:
            raise SoftphoneError(exc.info()) from exc

    def _emit(self, event: PhoneEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("phone event listener")
