"""The record entry and the hand-off links (pure): every placeholder, an anonymous client
never has identity fields, text from clients is text (never a placeholder, never a control
character), a link never carries an empty or unquoted value."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from backend.config import DEFAULT_RECORD_TEMPLATES
from desktop.chat.record import Contact, TranscriptLine, entry, fill, link_for
from protocol.messages import HandoffLink

HELSINKI = ZoneInfo("Europe/Helsinki")
AT = datetime(2026, 12, 7, 8, 5, tzinfo=UTC)  # 10.05 in Helsinki


def contact(**changes: object) -> Contact:
    base = Contact(
        contact_id="c-123",
        started_at=AT,
        channel="chat",
        queue="Äitiys- ja lastenneuvola",
        queue_id="neuvola",
        handled_by="Hanna Hoitaja",
        client="Anonyymi",
        reason="Vauva ei syö kunnolla.",
        outcome="Käsitelty yhdellä yhteydenotolla",
        wrap_up="Ohjattu neuvolaan.",
        transcript=(
            TranscriptLine(AT, "Asiakas", "Vauva ei syö kunnolla."),
            TranscriptLine(AT.replace(minute=6), "Hanna", "Kerro lisää."),
        ),
    )
    return Contact(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_every_placeholder_of_the_default_entry() -> None:
    identified = contact(
        client="Maija Meikäläinen",
        identity_code="010190-123A",
        consultants=("Pekka Psykiatrinen",),
        callbacks=("Kalliolan neuvola (kiireellinen)",),
    )
    text = entry(identified, DEFAULT_RECORD_TEMPLATES["fi"], HELSINKI)
    for part in (
        "7.12.2026 klo 10:05 · chat · Äitiys- ja lastenneuvola",
        "Käsittelijä: Hanna Hoitaja",
        "Konsultoidut: Pekka Psykiatrinen",
        "Asiakas: Maija Meikäläinen",
        "Henkilötunnus: 010190-123A",
        "Yhteydenoton syy: Vauva ei syö kunnolla.",
        "Lopputulos: Käsitelty yhdellä yhteydenotolla",
        "Yhteenveto: Ohjattu neuvolaan.",
        "Soittopyynnöt: Kalliolan neuvola (kiireellinen)",
        "Keskustelu:\n10:05 Asiakas: Vauva ei syö kunnolla.\n10:06 Hanna: Kerro lisää.",
    ):
        assert part in text, (part, text)


def test_an_anonymous_client_has_no_identity_line_and_a_summary_has_no_transcript() -> None:
    text = entry(contact(), DEFAULT_RECORD_TEMPLATES["sv"], HELSINKI, transcript="summary")
    assert "Personbeteckning" not in text and "Konsulterade" not in text
    assert "Samtalet" not in text and "Kerro lisää" not in text
    assert "Sammanfattning: Ohjattu neuvolaan." in text


@given(st.text(max_size=200))
def test_a_clients_text_is_text(said: str) -> None:
    """Whatever she writes (placeholders, control characters) stays her words: no value
    is expanded from it, no control character reaches the record."""
    text = entry(
        contact(reason=said, client=said), "Syy: {reason}\nHetu: {identity_code}", HELSINKI
    )
    assert "Hetu" not in text  # anonymous: never an identity line, whatever she wrote
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


def test_a_placeholder_in_a_clients_words_is_not_filled() -> None:
    text = entry(contact(reason="{identity_code} {date}"), "{reason}", HELSINKI)
    assert text == "{identity_code} {date}"


def test_fill_leaves_out_a_line_without_its_value() -> None:
    assert fill("A: {a}\nB: {b}\nC", {"a": "1", "b": ""}) == "A: 1\nC"


BOOKING = HandoffLink(
    id="booking",
    names={"fi": "Ajanvaraus"},
    url="https://varaus.example.fi/uusi?hetu={identity_code}&jono={queue}&id={conversation_id}",
)
CLINIC = HandoffLink(id="clinic", names={"fi": "Oma neuvola"}, url="https://x.fi/n/{clinic}")


def test_a_link_with_an_empty_placeholder_is_unusable_with_the_reason() -> None:
    anonymous = link_for(BOOKING, contact())
    assert anonymous.url is None and anonymous.missing == ("identity_code",)
    assert link_for(CLINIC, contact()).missing == ("clinic",)


def test_link_values_are_quoted_whole() -> None:
    done = link_for(BOOKING, contact(identity_code="010190-123A&admin=1"))
    assert done.url == (
        "https://varaus.example.fi/uusi?hetu=010190-123A%26admin%3D1&jono=neuvola&id=c-123"
    )
    assert link_for(CLINIC, contact(clinic="../kalliola")).url == "https://x.fi/n/..%2Fkalliola"
