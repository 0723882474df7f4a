"""The supervisor's room on the backend: the live board, acting on a colleague, reports.

Supervisors only, on every path (socket here, HTTP in ``backend/api/reports.py``): another
role gets ``forbidden``. Per-person figures are purpose-limited: every look at them is
access-logged.
"""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from backend.accounts import NewAccount
from backend.auth import hash_password_async
from backend.centre.events import Events, MeterComputed
from backend.centre.meter_due import MeterDue
from backend.centre.outbox import Outbox
from backend.centre.records import Online, is_supervisor
from backend.centre.routing import Routing
from backend.centre.service import Service
from backend.centre.sessions import Sessions
from backend.config import ServiceConfig
from backend.domain.accounts import AccountError
from backend.domain.callin import summarise
from backend.domain.feedback import summarise as summarise_feedback
from backend.domain.figures import ContactRecord, Grain, arrivals_by_weekday_hour
from backend.domain.figures import Figures as DomainFigures
from backend.domain.report import Report
from backend.domain.roster import RosterRow, check_week, monday_of, week_version
from backend.reports.files import formula
from backend.reports.service import ReportError, make_report
from backend.reports.staffing import METHOD, import_roster, make_advice
from backend.store.callins import CallInStore
from backend.store.feedback import FeedbackStore
from backend.store.reports import ReportStore
from backend.store.repository import Store
from protocol.messages import (
    AccountLine,
    AdviceRow,
    BoardRow,
    CallInLine,
    DigiLine,
    DigiReport,
    ErrorCode,
    FeedbackReport,
    ProtocolError,
    ReportCallbacks,
    ReportFigures,
    ReportRow,
    ReportStaffRow,
    RosterPerson,
    RosterShiftLine,
    StaffAccountChange,
    StaffAdviceRequest,
    StaffMyFiguresRequest,
    StaffReportRequest,
    StaffRosterImport,
    StaffRosterSave,
    StaffRosterWeekRequest,
    StaffStatus,
    StaffSupervise,
    ToStaffAccounts,
    ToStaffAdvice,
    ToStaffBoard,
    ToStaffMyFigures,
    ToStaffReport,
    ToStaffRosterImported,
    ToStaffRosterWeek,
)

SUPERVISOR_REASON = "supervisor"  # the Not-ready reason she sees: set by her supervisor


