"""The client web page's part of the service file: the emergency box, the accessibility
statement, the organisation's colours (checked for contrast) and the page's texts."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backend.config_base import Localised
from backend.domain.contrast import TEXT_MIN, contrast, is_colour


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EmergencyConfig(_Strict):
    number: str = "112"
    on_call_advice: str = "116 117"


HttpsUrl = Annotated[str, Field(pattern=r"^https://\S+$", max_length=500)]


class AccessibilityConfig(_Strict):
    """The accessibility statement (Act on the Provision of Digital Services 306/2019,
    section 15): what is not accessible and why, where to give feedback, who enforces."""

    organisation: Localised = {
        "fi": "Hyvinvointialue",
        "sv": "Välfärdsområdet",
        "en": "Wellbeing services county",
    }
    # Where feedback on accessibility goes (an e-mail address or a web form).
    feedback: str = Field(default="saavutettavuus@example.fi", min_length=3, max_length=200)
    answer_within_days: int = Field(default=14, ge=1, le=14)
    # Known shortcomings, each with the reason (in the three languages).
    exceptions: list[Localised] = []
    # WCAG 2.1 AA: "partly" while exceptions are listed.
    reviewed: date = date(2026, 11, 30)
    enforcement: Localised = {
        "fi": "Etelä-Suomen aluehallintovirasto, saavutettavuusvalvonta",
        "sv": "Regionförvaltningsverket i Södra Finland, tillgänglighetstillsynen",
        "en": "Regional State Administrative Agency for Southern Finland, accessibility monitoring",
    }
    enforcement_url: HttpsUrl = "https://www.saavutettavuusvaatimukset.fi"

    def review_overdue(self, today: date) -> bool:
        """The law asks for a yearly review; the backend warns at start when it is late."""
        return (today - self.reviewed).days > 365


class ColoursConfig(_Strict):
    accent: str = "#005a8c"  # header, buttons, links (on white)
    accent_text: str = "#ffffff"  # text on the accent colour
    text: str = "#1b1b1b"
    background: str = "#f5f7f9"

    @model_validator(mode="after")
    def _readable(self) -> ColoursConfig:
        for name in ("accent", "accent_text", "text", "background"):
            if not is_colour(getattr(self, name)):
                raise ValueError(f"{name}: {getattr(self, name)!r} is not a colour like #005a8c")
        pairs = [
            ("accent_text", self.accent_text, "accent", self.accent),
            ("accent", self.accent, "white cards", "#ffffff"),
            ("text", self.text, "background", self.background),
            ("text", self.text, "white cards", "#ffffff"),
        ]
        for name, fg, against, bg in pairs:
            ratio = contrast(fg, bg)
            if ratio < TEXT_MIN:
                raise ValueError(
                    f"{name}: {fg} on {against} ({bg}) has contrast {ratio:.1f}:1, "
                    f"below the {TEXT_MIN}:1 that WCAG 2.1 (1.4.3) asks for text"
                )
        return self


class WebConfig(_Strict):
    """The client's web page: the organisation's name, logo, colours and texts, and what
    the page offers besides a chat (a message or callback, feedback)."""

    organisation: Localised = {
        "fi": "Neuvontapalvelu",
        "sv": "Rådgivningstjänsten",
        "en": "Health advice service",
    }
    title: Localised = {
        "fi": "Neuvontapalvelun chat",
        "sv": "Rådgivningstjänstens chatt",
        "en": "Health advice chat",
    }
    intro: Localised | None = None
    # A PNG or SVG file, relative to the service file; none: the name alone.
    logo: str | None = None
    colours: ColoursConfig = ColoursConfig()
    privacy_url: HttpsUrl = "https://example.fi/tietosuoja"
    # The service number shown for the phone lines ("call us").
    phone_number: str = Field(default="09 310 12345", max_length=32)
    # Leave a message / ask for a callback: offered when a topic is closed or its
    # estimate is over this (seconds); 0 turns the form off.
    message_when_wait_over_s: int = Field(default=900, ge=0, le=24 * 3600)
    messages_per_address_per_hour: int = Field(default=5, ge=1, le=1000)
    messages_per_number_per_day: int = Field(default=2, ge=1, le=20)
    feedback: bool = True
    accessibility: AccessibilityConfig = AccessibilityConfig()
