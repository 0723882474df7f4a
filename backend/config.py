"""The service file: queues, skills, opening hours, routing and meter rules, texts, roles,
retention, identity. Read once at start and again on SIGHUP; every field is checked
(``ConfigError`` names the field). The process's own settings are ``backend/settings.py``."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from backend.config_base import ConfigError, Localised, placeholders_of
from backend.config_web import EmergencyConfig, WebConfig
from backend.domain.figures import Targets
from backend.domain.hours import OpeningHours, Window
from backend.domain.meter import Thresholds
from protocol.messages import LINK_PLACEHOLDERS, RECORD_PLACEHOLDERS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_window(value: str | None) -> str | None:
    if value is not None:
        Window.parse(value)
    return value


class HandoffLinkConfig(_Strict):
    """A hand-off button of a queue's conversations and calls (booking system, patient
    record, the client's clinic): its names and an https URL template."""

    id: str = Field(pattern=r"^[a-z0-9_]{1,32}$")
    names: Localised
    url: str = Field(max_length=2000)

    @field_validator("url")
    @classmethod
    def _url(cls, url: str) -> str:
        if not url.startswith("https://"):
            raise ValueError(f"must start with https:// (got {url[:40]!r})")
        try:
            used = placeholders_of(url)
        except ValueError as exc:
            raise ValueError(f"a broken placeholder: {exc}") from None
        unknown = used - LINK_PLACEHOLDERS
        if unknown:
            raise ValueError(
                f"unknown placeholders {sorted(unknown)}; use {sorted(LINK_PLACEHOLDERS)}"
            )
        return url


# The record entry's default headings, in the professional's language; a line whose
# placeholder has no value (an anonymous client's identity code) is left out. The
# transcript starts on a line of its own.
DEFAULT_RECORD_TEMPLATES = {
    "fi": (
        "{date} klo {time} · {channel} · {queue}\n"
        "Käsittelijä: {handled_by}\n"
        "Konsultoidut: {consultants}\n"
        "Asiakas: {client}\n"
        "Henkilötunnus: {identity_code}\n"
        "Yhteydenoton syy: {reason}\n"
        "Lopputulos: {outcome}\n"
        "Yhteenveto: {wrap_up}\n"
        "Soittopyynnöt: {callbacks}\n"
        "Keskustelu:{transcript}"
    ),
    "sv": (
        "{date} kl. {time} · {channel} · {queue}\n"
        "Handläggare: {handled_by}\n"
        "Konsulterade: {consultants}\n"
        "Klient: {client}\n"
        "Personbeteckning: {identity_code}\n"
        "Orsak till kontakten: {reason}\n"
        "Resultat: {outcome}\n"
        "Sammanfattning: {wrap_up}\n"
        "Återuppringningar: {callbacks}\n"
        "Samtalet:{transcript}"
    ),
    "en": (
        "{date} at {time} · {channel} · {queue}\n"
        "Handled by: {handled_by}\n"
        "Consulted: {consultants}\n"
        "Client: {client}\n"
        "Identity code: {identity_code}\n"
        "Reason for contact: {reason}\n"
        "Outcome: {outcome}\n"
        "Summary: {wrap_up}\n"
        "Callbacks: {callbacks}\n"
        "Conversation:{transcript}"
    ),
}


class RecordConfig(_Strict):
    """The record entry she copies into the patient record (Ctrl+Shift+C): a template per
    language, so each organisation matches its record system's headings."""

    # "full": the transcript with times; "summary": only her wrap-up note.
    transcript: Literal["full", "summary"] = "full"
    templates: Localised = DEFAULT_RECORD_TEMPLATES

    @field_validator("templates")
    @classmethod
    def _known(cls, templates: dict[str, str]) -> dict[str, str]:
        for lang, template in templates.items():
            try:
                unknown = placeholders_of(template) - RECORD_PLACEHOLDERS
            except ValueError as exc:
                raise ValueError(f"{lang}: a broken placeholder: {exc}") from None
            if unknown:
                raise ValueError(
                    f"{lang}: unknown placeholders {sorted(unknown)};"
                    f" use {sorted(RECORD_PLACEHOLDERS)}"
                )
        return templates