class Supervision:
    def __init__(
        self,
        service: Service,
        db: Store,
        online: Online,
        outbox: Outbox,
        routing: Routing,
        sessions: Sessions,
        events: Events,
        meter_due: MeterDue,
        digi_board: Callable[[], tuple[list[DigiLine], list[CallInLine]]] | None = None,
    ) -> None:
        self.service = service
        self.db = db
        self.online = online
        self.outbox = outbox
        self.routing = routing
        self.sessions = sessions
        self.accounts = sessions.accounts
        self.meter_due = meter_due
        self._digi_board = digi_board
        self.store = ReportStore(db)
        # One roster save at a time: the version check and the write then see each other
        # on PostgreSQL too (one backend process serves the supervisors).
        self._roster_lock = asyncio.Lock()
        events.subscribe(MeterComputed, lambda _event: self.push_board())

    def is_supervisor(self, username: str) -> bool:
        profile = self.online.profiles.get(username)
        return is_supervisor(profile)

    def _require(self, username: str) -> None:
        if not self.is_supervisor(username):
            raise ProtocolError(ErrorCode.FORBIDDEN, "for supervisors only")

    # --- the live board ------------------------------------------------------------------

    def board(self) -> ToStaffBoard:
        rows = []
        for username in sorted(self.online.staff):
            agent = self.routing.router.agents.get(username)
            profile = self.online.profiles.get(username)
            if agent is None or profile is None:
                continue
            rows.append(
                BoardRow(
                    username=username,
                    display_name=profile.display_name,
                    role=profile.role,
                    status=agent.status,
                    reason=agent.reason,
                    since=agent.status_since,
                    chats=sorted(agent.chats),
                    offers=len(agent.offers),
                    on_call=agent.on_call,
                    queues=[q.id for q in self.service.config.queues if q.skill in agent.skills],
                )
            )
        digi, call_ins = self._digi_board() if self._digi_board is not None else ([], [])
        return ToStaffBoard(at=self.service.clock(), staff=rows, digi=digi, call_ins=call_ins)

    async def push_board(self) -> None:
        supervisors = [u for u in self.online.staff if self.is_supervisor(u)]
        if not supervisors:
            return
        frame = self.board()
        for username in supervisors:
            await self.outbox.send_staff(username, frame)

    async def send_board(self, username: str) -> None:
        self._require(username)
        await self.outbox.send_staff(username, self.board())

    # --- acting on a colleague -----------------------------------------------------------

    async def supervise(self, username: str, frame: StaffSupervise) -> None:
        self._require(username)
        target = frame.username
        if target not in self.online.staff:
            raise ProtocolError(ErrorCode.NOT_FOUND, "not online", ref=target)
        now = self.service.clock()
        await self.store.supervisor_action(now, username, target, frame.action, frame.reason)
        if frame.action == "not_ready":
            await self.routing.change_status(target, StaffStatus.NOT_READY, SUPERVISOR_REASON)
            await self.routing.route()
        else:
            # A forgotten session: it ends for good; her desktop asks her to log in again.
            await self.sessions.sign_out(target)
        self.meter_due.mark()

    # --- accounts -----------------------------------------------------------------------------

    async def send_accounts(
        self, username: str, problem: str = "", done: str = "", problem_code: str = ""
    ) -> None:
        self._require(username)
        users = [
            AccountLine(
                username=u.username,
                display_name=u.display_name,
                role=u.role,
                skills=[s for s in u.skills.split(",") if s],
                languages=[lang for lang in u.languages.split(",") if lang],
                active=u.active,
                source="oidc" if u.source == "oidc" else "local",
                # A disabled account is on its way out even while her socket closes.
                online=u.active and u.username in self.online.staff,
            )
            for u in await self.accounts.all()
        ]
        await self.outbox.send_staff(
            username,
            ToStaffAccounts(
                users=users,
                roles=list(self.service.config.staff.roles),
                skills=sorted(self.service.config.skills()),
                local_passwords=self.service.config.identity.local_passwords,
                problem=problem,
                problem_code=problem_code,
                done=done,
            ),
        )

    async def change_account(self, username: str, frame: StaffAccountChange) -> None:
        """The desktop's ``users``: the same checks and record as the command line, made
        by this supervisor. She cannot disable or remove her own account (nobody would be
        left to undo it)."""
        self._require(username)
        self.accounts = self.accounts
        target = frame.username
        try:
            if target == username and frame.action in ("disable", "remove", "set_role"):
                raise AccountError(
                    "not your own account: ask another supervisor or IT", "own_account"
                )
            if frame.action == "add":
                password_hash = ""
                if self.service.config.identity.local_passwords:
                    if len(frame.password) < 12:
                        raise AccountError(
                            "a first password of at least 12 characters", "password_short"
                        )
                    password_hash = await hash_password_async(frame.password)
                await self.accounts.add(
                    username,
                    NewAccount(
                        username=target,
                        display_name=frame.name or target,
                        role=frame.role,
                        skills=",".join(frame.skills),
                        languages=",".join(frame.languages),
                        password_hash=password_hash,
                        source="local" if password_hash else "oidc",
                    ),
                )
            elif frame.action == "disable":
                await self.accounts.disable(username, target)
            elif frame.action == "enable":
                await self.accounts.enable(username, target)
            elif frame.action == "remove":
                await self.accounts.remove(username, target)
            elif frame.action == "set_role":
                await self.accounts.set_role(username, target, frame.role)
            elif frame.action == "set_skills":
                await self.accounts.set_skills(username, target, frame.skills)
            else:
                await self.accounts.set_languages(username, target, frame.languages)
        except AccountError as exc:
            await self.send_accounts(username, problem=str(exc), problem_code=exc.code)
            return
        await self.send_accounts(username, done=frame.action)

    # --- reports -------------------------------------------------------------------------

    async def report(self, username: str, frame: StaffReportRequest) -> None:
        self._require(username)
        try:
            result = await make_report(
                self.db,
                self.service.config,
                first=frame.first,
                last=frame.last,
                grain=Grain(frame.interval),
                queues=frame.queues,
                now=self.service.clock(),
                per_person=frame.staff,
            )
        except ReportError as exc:
            raise ProtocolError(ErrorCode.BAD_FRAME, str(exc)) from exc
        names: dict[str, str] = {}
        if result.staff is not None:
            await self.db.log_access(username, "-", "staff_figures", self.service.clock())
            names = {u.username: u.display_name for u in await self.db.active_users()}
        config = self.service.config
        report = to_frame(result, frame.first, frame.last, config, names)
        digi = await digi_report(config, self.db, frame.first, frame.last)
        feedback = await feedback_report(self.db, frame.first, frame.last, set(result.queues))
        await self.outbox.send_staff(
            username, report.model_copy(update={"digi": digi, "feedback": feedback})
        )

    async def my_figures(self, username: str, frame: StaffMyFiguresRequest) -> None:
        """Her own time and contacts: shown to the person herself (and to supervisors in
        reports), to nobody else; off for everyone when the service turned them off."""
        if not self.service.config.reports.per_person:
            raise ProtocolError(ErrorCode.FORBIDDEN, "per-person figures are turned off")
        if (frame.last - frame.first).days > 31 or frame.last < frame.first:
            raise ProtocolError(ErrorCode.BAD_FRAME, "a range of at most 31 days")
        result = await make_report(
            self.db,
            self.service.config,
            first=frame.first,
            last=frame.last,
            grain=Grain.DAY,
            now=self.service.clock(),
            per_person=True,
        )
        mine = next((s for s in result.staff or () if s.username == username), None)
        await self.outbox.send_staff(
            username,
            ToStaffMyFigures(
                first=frame.first,
                last=frame.last,
                contacts_handled=mine.contacts_handled if mine else 0,
                chat_s=mine.chat_s if mine else 0.0,
                call_s=mine.call_s if mine else 0.0,
                seconds=dict(mine.seconds) if mine else {},
            ),
        )

    async def advice(self, username: str, frame: StaffAdviceRequest) -> None:
        self._require(username)
        result = await make_advice(
            self.db, self.service.config, frame.first, frame.days, int(frame.interval)
        )
        await self.outbox.send_staff(
            username,
            ToStaffAdvice(
                first=frame.first,
                days=frame.days,
                timezone=self.service.config.timezone,
                method=METHOD,
                wape=result.wape,
                digi_agent_hours=result.digi_agent_hours,
                rows=[
                    AdviceRow(
                        start=r.start,
                        end=r.end,
                        channel="phone" if r.channel == "phone" else "chat",
                        forecast=r.forecast,
                        need=r.need,
                        rostered=r.rostered,
                    )
                    for r in result.rows
                ],
            ),
        )

    async def import_roster(self, username: str, frame: StaffRosterImport) -> None:
        self._require(username)
        added, errors = await import_roster(self.db, self.service.config, frame.csv, username)
        await self.outbox.send_staff(
            username, ToStaffRosterImported(added=added, errors=errors[:50])
        )

    async def roster_week(self, username: str, frame: StaffRosterWeekRequest) -> None:
        self._require(username)
        await self._send_week(username, monday_of(frame.day))

    async def save_roster(self, username: str, frame: StaffRosterSave) -> None:
        self._require(username)
        monday = monday_of(frame.monday)
        known = {q.skill for q in self.service.config.queues}
        rows, errors = check_week(
            monday,
            (
                RosterRow(line.name.strip(), line.day, line.start, line.end, frozenset(line.skills))
                for line in frame.shifts
            ),
            known,
        )
        if errors:
            # Nothing is half-saved: the supervisor mends the cells and saves again.
            await self.outbox.send_staff(
                username, ToStaffRosterImported(added=0, errors=errors[:50])
            )
            return
        async with self._roster_lock:
            saved = await self.store.replace_week(
                monday, frame.version, rows, username, datetime.now(UTC)
            )
        if saved is None:
            await self._send_week(username, monday)
            raise ProtocolError(
                ErrorCode.CONFLICT, "a colleague changed this week meanwhile; it was reloaded"
            )
        await self.outbox.send_staff(username, ToStaffRosterImported(added=len(rows), errors=[]))
        await self._send_week(username, monday)

    async def _send_week(self, username: str, monday: date) -> None:
        rows = await self.store.roster(monday, monday + timedelta(days=6))
        known = {q.skill for q in self.service.config.queues}
        people: dict[str, list[str]] = {}
        for user in await self.db.active_users():
            skills = sorted(set(user.skills.split(",")) & known)
            if skills:
                people[user.display_name] = skills
        for r in rows:
            people.setdefault(r.name, sorted(r.skills))
        await self.outbox.send_staff(
            username,
            ToStaffRosterWeek(
                monday=monday,
                version=week_version(rows),
                people=[RosterPerson(name=n, skills=k) for n, k in sorted(people.items())],
                shifts=[
                    RosterShiftLine(
                        name=r.name, day=r.day, start=r.start, end=r.end, skills=sorted(r.skills)
                    )
                    for r in rows
                ],
            ),
        )


