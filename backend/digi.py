"""Digi-agents on the backend: standby, call-in, joining and release, carried out in the
live centre (``backend/domain/callin.py`` decides; this applies and stores).

* A digi-agent (a role in ``[digi_agents] roles``) logs in to **standby**: her router
  profile has no skills, so she is in no queue, gets no offer and counts as nobody in the
  meter; she sees the meter of the queues she could serve.
* **Asked**: she gets a ``call_in`` frame (which queues, how bad, the lengths to pick).
* **Joined**: her skills of the call-in's queues are switched on and she is Ready.
* **Returning**: released, she is Not ready (reason ``digi_return``): her open chats stay
  hers, no new offers come; once she holds nothing she is back on standby.

Every step is stored (``call_ins``, ``call_in_events``) for the reports.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from backend.centre.events import (
    ConfigReloaded,
    Events,
    MeterComputed,
    StaffAttached,
    StaffLeft,
)
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Online, is_supervisor
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.config import DigiAgentsConfig, ServiceConfig
from backend.domain.callin import (
    Action,
    Ask,
    AskEnded,
    CallInDesk,
    CallInError,
    CallInRules,
    Closed,
    DigiAgent,
    Joined,
    Opened,
    QueueState,
    Release,
)
from backend.store.callins import CallInStore
from backend.store.repository import Store
from protocol.messages import (
    CallInLine,
    DigiLine,
    ErrorCode,
    ProtocolError,
    StaffCallForHelp,
    StaffCallInAnswer,
    StaffStatus,
    ToStaffCallIn,
    ToStaffDigiState,
)

log = logging.getLogger(__name__)

STANDBY = "standby"  # her Not-ready reason while on standby
RETURNING = "digi_return"  # released: finishing her contacts


def _rules(config: DigiAgentsConfig) -> CallInRules:
    return CallInRules(
        red_for_s=config.red_for_s,
        answer_within_s=config.answer_within_s,
        not_again_s=config.not_again_s,
        green_for_s=config.green_for_s,
        choices_min=tuple(config.choices_min),
        order=config.order,
        at_once=config.at_once,
    )


class DigiAgents:
    def __init__(
        self,
        service: Service,
        db: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        events: Events,
        meter_due: MeterDue,
    ) -> None:
        self.service = service
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.meter_due = meter_due
        config = service.config.digi_agents
        self.config = config
        self.desk = CallInDesk(_rules(config), {q.id: q.skill for q in service.config.queues})
        self.store = CallInStore(db)
        self.clinic_of = {
            nurse: clinic.id for clinic in service.config.clinics for nurse in clinic.nurses
        }
        self.returning: dict[str, datetime] = {}
        self.since: dict[str, datetime] = {}  # standby / asked / helping since
        self.last_answer: dict[str, str] = {}
        events.subscribe(ConfigReloaded, lambda event: self.reconfigure(event.config))
        events.subscribe(StaffAttached, lambda event: self.on_staff(event.username, True))
        events.subscribe(StaffLeft, lambda event: self.on_staff(event.username, False))
        # What a call-in step changes marks the meter: the board shows it next round.
        events.subscribe(MeterComputed, self.watch)

    def reconfigure(self, config: ServiceConfig) -> None:
        """A reloaded service file: new rules and clinics from the next tick on."""
        self.config = config.digi_agents
        self.desk.rules = _rules(config.digi_agents)
        self.clinic_of = {nurse: clinic.id for clinic in config.clinics for nurse in clinic.nurses}

    async def start(self) -> None:
        now = self.service.clock()
        await self.store.close_all_open(now)
        self.desk.next_id = await self.store.next_id()

    def is_digi(self, username: str) -> bool:
        profile = self.online.profiles.get(username)
        return profile is not None and profile.role in self.config.roles

    def on_standby(self, username: str) -> bool:
        return username in self.desk.standby and self.desk.helping(username) is None

    # --- from the sessions ------------------------------------------------------------------

    async def on_staff(self, username: str, attached: bool) -> None:
        if not self.is_digi(username):
            return
        now = self.service.clock()
        if not attached:
            await self._apply(self.desk.gone(username, now), now)
            self.returning.pop(username, None)
            return
        helper = self.desk.helping(username)
        if helper is not None:
            # Back after a dropped connection while helping: still in her queues.
            self._switch_skills(username, helper.queues)
            await self._send_state(username)
            return
        profile = self.online.profiles[username]
        week_start = self._week_start(now)
        covered = (await self.store.minutes_since(week_start)).get(username, 0.0)
        self.desk.on_standby(
            DigiAgent(
                username,
                frozenset(profile.skills),
                self.clinic_of.get(username, ""),
                covered,
            )
        )
        if username not in self.returning:
            await self._to_standby(username, now)

    async def watch(self, event: MeterComputed) -> None:
        """The round's figures: a call-in opens, grows or closes by them."""
        desk = self.desk
        if not (desk.standby or desk.call_ins or desk.helpers or self.returning):
            return  # no digi-agent logged in: nothing to watch (the meter is not rebuilt)
        now = self.service.clock()
        states = {
            f.queue: QueueState(
                "green" if not f.open_now else f.level.value,
                waiting=f.waiting,
                longest_wait_s=f.longest_wait_s,
            )
            for f in event.figures
        }
        if not self.config.automatic:
            # Only supervisors call: a red queue never opens a call-in by itself.
            states = {
                q: QueueState("yellow", s.waiting, s.longest_wait_s) if s.level == "red" else s
                for q, s in states.items()
            }
        await self._apply(self.desk.tick(now, states), now)
        for username in list(self.returning):
            agent = self.routing.router.agents.get(username)
            if agent is None or (agent.load == 0 and not agent.on_call):
                await self._to_standby(username, now)

    # --- from her and from supervisors ---------------------------------------------------

    async def answer(self, username: str, frame: StaffCallInAnswer) -> None:
        now = self.service.clock()
        try:
            actions = self.desk.answer(username, frame.call_in, frame.minutes, frame.reason, now)
        except CallInError as exc:
            raise ProtocolError(ErrorCode.CONFLICT, str(exc)) from None
        await self._apply(actions, now)

    async def leave(self, username: str) -> None:
        now = self.service.clock()
        try:
            actions = self.desk.leave(username, now)
        except CallInError as exc:
            raise ProtocolError(ErrorCode.CONFLICT, str(exc)) from None
        await self._apply(actions, now)

    async def call_for_help(self, username: str, frame: StaffCallForHelp) -> None:
        profile = self.online.profiles.get(username)
        if not is_supervisor(profile):
            raise ProtocolError(ErrorCode.FORBIDDEN, "for supervisors only")
        now = self.service.clock()
        try:
            actions = self.desk.call(
                tuple(frame.queues), frame.count, username, now, named=frame.username
            )
        except CallInError as exc:
            raise ProtocolError(ErrorCode.CONFLICT, str(exc)) from None
        await self._apply(actions, now)
        self.meter_due.mark()  # the board shows the ask at once

    # --- for the board -------------------------------------------------------------------

    def board(self) -> tuple[list[DigiLine], list[CallInLine]]:
        lines = []
        for username, agent in sorted(self.desk.standby.items()):
            profile = self.online.profiles.get(username)
            if profile is None or username not in self.online.staff:
                continue
            helper = self.desk.helping(username)
            asked = self.desk.asked(username)
            if helper is not None:
                state, queues, until = "helping", list(helper.queues), helper.until
            elif username in self.returning:
                state, queues, until = "returning", [], None
            elif asked is not None:
                state, queues, until = "asked", list(asked.queues), None
            else:
                state, queues, until = "standby", [], None
            lines.append(
                DigiLine(
                    username=username,
                    display_name=profile.display_name,
                    clinic=agent.clinic,
                    state=state,
                    since=self.since.get(username),
                    until=until,
                    queues=queues,
                    minutes_this_week=round(agent.minutes_this_week, 1),
                    last_answer=self.last_answer.get(username, ""),
                    can_serve=[
                        q for q, skill in self.desk.queue_skills.items() if skill in agent.skills
                    ],
                )
            )
        call_ins = [
            CallInLine(
                id=c.id,
                queues=list(c.queues),
                trigger=c.trigger,
                wanted=c.wanted,
                joined=list(c.joined),
                asked=list(c.asked),
                opened_at=c.opened_at,
            )
            for c in self.desk.call_ins.values()
        ]
        return lines, call_ins

    # --- carrying out --------------------------------------------------------------------

    async def _apply(self, actions: list[Action], now: datetime) -> None:
        for action in actions:
            try:
                await self._carry_out(action, now)
            except Exception:
                log.exception("call-in step %s failed", type(action).__name__)

    async def _carry_out(self, action: Action, now: datetime) -> None:
        match action:
            case Opened(call_in, queues, trigger, by, wanted):
                log.info("call-in %s opened (%s) for %s", call_in, trigger, ",".join(queues))
                await self.store.opened(call_in, queues, trigger, by, wanted, now)
            case Closed(call_in, why):
                await self.store.closed(call_in, why, now)
            case Ask(call_in, username, queues, waiting, longest, answer_by):
                self.since[username] = now
                await self._event(call_in, username, "asked", now)
                opened = self.desk.call_ins.get(call_in)
                await self.outbox.send_staff(
                    username,
                    ToStaffCallIn(
                        call_in=call_in,
                        queues=list(queues),
                        waiting=waiting,
                        longest_wait_s=longest,
                        choices_min=list(self.config.choices_min),
                        answer_by=answer_by,
                        by_supervisor=opened is not None and opened.trigger == "supervisor",
                    ),
                )
                await self._send_state(username)
            case AskEnded(call_in, username, why, reason):
                self.since[username] = now
                self.last_answer[username] = why if not reason else f"{why}: {reason}"
                await self._event(call_in, username, why, now, reason=reason)
                await self._send_state(username, why=why)
            case Joined(call_in, username, queues, minutes, _until):
                self.since[username] = now
                self.last_answer[username] = f"joined {minutes} min"
                await self._event(call_in, username, "joined", now, minutes=minutes)
                self._switch_skills(username, queues)
                await self.routing.change_status(username, StaffStatus.READY)
                await self._send_state(username)
                await self.routing.route()
                self.meter_due.mark()
            case Release(call_in, username, why, minutes):
                helper_since = now - timedelta(minutes=minutes)
                contacts = await self.store.contacts_handled(username, helper_since, now)
                await self._event(
                    call_in,
                    username,
                    "released",
                    now,
                    minutes=minutes,
                    contacts=contacts,
                    reason=why,
                )
                if username in self.online.staff:
                    self.returning[username] = now
                    self.since[username] = now
                    await self.routing.change_status(username, StaffStatus.NOT_READY, RETURNING)
                    await self._send_state(username, why=why)
                    self.meter_due.mark()

    async def _to_standby(self, username: str, now: datetime) -> None:
        self.returning.pop(username, None)
        self.since[username] = now
        self._switch_skills(username, ())
        agent = self.routing.router.agents.get(username)
        if agent is not None and (agent.status, agent.reason) != (StaffStatus.NOT_READY, STANDBY):
            await self.routing.change_status(username, StaffStatus.NOT_READY, STANDBY)
        await self._send_state(username)
        self.meter_due.mark()

    def _switch_skills(self, username: str, queues: tuple[str, ...]) -> None:
        """Her router profile: no skills on standby, her skills of these queues helping."""
        profile = self.online.profiles.get(username)
        if profile is None:
            return
        wanted = {self.desk.queue_skills[q] for q in queues}
        self.routing.set_skills(username, frozenset(s for s in profile.skills if s in wanted))

    async def _send_state(self, username: str, why: str = "") -> None:
        helper = self.desk.helping(username)
        asked = self.desk.asked(username)
        if helper is not None:
            frame = ToStaffDigiState(
                state="helping", queues=list(helper.queues), until=helper.until, why=why
            )
        elif username in self.returning:
            frame = ToStaffDigiState(state="returning", why=why)
        elif asked is not None:
            frame = ToStaffDigiState(state="asked", queues=list(asked.queues), why=why)
        else:
            frame = ToStaffDigiState(state="standby", why=why)
        await self.outbox.send_staff(username, frame)

    async def _event(
        self,
        call_in: int,
        username: str,
        kind: str,
        now: datetime,
        *,
        minutes: float | None = None,
        contacts: int | None = None,
        reason: str = "",
    ) -> None:
        await self.store.event(
            call_in,
            username,
            self.clinic_of.get(username, ""),
            kind,
            now,
            minutes=minutes,
            contacts=contacts,
            reason=reason,
        )

    def _week_start(self, now: datetime) -> datetime:
        local = now.astimezone(self.service.config.tz)
        monday = local.date() - timedelta(days=local.weekday())
        return datetime.combine(monday, time(), self.service.config.tz)
