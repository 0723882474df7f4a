"""A report file's words in the supervisor's language (Finnish first, Swedish, English):
sheet names, column titles, channels, outcomes, states. The JSON keeps its stable English
keys; the spreadsheet and the CSV are for people."""

from __future__ import annotations

from typing import Literal

Lang = Literal["fi", "sv", "en"]

_WORDS: dict[str, tuple[str, str, str]] = {
    # sheets
    "sheet_summary": ("Yhteenveto", "Sammanfattning", "Summary"),
    "sheet_intervals": ("Jaksot", "Perioder", "Intervals"),
    "sheet_callbacks": ("Soittopyynnöt", "Återuppringningar", "Callbacks"),
    "sheet_contacts": ("Yhteydenotot", "Kontakter", "Contacts"),
    "sheet_staff": ("Henkilöittäin", "Per person", "Staff"),
    "sheet_charts": ("Kaaviot", "Diagram", "Charts"),
    "sheet_heat_map": ("Lämpökartta", "Värmekarta", "Heat map"),
    # the summary
    "from": ("Alkaen", "Från", "From"),
    "to": ("Päättyen", "Till", "To"),
    "interval": ("Jakso", "Period", "Interval"),
    "queues": ("Jonot", "Köer", "Queues"),
    "formula": ("Kaava", "Formel", "Formula"),
    "all_queues": ("Kaikki jonot", "Alla köer", "All queues"),
    "formula_text": (
        "palvelutaso = tavoiteajassa vastatut / (vastatut + luopuneet); lyhyet luopumiset {short}",
        "servicenivå = besvarade inom målet / (besvarade + avbrutna); korta avbrott {short}",
        "service level = answered within target / (answered + abandoned); short abandons {short}",
    ),
    "short_count": ("lasketaan mukaan", "räknas med", "count"),
    "short_left_out": ("jätetään pois", "räknas inte", "are left out"),
    # grains
    "grain_15": ("15 min", "15 min", "15 min"),
    "grain_30": ("30 min", "30 min", "30 min"),
    "grain_60": ("tunti", "timme", "hour"),
    "grain_day": ("päivä", "dag", "day"),
    "grain_week": ("viikko", "vecka", "week"),
    "grain_month": ("kuukausi", "månad", "month"),
    # channels
    "chat": ("chat", "chatt", "chat"),
    "phone": ("puhelin", "telefon", "phone"),
    # columns
    "start": ("Alkaa", "Börjar", "Start"),
    "end": ("Päättyy", "Slutar", "End"),
    "channel": ("Kanava", "Kanal", "Channel"),
    "offered": ("Tulleet", "Inkomna", "Offered"),
    "answered": ("Vastatut", "Besvarade", "Answered"),
    "answered_in_target": ("Tavoiteajassa", "Inom målet", "Within target"),
    "abandoned": ("Luopuneet", "Avbrutna", "Abandoned"),
    "short_abandoned": ("Lyhyet luopumiset", "Korta avbrott", "Short abandons"),
    "service_level": ("Palvelutaso", "Servicenivå", "Service level"),
    "wait_mean_s": ("Keskim. odotus", "Medelväntan", "Mean wait"),
    "wait_p90_s": ("Odotus, 90 %", "Väntan, 90 %", "Wait, 90th pct"),
    "longest_wait_s": ("Pisin odotus", "Längsta väntan", "Longest wait"),
    "handle_mean_s": ("Keskim. käsittely", "Medelhantering", "Mean handling"),
    "one_contact_share": ("Yhdellä yhteydenotolla", "Vid en kontakt", "Handled in one contact"),
    "transfers": ("Siirrot", "Överföringar", "Transfers"),
    "staff_ready_mean": ("Valmiina keskim.", "Redo i medel", "Ready, mean"),
    "wrap_up_per_contact_s": (
        "Jälkityö / yhteydenotto",
        "Efterarbete / kontakt",
        "Wrap-up per contact",
    ),
    "id": ("Tunniste", "Id", "Id"),
    "queue": ("Jono", "Kö", "Queue"),
    "arrived": ("Saapui", "Kom", "Arrived"),
    "ended": ("Päättyi", "Slutade", "Ended"),
    "wait_s": ("Odotus", "Väntan", "Wait"),
    "handle_s": ("Käsittely", "Hantering", "Handling"),
    "outcome": ("Lopputulos", "Resultat", "Outcome"),
    "handled_by": ("Käsittelijä", "Handläggare", "Handled by"),
    "created": ("Jätetty", "Lämnade", "Created"),
    "done_same_day": ("Hoidettu samana päivänä", "Klara samma dag", "Done the same day"),
    "done_in_time": ("Hoidettu ajallaan", "Klara i tid", "Done in time"),
    "open": ("Avoinna", "Öppna", "Open"),
    "overdue": ("Myöhässä", "Försenade", "Overdue"),
    "username": ("Käyttäjätunnus", "Användarnamn", "Username"),
    "contacts_handled": ("Käsitellyt", "Hanterade", "Contacts handled"),
    "chat_s": ("Chatissa", "I chatt", "In chats"),
    "call_s": ("Puhelimessa", "I telefon", "On calls"),
    "weekday": ("Viikonpäivä", "Veckodag", "Weekday"),
    "yes": ("kyllä", "ja", "yes"),
    "no": ("ei", "nej", "no"),
    # outcomes (protocol Outcome)
    "outcome_one_contact": (
        "Hoidettu yhdellä yhteydenotolla",
        "Klart vid en kontakt",
        "Handled in one contact",
    ),
    "outcome_appointment": ("Aika varattu", "Tid bokad", "Appointment booked"),
    "outcome_callback": ("Soittopyyntö jätetty", "Återuppringning lämnad", "Callback left"),
    "outcome_social_services": (
        "Ohjattu sosiaalipalveluihin",
        "Hänvisad till socialtjänsten",
        "Referred to social services",
    ),
    "outcome_emergency": (
        "Ohjattu päivystykseen (112, 116 117)",
        "Hänvisad till jouren (112, 116 117)",
        "Referred to emergency care (112, 116 117)",
    ),
    "outcome_other": ("Muu", "Annat", "Other"),
    # staff states
    "state_ready": ("Valmis", "Redo", "Ready"),
    "state_not_ready": ("Ei valmis", "Inte redo", "Not ready"),
    "state_wrap_up": ("Jälkityö", "Efterarbete", "Wrap-up"),
    "state_offline": ("Poissa", "Frånvarande", "Offline"),
    # charts
    "chart_arrivals": ("Saapuneet jaksoittain", "Inkomna per period", "Arrivals per interval"),
    "chart_service_level": (
        "Palvelutaso, % (tavoite {target})",
        "Servicenivå, % (mål {target})",
        "Service level, % (target {target})",
    ),
    "chart_one_contact": (
        "Yhdellä yhteydenotolla, % (tavoite 70 %)",
        "Vid en kontakt, % (mål 70 %)",
        "Handled in one contact, % (target 70 %)",
    ),
}
WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_INDEX = {"fi": 0, "sv": 1, "en": 2}


def word(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang`` (an unknown key is shown as it is: a state or
    outcome added later is still readable)."""
    words = _WORDS.get(key)
    return key if words is None else words[_INDEX.get(lang, 0)]


def state_word(state: str, lang: str) -> str:
    """A staff state as stored ("not_ready:break") in words."""
    status, _, reason = state.partition(":")
    text = word(f"state_{status}", lang)
    return f"{text}: {reason}" if reason else text