async def digi_report(config: ServiceConfig, db: Store, first: date, last: date) -> DigiReport:
    tz = config.tz
    start = datetime.combine(first, time(), tz)
    end = datetime.combine(last + timedelta(days=1), time(), tz)
    calls, help_given = await CallInStore(db).history(start, end)
    summary = summarise(calls, help_given, tz)
    after = sorted(summary.help_after_s)
    return DigiReport(
        minutes=[(week, clinic, round(m, 1)) for (week, clinic), m in summary.minutes.items()],
        contacts=summary.contacts,
        call_ins=summary.call_ins,
        red_call_ins=summary.red_call_ins,
        helped=summary.helped,
        help_after_median_s=statistics.median(after) if after else None,
        help_after_max_s=after[-1] if after else None,
    )


async def feedback_report(db: Store, first: date, last: date, queues: set[str]) -> FeedbackReport:
    answers = await FeedbackStore(db).between(first, last, queues)
    summary = summarise_feedback(answers)
    return FeedbackReport(
        answers=summary.answers,
        scores=summary.scores,
        mean=summary.mean,
        comments=list(summary.comments),
    )


def report_figures(f: DomainFigures) -> ReportFigures:
    return ReportFigures(
        offered=f.offered,
        answered=f.answered,
        answered_in_target=f.answered_in_target,
        abandoned=f.abandoned,
        short_abandoned=f.short_abandoned,
        service_level=f.service_level,
        wait_mean_s=f.wait_mean_s,
        wait_p90_s=f.wait_p90_s,
        longest_wait_s=f.longest_wait_s,
        handle_mean_s=f.handle_mean_s,
        one_contact_share=f.one_contact_share,
        outcomes=dict(f.outcomes),
        transfers=f.transfers,
    )


