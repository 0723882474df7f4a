"""The service number's SIP legs (pjsua2): the caller's call, the call to the professional,
a prompt player, the account that answers, and a caller's session. Each pjsua2 callback
only hands its event to the gateway's loop (``GatewaySide.soon``): nothing here decides.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import pjsua2 as pj

from backend.domain.ivr import IvrCall
from protocol.gateway import CallCallback

log = logging.getLogger("luukku.gateway")


class GatewaySide(Protocol):
    """What the legs tell the gateway (``backend/telephony/gateway.py``), on its loop."""

    def soon(self, fn: Callable[..., Any], *args: Any) -> None: ...
    def incoming(self, leg: CallerLeg) -> None: ...
    def media_ready(self, leg: CallerLeg) -> None: ...
    def digit(self, leg: CallerLeg, key: str) -> None: ...
    def prompt_done(self, session: Session, player: Player) -> None: ...
    def caller_gone(self, leg: CallerLeg) -> None: ...
    def staff_answered(self, leg: StaffLeg) -> None: ...
    def bridge(self, session: Session) -> None: ...
    def staff_gone(self, leg: StaffLeg, status: int) -> None: ...


def caller_number(remote_uri: str) -> str | None:
    match = re.search(r"sips?:([^@;>]+)@", remote_uri)
    return match.group(1) if match else None


class Player(pj.AudioMediaPlayer):  # type: ignore[misc]
    def __init__(self, gateway: GatewaySide, session: Session, then: str) -> None:
        super().__init__()
        self.gateway, self.session, self.then = gateway, session, then

    def onEof2(self) -> None:
        try:
            self.gateway.soon(self.gateway.prompt_done, self.session, self)
        except Exception:
            log.exception("eof callback failed")


class CallerLeg(pj.Call):  # type: ignore[misc]
    def __init__(self, gateway: GatewaySide, account: pj.Account, call_id: int) -> None:
        super().__init__(account, call_id)
        self.gateway = gateway
        self.media: Any = None
        self.session: Session | None = None

    def onCallState(self, prm: Any) -> None:
        try:
            if self.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.gateway.soon(self.gateway.caller_gone, self)
        except Exception:
            log.exception("caller state callback failed")

    def onCallMediaState(self, prm: Any) -> None:
        try:
            info = self.getInfo()
            for media in info.media:
                if (
                    media.type == pj.PJMEDIA_TYPE_AUDIO
                    and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE
                ):
                    first = self.media is None
                    self.media = self.getAudioMedia(media.index)
                    if first:
                        self.gateway.soon(self.gateway.media_ready, self)
        except Exception:
            log.exception("caller media callback failed")

    def onDtmfDigit(self, prm: Any) -> None:
        try:
            self.gateway.soon(self.gateway.digit, self, str(prm.digit))
        except Exception:
            log.exception("dtmf callback failed")


class StaffLeg(pj.Call):  # type: ignore[misc]
    def __init__(self, gateway: GatewaySide, account: pj.Account, session: Session, user: str):
        super().__init__(account)
        self.gateway, self.session, self.user = gateway, session, user
        self.media: Any = None
        self.cancelled = False

    def onCallState(self, prm: Any) -> None:
        try:
            info = self.getInfo()
            if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
                self.gateway.soon(self.gateway.staff_answered, self)
            elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                self.gateway.soon(self.gateway.staff_gone, self, int(info.lastStatusCode))
        except Exception:
            log.exception("staff state callback failed")

    def onCallMediaState(self, prm: Any) -> None:
        try:
            for media in self.getInfo().media:
                if (
                    media.type == pj.PJMEDIA_TYPE_AUDIO
                    and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE
                ):
                    self.media = self.getAudioMedia(media.index)
                    self.gateway.soon(self.gateway.bridge, self.session)
        except Exception:
            log.exception("staff media callback failed")


class ServiceAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, gateway: GatewaySide) -> None:
        super().__init__()
        self.gateway = gateway

    def onIncomingCall(self, prm: Any) -> None:
        try:
            leg = CallerLeg(self.gateway, self, prm.callId)
            self.gateway.incoming(leg)
        except Exception:
            log.exception("incoming call failed")


@dataclass(eq=False)
class Session:
    id: str
    leg: CallerLeg
    ivr: IvrCall
    caller: str | None
    arrived_at: datetime
    player: Player | None = None
    timer: asyncio.TimerHandle | None = None
    announce: asyncio.TimerHandle | None = None
    staff: StaffLeg | None = None
    answered_by: str | None = None
    ended: bool = False
    pending_callback: CallCallback | None = None
    history: list[str] = field(default_factory=list)
