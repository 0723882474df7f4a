"""Digi-agents: clinic nurses on standby who are called in when a queue needs them.

Events in (``standby``, ``gone``, ``call``, ``answer``, ``leave``, ``tick``), actions out
(``Ask``, ``AskEnded``, ``Joined``, ``Release``, ``Opened``, ``Closed``); no I/O and no clock
of its own, so every rule is tested with a fixed clock (the shape of ``ivr.py``).

The rules, with the service file's ``[digi_agents]`` numbers:

* **A call-in opens** when a queue has been red with contacts waiting for ``red_for_s``
  and no open call-in covers it (one person asked for); red with nobody waiting (an
  overdue callback) calls nobody in, or when a supervisor calls for help (which queues, how
  many, or one named digi-agent).
* **Who is asked**: digi-agents on standby with a skill of the call-in's queues, not
  helping and not asked already, and not asked in the last ``not_again_s`` (she declined or
  did not answer: a named call from a supervisor overrides this). The fairest first:
  ``order = "fewest_minutes"`` (fewest minutes covered this week, then the name) or
  ``"name"``. At most ``at_once`` asks are open per call-in; a call-in asks until it has as
  many helpers as it wants.
* **An ask ends** when she answers, after ``answer_within_s`` without an answer (the next
  is asked), or when every queue of an automatic call-in is green again or has nobody
  waiting (then nobody is needed: the call-in closes and its open asks are withdrawn).
* **Release**: a helper is let go when her chosen time ends, or when all the call-in's
  queues have been green for ``green_for_s``, or when she leaves; the backend then lets
  her finish the chats she holds, gives her no new offers, and puts her back on standby.
* A supervisor's call-in closes when it has its helpers (a named one when she answered)
  or its queues have been green for ``green_for_s``; an automatic one when its queues turn
  green, and asks for one more person each ``red_for_s`` its queue stays red after the last
  helper joined.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Literal

Order = Literal["fewest_minutes", "name"]


@dataclass(frozen=True)
class CallInRules:
    red_for_s: float = 120
    answer_within_s: float = 60
    not_again_s: float = 900
    green_for_s: float = 300
    choices_min: tuple[int, ...] = (30, 60, 90)
    order: Order = "fewest_minutes"
    at_once: int = 1


@dataclass(frozen=True)
class QueueState:
    """What the meter says of a queue now."""

    level: Literal["green", "yellow", "red"]
    waiting: int = 0
    longest_wait_s: float = 0.0


@dataclass(frozen=True)
class Opened:
    call_in: int
    queues: tuple[str, ...]
    trigger: Literal["red", "supervisor"]
    by: str | None
    wanted: int


@dataclass(frozen=True)
class Closed:
    call_in: int
    why: Literal["green", "filled", "answered"]


@dataclass(frozen=True)
class Ask:
    call_in: int
    username: str
    queues: tuple[str, ...]
    waiting: int
    longest_wait_s: float
    answer_by: datetime


@dataclass(frozen=True)
class AskEnded:
    """Her ask is over without her joining: she declined, did not answer, or was no
    longer needed."""

    call_in: int
    username: str
    why: Literal["declined", "no_answer", "not_needed"]
    reason: str = ""


@dataclass(frozen=True)
class Joined:
    call_in: int
    username: str
    queues: tuple[str, ...]
    minutes: int
    until: datetime


@dataclass(frozen=True)
class Release:
    call_in: int
    username: str
    why: Literal["time", "green", "left", "gone"]
    minutes: float  # covered this time


Action = Opened | Closed | Ask | AskEnded | Joined | Release


@dataclass
class DigiAgent:
    username: str
    skills: frozenset[str]
    clinic: str
    minutes_this_week: float = 0.0


@dataclass
class CallIn:
    id: int
    queues: tuple[str, ...]
    trigger: Literal["red", "supervisor"]
    by: str | None
    wanted: int
    opened_at: datetime
    named: str | None = None
    last_join: datetime | None = None
    pending: dict[str, datetime] = field(default_factory=dict)  # username -> asked at
    asked: list[str] = field(default_factory=list)  # in order
    joined: list[str] = field(default_factory=list)


@dataclass
class Helper:
    username: str
    call_in: int
    queues: tuple[str, ...]
    since: datetime
    until: datetime


@dataclass(frozen=True)
class CallInRecord:
    """A stored call-in and when its first helper joined (``None``: nobody did)."""

    id: int
    queues: tuple[str, ...]
    trigger: str
    opened_at: datetime
    first_join_at: datetime | None


@dataclass(frozen=True)
class HelpRecord:
    """One stretch of help, released at ``at`` after ``minutes``."""

    username: str
    clinic: str
    at: datetime
    minutes: float
    contacts: int


@dataclass(frozen=True)
class HelpSummary:
    """What the reports show of digi-agents: minutes per ISO week and clinic, and how
    fast help came (from a call-in's opening to its first helper joining)."""

    minutes: dict[tuple[str, str], float]  # ("2026-W49", clinic) -> minutes
    contacts: int
    call_ins: int
    red_call_ins: int
    helped: int
    help_after_s: list[float]  # per helped call-in, in order


def summarise(calls: list[CallInRecord], help_given: list[HelpRecord], tz: tzinfo) -> HelpSummary:
    minutes: dict[tuple[str, str], float] = {}
    for h in help_given:
        year, week, _ = h.at.astimezone(tz).isocalendar()
        key = (f"{year}-W{week:02d}", h.clinic)
        minutes[key] = minutes.get(key, 0.0) + h.minutes
    after = [
        (c.first_join_at - c.opened_at).total_seconds()
        for c in calls
        if c.first_join_at is not None
    ]
    return HelpSummary(
        minutes=dict(sorted(minutes.items())),
        contacts=sum(h.contacts for h in help_given),
        call_ins=len(calls),
        red_call_ins=sum(1 for c in calls if c.trigger == "red"),
        helped=len(after),
        help_after_s=after,
    )


class CallInError(ValueError):
    """An answer or a call the rules cannot take (said to whoever sent it)."""


class CallInDesk:
    def __init__(self, rules: CallInRules, queue_skills: Mapping[str, str]) -> None:
        self.rules = rules
        self.queue_skills = dict(queue_skills)
        self.standby: dict[str, DigiAgent] = {}
        self.call_ins: dict[int, CallIn] = {}
        self.helpers: dict[str, Helper] = {}
        self.last_asked: dict[str, datetime] = {}
        self.red_since: dict[str, datetime] = {}
        self.green_since: dict[str, datetime] = {}
        self.states: dict[str, QueueState] = {}
        self.next_id = 1

    # --- who is there --------------------------------------------------------------------

    def on_standby(self, agent: DigiAgent) -> None:
        """She is logged in and not helping (again)."""
        self.standby[agent.username] = agent

    def gone(self, username: str, now: datetime) -> list[Action]:
        """Logged out or disconnected: her asks end, her help ends."""
        actions: list[Action] = []
        for c in self.call_ins.values():
            if c.pending.pop(username, None) is not None:
                actions.append(AskEnded(c.id, username, "no_answer"))
        if username in self.helpers:
            actions.append(self._release(username, "gone", now))
        self.standby.pop(username, None)
        return actions + self._ask_more(now)

    def helping(self, username: str) -> Helper | None:
        return self.helpers.get(username)

    def asked(self, username: str) -> CallIn | None:
        return next((c for c in self.call_ins.values() if username in c.pending), None)

    # --- events --------------------------------------------------------------------------

    def call(
        self,
        queues: tuple[str, ...],
        wanted: int,
        by: str,
        now: datetime,
        named: str | None = None,
    ) -> list[Action]:
        """A supervisor calls for help: these queues, this many people (or one by name)."""
        unknown = [q for q in queues if q not in self.queue_skills]
        if unknown or not queues:
            raise CallInError(f"unknown queues {unknown}" if unknown else "no queue named")
        if named is not None:
            agent = self.standby.get(named)
            if agent is None or named in self.helpers:
                raise CallInError(f"{named} is not on standby")
            if self.asked(named) is not None:
                raise CallInError(f"{named} is being asked already")
            if not agent.skills & {self.queue_skills[q] for q in queues}:
                raise CallInError(f"{named} has no skill of {list(queues)}")
            wanted = 1
        call_in = self._open(queues, "supervisor", by, max(1, wanted), now, named)
        return [self._opened(call_in), *self._ask_more(now)]

    def answer(
        self, username: str, call_in_id: int, minutes: int | None, reason: str, now: datetime
    ) -> list[Action]:
        """She joins for ``minutes`` (one of the choices) or says not now (``None``)."""
        call_in = self.call_ins.get(call_in_id)
        if call_in is None or username not in call_in.pending:
            raise CallInError("this ask has ended")
        if minutes is not None and minutes not in self.rules.choices_min:
            raise CallInError(f"minutes must be one of {list(self.rules.choices_min)}")
        del call_in.pending[username]
        actions: list[Action] = []
        if minutes is None:
            self.last_asked[username] = now
            actions.append(AskEnded(call_in.id, username, "declined", reason))
        else:
            until = now + timedelta(minutes=minutes)
            self.helpers[username] = Helper(username, call_in.id, call_in.queues, now, until)
            call_in.joined.append(username)
            call_in.last_join = now
            actions.append(Joined(call_in.id, username, call_in.queues, minutes, until))
            if call_in.trigger == "supervisor" and len(call_in.joined) >= call_in.wanted:
                actions += self._close(call_in, "filled", now)
        if call_in.named is not None and call_in.id in self.call_ins:
            actions += self._close(call_in, "answered", now)  # she was the one asked
        return actions + self._ask_more(now)

    def leave(self, username: str, now: datetime) -> list[Action]:
        """She goes back to her clinic before her time ends (after her current contacts)."""
        if username not in self.helpers:
            raise CallInError("not helping now")
        return [self._release(username, "left", now)]

    def tick(self, now: datetime, queues: Mapping[str, QueueState]) -> list[Action]:
        self.states = dict(queues)
        for q, state in queues.items():
            if state.level == "red" and state.waiting > 0:
                self.red_since.setdefault(q, now)
            else:
                self.red_since.pop(q, None)
            if state.level == "green":
                self.green_since.setdefault(q, now)
            else:
                self.green_since.pop(q, None)
        actions: list[Action] = []
        # Help ends: her time is up, or the queues stayed green long enough.
        for helper in list(self.helpers.values()):
            if now >= helper.until:
                actions.append(self._release(helper.username, "time", now))
            elif self._green_for(helper.queues, now) >= self.rules.green_for_s:
                actions.append(self._release(helper.username, "green", now))
        for call_in in list(self.call_ins.values()):
            # An automatic call-in ends as soon as its queues are green; a supervisor's
            # after they stayed green (she asked for a reason the meter may not see).
            green_enough = 0.0 if call_in.trigger == "red" else self.rules.green_for_s
            emptied = call_in.trigger == "red" and all(self._empty(q) for q in call_in.queues)
            if emptied or self._green_for(call_in.queues, now) >= green_enough:
                actions += self._close(call_in, "green", now)
            else:
                # Still red a while after her help came: one more person is asked.
                if (
                    call_in.trigger == "red"
                    and call_in.last_join is not None
                    and len(call_in.joined) >= call_in.wanted
                    and all(q in self.red_since for q in call_in.queues)
                    and (now - call_in.last_join).total_seconds() >= self.rules.red_for_s
                ):
                    call_in.wanted += 1
                    call_in.last_join = now
                for username, at in list(call_in.pending.items()):
                    if (now - at).total_seconds() >= self.rules.answer_within_s:
                        del call_in.pending[username]
                        self.last_asked[username] = now
                        actions.append(AskEnded(call_in.id, username, "no_answer"))
                        if call_in.named is not None:
                            actions += self._close(call_in, "answered", now)
        # A queue red for long enough, with no call-in covering it, calls for one person.
        covered = {q for c in self.call_ins.values() for q in c.queues}
        for q, since in sorted(self.red_since.items()):
            if q not in covered and (now - since).total_seconds() >= self.rules.red_for_s:
                actions.append(self._opened(self._open((q,), "red", None, 1, now)))
        return actions + self._ask_more(now)

    # --- inside --------------------------------------------------------------------------

    def _empty(self, queue: str) -> bool:
        state = self.states.get(queue)
        return state is None or state.waiting == 0

    def _green_for(self, queues: tuple[str, ...], now: datetime) -> float:
        """How long all these queues have been green (-1: one of them is not)."""
        since = [self.green_since.get(q) for q in queues]
        if any(s is None for s in since):
            return -1.0
        return min((now - s).total_seconds() for s in since if s is not None)

    def _open(
        self,
        queues: tuple[str, ...],
        trigger: Literal["red", "supervisor"],
        by: str | None,
        wanted: int,
        now: datetime,
        named: str | None = None,
    ) -> CallIn:
        call_in = CallIn(self.next_id, queues, trigger, by, wanted, now, named)
        self.next_id += 1
        self.call_ins[call_in.id] = call_in
        return call_in

    @staticmethod
    def _opened(call_in: CallIn) -> Opened:
        return Opened(call_in.id, call_in.queues, call_in.trigger, call_in.by, call_in.wanted)

    def _close(
        self,
        call_in: CallIn,
        why: Literal["green", "filled", "answered"],
        now: datetime,
    ) -> list[Action]:
        del self.call_ins[call_in.id]
        ended: list[Action] = [
            AskEnded(call_in.id, username, "not_needed") for username in call_in.pending
        ]
        call_in.pending.clear()
        return [*ended, Closed(call_in.id, why)]

    def _release(
        self, username: str, why: Literal["time", "green", "left", "gone"], now: datetime
    ) -> Release:
        helper = self.helpers.pop(username)
        minutes = max(0.0, (now - helper.since).total_seconds() / 60)
        agent = self.standby.get(username)
        if agent is not None:
            agent.minutes_this_week += minutes
        return Release(helper.call_in, username, why, minutes)

    def _candidates(self, call_in: CallIn, now: datetime) -> list[DigiAgent]:
        skills = {self.queue_skills[q] for q in call_in.queues}
        busy = set(self.helpers) | {u for c in self.call_ins.values() for u in c.pending}
        out = []
        for agent in self.standby.values():
            if agent.username in busy or not agent.skills & skills:
                continue
            if call_in.named is not None:
                if agent.username == call_in.named and agent.username not in call_in.asked:
                    out.append(agent)
                continue
            last = self.last_asked.get(agent.username)
            if last is not None and (now - last).total_seconds() < self.rules.not_again_s:
                continue
            out.append(agent)
        if self.rules.order == "fewest_minutes":
            out.sort(key=lambda a: (a.minutes_this_week, a.username))
        else:
            out.sort(key=lambda a: a.username)
        return out

    def _ask_more(self, now: datetime) -> list[Action]:
        actions: list[Action] = []
        for call_in in sorted(self.call_ins.values(), key=lambda c: c.opened_at):
            still = call_in.wanted - len(call_in.joined) - len(call_in.pending)
            room = self.rules.at_once - len(call_in.pending)
            for agent in self._candidates(call_in, now)[: max(0, min(still, room))]:
                call_in.pending[agent.username] = now
                call_in.asked.append(agent.username)
                worst = [self.states.get(q) for q in call_in.queues]
                actions.append(
                    Ask(
                        call_in.id,
                        agent.username,
                        call_in.queues,
                        waiting=sum(s.waiting for s in worst if s is not None),
                        longest_wait_s=max(
                            (s.longest_wait_s for s in worst if s is not None), default=0.0
                        ),
                        answer_by=now + timedelta(seconds=self.rules.answer_within_s),
                    )
                )
        return actions