def to_frame(
    result: Report,
    first: date,
    last: date,
    config: ServiceConfig,
    names: dict[str, str] | None = None,
) -> ToStaffReport:
    contacts: tuple[ContactRecord, ...] = result.contacts
    cb = result.callback_totals
    return ToStaffReport(
        first=first,
        last=last,
        interval=result.period.grain.value,
        queues=list(result.queues),
        timezone=result.period.tz.key,
        formula=formula(result),
        count_short_abandons=result.count_short_abandons,
        short_abandon_s={ch: m.short_abandon_s for ch, m in config.meter.items()},
        target_share={ch: m.target_share for ch, m in config.meter.items()},
        totals={ch: report_figures(f) for ch, f in result.totals.items()},
        rows=[
            ReportRow(
                start=r.interval.start,
                end=r.interval.end,
                channel="phone" if r.channel == "phone" else "chat",
                figures=report_figures(r.figures),
                staff_ready=r.staff_ready,
                wrap_up_per_contact_s=r.wrap_up_per_contact_s,
            )
            for r in result.rows
        ],
        callbacks=ReportCallbacks(
            created=cb.created,
            done_same_day=cb.done_same_day,
            done_in_time=cb.done_in_time,
            open=cb.open,
            overdue=cb.overdue,
        ),
        arrivals=arrivals_by_weekday_hour(contacts, result.period.tz),
        staff=None
        if result.staff is None
        else [
            ReportStaffRow(
                username=s.username,
                display_name=(names or {}).get(s.username, ""),
                contacts_handled=s.contacts_handled,
                chat_s=s.chat_s,
                call_s=s.call_s,
                seconds=dict(s.seconds),
            )
            for s in result.staff
        ],
    )