class QueueConfig(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]{1,32}$")
    channel: Literal["chat", "phone"]
    skill: str = Field(min_length=1)
    names: Localised
    hours: str | None = None
    # Chat queues: may the client identify with Suomi.fi (a named conversation)?
    # "off", "optional" (anonymous stays the default) or "required".
    identification: Literal["off", "optional", "required"] = "off"
    # Hand-off buttons in this queue's conversations and calls.
    links: list[HandoffLinkConfig] = []

    _hours = field_validator("hours")(_check_window)


class ExceptionDay(_Strict):
    date: date
    closed: bool = False
    hours: str | None = None
    queues: list[str] | None = None

    _hours = field_validator("hours")(_check_window)

    @model_validator(mode="after")
    def _closed_or_hours(self) -> ExceptionDay:
        if self.closed == (self.hours is not None):
            raise ValueError('give either closed = true or hours = "HH:MM-HH:MM"')
        return self


class RoutingConfig(_Strict):
    offer_timeout_s: float = Field(default=30, gt=0, le=600)
    missed_offer_sets_not_ready: bool = True
    default_chat_capacity: int = Field(default=2, ge=1, le=10)
    # A client she let lapse is offered to colleagues first for this long (to her at once
    # if nobody else can take it).
    missed_cooldown_s: float = Field(default=60, ge=0, le=3600)
    # A client waits this long at most for a colleague who speaks the client's language.
    language_wait_s: float = Field(default=60, ge=0, le=3600)
    # Wrap-up ends by itself after this long (0: only when she changes it) ...
    wrap_up_max_s: float = Field(default=120, ge=0, le=3600)
    # ... and she is then Ready (false: she stays in Wrap-up, shown as overdue).
    wrap_up_then_ready: bool = True
    # Roles that see the client's first line in the offer, before accepting.
    first_line_roles: list[str] = ["nurse", "psychiatric_nurse", "supervisor", "social_worker"]


