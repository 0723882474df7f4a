from __future__ import annotations

from pathlib import Path

import pytest

from backend.config import load_service_config
from backend.config_base import ConfigError
from backend.settings import Settings

GOOD_QUEUE = """
[meter.chat]
target_s = 120
[[queues]]
id = "neuvola"
channel = "chat"
skill = "neuvola"
names = { fi = "Neuvola" }
"""


LINK = """links = [{{ id = "booking", names = {{ fi = "Ajanvaraus" }}, url = "{url}" }}]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "service.toml"
    path.write_text(text, "utf-8")
    return path


def test_packaged_default_is_valid_and_has_the_domain_queues() -> None:
    config = load_service_config()
    chats = [q.id for q in config.queues if q.channel == "chat"]
    phones = [q.id for q in config.queues if q.channel == "phone"]
    assert chats == ["neuvola", "ehkaisy", "mipa", "perheneuvonta"]
    # The service number's lines, and its menu: 1; 2 -> 1, 2 -> 2; 3.
    assert phones == ["puh_asiakas", "puh_aitiys", "puh_lapset", "puh_mipa"]
    assert config.phone.menu == {
        "1": "puh_asiakas",
        "2.1": "puh_aitiys",
        "2.2": "puh_lapset",
        "3": "puh_mipa",
    }
    assert config.queue("perheneuvonta").hours == "09:00-14:00"  # type: ignore[union-attr]
    assert config.routing.default_chat_capacity == 2
    assert config.meter["chat"].target_s == 120 and config.meter["phone"].target_s == 300


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (GOOD_QUEUE.replace('skill = "neuvola"', 'skill = ""'), "queues.0.skill"),
        (GOOD_QUEUE + 'weekdays = "8-15"\n', "weekdays"),
        (
            GOOD_QUEUE.replace('names = { fi = "Neuvola" }', 'names = { en = "Clinic" }'),
            "queues.0.names",
        ),
        ('timezone = "Mars/Olympus"\n' + GOOD_QUEUE, "timezone"),
        (GOOD_QUEUE + "[routing]\noffer_timeout_s = -1\n", "routing.offer_timeout_s"),
        (GOOD_QUEUE + "[[exceptions]]\ndate = 2026-12-24\n", "exceptions.0"),
        (GOOD_QUEUE + "unknown_key = 1\n", "unknown_key"),
        # Hand-off links: https only, known placeholders only, the field named.
        (
            GOOD_QUEUE + LINK.format(url="http://varaus.example.fi/?q={queue}"),
            "queues.0.links.0.url",
        ),
        (
            GOOD_QUEUE + LINK.format(url="https://varaus.example.fi/?h={hetu}"),
            "queues.0.links.0.url",
        ),
        (GOOD_QUEUE + '[record]\ntemplates = { fi = "{potilas}" }\n', "record.templates"),
        (GOOD_QUEUE + '[record]\ntranscript = "some"\n', "record.transcript"),
    ],
)
def test_bad_file_names_the_field(tmp_path: Path, text: str, field: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_service_config(write(tmp_path, text))
    assert field in str(info.value)


def test_not_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_service_config(write(tmp_path, "this is = = not toml"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_service_config(tmp_path / "missing.toml")


def test_settings_from_env(tmp_path: Path) -> None:
    s = Settings.from_env({"LUUKKU_DATA_DIR": str(tmp_path), "LUUKKU_PORT": "9000"})
    assert s.port == 9000 and not s.demo
    assert s.database_url.endswith(str(tmp_path / "luukku.db"))
    with pytest.raises(ConfigError):
        Settings.from_env({"LUUKKU_PORT": "eighty"})


def test_web_colours_below_the_contrast_text_needs_are_refused_with_the_field(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, GOOD_QUEUE + '[web.colours]\naccent = "#7aa7c7"\n')
    with pytest.raises(ConfigError) as refused:
        load_service_config(path)
    message = str(refused.value)
    assert "web.colours" in message and "accent_text" in message and "2.6:1" in message


def test_web_section_is_read_and_checked(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD_QUEUE
        + """
[web]
organisation = { fi = "Itä-Uudenmaan hyvinvointialue", sv = "Östra Nylands välfärdsområde" }
privacy_url = "https://example.fi/privacy"
[web.colours]
accent = "#1d4f2b"
[web.accessibility]
reviewed = 2026-11-01
[[web.accessibility.exceptions]]
fi = "Kuvilla ei ole tekstivastinetta."
en = "Pictures have no text alternative."
""",
    )
    web = load_service_config(path).web
    assert web.organisation["sv"] == "Östra Nylands välfärdsområde"
    assert web.colours.accent == "#1d4f2b"
    assert web.accessibility.exceptions[0]["en"].startswith("Pictures")
    for bad, field in [
        ('[web]\nprivacy_url = "http://example.fi"\n', "web.privacy_url"),
        ('[web]\ntitle = { sv = "Chatt" }\n', "web.title"),
        ("[web.accessibility]\nanswer_within_days = 30\n", "web.accessibility.answer_within_days"),
    ]:
        with pytest.raises(ConfigError, match=field.replace(".", r"\.")):
            load_service_config(write(tmp_path, GOOD_QUEUE + bad))


def test_statement_review_is_due_yearly() -> None:
    from datetime import date

    statement = load_service_config().web.accessibility
    reviewed = statement.reviewed
    assert not statement.review_overdue(reviewed.replace(year=reviewed.year + 1))
    assert statement.review_overdue(date.fromordinal(reviewed.toordinal() + 366))


def test_logo_is_found_beside_the_service_file_or_refused_with_the_field(
    tmp_path: Path,
) -> None:
    from backend.app import logo_file

    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    service = write(tmp_path, GOOD_QUEUE + '[web]\nlogo = "logo.png"\n')
    assert logo_file(load_service_config(service), service) == tmp_path / "logo.png"
    for logo, why in [("missing.png", "no file"), ("logo.gif", "not a .png or .svg")]:
        other = write(tmp_path, GOOD_QUEUE + f'[web]\nlogo = "{logo}"\n')
        with pytest.raises(ConfigError, match=f"web.logo: .*{why}"):
            logo_file(load_service_config(other), other)


def test_a_queue_with_good_links_and_a_template_loads(tmp_path: Path) -> None:
    text = GOOD_QUEUE + LINK.format(url="https://varaus.example.fi/?h={identity_code}&q={queue}")
    text += '[record]\ntranscript = "summary"\ntemplates = { fi = "{date} {queue}: {wrap_up}" }\n'
    config = load_service_config(write(tmp_path, text))
    assert config.queues[0].links[0].id == "booking"
    assert config.record.transcript == "summary"


def test_settings_file_then_environment(tmp_path: Path) -> None:
    file = tmp_path / "backend.env"
    file.write_text(
        "# the server's\nLUUKKU_PORT=9000\nLUUKKU_DATA_DIR=/srv/luukku\n\nLUUKKU_DEMO='1'\n",
        "utf-8",
    )
    read = Settings.from_env({"LUUKKU_ENV_FILE": str(file), "LUUKKU_PORT": "9100"})
    assert read.port == 9100  # the environment wins
    assert str(read.data_dir) == "/srv/luukku" and read.demo and read.source == file
    none = Settings.from_env({"LUUKKU_ENV_FILE": "none"})
    assert none.source is None and none.port == 8765