class CallbacksConfig(_Strict):
    # Arriving after this (local time) a callback is due the next working day.
    cutoff: str = Field(default="14:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    max_failed_attempts: int = Field(default=3, ge=1, le=20)
    # Offer a due callback to a Ready professional whom no live queue of hers needs now
    # (nothing waiting in her queues, no chat or call on): the rule the issue calls
    # configurable. Off: callbacks are only picked from the list.
    offer_when_idle: bool = True


class PhoneConfig(_Strict):
    """The service number's menu and queue behaviour (the gateway reads this file too).

    ``menu`` maps a key path to a phone queue: "1" is a top-level key, "2.1" the key 1 in
    the submenu behind 2. A key with a submenu has no queue of its own. The recorded
    prompts must say the same thing (backend/telephony/prompts.py has the defaults)."""

    service_user: str = Field(default="service", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    language: Literal["fi", "sv", "en"] = "fi"
    menu: dict[Annotated[str, Field(pattern=r"^[0-9](\.[0-9])?$")], str] = {}
    # After this many menu repeats without a (valid) key the call goes to default_queue.
    no_input_repeats: int = Field(default=2, ge=0, le=5)
    no_input_timeout_s: float = Field(default=6, gt=0, le=60)
    default_queue: str | None = None
    callback_key: str = Field(default="5", pattern=r"^[0-9*#]$")
    announce_every_s: float = Field(default=30, gt=0, le=600)
    ring_timeout_s: float = Field(default=20, gt=0, le=120)


class ClinicConfig(_Strict):
    """A clinic of the directory: a callback can be left for it (its nurses see it)."""

    id: str = Field(pattern=r"^[a-z0-9_]{1,32}$")
    names: dict[str, str]
    nurses: list[str] = []


class CollaborationConfig(_Strict):
    # Roles that may be invited into a client conversation as a consultant. A secretary is
    # not among the defaults: client health details are not hers to read.
    consultant_roles: list[str] = [
        "nurse",
        "psychiatric_nurse",
        "doctor",
        "physiotherapist",
        "social_worker",
        "supervisor",
    ]
    # "Move to video": a meeting link is this base plus a random room name.
    video_base_url: str = Field(default="https://video.example.fi/", pattern=r"^https://\S+$")
    max_pictures_per_conversation: int = Field(default=20, ge=0, le=200)


class MeterConfig(_Strict):
    target_s: int = Field(gt=0)
    target_share: float = Field(default=0.8, ge=0, le=1)
    # Accepted so that older service files still load; the colour no longer follows today's
    # level (``backend/domain/meter.py`` says why).
    red_share: float | None = Field(default=None, ge=0, le=1)
    yellow_wait_s: int = Field(default=60, ge=0)
    red_wait_s: int = Field(default=120, ge=0)
    short_abandon_s: int = Field(default=10, ge=0)
    default_handle_s: int = Field(default=600, gt=0)

    def thresholds(self) -> Thresholds:
        return Thresholds(**self.model_dump(exclude={"red_share"}))


class ReportsConfig(_Strict):
    # Whether abandons within meter.short_abandon_s count against the service level.
    count_short_abandons: bool = False
    # Per-person figures (time per state, contacts handled): purpose-limited under Finnish
    # working-life privacy law; a service can turn them off altogether.
    per_person: bool = True


class DigiAgentsConfig(_Strict):
    """Clinic nurses on standby who are called in when a queue needs them
    (``backend/domain/callin.py`` has the rules these numbers feed)."""

    # Staff with these roles log in to standby; their home clinic is the clinic whose
    # ``nurses`` list names them.
    roles: list[str] = ["clinic_nurse"]
    # A queue red this long calls for help by itself (false: only supervisors call).
    automatic: bool = True
    red_for_s: float = Field(default=120, ge=0, le=3600)
    answer_within_s: float = Field(default=60, ge=5, le=900)
    not_again_s: float = Field(default=900, ge=0, le=8 * 3600)
    green_for_s: float = Field(default=300, ge=0, le=3600)
    choices_min: list[int] = Field(default=[30, 60, 90], min_length=1, max_length=6)
    order: Literal["fewest_minutes", "name"] = "fewest_minutes"
    at_once: int = Field(default=1, ge=1, le=20)

    @field_validator("choices_min")
    @classmethod
    def _sensible_choices(cls, value: list[int]) -> list[int]:
        if any(not 5 <= m <= 480 for m in value) or len(set(value)) != len(value):
            raise ValueError("choices must be different numbers of minutes from 5 to 480")
        return sorted(value)


class LimitsConfig(_Strict):
    client_frames_per_s: float = Field(default=5, gt=0)
    client_burst: int = Field(default=20, gt=0)
    staff_frames_per_s: float = Field(default=20, gt=0)
    staff_burst: int = Field(default=60, gt=0)
    # Chats one address may start: a burst, then this many a minute (a school's network
    # shares one address, so not too few).
    client_starts_burst: int = Field(default=10, gt=0)
    client_starts_per_minute: float = Field(default=6, gt=0)


class StaffConfig(_Strict):
    """Who may work here: the roles an account can have (``users`` and sign-in check them)."""

    roles: list[Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")]] = [
        "nurse",
        "psychiatric_nurse",
        "secretary",
        "social_worker",
        "doctor",
        "physiotherapist",
        "clinic_nurse",
        "supervisor",
    ]


# The access log answers "who read my record?" (a client may ask, and the Client Data Act
# wants it kept): shorter than this would leave the question unanswerable.
ACCESS_LOG_MIN_DAYS = 365 * 2


class RetentionConfig(_Strict):
    """How long each kind of data is kept, in days (0: kept until deleted by hand).

    The daily purge deletes what is older, keeps the figures the reports need and records
    what it deleted (counts only). README "Retention" gives the reasoning for the defaults."""

    anonymous_days: int = Field(default=90, ge=0, le=3650)
    identified_days: int = Field(default=365, ge=0, le=3650)
    call_days: int = Field(default=365, ge=0, le=3650)
    access_log_days: int = Field(default=ACCESS_LOG_MIN_DAYS, ge=0, le=3650)
    staff_state_days: int = Field(default=730, ge=0, le=3650)
    # The local hour (0-23) at which the purge runs.
    purge_hour: int = Field(default=3, ge=0, le=23)

    @field_validator("access_log_days")
    @classmethod
    def _safe_access_log(cls, value: int) -> int:
        if 0 < value < ACCESS_LOG_MIN_DAYS:
            raise ValueError(
                f"the access log is kept at least {ACCESS_LOG_MIN_DAYS} days (clients may ask"
                " who read their conversation); 0 keeps it for good"
            )
        return value


class OidcConfig(_Strict):
    """Staff sign-in with the organisation's identity provider (OpenID Connect)."""

    # The provider's issuer URL: its /.well-known/openid-configuration names the rest.
    issuer: str = Field(pattern=r"^https?://\S+$")
    client_id: str = Field(min_length=1)
    # Shown on the log-in button: "Kirjaudu: <organisation>".
    organisation: str = Field(min_length=1, max_length=60)
    scopes: list[str] = ["openid", "profile", "email"]
    # The claim that names the person's groups or app roles (Entra ID: "groups" or "roles").
    groups_claim: str = "groups"
    # The claim that becomes the Luukku username (Entra ID: "preferred_username" or "oid").
    username_claim: str = "preferred_username"
    name_claim: str = "name"
    # A group gives a role (the first listed group she has wins) ...
    roles: dict[str, str] = Field(min_length=1)
    # ... and skills (all her groups' skills together).
    skills: dict[str, list[str]] = {}


class IdentificationConfig(_Strict):
    """Identified clients: Suomi.fi e-Identification (SAML 2.0). The service provider's
    key and certificate are files named by LUUKKU_SAML_KEY and LUUKKU_SAML_CERT."""

    # Suomi.fi's metadata file (download it from Suomi.fi; its signature is checked there).
    idp_metadata: Path
    # Luukku's entity id, as registered with Suomi.fi.
    entity_id: str = Field(pattern=r"^https?://\S+$")
    # The address clients reach Luukku at: /saml/acs and /saml/sls are under it.
    base_url: str = Field(pattern=r"^https?://\S+$")
    # The least level of assurance accepted: "substantial" (loa2) or "high" (loa3).
    min_loa: Literal["substantial", "high"] = "substantial"


class IdentityConfig(_Strict):
    # Passwords kept by Luukku (add-user): an installation that signs in with its own
    # provider turns them off.
    local_passwords: bool = True
    oidc: OidcConfig | None = None


class ServiceConfig(_Strict):
    timezone: str = "Europe/Helsinki"
    holidays: str | None = "FI"
    weekdays: str = "08:00-15:00"
    # ISO weekdays (1 = Monday) on which the window applies.
    open_days: list[Annotated[int, Field(ge=1, le=7)]] = [1, 2, 3, 4, 5]
    emergency: EmergencyConfig = EmergencyConfig()
    routing: RoutingConfig = RoutingConfig()
    callbacks: CallbacksConfig = CallbacksConfig()
    collaboration: CollaborationConfig = CollaborationConfig()
    clinics: list[ClinicConfig] = []
    phone: PhoneConfig = PhoneConfig()
    meter: dict[Literal["chat", "phone"], MeterConfig]
    limits: LimitsConfig = LimitsConfig()
    reports: ReportsConfig = ReportsConfig()
    digi_agents: DigiAgentsConfig = DigiAgentsConfig()
    web: WebConfig = WebConfig()
    staff: StaffConfig = StaffConfig()
    retention: RetentionConfig = RetentionConfig()
    identity: IdentityConfig = IdentityConfig()
    identification: IdentificationConfig | None = None
    record: RecordConfig = RecordConfig()
    queues: list[QueueConfig] = Field(min_length=1)
    exceptions: list[ExceptionDay] = []
    # Quick-reply placeholders, e.g. {service_phone}; {first_name} is the staff member's.
    placeholders: dict[Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*$")], str] = {}

    _weekdays = field_validator("weekdays")(_check_window)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("holidays")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value == "":
            return None  # TOML has no null: an empty string means "no holiday calendar"
        if value is not None and value not in holidays.list_supported_countries():
            raise ValueError(f"no holiday calendar for country {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ServiceConfig:
        ids = [q.id for q in self.queues]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"queue ids must be unique: {sorted(duplicates)}")
        for index, exc in enumerate(self.exceptions):
            for queue_id in exc.queues or []:
                if queue_id not in ids:
                    raise ValueError(f"exceptions.{index}.queues: unknown queue {queue_id!r}")
        phone_queues = {q.id for q in self.queues if q.channel == "phone"}
        for path, target in self.phone.menu.items():
            if target not in phone_queues:
                raise ValueError(f"phone.menu.{path}: {target!r} is not a phone queue")
            if "." in path and path.split(".")[0] in self.phone.menu:
                raise ValueError(f"phone.menu.{path}: key {path[0]} is both a queue and a submenu")
        if self.phone.default_queue is not None and self.phone.default_queue not in phone_queues:
            raise ValueError(
                f"phone.default_queue: {self.phone.default_queue!r} is not a phone queue"
            )
        for queue in self.queues:
            if queue.channel not in self.meter:
                raise ValueError(f"meter.{queue.channel} is missing (queue {queue.id!r} needs it)")
        self._roles_known()
        return self

    def _roles_known(self) -> None:
        """Every role the file names is one of ``staff.roles`` (a typo would silently give
        nobody the right), and every skill an OIDC group gives is a queue's."""
        known = set(self.staff.roles)
        if "supervisor" not in known:
            raise ValueError("staff.roles: 'supervisor' is needed (someone keeps the promise)")
        named = {
            "routing.first_line_roles": self.routing.first_line_roles,
            "collaboration.consultant_roles": self.collaboration.consultant_roles,
            "digi_agents.roles": self.digi_agents.roles,
        }
        if self.identity.oidc is not None:
            named["identity.oidc.roles"] = list(self.identity.oidc.roles.values())
        for where, roles in named.items():
            wrong = sorted(set(roles) - known)
            if wrong:
                raise ValueError(f"{where}: unknown roles {wrong}; staff.roles has {sorted(known)}")
        if self.identity.oidc is not None:
            skills = self.skills()
            for group, given in self.identity.oidc.skills.items():
                wrong = sorted(set(given) - skills)
                if wrong:
                    raise ValueError(
                        f"identity.oidc.skills.{group}: unknown skills {wrong};"
                        f" the queues' skills are {sorted(skills)}"
                    )
        for queue in self.queues:
            if queue.identification != "off" and (
                queue.channel != "chat" or self.identification is None
            ):
                raise ValueError(
                    f"queues.{queue.id}.identification: needs a chat queue and [identification]"
                )
        if not self.identity.local_passwords and self.identity.oidc is None:
            raise ValueError("identity: with local_passwords off, [identity.oidc] is needed")

    def skills(self) -> set[str]:
        """The skills that mean something: each queue's."""
        return {q.skill for q in self.queues}

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def targets(self) -> dict[str, Targets]:
        """What each channel promises, for the figures."""
        return {
            channel: Targets(m.target_s, m.short_abandon_s, m.target_share)
            for channel, m in self.meter.items()
        }

    def queue(self, queue_id: str) -> QueueConfig | None:
        return next((q for q in self.queues if q.id == queue_id), None)

    def opening_hours(self, queue_id: str) -> OpeningHours:
        queue = self.queue(queue_id)
        if queue is None:
            raise KeyError(queue_id)
        window = Window.parse(queue.hours or self.weekdays)
        calendar = holidays.country_holidays(self.holidays) if self.holidays else None
        exceptions: dict[date, Window | None] = {}
        for exc in self.exceptions:
            if exc.queues is None or queue_id in exc.queues:
                exceptions[exc.date] = None if exc.closed else Window.parse(exc.hours or "")
        return OpeningHours(
            tz=self.tz,
            weekly={day: window for day in self.open_days},
            is_holiday=(lambda d: d in calendar) if calendar is not None else (lambda _d: False),
            exceptions=exceptions,
        )


def load_service_config(path: Path | None = None, demo: bool = False) -> ServiceConfig:
    """Read and validate the service file; the packaged default when ``path`` is None.

    The demo default is open around the clock, so a demo started on a Sunday evening
    still shows queues that move.
    """
    if path is None:
        name = "demo_service.toml" if demo else "default_service.toml"
        text = resources.files("backend").joinpath(name).read_text("utf-8")
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read service file {path}: {exc.strerror}") from exc
        name = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML: {exc}") from exc
    try:
        return ServiceConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"]) or "(file)"
            problems.append(f"  {where}: {err['msg']}")
        raise ConfigError(
            f"{name}: invalid service configuration:\n" + "\n".join(problems)
        ) from exc
